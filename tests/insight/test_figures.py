"""Every figure on the crafted history of ``tests/insight/crafted.py``, computed by hand."""

import datetime as dt

import pytest

from schakel.cases.models import Episode
from schakel.insight.caseload import caseload
from schakel.insight.continuity import continuity
from schakel.insight.coverage import coverage
from schakel.insight.durations import durations
from schakel.insight.filters import Scope
from schakel.insight.flows import active_on, balance, inflow, outflow
from schakel.insight.quality import quality
from schakel.tenancy.models import District
from tests.insight.crafted import at, build

JUNE = (dt.date(2026, 6, 1), dt.date(2026, 6, 30))
HOUR = 1 / 24


@pytest.fixture
def crafted(municipality, team, other_team, worker, second_worker, shipped_instruments):
    return build(municipality, team, other_team, worker, second_worker)


def test_inflow_counts_registrations_by_source_unit_team_and_month_with_returns(crafted):
    result = inflow(*JUNE, Scope())
    # A2 (self, return), D (cjg), E (gp), F (gp)
    assert result["total"] == 4
    assert result["returns"] == 1
    assert result["by_source"] == {"cjg": 1, "gp": 2, "self": 1}
    assert result["by_unit"] == {"jeugd": 2, "volwassenen": 2}
    assert result["by_team"] == {"Team Oost": 4}
    assert result["by_month"] == {"2026-06": 4}


def test_outflow_counts_closures_by_destination_and_those_never_helped(crafted):
    result = outflow(*JUNE, Scope())
    # A1 own network, B refused (never helped), C Wmo service, A2 none needed
    assert result["total"] == 4
    assert result["closed_without_help"] == 1
    assert result["by_destination"] == {"none_needed": 1, "own_network": 1, "refused": 1,
                                        "wmo_service": 1}
    assert result["by_team"] == {"Team Oost": 3, "Team West": 1}
    assert result["by_unit"] == {"jeugd": 1, "volwassenen": 3}


def test_outflow_of_a_team_counts_only_its_own_closures(crafted, other_team):
    result = outflow(*JUNE, Scope(team_ids=(other_team.pk,)))
    assert result["by_destination"] == {"wmo_service": 1}


def test_active_cases_on_a_date_split_into_waiting_and_in_help(crafted):
    end = active_on(dt.date(2026, 6, 30), Scope())
    # D waiting (assigned, no help), E and F in help; A2 closed on 25 June
    assert (end["total"], end["waiting"], end["in_help"]) == (3, 1, 2)
    assert end["by_unit"] == {"jeugd": {"waiting": 1, "in_help": 1, "total": 2},
                              "volwassenen": {"waiting": 0, "in_help": 1, "total": 1}}
    may = active_on(dt.date(2026, 5, 31), Scope())
    # A1 in help, B waiting, C in help
    assert (may["total"], may["waiting"], may["in_help"]) == (3, 1, 2)


def test_active_at_the_start_plus_inflow_minus_outflow_is_active_at_the_end(crafted):
    assert balance(*JUNE, Scope()) == {"active_at_start": 3, "inflow": 4, "outflow": 4,
                                       "active_at_end": 3, "difference": 0}


def test_durations_per_episode_and_across_returns(crafted):
    result = durations(*JUNE, Scope())
    everyone = result["units"]["all"]
    assert everyone["closed"] == 4
    assert everyone["closed_without_help"] == 1  # B: no start of help, no help duration
    # Registration to closure: A2 10, B 32, A1 70, C 221 days less the summer-time hour.
    assert everyone["episode_days"]["median"] == 32
    assert everyone["episode_days"]["max"] == round(221 - HOUR, 2)
    # Help: A2 5, A1 65, C 214 − 1 h; nearest-rank median of three is the second.
    assert everyone["help_days"]["n"] == 3
    assert everyone["help_days"]["median"] == 65
    assert everyone["help_days"]["p90"] == round(214 - HOUR, 2)
    # Across linked episodes A2 counts A1's 70 days too: 10 + 70 = 80.
    # Linked: B 32, A1 70, A2 80, C 221 − 1 h; nearest-rank median of four is the second.
    linked = everyone["linked_days"]
    assert (linked["n"], linked["median"], linked["p75"], linked["max"]) == (
        4, 70, 80, round(221 - HOUR, 2))


def test_a_return_adds_the_earlier_episode_to_the_linked_duration(crafted):
    adults = durations(dt.date(2026, 6, 25), dt.date(2026, 6, 25), Scope())["units"]["all"]
    # Only A2 closed that day: 10 days itself, 80 across A1 and A2.
    assert adults["episode_days"]["max"] == 10
    assert adults["linked_days"]["max"] == 80


def test_share_over_the_duration_guideline_counts_helped_closures_only(crafted):
    units = durations(*JUNE, Scope())["units"]
    # Adults 6 months: C's help (10 Nov to 12 Jun) is over, A1 (65 days) and A2 are not.
    assert units["volwassenen"]["over_guideline"] == 1
    assert units["volwassenen"]["share_over_guideline"] == round(1 / 3, 4)
    # Youth: B was never helped, so there is no share to compute.
    assert units["jeugd"]["closed_without_help"] == 1
    assert units["jeugd"]["share_over_guideline"] is None


