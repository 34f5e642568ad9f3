"""Writing the whole database as an exchange file, streaming.

The order is the format's type order, then primary key (events: episode,
then seq), so exporting the same data twice gives the same lines, and
exporting an imported export gives the file back. Values are written in one
canonical form: timestamps in UTC with microseconds, keys inside event data
sorted (PostgreSQL's jsonb does not keep key order, SQLite does).

Sensitive flags and consents travel with the households they belong to, so
the receiving system honours them; every export is one audit record
(docs/privacy.md).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import Any, TextIO

from django.db.models import Model
from django.utils import timezone

from schakel.cases.models import Episode, Event, ShortContact
from schakel.exchange.spec import FIELD_NAMES, FORMAT, TYPES, VERSION
from schakel.people.models import Household, HouseholdMember, Person
from schakel.privacy.access import log_change
from schakel.privacy.models import Consent, SensitiveFlag
from schakel.tenancy.models import (
    District,
    Membership,
    Municipality,
    Organisation,
    StaffProfile,
    Team,
)

CHUNK = 5000
ACTOR = "schakel export"


def moment(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).isoformat(timespec="microseconds")


def canonical(value: Any) -> Any:
    """JSON with object keys sorted at every level."""
    if isinstance(value, dict):
        return {key: canonical(value[key]) for key in sorted(value)}
    if isinstance(value, list):
        return [canonical(item) for item in value]
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return moment(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _rows(model: type[Model], columns: Iterable[str], order: Iterable[str] = ("pk",)) -> Iterator:
    return (
        model._default_manager.order_by(*order).values_list(*columns).iterator(chunk_size=CHUNK)
    )


def _records(kind: str, rows: Iterable[tuple[Any, ...]]) -> Iterator[dict[str, Any]]:
    names = FIELD_NAMES[kind]
    for row in rows:
        record: dict[str, Any] = {"type": kind}
        for name, value in zip(names, row, strict=True):
            record[name] = _plain(value)
        yield record


def _staff() -> Iterator[dict[str, Any]]:
    places: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for staff, team, role, unit, deputy in _rows(
        Membership, ("staff_id", "team__external_id", "role", "unit__kind", "deputy")
    ):
        places[staff].append({"team": team, "role": role, "unit": unit, "deputy": deputy})
    for (pk, ext, municipality, organisation, username, name, roles, specialisms, fte,
         reg_kind, reg_number, reg_expires) in _rows(StaffProfile, (
            "pk", "external_id", "municipality__external_id", "organisation__external_id",
            "user__username", "display_name", "roles", "specialisms", "fte",
            "registration_kind", "registration_number", "registration_expires")):
        yield {
            "type": "staff", "id": ext, "municipality": municipality,
            "organisation": organisation, "username": username, "display_name": name,
            "roles": roles, "places": places.pop(pk, []), "specialisms": specialisms,
            "fte": f"{Decimal(fte):.2f}",
            "registration": {"kind": reg_kind, "number": reg_number,
                             "expires": _plain(reg_expires)},
        }


def _households() -> Iterator[dict[str, Any]]:
    """Households in chunks, each chunk with one query for its members."""
    rows = _rows(Household, ("pk", "external_id", "reference", "team__external_id", "name",
                             "merged_into__external_id"))
    chunk: list[tuple[Any, ...]] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield from _household_chunk(chunk)
            chunk = []
    yield from _household_chunk(chunk)


def _household_chunk(chunk: list[tuple[Any, ...]]) -> Iterator[dict[str, Any]]:
    if not chunk:
        return
    members: dict[int, list[dict[str, str]]] = defaultdict(list)
    for household, person, role in HouseholdMember.objects.filter(
        household_id__in=[row[0] for row in chunk]
    ).order_by("pk").values_list("household_id", "person__external_id", "role"):
        members[household].append({"person": person, "role": role})
    for pk, ext, reference, team, name, merged_into in chunk:
        yield {"type": "household", "id": ext, "reference": reference, "team": team,
               "name": name, "members": members[pk], "merged_into": merged_into}


def _events() -> Iterator[dict[str, Any]]:
    for (ext, episode, seq, kind, occurred_at, recorded_at, by, worker, reason,
         data) in _rows(Event, (
            "external_id", "episode__external_id", "seq", "kind", "occurred_at",
            "recorded_at", "recorded_by__external_id", "worker__external_id",
            "backdate_reason", "data"), order=("episode_id", "seq")):
        yield {"type": "event", "id": ext, "episode": episode, "seq": seq, "kind": kind,
               "occurred_at": moment(occurred_at), "recorded_at": moment(recorded_at),
               "recorded_by": by, "worker": worker, "backdate_reason": reason,
               "data": canonical(data)}


def all_records() -> Iterator[dict[str, Any]]:
    """Every record in file order, as the JSON objects the format describes."""
    yield from _records("municipality", _rows(Municipality, ("external_id", "name", "cbs_code")))
    yield from _records("district", _rows(District, (
        "external_id", "municipality__external_id", "level", "cbs_code", "name",
        "parent__external_id")))
    yield from _records("organisation", _rows(Organisation, (
        "external_id", "name", "kind", "municipality__external_id")))
    yield from _records("team", _rows(Team, (
        "external_id", "municipality__external_id", "name", "district__external_id", "rayon")))
    yield from _staff()
    yield from _records("person", _rows(Person, (
        "external_id", "given_name", "family_name_prefix", "family_name", "birth_date", "bsn",
        "phone", "email", "street", "house_number", "postcode", "city",
        "merged_into__external_id")))
    yield from _households()
    yield from _records("sensitive_flag", _rows(SensitiveFlag, (
        "external_id", "household__external_id", "person__external_id", "kind", "note",
        "set_by__external_id", "set_at", "ended_by__external_id", "ended_at")))
    yield from _records("consent", _rows(Consent, (
        "external_id", "person__external_id", "household__external_id", "purpose",
        "recipient__external_id", "categories", "method", "given_at", "valid_until", "note",
        "recorded_by__external_id", "withdrawn_at", "withdrawn_by__external_id",
        "withdrawal_note")))
    yield from _records("episode", _rows(Episode, (
        "external_id", "household__external_id", "team__external_id", "number",
        "previous__external_id")))
    yield from _events()
    yield from _records("short_contact", _rows(ShortContact, (
        "external_id", "team__external_id", "category", "source", "channel", "occurred_at",
        "recorded_at", "recorded_by__external_id", "note")))


def dumps(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def counts_detail(counts: dict[str, int]) -> str:
    """Records per type for the audit record, in file order, leaving out empty types."""
    return " ".join(f"{kind}={counts[kind]}" for kind in TYPES if counts.get(kind))


def export(stream: TextIO, *, actor: str = ACTOR) -> int:
    """Write the whole database to ``stream``; returns the number of lines written.

    The export is recorded in the audit log (``actor`` names who or what ran
    it; there is no staff member behind a command) once it has been written.
    """
    header = {"type": "header", "format": FORMAT, "version": VERSION,
              "exported_at": moment(timezone.now())}
    stream.write(dumps(header) + "\n")
    lines = 1
    counts: Counter[str] = Counter()
    for record in all_records():
        stream.write(dumps(record) + "\n")
        counts[record["type"]] += 1
        lines += 1
    log_change(None, "export", actor=actor, fields="exchange:all",
               purpose="schakel-exchange export (docs/exchange.md)",
               detail=f"lines={lines} {counts_detail(counts)}")
    return lines
