"""Creating people and households, finding duplicates, merging them.

Merges record an event on the household's episodes; the cases service owns
event writing, so merges live in ``schakel.cases.services``.
"""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _

from schakel.people.bsn import normalise
from schakel.people.constants import HouseholdRole
from schakel.people.models import Household, HouseholdMember, Person
from schakel.tenancy.models import Team


@dataclass
class PersonInput:
    given_name: str
    family_name: str
    role: str = HouseholdRole.OTHER
    family_name_prefix: str = ""
    birth_date: dt.date | None = None
    bsn: str = ""
    phone: str = ""
    email: str = ""
    street: str = ""
    house_number: str = ""
    postcode: str = ""
    city: str = ""
    existing: Person | None = field(default=None, repr=False)


def normalise_postcode(value: str) -> str:
    """'1234 ab' -> '1234AB'."""
    return value.replace(" ", "").upper()


def new_reference() -> str:
    """A short household reference that is easy to read aloud: H-7 digits."""
    while True:
        ref = f"H-{secrets.randbelow(9_000_000) + 1_000_000}"
        if not Household.objects.filter(reference=ref).exists():
            return ref


def new_external_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex}"


def create_person(data: PersonInput) -> Person:
    person = Person(
        given_name=data.given_name.strip(),
        family_name_prefix=data.family_name_prefix.strip(),
        family_name=data.family_name.strip(),
        birth_date=data.birth_date,
        bsn=normalise(data.bsn) if data.bsn else "",
        phone=data.phone.strip(),
        email=data.email.strip(),
        street=data.street.strip(),
        house_number=data.house_number.strip(),
        postcode=normalise_postcode(data.postcode),
        city=data.city.strip(),
        external_id=new_external_id("person"),
    )
    person.full_clean()
    person.save()
    return person


def create_household(team: Team, name: str, members: list[PersonInput]) -> Household:
    if not members:
        raise ValidationError({"members": _("A household needs at least one member.")})
    household = Household.objects.create(
        reference=new_reference(),
        team=team,
        name=name.strip() or members[0].family_name.strip(),
        external_id=new_external_id("household"),
    )
    for data in members:
        person = data.existing or create_person(data)
        HouseholdMember.objects.create(household=household, person=person, role=data.role)
    return household


@dataclass(frozen=True)
class DuplicateMatch:
    person: Person
    reason: str  # "bsn" or "name_birth_postcode"


def find_duplicates(data: PersonInput) -> list[DuplicateMatch]:
    """Likely existing records of this person: same BSN, or same name + birth date + postcode."""
    matches: dict[int, DuplicateMatch] = {}
    bsn = normalise(data.bsn) if data.bsn else ""
    if bsn:
        for p in Person.objects.filter(bsn=bsn, merged_into__isnull=True):
            matches[p.pk] = DuplicateMatch(p, "bsn")
    if data.birth_date and data.postcode and data.family_name:
        same = Person.objects.filter(
            Q(family_name__iexact=data.family_name.strip()),
            Q(given_name__iexact=data.given_name.strip()),
            birth_date=data.birth_date,
            postcode=normalise_postcode(data.postcode),
            merged_into__isnull=True,
        )
        for p in same:
            matches.setdefault(p.pk, DuplicateMatch(p, "name_birth_postcode"))
    return list(matches.values())
