"""A household with a current support plan, in a team with a youth leader and a GP nearby."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from schakel.cases import services as cases
from schakel.cases.models import Episode
from schakel.decisions import services
from schakel.decisions.catalogue import install_shipped_catalogue
from schakel.decisions.models import Product, Provider, Referral
from schakel.people.models import Person
from schakel.tenancy.constants import OrganisationKind, Registration, Role, UnitKind
from schakel.tenancy.models import Organisation, StaffProfile
from schakel.tenancy.services import create_organisation
from tests.conftest import make_staff
from tests.plans.helpers import agree_and_sign, draft_with_goal

SKJ = {"registration_kind": Registration.SKJ, "registration_number": "100099999",
       "registration_expires": dt.date(2035, 1, 1)}


@dataclass
class Setting:
    episode: Episode
    worker: StaffProfile
    leader: StaffProfile
    gp: Organisation
    sanne: Person
    mila: Person

    @property
    def household(self):  # noqa: ANN201
        return self.episode.household


@pytest.fixture
def youth_leader(municipality, team) -> StaffProfile:
    return make_staff(municipality, team, "leiderjeugd", Role.TEAM_LEADER, UnitKind.YOUTH,
                      **SKJ)


@pytest.fixture
def gp(municipality) -> Organisation:
    return create_organisation("Huisartsenpraktijk De Haven", OrganisationKind.GP,
                               municipality=municipality, external_id="org-gp-haven")


def build_setting(episode: Episode, worker: StaffProfile, leader: StaffProfile,
                  gp: Organisation, *, plan: bool) -> Setting:
    """Assign and start help; with ``plan`` also a current plan (agreed and signed)."""
    install_shipped_catalogue()
    cases.assign(episode, worker, by=leader)
    cases.start_help(episode, by=worker)
    if plan:
        version = draft_with_goal(episode.household, worker)
        agree_and_sign(version, worker, leader)
    episode.refresh_from_db()
    return Setting(episode, worker, leader, gp,
                   Person.objects.get(given_name="Sanne"), Person.objects.get(given_name="Mila"))


@pytest.fixture
def unplanned(episode, worker, youth_leader, gp) -> Setting:
    """Assigned and helping, but without a plan yet."""
    return build_setting(episode, worker, youth_leader, gp, plan=False)


@pytest.fixture
def planned(episode, worker, youth_leader, gp) -> Setting:
    """The same household with a current plan (agreed and signed)."""
    return build_setting(episode, worker, youth_leader, gp, plan=True)


def product(code: str) -> Product:
    install_shipped_catalogue()
    return Product.objects.get(code=code)


def provider(code: str) -> Provider:
    install_shipped_catalogue()
    return Provider.objects.get(code=code)


def refer_youth(s: Setting, volume: str = "40") -> Referral:
    return services.refer(
        s.household, by=s.worker, product=product("J-OPV-01"), person=s.mila,
        volume=Decimal(volume), period_start=dt.date(2026, 1, 5),
        period_end=dt.date(2026, 6, 30), reason="Opvoedvragen en schoolverzuim",
        provider=provider("prov-jeugdzorg-zuid"), referrer=s.gp)
