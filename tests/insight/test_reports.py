"""A crafted data set whose answers are computed by hand (see the comments)."""

import datetime as dt
import json
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from schakel.cases import services
from schakel.cases.constants import EventKind, Source
from schakel.insight.compliance import norm_compliance
from schakel.insight.filters import Scope
from schakel.insight.waiting import waiting_on
from schakel.norms.services import add_norm_version
from schakel.tenancy.constants import Role, UnitKind
from tests.conftest import family_members, make_staff

AMS = ZoneInfo("Europe/Amsterdam")
WHY = "nagekomen registratie"


def at(y, m, d, h=10):
    return dt.datetime(y, m, d, h, tzinfo=AMS)


def reg(team, unit, when):
    return services.RegistrationInput(team=team, unit=unit, source=Source.GP, channel="phone",
                                      occurred_at=when, backdate_reason=WHY)


@pytest.fixture
def crafted(municipality, team, worker):
    admin = make_staff(municipality, None, "beheer", roles=[Role.ADMIN])
    # From 1 May 2026 the resident must be contacted within 3 working days (was 5).
    add_norm_version(municipality, "resident_contact", by=admin, valid_from=dt.date(2026, 5, 1),
                     length=3, note="raadsbesluit")
    r = dict(by=worker, backdate_reason=WHY)
    # E1 adults, registered Mon 20 Apr 10:00 (old norm: 5 working days -> Tue 28 Apr,
    # Koningsdag skipped). Referrer contacted 23 Apr 10:00 (due 22 Apr 10:00: late).
    e1 = services.register(worker, reg(team, UnitKind.ADULTS, at(2026, 4, 20)),
                           household_name="E1", members=family_members()[:1])
    services.record(e1, EventKind.REFERRER_CONTACTED, occurred_at=at(2026, 4, 23), **r)
    services.record(e1, EventKind.RESIDENT_CONTACTED, occurred_at=at(2026, 4, 28, 9), **r)
    services.assign(e1, worker, occurred_at=at(2026, 4, 29), **r)
    services.start_help(e1, occurred_at=at(2026, 5, 15), **r)
    # E2 youth, registered Mon 4 May 09:00 under the new norm: 3 working days with
    # Bevrijdingsdag skipped -> Fri 8 May. Recorded out of order: kitchen table (12 May)
    # first, then the earlier resident contact (11 May: late). Never assigned.
    e2 = services.register(worker, reg(team, UnitKind.YOUTH, at(2026, 5, 4, 9)),
                           household_name="E2", members=family_members()[1:])
    services.record(e2, EventKind.KITCHEN_TABLE, occurred_at=at(2026, 5, 12), **r)
    services.record(e2, EventKind.RESIDENT_CONTACTED, occurred_at=at(2026, 5, 11), **r)
    # E3 adults, registered 2 Mar, assigned 5 Mar, help only from 1 Jun.
    e3 = services.register(worker, reg(team, UnitKind.ADULTS, at(2026, 3, 2, 9)),
                           household_name="E3", members=family_members()[:1])
    services.assign(e3, worker, occurred_at=at(2026, 3, 5, 9), **r)
    services.start_help(e3, occurred_at=at(2026, 6, 1), **r)
    # E4 adults, registered 20 May 10:00, closed 22 May 09:00 before any deadline.
    e4 = services.register(worker, reg(team, UnitKind.ADULTS, at(2026, 5, 20)),
                           household_name="E4", members=family_members()[:1])
    services.close(e4, reason="refused", destination="refused", occurred_at=at(2026, 5, 22, 9),
                   **r)
    return {"e1": e1, "e2": e2, "e3": e3, "e4": e4}


def test_assigned_but_not_started_is_waiting_on_every_date_until_help_starts(crafted):
    scope = Scope()
    day = dt.date(2026, 3, 5)
    while day < dt.date(2026, 6, 1):
        assert waiting_on(day, scope)["by_team"]["Team Oost"]["assigned_not_started"] >= 1, day
        day += dt.timedelta(days=1)
    june = waiting_on(dt.date(2026, 6, 1), scope)
    assert june["assigned_not_started"] == 0


