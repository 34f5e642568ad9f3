"""Setting up a municipality: teams with both units, organisations, staff accounts."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.db import transaction

from schakel.people.services import new_external_id
from schakel.tenancy.constants import OrganisationKind, Role, UnitKind
from schakel.tenancy.models import (
    District,
    Membership,
    Municipality,
    Organisation,
    StaffProfile,
    Team,
    Unit,
)


def create_team(
    municipality: Municipality,
    name: str,
    *,
    district: District | None = None,
    rayon: str = "",
    external_id: str = "",
) -> Team:
    """A team always has a youth and an adults unit."""
    team = Team.objects.create(
        municipality=municipality,
        name=name,
        district=district,
        rayon=rayon,
        external_id=external_id or new_external_id("team"),
    )
    for kind in UnitKind.values:
        Unit.objects.create(team=team, kind=kind)
    return team


def create_organisation(
    name: str, kind: str = OrganisationKind.PARENT, *, municipality: Municipality | None = None,
    external_id: str = "",
) -> Organisation:
    return Organisation.objects.create(
        name=name, kind=kind, municipality=municipality,
        external_id=external_id or new_external_id("org"),
    )


@dataclass
class TeamPlace:
    team: Team
    role: str = Role.TEAM_MEMBER
    unit: str | None = None
    deputy: bool = False


@dataclass
class StaffInput:
    username: str
    display_name: str
    organisation: Organisation
    password: str | None = None
    roles: list[str] = field(default_factory=list)
    places: list[TeamPlace] = field(default_factory=list)
    specialisms: list[str] = field(default_factory=list)
    fte: Decimal = Decimal("1.0")
    registration_kind: str = ""
    registration_number: str = ""
    registration_expires: dt.date | None = None
    external_id: str = ""


@transaction.atomic
def create_staff(municipality: Municipality, data: StaffInput) -> StaffProfile:
    user_model = get_user_model()
    user = user_model.objects.create_user(username=data.username, password=data.password)
    profile = StaffProfile.objects.create(
        user=user,
        municipality=municipality,
        organisation=data.organisation,
        display_name=data.display_name,
        roles=[str(r) for r in data.roles],
        specialisms=data.specialisms,
        fte=data.fte,
        registration_kind=data.registration_kind,
        registration_number=data.registration_number,
        registration_expires=data.registration_expires,
        external_id=data.external_id or new_external_id("staff"),
    )
    for place in data.places:
        unit = place.team.units.get(kind=place.unit) if place.unit else None
        Membership.objects.create(
            staff=profile, team=place.team, unit=unit, role=str(place.role), deputy=place.deputy
        )
    return profile
