"""The exchange format, version 1: record types, their fields and their order.

This table is the format. The parser reads it to check a file and the
exporter reads it to write one, so the two cannot drift apart; the
documentation (docs/exchange.md) describes the same table in words.
Text lengths come from the models, so a value that fits the file fits the
database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Model

from schakel.cases.constants import Channel, EventKind, ShortContactCategory, Source
from schakel.cases.models import Event
from schakel.exchange import fields as f
from schakel.people.constants import HouseholdRole
from schakel.people.models import Household, Person
from schakel.privacy.constants import ConsentMethod, DataCategory, FlagKind, Purpose
from schakel.privacy.models import Consent, SensitiveFlag
from schakel.tenancy.constants import (
    DistrictLevel,
    OrganisationKind,
    Registration,
    Role,
    UnitKind,
)
from schakel.tenancy.models import District, Municipality, Organisation, StaffProfile, Team

FORMAT = "schakel-exchange"
VERSION = 1

TYPES: tuple[str, ...] = (
    "municipality",
    "district",
    "organisation",
    "team",
    "staff",
    "person",
    "household",
    "sensitive_flag",
    "consent",
    "episode",
    "event",
    "short_contact",
)
"""Record types in the order a file must list them: a reference points back."""

RANK = {name: i for i, name in enumerate(TYPES)}

SELF_REFERENCES = {
    "district": "parent",
    "person": "merged_into",
    "household": "merged_into",
    "episode": "previous",
}
"""Fields that point at a record of their own type; these may also point forward
within their section, because a merge can keep the younger record."""


@dataclass(frozen=True, slots=True)
class Field:
    """One field of a record type.

    ``convert`` checks and converts a value on the first pass; ``load`` only
    converts it on the second pass, when the file is known to be valid
    (None: the JSON value is stored as it is).
    """

    name: str
    convert: f.Converter
    required: bool = False
    default: Callable[[], Any] = lambda: None
    ref: str | None = None
    load: f.Converter | None = None


def max_length(model: type[Model], name: str) -> int:
    field = model._meta.get_field(name)
    assert isinstance(field, models.Field) and field.max_length is not None
    return field.max_length


_max = max_length


def _text(model: type[Model], name: str, *, required: bool = False) -> Field:
    return Field(
        name, f.text(_max(model, name), blank=not required), required=required, default=str
    )


def _ref(name: str, target: str, *, required: bool = True) -> Field:
    if required:
        return Field(name, f.identifier, required=True, ref=target)
    return Field(name, f.nullable(f.identifier), ref=target)


def _choice(name: str, values: list[str]) -> Field:
    return Field(name, f.choice(values), required=True)


ID = Field("id", f.identifier, required=True)

_place = f.record({
    "team": (f.identifier, ...),
    "role": (f.choice(Role.values), ...),
    "unit": (f.nullable(f.choice(UnitKind.values)), None),
    "deputy": (f.boolean, False),
})
_member = f.record({
    "person": (f.identifier, ...),
    "role": (f.choice(HouseholdRole.values), ...),
})
_registration = f.record({
    "kind": (f.choice(Registration.values), ""),
    "number": (f.text(_max(StaffProfile, "registration_number")), ""),
    "expires": (f.nullable(f.date), None),
})
_username_length = _max(get_user_model(), "username")

SPECS: dict[str, tuple[Field, ...]] = {
    "municipality": (
        ID,
        _text(Municipality, "name", required=True),
        Field("cbs_code", f.text(6, blank=False), required=True),
    ),
    "district": (
        ID,
        _ref("municipality", "municipality"),
        _choice("level", DistrictLevel.values),
        _text(District, "cbs_code", required=True),
        _text(District, "name", required=True),
        _ref("parent", "district", required=False),
    ),
    "organisation": (
        ID,
        _text(Organisation, "name", required=True),
        _choice("kind", OrganisationKind.values),
        _ref("municipality", "municipality", required=False),
    ),
    "team": (
        ID,
        _ref("municipality", "municipality"),
        _text(Team, "name", required=True),
        _ref("district", "district", required=False),
        _text(Team, "rayon"),
    ),
    "staff": (
        ID,
        _ref("municipality", "municipality"),
        _ref("organisation", "organisation"),
        Field("username", f.text(_username_length, blank=False), required=True),
        _text(StaffProfile, "display_name", required=True),
        Field("roles", f.list_of(f.choice(Role.values)), default=list),
        Field("places", f.list_of(_place), default=list, load=f.list_of(_place)),
        Field("specialisms", f.list_of(f.text(120, blank=False)), default=list),
        Field("fte", f.fte, default=lambda: Decimal("1.00"), load=f.fte),
        Field("registration", _registration, default=lambda: ("", "", None), load=_registration),
    ),
    "person": (
        ID,
        _text(Person, "given_name", required=True),
        _text(Person, "family_name_prefix"),
        _text(Person, "family_name", required=True),
        Field("birth_date", f.nullable(f.date), load=f.nullable(dt.date.fromisoformat)),
        Field("bsn", f.bsn, default=str),
        _text(Person, "phone"),
        Field("email", f.email(_max(Person, "email")), default=str),
        _text(Person, "street"),
        _text(Person, "house_number"),
        _text(Person, "postcode"),
        _text(Person, "city"),
        _ref("merged_into", "person", required=False),
    ),
    "household": (
        ID,
        _text(Household, "reference", required=True),
        _ref("team", "team"),
        _text(Household, "name", required=True),
        Field("members", f.list_of(_member), default=list, load=f.list_of(_member)),
        _ref("merged_into", "household", required=False),
    ),
    "sensitive_flag": (
        ID,
        _ref("household", "household"),
        _ref("person", "person", required=False),
        _choice("kind", FlagKind.values),
        _text(SensitiveFlag, "note"),
        _ref("set_by", "staff"),
        Field("set_at", f.moment, required=True, load=dt.datetime.fromisoformat),
        _ref("ended_by", "staff", required=False),
        Field("ended_at", f.nullable(f.moment), load=f.nullable(dt.datetime.fromisoformat)),
    ),
    "consent": (
        ID,
        _ref("person", "person"),
        _ref("household", "household", required=False),
        _choice("purpose", Purpose.values),
        _ref("recipient", "organisation"),
        Field("categories", f.list_of(f.choice(DataCategory.values)), required=True),
        _choice("method", ConsentMethod.values),
        Field("given_at", f.moment, required=True, load=dt.datetime.fromisoformat),
        Field("valid_until", f.nullable(f.date), load=f.nullable(dt.date.fromisoformat)),
        _text(Consent, "note"),
        _ref("recorded_by", "staff"),
        Field("withdrawn_at", f.nullable(f.moment),
              load=f.nullable(dt.datetime.fromisoformat)),
        _ref("withdrawn_by", "staff", required=False),
        _text(Consent, "withdrawal_note"),
    ),
    "episode": (
        ID,
        _ref("household", "household"),
        _ref("team", "team"),
        Field("number", f.integer(1), required=True),
        _ref("previous", "episode", required=False),
    ),
    "event": (
        ID,
        _ref("episode", "episode"),
        Field("seq", f.integer(1), required=True),
        _choice("kind", EventKind.values),
        Field("occurred_at", f.moment, required=True, load=dt.datetime.fromisoformat),
        Field("recorded_at", f.moment, required=True, load=dt.datetime.fromisoformat),
        _ref("recorded_by", "staff", required=False),
        _ref("worker", "staff", required=False),
        _text(Event, "backdate_reason"),
        Field("data", f.json_object, default=dict),
    ),
    "short_contact": (
        ID,
        _ref("team", "team"),
        _choice("category", ShortContactCategory.values),
        _choice("source", Source.values),
        _choice("channel", Channel.values),
        Field("occurred_at", f.moment, required=True, load=dt.datetime.fromisoformat),
        Field("recorded_at", f.moment, required=True, load=dt.datetime.fromisoformat),
        _ref("recorded_by", "staff"),
        Field("note", f.text(100_000), default=str),
    ),
}

FIELD_NAMES: dict[str, tuple[str, ...]] = {
    kind: tuple(field.name for field in specs) for kind, specs in SPECS.items()
}
ALLOWED_KEYS: dict[str, frozenset[str]] = {
    kind: frozenset(("type", *names)) for kind, names in FIELD_NAMES.items()
}
HEADER_KEYS = ("type", "format", "version", "exported_at")
