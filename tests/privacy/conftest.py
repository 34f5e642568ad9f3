"""A small world for the privacy tests: one household and everyone around it.

Household "Oudewater" (Sanne Oudewater, BSN 999990019, and her daughter Mila)
was registered by a front-door worker into Team Oost, assigned to a case
director, and a behavioural scientist was consulted. Everyone else stands in a
different relation to it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client

from schakel.cases import services
from schakel.cases.models import Episode
from schakel.people.constants import HouseholdRole
from schakel.people.models import Person
from schakel.people.services import PersonInput
from schakel.tenancy.constants import OrganisationKind, Registration, Role, UnitKind
from schakel.tenancy.models import Organisation, StaffProfile
from schakel.tenancy.services import create_organisation
from tests.conftest import make_staff, sign_in

NAME, BSN = "Oudewater", "999990019"
SKJ = {"registration_kind": Registration.SKJ, "registration_number": "100012345",
       "registration_expires": dt.date(2035, 1, 1)}


@pytest.fixture
def login() -> Callable[[StaffProfile], Client]:
    def _login(staff: StaffProfile) -> Client:
        client = Client(REMOTE_ADDR="10.1.2.3")
        sign_in(client, staff.user)
        return client

    return _login


@dataclass
class World:
    episode: Episode
    sanne: Person
    mila: Person
    gp: Organisation
    people: dict[str, StaffProfile]

    @property
    def household(self):  # noqa: ANN201
        return self.episode.household

    def __getitem__(self, name: str) -> StaffProfile:
        return self.people[name]


def family() -> list[PersonInput]:
    return [
        PersonInput(given_name="Sanne", family_name=NAME, role=HouseholdRole.PARENT,
                    birth_date=dt.date(1988, 4, 2), bsn=BSN, street="Lindelaan",
                    house_number="7", postcode="3111AB", city="Schiedam", phone="0612345678"),
        PersonInput(given_name="Mila", family_name=NAME, role=HouseholdRole.CHILD,
                    birth_date=dt.date(2014, 9, 15)),
    ]


@pytest.fixture
def world(municipality, team, other_team) -> World:
    gp = create_organisation("Huisartsenpraktijk Kade", OrganisationKind.GP,
                             municipality=municipality, external_id="org-gp")
    other_gp = create_organisation("Huisarts Noord", OrganisationKind.GP,
                                   municipality=municipality, external_id="org-gp2")
    people = {
        "director": make_staff(municipality, team, "regisseur", display_name="Coach Jansen",
                               **SKJ),
        "colleague": make_staff(municipality, team, "collega", display_name="Coach Bos"),
        "leader": make_staff(municipality, team, "leider", Role.TEAM_LEADER, UnitKind.YOUTH),
        "other_leader": make_staff(municipality, other_team, "leiderwest", Role.TEAM_LEADER),
        "scientist_consulted": make_staff(municipality, team, "gw", Role.BEHAVIOURAL_SCIENTIST,
                                          display_name="Dr. Gedrag", **SKJ),
        "scientist": make_staff(municipality, team, "gw2", Role.BEHAVIOURAL_SCIENTIST),
        "front_door": make_staff(municipality, team, "loket", Role.FRONT_DOOR),
        "front_door_other": make_staff(municipality, team, "loket2", Role.FRONT_DOOR),
        "glass": make_staff(municipality, other_team, "nood", display_name="Coach Nood"),
        "policy": make_staff(municipality, None, "beleid", roles=[Role.POLICY]),
        "admin": make_staff(municipality, None, "beheer", roles=[Role.ADMIN]),
        "privacy_officer": make_staff(municipality, None, "fg", roles=[Role.PRIVACY_OFFICER],
                                      display_name="Functionaris G."),
    }
    for name, org in (("partner_consent", gp), ("partner_no_consent", other_gp)):
        people[name] = make_staff(municipality, None, name, roles=[Role.PARTNER])
        StaffProfile.objects.filter(pk=people[name].pk).update(organisation=org)
        people[name].refresh_from_db()
    episode = services.register(
        people["front_door"],
        services.RegistrationInput(team=team, unit=UnitKind.YOUTH, source="gp", channel="phone",
                                   referrer_name="Huisarts Smit", description="Zorgen"),
        household_name=NAME, members=family(),
    )
    services.assign(episode, people["director"], by=people["leader"])
    services.add_involvement(episode, by=people["director"], kind="team",
                             staff=people["scientist_consulted"], role="Gedragswetenschapper")
    sanne = Person.objects.get(bsn=BSN)
    mila = Person.objects.get(given_name="Mila")
    return World(episode, sanne, mila, gp, people)