def test_return_rate_is_the_share_of_registrations_that_are_returns(crafted):
    returns = durations(*JUNE, Scope())["returns"]
    assert (returns["registrations"], returns["returns"], returns["return_rate"]) == (4, 1, 0.25)
    assert returns["by_unit"]["volwassenen"]["return_rate"] == 0.5
    assert returns["by_unit"]["jeugd"]["return_rate"] == 0.0


def test_staff_continuity_counts_directors_per_closed_case(crafted):
    result = continuity(*JUNE, Scope())
    # B never assigned; A1 and A2 one director; C two (one change).
    assert result["workers_per_case"] == {"0": 1, "1": 2, "2": 1, "3": 0, "4+": 0}
    assert result["director_changes"] == 1
    assert result["share_more_than_one_worker"] == 0.25
    assert result["by_team"]["Team West"] == {"cases": 1, "more_than_one": 1, "share": 1.0}


def test_caseload_per_professional_and_per_fte_against_the_norm(crafted, team):
    result = caseload(Scope())
    assert result["norm"] == 15
    oost = result["by_team"]["Team Oost"]
    # D and E with Coach Jansen (0.8 fte), F with Coach de Vries (1 fte).
    assert (oost["cases"], oost["professionals"], oost["fte"]) == (3, 2, 1.8)
    assert oost["cases_per_fte"] == round(3 / 1.8, 2)
    assert oost["capacity_at_norm"] == 27.0
    assert result["by_team"]["Team West"]["cases"] == 0
    people = {p["name"]: p for p in result["by_professional"]}
    assert people["Coach Jansen"]["cases"] == 2
    assert people["Coach Jansen"]["cases_per_fte"] == 2.5
    assert people["Coach de Vries"]["cases"] == 1
    assert result["professionals_over_norm"] == 0


def test_coverage_of_needs_analysis_plan_and_specialist_care(crafted):
    result = coverage(dt.date(2026, 6, 30), Scope())
    # In help on 30 June: E (measured, plan, specialist) and F (specialist, no plan).
    assert result["in_help"] == 2
    assert (result["needs_analysis"], result["needs_analysis_share"]) == (1, 0.5)
    assert (result["plan"], result["plan_share"]) == (1, 0.5)
    assert result["specialist"] == 2
    assert result["specialist_without_plan"] == 1
    assert result["households_with_two_directors"] == 0
    # Before E's plan (15 June) neither had one.
    assert coverage(dt.date(2026, 6, 14), Scope())["plan"] == 0


def test_data_quality_names_the_records_to_fix(crafted):
    result = quality(Scope(), days=30, names=True, at=at(2026, 7, 15))
    checks = result["checks"]
    # No activity since before 15 June: D (assigned 4 June) and F (scaled up 12 June).
    assert checks["no_activity"]["count"] == 2
    assert {r["reference"] for r in checks["no_activity"]["records"]} == {
        crafted["d"].reference, crafted["f"].reference}
    assert checks["assigned_not_started"]["count"] == 1  # D
    assert checks["provider_unknown"]["count"] == 0
    assert checks["closure_mismatch"]["count"] == 0


def test_data_quality_finds_records_whose_dates_do_not_add_up(crafted):
    # A broken import: E without its start of help, D closed before it was registered.
    Episode.objects.filter(pk=crafted["e"].pk).update(help_started_at=None)
    Episode.objects.filter(pk=crafted["d"].pk).update(closed_at=at(2026, 5, 1))
    Episode.objects.filter(pk=crafted["f"].pk).update(director=None)
    checks = quality(Scope(), days=30, at=at(2026, 7, 15))["checks"]
    assert checks["help_without_start"]["count"] == 1
    assert checks["dates_out_of_order"]["count"] == 1
    assert checks["closure_mismatch"]["count"] == 1
    assert checks["provider_unknown"]["count"] == 1
    assert "records" not in checks["no_activity"]
    assert balance(*JUNE, Scope())["difference"] != 0


def test_district_filter_keeps_the_teams_of_the_district_and_its_neighbourhoods(
        crafted, municipality, team):
    wijk = District.objects.create(municipality=municipality, level="wijk",
                                   cbs_code="WK999901", name="Oost", external_id="wk-oost")
    buurt = District.objects.create(municipality=municipality, level="buurt", parent=wijk,
                                    cbs_code="BU99990101", name="Oost-Noord",
                                    external_id="bu-oost")
    team.district = buurt
    team.save()
    # Team Oost serves a buurt of the wijk: its four June registrations count, West's none.
    assert inflow(*JUNE, Scope(district_id=wijk.pk))["total"] == 4
    assert outflow(*JUNE, Scope(district_id=wijk.pk))["by_team"] == {"Team Oost": 3}
