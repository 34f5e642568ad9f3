"""What the database already holds, loaded once per import with one query per type.

The validator needs it to resolve references and uniqueness against existing
rows, the writer to turn external ids into primary keys. Loading it once
avoids a query per line, which is what makes an import of millions of lines
possible. Events are not loaded (there may be millions); the validator looks
them up per chunk instead.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Model

from schakel.cases.models import Episode, Event, Involvement, ShortContact
from schakel.exchange.spec import TYPES
from schakel.people.models import Household, Person
from schakel.privacy.models import Consent, SensitiveFlag
from schakel.tenancy.models import (
    District,
    Municipality,
    Organisation,
    StaffProfile,
    Team,
    Unit,
)

CHUNK = 10_000


@dataclass
class Snapshot:
    pk: dict[str, dict[str, int]] = field(default_factory=lambda: {t: {} for t in TYPES})
    """Per record type: external id -> primary key. The writer adds what it creates."""
    unique: dict[str, dict[str, Hashable]] = field(default_factory=dict)
    """Per unique check: external id -> the value that must be unique."""
    taken_usernames: set[str] = field(default_factory=set)
    """Usernames of accounts that are not staff (e.g. a superuser): never reusable."""
    staff_ext: dict[int, str] = field(default_factory=dict)
    episode_household: dict[str, str] = field(default_factory=dict)
    open_episodes: set[str] = field(default_factory=set)
    has_events: bool = False
    involvement_pk: dict[str, int] = field(default_factory=dict)
    ended_involvements: set[str] = field(default_factory=set)
    units: dict[tuple[int, str], int] = field(default_factory=dict)
    ended_flags: set[str] = field(default_factory=set)
    withdrawn_consents: set[str] = field(default_factory=set)


def _rows(model: type[Model], *fields: str) -> Iterator[tuple[Any, ...]]:
    """Rows in no particular order: the models' default ordering would cost a sort."""
    return model._default_manager.order_by().values_list(*fields).iterator(CHUNK)


def load_snapshot() -> Snapshot:
    snap = Snapshot()
    pk = snap.pk
    unique = snap.unique

    names = unique.setdefault("municipality.name", {})
    codes = unique.setdefault("municipality.cbs_code", {})
    for ext, key, name, code in _rows(Municipality, "external_id", "pk", "name", "cbs_code"):
        pk["municipality"][ext] = key
        names[ext], codes[ext] = name, code

    codes = unique.setdefault("district.cbs_code", {})
    for ext, key, code in _rows(District, "external_id", "pk", "cbs_code"):
        pk["district"][ext] = key
        codes[ext] = code

    pk["organisation"] = dict(_rows(Organisation, "external_id", "pk"))

    team_names = unique.setdefault("team.name", {})
    for ext, key, municipality, name in _rows(
        Team, "external_id", "pk", "municipality__external_id", "name"
    ):
        pk["team"][ext] = key
        team_names[ext] = (municipality, name)

    usernames = unique.setdefault("staff.username", {})
    for ext, key, username in _rows(StaffProfile, "external_id", "pk", "user__username"):
        pk["staff"][ext] = key
        snap.staff_ext[key] = ext
        usernames[ext] = username
    accounts = get_user_model()._default_manager.filter(staff__isnull=True)
    snap.taken_usernames = {row[0] for row in accounts.order_by().values_list("username")}

    pk["person"] = dict(_rows(Person, "external_id", "pk"))

    references = unique.setdefault("household.reference", {})
    for ext, key, reference in _rows(Household, "external_id", "pk", "reference"):
        pk["household"][ext] = key
        references[ext] = reference

    numbers = unique.setdefault("episode.number", {})
    previous = unique.setdefault("episode.previous", {})
    for ext, key, household, number, prev, closed_at in _rows(
        Episode, "external_id", "pk", "household__external_id", "number",
        "previous__external_id", "closed_at",
    ):
        pk["episode"][ext] = key
        snap.episode_household[ext] = household
        numbers[ext] = (household, number)
        if prev is not None:
            previous[ext] = prev
        if closed_at is None:
            snap.open_episodes.add(ext)

    active = unique.setdefault("sensitive_flag.active", {})
    for ext, key, ended_at, household, person, kind in _rows(
        SensitiveFlag, "external_id", "pk", "ended_at", "household__external_id",
        "person__external_id", "kind",
    ):
        pk["sensitive_flag"][ext] = key
        if ended_at is not None:
            snap.ended_flags.add(ext)
        else:
            active[ext] = (household, person, kind)
    for ext, key, withdrawn_at in _rows(Consent, "external_id", "pk", "withdrawn_at"):
        pk["consent"][ext] = key
        if withdrawn_at is not None:
            snap.withdrawn_consents.add(ext)

    snap.has_events = Event.objects.exists()
    pk["short_contact"] = dict(_rows(ShortContact, "external_id", "pk"))
    for ext, key, ended_at in _rows(Involvement, "external_id", "pk", "ended_at"):
        snap.involvement_pk[ext] = key
        if ended_at is not None:
            snap.ended_involvements.add(ext)
    for team_id, kind, key in _rows(Unit, "team_id", "kind", "pk"):
        snap.units[(team_id, kind)] = key
    return snap
