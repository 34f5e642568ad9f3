"""A second team in the same municipality that receives households, with its leader and coach."""

from __future__ import annotations

import datetime as dt

import pytest

from schakel.tenancy.constants import Registration, Role, UnitKind
from schakel.tenancy.models import StaffProfile
from tests.conftest import make_staff


@pytest.fixture
def west_leader(municipality, other_team) -> StaffProfile:
    return make_staff(municipality, other_team, "leiderwest", Role.TEAM_LEADER, UnitKind.YOUTH,
                      display_name="Leider West")


@pytest.fixture
def west_coach(municipality, other_team) -> StaffProfile:
    return make_staff(
        municipality, other_team, "coachwest", display_name="Coach West",
        registration_kind=Registration.SKJ, registration_number="100054321",
        registration_expires=dt.date(2035, 1, 1),
    )
