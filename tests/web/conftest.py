"""Fixtures for the HTTP tests: logged-in clients and users without casework roles."""

from __future__ import annotations

import pytest

from schakel.tenancy.constants import Role
from schakel.tenancy.models import StaffProfile
from tests.conftest import make_staff


@pytest.fixture
def partner(municipality) -> StaffProfile:
    return make_staff(municipality, None, "partner", roles=[Role.PARTNER])


@pytest.fixture
def policy(municipality) -> StaffProfile:
    return make_staff(municipality, None, "beleid", roles=[Role.POLICY])


@pytest.fixture
def outsider(municipality, other_team) -> StaffProfile:
    """A team member of another team: sees none of Team Oost's households."""
    return make_staff(municipality, other_team, "west")


def new_episode(team, by, name="Jansen", *, urgency="normal", unit="volwassenen", members=None):
    """A registered episode for a fresh household (service call, as the UI would do)."""
    from schakel.cases.services import RegistrationInput, register
    from schakel.people.services import PersonInput

    return register(
        by,
        RegistrationInput(team=team, unit=unit, source="gp", channel="phone", urgency=urgency),
        household_name=name,
        members=members or [PersonInput(given_name="Kim", family_name=name, role="parent")],
    )


def registration_data(**overrides) -> dict[str, str]:
    """A filled-in registration form for Team Oost: a parent and a child."""
    from schakel.tenancy.models import Team

    data = {
        "team": str(Team.objects.get(external_id="team-oost").pk),
        "source": "gp", "channel": "phone", "unit": "jeugd", "urgency": "normal",
        "problems": "multiple", "referrer_name": "Huisarts Smit", "description": "Zorgen",
        "persons-TOTAL_FORMS": "2", "persons-INITIAL_FORMS": "0",
        "persons-MIN_NUM_FORMS": "1", "persons-MAX_NUM_FORMS": "20",
        "persons-0-given_name": "Fenna", "persons-0-family_name": "Veldkamp",
        "persons-0-role": "parent", "persons-0-birth_date": "1987-03-12",
        "persons-0-postcode": "3111 AB",
        "persons-1-given_name": "Daan", "persons-1-family_name": "Veldkamp",
        "persons-1-role": "child", "persons-1-birth_date": "2013-06-01",
        "check": "1",
    }
    data.update(overrides)
    return data
