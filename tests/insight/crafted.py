"""A small crafted history whose figures are computed by hand in the tests.

Every event is recorded today with the time it happened (backdated, with a
reason), so every figure must follow ``occurred_at``. Summer time throughout
(April–October 2026) except for C, which starts in winter: its durations lose
the hour the clocks went forward (1/24 day).

  A1 adults  Oost  gp      reg 1 Apr, assigned 2 Apr, help 6 Apr, closed 10 Jun (own network)
  A2 adults  Oost  self    return of A1: reg 15 Jun, assigned 16 Jun, help 20 Jun, closed 25 Jun
  B  youth   Oost  school  reg 4 May, closed 5 Jun without ever being assigned (refused)
  C  adults  West  police  reg 3 Nov 2025, assigned 4 Nov, help 10 Nov, director changed
                           1 Dec, closed 12 Jun 2026 (Wmo service)
  D  youth   Oost  cjg     reg 3 Jun, assigned 4 Jun, help never started (open)
  E  adults  Oost  gp      reg 8 Jun, assigned 9 Jun, help 10 Jun, plan 15 Jun, scaled up
                           20 Jun, needs analysis measured 12 Jun (open)
  F  youth   Oost  gp      reg 5 Jun, assigned 6 Jun (second worker), help 8 Jun, scaled up
                           12 Jun without a plan (open)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from schakel.assessment.models import InstrumentVersion, Measurement
from schakel.cases import services
from schakel.cases.constants import EventKind, Source
from schakel.tenancy.constants import UnitKind
from tests.conftest import family_members, make_staff

AMS = ZoneInfo("Europe/Amsterdam")
WHY = "nagekomen registratie"


def at(y: int, m: int, d: int, h: int = 10) -> dt.datetime:
    return dt.datetime(y, m, d, h, tzinfo=AMS)


def build(municipality, team, other_team, worker, second_worker) -> dict:
    worker.fte = Decimal("0.8")
    worker.save()
    west = make_staff(municipality, other_team, "west1", display_name="Coach West")
    west2 = make_staff(municipality, other_team, "west2", display_name="Coach Zuid")
    r = {"by": worker, "backdate_reason": WHY}

    def reg(t, unit, source, when, household=None, name=""):
        data = services.RegistrationInput(team=t, unit=unit, source=source, channel="phone",
                                          occurred_at=when, backdate_reason=WHY)
        members = None if household else family_members()[:1]
        return services.register(worker, data, household=household, household_name=name,
                                 members=members)

    a1 = reg(team, UnitKind.ADULTS, Source.GP, at(2026, 4, 1), name="A")
    services.assign(a1, worker, occurred_at=at(2026, 4, 2), **r)
    services.start_help(a1, occurred_at=at(2026, 4, 6), **r)
    services.close(a1, reason="goals_met", destination="own_network",
                   occurred_at=at(2026, 6, 10), **r)
    a2 = reg(team, UnitKind.ADULTS, Source.SELF, at(2026, 6, 15), household=a1.household)
    services.assign(a2, worker, occurred_at=at(2026, 6, 16), **r)
    services.start_help(a2, occurred_at=at(2026, 6, 20), **r)
    services.close(a2, reason="goals_met", destination="none_needed",
                   occurred_at=at(2026, 6, 25), **r)
    b = reg(team, UnitKind.YOUTH, Source.SCHOOL, at(2026, 5, 4), name="B")
    services.close(b, reason="refused", destination="refused", occurred_at=at(2026, 6, 5), **r)
    c = reg(other_team, UnitKind.ADULTS, Source.POLICE, at(2025, 11, 3), name="C")
    services.assign(c, west, occurred_at=at(2025, 11, 4), **r)
    services.start_help(c, occurred_at=at(2025, 11, 10), **r)
    services.change_director(c, west2, occurred_at=at(2025, 12, 1), **r)
    services.close(c, reason="handed_over", destination="wmo_service",
                   occurred_at=at(2026, 6, 12), **r)
    d = reg(team, UnitKind.YOUTH, Source.CJG, at(2026, 6, 3), name="D")
    services.assign(d, worker, occurred_at=at(2026, 6, 4), **r)
    e = reg(team, UnitKind.ADULTS, Source.GP, at(2026, 6, 8), name="E")
    services.assign(e, worker, occurred_at=at(2026, 6, 9), **r)
    services.start_help(e, occurred_at=at(2026, 6, 10), **r)
    services.record(e, EventKind.PLAN_AGREED, occurred_at=at(2026, 6, 15), **r)
    services.record(e, EventKind.SCALED_UP, occurred_at=at(2026, 6, 20), **r)
    f = reg(team, UnitKind.YOUTH, Source.GP, at(2026, 6, 5), name="F")
    services.assign(f, second_worker, occurred_at=at(2026, 6, 6), **r)
    services.start_help(f, occurred_at=at(2026, 6, 8), **r)
    services.record(f, EventKind.SCALED_UP, occurred_at=at(2026, 6, 12), **r)
    version = InstrumentVersion.objects.first()
    assert version is not None, "needs the shipped instruments"
    Measurement.objects.create(
        household=e.household, person=e.household.members.first().person, version=version,
        taken_on=dt.date(2026, 6, 12), assessor=worker, recorded_by=worker,
        external_id="measurement-e")
    return {"a1": a1, "a2": a2, "b": b, "c": c, "d": d, "e": e, "f": f,
            "west": west, "west2": west2}
