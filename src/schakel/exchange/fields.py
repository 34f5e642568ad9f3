"""Converters from JSON values to the values the database stores, one per kind of field.

Each converter returns the converted value or raises :class:`Problem` with a
message that says what is wrong with the value; the parser adds the line and
the field name. They are small closures over plain values, not Django form
fields, because an import runs them tens of millions of times.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from schakel.people.bsn import passes_eleven_test

Converter = Callable[[Any], Any]

DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")


class Problem(ValueError):
    """A value that cannot be used. ``path`` locates it inside a nested field."""

    def __init__(self, message: str, path: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.path = path


def show(value: Any) -> str:
    """The value as the user wrote it, quoted and cut short for a message."""
    text = f"'{value}'" if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 60 else text[:57] + "..."


def type_name(value: Any) -> str:
    if value is None:
        return _("null")
    if isinstance(value, bool):
        return _("true/false")
    if isinstance(value, int | float):
        return _("a number")
    if isinstance(value, str):
        return _("text")
    if isinstance(value, list):
        return _("a list")
    return _("an object")


def _expected(what: str, value: Any) -> Problem:
    return Problem(_("expected %(what)s, got %(got)s") % {"what": what, "got": type_name(value)})


def text(max_length: int, *, blank: bool = True) -> Converter:
    def convert(value: Any) -> str:
        if type(value) is not str:
            raise _expected(_("text"), value)
        if len(value) > max_length:
            raise Problem(
                _("%(value)s is too long (at most %(max)d characters)")
                % {"value": show(value), "max": max_length}
            )
        if not blank and not value.strip():
            raise Problem(_("must not be empty"))
        return value

    return convert


identifier = text(80, blank=False)
"""An external id: what references in the file point at."""


def nullable(convert: Converter) -> Converter:
    def convert_or_none(value: Any) -> Any:
        return None if value is None else convert(value)

    return convert_or_none


def integer(minimum: int) -> Converter:
    def convert(value: Any) -> int:
        if type(value) is not int:
            raise _expected(_("a whole number"), value)
        if value < minimum:
            raise Problem(
                _("%(value)s is too small (at least %(min)d)") % {"value": value, "min": minimum}
            )
        return value

    return convert


def boolean(value: Any) -> bool:
    if type(value) is not bool:
        raise _expected(_("true or false"), value)
    return value


def date(value: Any) -> dt.date:
    if type(value) is not str:
        raise _expected(_("a date (YYYY-MM-DD)"), value)
    try:
        if not DATE_RE.fullmatch(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Problem(_("%(value)s is not a date (YYYY-MM-DD)") % {"value": show(value)}) from None


def moment(value: Any) -> dt.datetime:
    """An ISO 8601 date and time with a UTC offset; microseconds are kept exactly."""
    if type(value) is not str:
        raise _expected(_("a date and time (ISO 8601)"), value)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or len(value) < 16:
        raise Problem(
            _("%(value)s is not a date and time in ISO 8601 "
              "(e.g. 2025-03-01T09:30:00.000000+00:00)") % {"value": show(value)}
        )
    if parsed.utcoffset() is None:
        raise Problem(
            _("%(value)s has no UTC offset (add e.g. +00:00 or +01:00)") % {"value": show(value)}
        )
    return parsed


def choice(values: Iterable[str]) -> Converter:
    allowed = frozenset(values)
    listed = ", ".join(sorted(allowed, key=lambda v: (v == "", v)))

    def convert(value: Any) -> str:
        if type(value) is not str or value not in allowed:
            raise Problem(
                _("%(value)s is not one of: %(allowed)s")
                % {"value": show(value), "allowed": listed}
            )
        return value

    return convert


def list_of(convert_item: Converter) -> Converter:
    def convert(value: Any) -> list[Any]:
        if type(value) is not list:
            raise _expected(_("a list"), value)
        result = []
        for i, item in enumerate(value):
            try:
                result.append(convert_item(item))
            except Problem as problem:
                raise Problem(problem.message, f"[{i}]{problem.path}") from None
        return result

    return convert


def json_object(value: Any) -> dict[str, Any]:
    if type(value) is not dict:
        raise _expected(_("an object"), value)
    return value


def fte(value: Any) -> Decimal:
    """A part-time factor as a decimal string, at most two decimals ("0.89")."""
    if type(value) is not str:
        raise _expected(_("a decimal number as text (e.g. \"0.89\")"), value)
    try:
        number = Decimal(value)
    except InvalidOperation:
        number = Decimal("NaN")
    if (
        not number.is_finite()
        or number < 0
        or number >= 100
        or number.as_tuple().exponent < -2  # type: ignore[operator]
    ):
        raise Problem(
            _("%(value)s is not a number between 0 and 99.99 with at most two decimals")
            % {"value": show(value)}
        )
    return number.quantize(Decimal("0.01"))


def bsn(value: Any) -> str:
    """Empty, or nine digits passing the 11-test. No normalising: a file says what it means."""
    if type(value) is not str:
        raise _expected(_("text"), value)
    if value and not passes_eleven_test(value):
        raise Problem(
            _("%(value)s is not a valid BSN: it must be 9 digits and pass the 11-test")
            % {"value": show(value)}
        )
    return value


def email(max_length: int) -> Converter:
    as_text = text(max_length)

    def convert(value: Any) -> str:
        value = as_text(value)
        if value:
            try:
                validate_email(value)
            except ValidationError:
                raise Problem(
                    _("%(value)s is not an e-mail address") % {"value": show(value)}
                ) from None
        return value

    return convert


def record(parts: dict[str, tuple[Converter, Any]]) -> Converter:
    """A small nested object with known keys; each key has a converter and a default.

    A default of ``...`` marks the key as required. Returns a tuple in the
    order of ``parts`` so the writer can unpack it without dict look-ups.
    """
    names = tuple(parts)

    def convert(value: Any) -> tuple[Any, ...]:
        if type(value) is not dict:
            raise _expected(_("an object"), value)
        unknown = sorted(set(value) - set(names))
        if unknown:
            raise Problem(_("unknown field"), f".{unknown[0]}")
        result = []
        for name, (convert_part, default) in parts.items():
            if name not in value:
                if default is ...:
                    raise Problem(_("is required"), f".{name}")
                result.append(default)
                continue
            try:
                result.append(convert_part(value[name]))
            except Problem as problem:
                raise Problem(problem.message, f".{name}{problem.path}") from None
        return tuple(result)

    return convert
