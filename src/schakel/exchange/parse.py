"""Reading a file line by line into :class:`Record` objects, in chunks.

Parsing only looks at one line at a time (JSON, field names, types, enum
values, dates, the BSN 11-test). Whether references resolve and events may
follow each other is the validator's job, because it needs the whole file
and the database.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from django.utils.translation import gettext as _

from schakel.exchange.errors import ErrorLog
from schakel.exchange.fields import Problem, moment, show
from schakel.exchange.spec import ALLOWED_KEYS, FORMAT, HEADER_KEYS, SPECS, TYPES, VERSION

CHUNK_LINES = 5000
_MISSING = object()


class Record:
    """One line's record: its type, external id, line number and converted fields.

    ``ok`` is False when a field could not be converted; such a record is
    kept only so that its id is known and later lines do not report
    follow-on errors about it.
    """

    __slots__ = ("type", "id", "line", "f", "ok")

    def __init__(self, type: str, id: str | None, line: int, f: dict[str, Any], ok: bool) -> None:
        self.type = type
        self.id = id
        self.line = line
        self.f = f
        self.ok = ok

    def __repr__(self) -> str:
        return f"<Record {self.type} {self.id} line {self.line}>"


class HeaderRefused(Exception):
    """The first line is not a header we can read; the rest is not looked at."""


def check_header(number: int, text: str, errors: ErrorLog) -> None:
    expected = json.dumps(
        {"type": "header", "format": FORMAT, "version": VERSION, "exported_at": "..."}
    )
    try:
        raw = json.loads(text)
    except ValueError:
        raw = None
    if not isinstance(raw, dict) or raw.get("type") != "header" or raw.get("format") != FORMAT:
        errors.add(
            number,
            _("the file must start with a header line like %(header)s") % {"header": expected},
        )
        raise HeaderRefused
    if raw.get("version") != VERSION:
        errors.field(
            number, "version",
            _("version %(found)s is not supported (this Schakel reads version %(version)d)")
            % {"found": show(raw.get("version")), "version": VERSION},
        )
        raise HeaderRefused
    for name in sorted(set(raw) - set(HEADER_KEYS)):
        errors.field(number, name, _("unknown field in the header"))
    try:
        moment(raw.get("exported_at"))
    except Problem as problem:
        errors.field(number, "exported_at", problem.message)
    if errors:
        raise HeaderRefused


def parse_line(number: int, text: str, errors: ErrorLog) -> Record | None:
    """The record on one line, or None when the line cannot be read at all."""
    try:
        raw = json.loads(text)
    except ValueError as exc:
        errors.add(number, _("not valid JSON (%(detail)s)") % {"detail": exc})
        return None
    if type(raw) is not dict:
        errors.add(number, _("a line must hold one JSON object"))
        return None
    kind = raw.get("type")
    specs = SPECS.get(kind) if type(kind) is str else None
    if specs is None:
        if kind == "header":
            problem = _("a header is only allowed on the first line")
        else:
            problem = _("%(value)s is not a record type; expected one of: %(types)s") % {
                "value": show(kind), "types": ", ".join(TYPES)
            }
        errors.field(number, "type", problem)
        return None
    assert isinstance(kind, str)
    ok = True
    if len(raw) > len(specs) + 1 or not raw.keys() <= ALLOWED_KEYS[kind]:
        for name in sorted(raw.keys() - ALLOWED_KEYS[kind]):
            errors.field(number, name, _("unknown field for type '%(type)s'") % {"type": kind})
            ok = False
    values: dict[str, Any] = {}
    for spec in specs:
        value = raw.get(spec.name, _MISSING)
        if value is _MISSING:
            if spec.required:
                errors.field(number, spec.name, _("is required"))
                ok = False
            else:
                values[spec.name] = spec.default()
            continue
        try:
            values[spec.name] = spec.convert(value)
        except Problem as problem:
            errors.field(number, spec.name + problem.path, problem.message)
            ok = False
    return Record(kind, values.get("id"), number, values, ok)


LOADERS = {
    kind: tuple((spec.name, spec.load, spec.default) for spec in specs)
    for kind, specs in SPECS.items()
}


def load_line(number: int, text: str, errors: ErrorLog) -> Record | None:
    """The record on a line already validated: convert, check nothing (second pass)."""
    raw = json.loads(text)
    kind = raw["type"]
    values: dict[str, Any] = {}
    for name, load, default in LOADERS[kind]:
        value = raw.get(name, _MISSING)
        if value is _MISSING:
            values[name] = default()
        elif load is None:
            values[name] = value
        else:
            values[name] = load(value)
    return Record(kind, values["id"], number, values, True)


def read_chunks(
    lines: Iterable[str], errors: ErrorLog, *, trusted: bool = False
) -> Iterator[list[Record]]:
    """Parsed records in chunks of about :data:`CHUNK_LINES` lines.

    Chunks let the validator and writer fetch what they need from the
    database for many lines with one query, while memory stays flat.
    ``trusted`` is for the second pass over a file that passed validation.
    """
    parse = load_line if trusted else parse_line
    chunk: list[Record] = []
    number = 0
    header_seen = False
    iterator = iter(lines)
    while True:
        try:
            text = next(iterator)
        except StopIteration:
            break
        except UnicodeDecodeError:
            errors.add(number + 1, _("the file is not UTF-8 text"))
            break
        number += 1
        if not text.strip():
            continue
        if not header_seen:
            check_header(number, text, errors)
            header_seen = True
            continue
        record = parse(number, text, errors)
        if record is not None:
            chunk.append(record)
            if len(chunk) >= CHUNK_LINES:
                yield chunk
                chunk = []
    if not header_seen:
        errors.add(1, _("the file is empty; it must start with a header line"))
        raise HeaderRefused
    if chunk:
        yield chunk