def test_waiting_list_on_10_may_counts_werkvoorraad_and_assigned_apart(crafted):
    result = waiting_on(dt.date(2026, 5, 10), Scope())
    # E1 assigned not started, E2 werkvoorraad, E3 assigned not started, E4 not yet registered
    assert (result["total"], result["werkvoorraad"], result["assigned_not_started"]) == (3, 1, 2)
    assert result["by_unit"]["jeugd"] == {"werkvoorraad": 1, "assigned_not_started": 0,
                                          "total": 1}
    assert result["by_unit"]["volwassenen"]["assigned_not_started"] == 2


def test_waiting_list_before_registration_and_after_closure(crafted):
    assert waiting_on(dt.date(2026, 3, 1), Scope())["total"] == 0
    may21 = waiting_on(dt.date(2026, 5, 21), Scope())  # E2, E3 and E4 (closed the 22nd)
    assert (may21["werkvoorraad"], may21["assigned_not_started"]) == (2, 1)
    may22 = waiting_on(dt.date(2026, 5, 22), Scope())
    assert may22["werkvoorraad"] == 1


def test_norm_compliance_matches_the_hand_computed_answers(crafted):
    norms = norm_compliance(dt.date(2026, 4, 1), dt.date(2026, 5, 31), Scope())["norms"]
    # referrer: E1 late (23 Apr > 22 Apr 10:00), E2 never (overdue), E4 lapsed (closed first)
    assert norms["referrer_contact"]["due"] == 2
    assert norms["referrer_contact"]["met_on_time"] == 0
    assert norms["referrer_contact"]["still_open_past_deadline"] == 1
    # resident: E1 on time under the old 5-day norm (28 Apr), E2 late under the new 3-day
    # norm (due 8 May, met 11 May); E3's deadline (9 Mar) lies outside the period
    assert norms["resident_contact"]["due"] == 2
    assert norms["resident_contact"]["met_on_time"] == 1
    assert norms["resident_contact"]["share_on_time"] == 0.5
    # E2 met 11 May 10:00 local, deadline 9 May 00:00 local: 2 days 10 hours late
    assert norms["resident_contact"]["days_late_max"] == pytest.approx(2.42, abs=0.01)
    # kitchen table: E1 never (due 30 Apr), E2 on time (12 May < 14 May)
    assert norms["kitchen_table"]["due"] == 2
    assert norms["kitchen_table"]["met_on_time"] == 1
    # plan in 6 weeks: only E3's deadline (13 Apr) falls in the period; no plan -> missed
    assert norms["plan"]["due"] == 1
    assert norms["plan"]["missed"] == 1
    assert set(norms) == {"referrer_contact", "resident_contact", "kitchen_table", "plan"}


def test_report_commands_print_the_same_numbers(crafted):
    out = StringIO()
    call_command("report", "waiting", "--on", "2026-05-10", "--json", stdout=out)
    assert json.loads(out.getvalue())["assigned_not_started"] == 2
    out = StringIO()
    call_command("report", "norms", "--from", "2026-04-01", "--to", "2026-05-31", "--json",
                 "--team", "Team Oost", stdout=out)
    data = json.loads(out.getvalue())
    assert data["norms"]["resident_contact"]["met_on_time"] == 1
    out = StringIO()
    call_command("report", "norms", "--from", "2026-04-01", "--to", "2026-05-31", "--json",
                 "--unit", "jeugd", stdout=out)
    youth = json.loads(out.getvalue())["norms"]
    assert youth["resident_contact"]["due"] == 1
    assert youth["resident_contact"]["met_on_time"] == 0


def test_waiting_times_keep_people_still_waiting(crafted):
    out = StringIO()
    call_command("report", "times", "--from", "2026-03-01", "--to", "2026-05-31", "--json",
                 stdout=out)
    help_started = json.loads(out.getvalue())["milestones"]["help_started"]
    # E1 and E3 reached help; E2 still waits (counted with its time so far); E4 closed
    assert (help_started["reached"], help_started["still_waiting"],
            help_started["closed_before_reaching"]) == (2, 1, 1)
    assert help_started["n"] == 3
    assert help_started["max"] > 180  # E2 has waited since 4 May
