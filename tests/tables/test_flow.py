"""Tables, the signal model, work agreements, meetings, routing and closure."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import formats, timezone, translation

from schakel.cases import queries as case_queries
from schakel.cases import services as cases
from schakel.cases.constants import Source
from schakel.tables import queries, services
from schakel.tables.constants import AgreementStatus, CaseStatus, TableKind
from tests.conftest import make_staff, sign_in
from tests.tables.conftest import covenant_for

pytestmark = pytest.mark.django_db
TODAY = dt.date.today


def building_case(tw, table, name="Flat De Horizon"):
    return services.bring_case(table, by=tw["housing"], subject="building", building=name,
                               vulnerability=38, concern="Veel eenzame ouderen")


def test_a_table_states_its_type_chair_rings_cadence_area_target_group_and_basis(tw, make_table):
    table = make_table(covenant=covenant_for(tw))
    page = tw.client("housing").get(reverse("tables:table", args=[table.pk])).content.decode()
    for text in ("Wijkschakel Oost", "Voorzitter Vos", "elke zes weken", "EPA 1–2",
                 "Convenant Zorg en Veiligheid", "Politie Oost", "Woonstad Test"):
        assert text in page
    rings = dict(table.members.values_list("staff__user__username", "ring"))
    assert rings["corporatie"] == "second" and rings["wijkagent"] == "core"


def test_a_municipality_defined_type_needs_its_name(tw):
    with pytest.raises(services.TableError):
        services.create_table(tw["chair"], services.TableInput(
            name="Vlechtwerk", kind=TableKind.OTHER, chair=tw["chair"]))
    table = services.create_table(tw["chair"], services.TableInput(
        name="Vlechtwerk", kind=TableKind.OTHER, kind_other="Vlechtwerk", chair=tw["chair"]))
    assert table.kind_label == "Vlechtwerk"


def test_a_chair_creates_a_table_through_the_page(tw):
    response = tw.client("chair").post(reverse("tables:create"), {
        "name": "Buurtnetwerk 55+", "kind": "buurtnetwerk", "chair": tw["chair"].pk,
        "cadence": "maandelijks"})
    assert response.status_code == 302
    assert queries.my_tables(tw["chair"]).get().name == "Buurtnetwerk 55+"


def test_a_building_case_carries_a_vulnerability_score(tw, make_table):
    case = building_case(tw, make_table())
    assert case.household is None and case.vulnerability == 38
    with pytest.raises(services.TableError):
        services.bring_case(case.table, by=tw["housing"], subject="building", building="X",
                            vulnerability=140)


def test_every_step_is_optional_but_a_step_says_something(tw, make_table):
    case = building_case(tw, make_table())
    services.record_step(case, "deepening", {"strengths": "Actieve bewonerscommissie",
                                              "dilemmas": ""}, by=tw["police"])
    services.record_step(case, "quick", {"missing": "De huisarts"}, by=tw["housing"])
    assert [s.kind for s in case.steps.all()] == ["deepening", "quick"]
    assert case.steps.first().answers == {"strengths": "Actieve bewonerscommissie"}
    with pytest.raises(services.TableError):
        services.record_step(case, "progress", {"results": "  "}, by=tw["police"])


def test_a_work_agreement_shows_in_its_owners_signals(tw, make_table):
    case = building_case(tw, make_table())
    agreement = services.make_agreement(case, by=tw["chair"], what="Bewonersavond",
                                        owner=tw["police"], deadline=TODAY() - dt.timedelta(1))
    signals = queries.my_agreement_signals(tw["police"])
    assert [s.agreement for s in signals] == [agreement] and signals[0].overdue
    assert queries.my_agreement_signals(tw["housing"]) == []
    services.record_result(agreement, by=tw["police"], status=AgreementStatus.DONE,
                           result="Avond gehouden, 20 bewoners")
    assert queries.my_agreement_signals(tw["police"]) == []


def test_the_owner_of_an_agreement_must_sit_at_the_table(tw, make_table):
    case = building_case(tw, make_table())
    with pytest.raises(services.TableError):
        services.make_agreement(case, by=tw["chair"], what="x", owner=tw["outsider"],
                                deadline=TODAY())


def test_an_unreachable_case_waits_in_portfolio_until_its_retry_date(tw, make_table):
    table = make_table()
    case = building_case(tw, table)
    with pytest.raises(services.TableError):
        services.make_dormant(case, by=tw["chair"], retry_on=TODAY())
    services.make_dormant(case, by=tw["chair"], retry_on=TODAY() + dt.timedelta(days=14))
    assert list(queries.docket(table)) == [] and list(queries.portfolio(table)) == [case]
    case.retry_on = TODAY()
    case.save()
    assert list(queries.docket(table)) == [case]


def test_a_case_stays_on_the_docket_until_closed(tw, make_table):
    table = make_table()
    case = building_case(tw, table)
    services.plan_meeting(table, TODAY(), by=tw["chair"])
    services.plan_meeting(table, TODAY() + dt.timedelta(days=42), by=tw["chair"])
    assert list(queries.docket(table)) == [case]
    with pytest.raises(services.TableError):
        services.close_case(case, services.Closure(), by=tw["chair"])
    with pytest.raises(services.TableError):
        services.close_case(case, services.Closure(problem_owner="x"), by=tw["police"])
    services.close_case(case, services.Closure(problem_owner="Corporatie"), by=tw["chair"])
    assert list(queries.docket(table)) == []


def test_the_agenda_puts_new_cases_apart_from_the_docket(tw, make_table):
    table = make_table()
    old = building_case(tw, table, "Oud blok")
    first = services.plan_meeting(table, TODAY() - dt.timedelta(days=42), by=tw["chair"])
    type(old).objects.filter(pk=old.pk).update(
        brought_at=timezone.now() - dt.timedelta(days=50))
    new = building_case(tw, table, "Nieuw blok")
    second = services.plan_meeting(table, TODAY(), by=tw["chair"])
    agenda = queries.agenda(second)
    assert agenda["new"] == [new] and agenda["docket"] == [old]
    assert first.pk != second.pk


def test_the_progress_pack_lists_every_open_agreement_with_owner_and_deadline(tw, make_table):
    table = make_table()
    one, two = building_case(tw, table, "Blok A"), building_case(tw, table, "Blok B")
    due = TODAY() + dt.timedelta(days=10)
    services.make_agreement(one, by=tw["chair"], what="Schouw lopen", owner=tw["housing"],
                            deadline=due)
    services.make_agreement(two, by=tw["chair"], what="Buurtagent informeren",
                            owner=tw["police"], deadline=due)
    done = services.make_agreement(two, by=tw["chair"], what="Al gedaan", owner=tw["police"],
                                   deadline=due)
    services.record_result(done, by=tw["chair"], status="done", result="Klaar")
    meeting = services.plan_meeting(table, TODAY(), by=tw["chair"])
    page = tw.client("bringer").get(reverse("tables:pack", args=[meeting.pk])).content.decode()
    with translation.override("nl"):
        day = formats.date_format(due, "SHORT_DATE_FORMAT")
    for text in ("Schouw lopen", "Corporatie", "Buurtagent informeren", "Wijkagent", day):
        assert text in page
    assert "Al gedaan" not in page


def test_absent_members_agreements_are_followed_up(tw, make_table):
    table = make_table()
    case = building_case(tw, table)
    services.make_agreement(case, by=tw["chair"], what="Bellen met zoon", owner=tw["police"],
                            deadline=TODAY())
    meeting = services.plan_meeting(table, TODAY(), by=tw["chair"])
    services.record_minutes(meeting, by=tw["chair"], minutes="Casus 1 besproken",
                            present=[tw["chair"], tw["housing"]])
    page = tw.client("chair").get(reverse("tables:meeting", args=[meeting.pk])).content.decode()
    assert 'id="h-absent"' in page and "Bellen met zoon" in page


def test_a_case_handed_to_a_wijkteam_appears_in_its_werkvoorraad_with_the_table_as_source(
        tw, make_table, other_team, municipality):
    cases.close(tw.episode, by=tw["bringer"], reason="goals_met", destination="own_network")
    table = make_table()
    case = services.bring_case(table, by=tw["bringer"], subject="household",
                               household=tw.household)
    services.record_step(case, "signal", {"involved": "Wijkagent"}, by=tw["police"])
    episode = services.hand_to_team(case, other_team, unit="volwassenen", by=tw["chair"])
    assert episode.source == Source.CASE_TABLE
    registered = episode.events.get(kind="registered")
    assert registered.data["referrer_name"] == "Wijkschakel Oost"
    assert list(case_queries.werkvoorraad(other_team.pk)) == [episode]
    west = make_staff(municipality, other_team, "west", display_name="Coach West")
    page = tw_client(west).get(reverse("web:werkvoorraad")).content.decode()
    assert tw.household.reference in page


def tw_client(staff):
    from django.test import Client

    client = Client()
    sign_in(client, staff.user)
    return client


def test_a_household_with_an_open_episode_is_not_registered_twice(tw, make_table, other_team):
    table = make_table()
    case = services.bring_case(table, by=tw["bringer"], subject="household",
                               household=tw.household)
    with pytest.raises(cases.CaseError):
        services.hand_to_team(case, other_team, unit="volwassenen", by=tw["chair"])


def test_the_same_household_on_two_tables_is_flagged_to_both_chairs_when_bases_allow(
        tw, make_table, municipality, team):
    chair2 = make_staff(municipality, team, "voorzitter2", display_name="Voorzitter Twee")
    covenant = covenant_for(tw, chair2)
    one = make_table("Wijkschakel Oost", covenant=covenant)
    two = make_table("Woonoverlastoverleg", covenant=covenant, chair=chair2)
    a = services.bring_case(one, by=tw["bringer"], subject="household", household=tw.household)
    b = services.bring_case(two, by=tw["bringer"], subject="household", household=tw.household)
    assert [(o.case, o.other) for o in queries.overlaps(tw["chair"], one)] == [(a, b)]
    assert [(o.case, o.other) for o in queries.overlaps(chair2, two)] == [(b, a)]
    assert queries.overlaps(tw["police"], one) == []
    page = tw_client(chair2).get(reverse("tables:table", args=[two.pk])).content.decode()
    assert 'id="h-overlap"' in page and "Wijkschakel Oost" in page


def test_the_same_household_is_not_flagged_when_one_table_has_no_basis(
        tw, make_table, municipality, team):
    chair2 = make_staff(municipality, team, "voorzitter2", display_name="Voorzitter Twee")
    one = make_table("Wijkschakel Oost", covenant=covenant_for(tw, chair2))
    two = make_table("Buurtnetwerk", chair=chair2)
    services.bring_case(one, by=tw["bringer"], subject="household", household=tw.household)
    services.bring_case(two, by=tw["bringer"], subject="household", household=tw.household)
    assert queries.overlaps(tw["chair"], one) == []
    assert queries.overlaps(chair2, two) == []
    page = tw_client(chair2).get(reverse("tables:table", args=[two.pk])).content.decode()
    assert 'id="h-overlap"' not in page


def test_closure_records_owner_what_worked_alertness_and_learnings_searchable_across_tables(
        tw, make_table):
    one, two = make_table("Een"), make_table("Twee")
    a, b = building_case(tw, one), building_case(tw, two, "Hofje")
    services.make_agreement(a, by=tw["chair"], what="Nog open", owner=tw["police"],
                            deadline=TODAY())
    services.close_case(a, services.Closure(
        problem_owner="Corporatie", what_worked="Samen huisbezoek", satisfied="Ja",
        alert_who="Wijkagent houdt een vinger aan de pols",
        learnings="Schuldhulp eerder inschakelen"), by=tw["chair"])
    services.close_case(b, services.Closure(problem_owner="Wijkteam",
                                            learnings="Buren vroeg betrekken"), by=tw["chair"])
    a.refresh_from_db()
    assert a.status == CaseStatus.CLOSED and a.alert_who.startswith("Wijkagent")
    assert a.agreements.get().status == AgreementStatus.CANCELLED
    assert list(queries.learnings(tw["housing"], "schuldhulp")) == [a]
    assert set(queries.learnings(tw["housing"])) == {a, b}
    page = tw.client("housing").get(reverse("tables:learnings"), {"q": "buren"}).content.decode()
    assert "Buren vroeg betrekken" in page and "Schuldhulp" not in page


def test_forms_on_the_case_page_save_and_refuse_with_a_message(tw, make_table):
    table = make_table()
    case = building_case(tw, table)
    client = tw.client("police")
    url = reverse("tables:case", args=[case.pk])
    assert client.post(url, {"action": "step-quick", "step-quick-missing": "GGZ"}).status_code \
        == 302
    response = client.post(url, {"action": "agreement", "agreement-what": "Bellen",
                                 "agreement-owner": tw["police"].pk})
    assert response.status_code == 400
    assert client.post(url, {"action": "agreement", "agreement-what": "Bellen",
                             "agreement-owner": tw["police"].pk,
                             "agreement-deadline": TODAY().isoformat()}).status_code == 302
    agreement = case.agreements.get()
    response = client.post(reverse("tables:agreement_result", args=[agreement.pk]),
                           {f"result-{agreement.pk}-status": "done"})
    assert response.status_code == 400
    assert client.post(url, {"action": "close", "close-problem_owner": "x"}).status_code == 400


def test_a_case_handed_to_another_table_carries_its_history_and_closes_here(tw, make_table):
    one, two = make_table("Wijkschakel Oost"), make_table("Woonoverlastoverleg")
    case = services.bring_case(one, by=tw["bringer"], subject="household",
                               household=tw.household, concern="Overlast")
    services.record_step(case, "signal", {"involved": "Wijkagent"}, by=tw["police"])
    services.make_agreement(case, by=tw["chair"], what="Bellen", owner=tw["police"],
                            deadline=TODAY())
    response = tw.client("chair").post(reverse("tables:case", args=[case.pk]), {
        "action": "move", "move-target": two.pk})
    assert response.status_code == 302
    moved = two.cases.get()
    assert moved.pseudonym != case.pseudonym and moved.concern == "Overlast"
    assert moved.steps.get().answers == {"involved": "Wijkagent"}
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED and case.problem_owner == "Woonoverlastoverleg"
    assert case.agreements.get().status == AgreementStatus.CANCELLED


def test_notes_written_where_the_person_was_known_do_not_travel_to_a_table_without_basis(
        tw, make_table):
    one = make_table("Wijkschakel Oost", covenant=covenant_for(tw))
    two = make_table("Buurtnetwerk")
    case = services.bring_case(one, by=tw["bringer"], subject="household",
                               household=tw.household)
    services.record_step(case, "signal", {"who": "Sanne Oudewater, Lindelaan 7"},
                         by=tw["police"])
    moved = services.hand_to_table(case, two, by=tw["chair"])
    assert not moved.identified and moved.steps.get().answers == {}
