"""A small table world: a Wijkschakel with police, housing and a wijkteam member.

Household "Oudewater" (Sanne, BSN 999990019, Lindelaan 7, born 2 April 1988)
is directed by ``bringer``, who brings it to the table. Police and housing sit
at the table without knowing who she is unless a basis says so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.test import Client

from schakel.cases import services as cases
from schakel.cases.models import Episode
from schakel.people.constants import HouseholdRole
from schakel.people.services import PersonInput
from schakel.privacy import consents
from schakel.privacy.models import Covenant
from schakel.tables import services
from schakel.tables.constants import Ring, TableKind
from schakel.tables.models import CaseTable
from schakel.tenancy.constants import OrganisationKind, Role, UnitKind
from schakel.tenancy.models import StaffProfile
from schakel.tenancy.services import create_organisation
from tests.conftest import make_staff, sign_in

NAME, BSN = "Oudewater", "999990019"
# Everything that identifies the resident, in every way a page could print it.
MARKERS = ("Sanne", NAME, BSN, "Lindelaan", "3111AB", "3111 AB", "0612345678",
           "1988-04-02", "02-04-1988", "2-4-1988", "2 april 1988", "April 2, 1988")


@dataclass
class TableWorld:
    episode: Episode
    people: dict[str, StaffProfile]

    @property
    def household(self):  # noqa: ANN201
        return self.episode.household

    def __getitem__(self, name: str) -> StaffProfile:
        return self.people[name]

    def client(self, name: str) -> Client:
        client = Client()
        sign_in(client, self.people[name].user)
        return client


def _partner(municipality, username: str, kind: str, org_name: str) -> StaffProfile:
    org = create_organisation(org_name, kind, municipality=municipality,
                              external_id=f"partner-org-{username}")
    staff = make_staff(municipality, None, username, roles=[Role.PARTNER],
                       display_name=username.title())
    StaffProfile.objects.filter(pk=staff.pk).update(organisation=org)
    staff.refresh_from_db()
    return staff


@pytest.fixture
def tw(municipality, team) -> TableWorld:
    people = {
        "chair": make_staff(municipality, team, "voorzitter", Role.TEAM_LEADER, UnitKind.ADULTS,
                            display_name="Voorzitter Vos"),
        "bringer": make_staff(municipality, team, "inbrenger", display_name="Coach Inbreng"),
        "police": _partner(municipality, "wijkagent", OrganisationKind.POLICE, "Politie Oost"),
        "housing": _partner(municipality, "corporatie", OrganisationKind.HOUSING,
                            "Woonstad Test"),
        "outsider": _partner(municipality, "buiten", OrganisationKind.WELFARE, "Welzijn Elders"),
    }
    episode = cases.register(
        people["bringer"],
        cases.RegistrationInput(team=team, unit=UnitKind.ADULTS, source="gp", channel="phone"),
        household_name=NAME,
        members=[PersonInput(given_name="Sanne", family_name=NAME, role=HouseholdRole.PARENT,
                             birth_date=dt.date(1988, 4, 2), bsn=BSN, street="Lindelaan",
                             house_number="7", postcode="3111AB", city="Schiedam",
                             phone="0612345678")])
    cases.assign(episode, people["bringer"], by=people["chair"])
    return TableWorld(episode, people)


def covenant_for(tw: TableWorld, *extra: StaffProfile) -> Covenant:
    orgs = {s.organisation for s in [*tw.people.values(), *extra]}
    return consents.add_covenant(
        tw["chair"].municipality, by=tw["chair"], name="Convenant Zorg en Veiligheid",
        parties=list(orgs), purposes=["case_table"],
        categories=["identity", "contact", "case"], valid_from=dt.date(2024, 1, 1),
        valid_until=None, document_reference="CONV-2024-01")


@pytest.fixture
def make_table(tw) -> Callable[..., CaseTable]:
    def _make(name: str = "Wijkschakel Oost", covenant: Covenant | None = None,
              chair: StaffProfile | None = None) -> CaseTable:
        chair = chair or tw["chair"]
        table = services.create_table(chair, services.TableInput(
            name=name, kind=TableKind.WIJKSCHAKEL, chair=chair, cadence="elke zes weken",
            area="Oost", target_group="EPA 1–2", covenant=covenant))
        for member, ring in (("bringer", Ring.CORE), ("police", Ring.CORE),
                             ("housing", Ring.SECOND)):
            services.add_member(table, tw[member], ring=ring, by=chair)
        return table

    return _make
