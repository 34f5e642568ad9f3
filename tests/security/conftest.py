"""Fixtures of the security tests; the privacy tests' world enumerates every page."""

import pytest

from schakel.cases.constants import Channel, Source
from schakel.cases.services import RegistrationInput, register
from schakel.tenancy.constants import UnitKind
from tests.conftest import family_members, make_staff
from tests.privacy.conftest import world as world
from tests.privacy.test_authorisation import context as context


@pytest.fixture
def existing(municipality, team):
    """One household already in the database (a staff name the demo file does not use)."""
    staff = make_staff(municipality, team, "t.bestaand")
    return register(staff, RegistrationInput(team=team, unit=UnitKind.ADULTS, source=Source.GP,
                                             channel=Channel.PHONE),
                    household_name="Bakker", members=family_members())


