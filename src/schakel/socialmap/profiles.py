"""Importing district profiles from CSV: all rows or none, every error named by line and field.

Columns (header row required, comma or semicolon separated)::

    cbs_code,name,year,population,age_0_17,age_18_64,age_65_plus,
    social_rent,unemployment,income,social_quality

``cbs_code`` is a wijk (WK + 6 digits) or buurt (BU + 8 digits) of a known
municipality (GM + the first 4 digits); unknown districts are created, a
buurt under its wijk. Shares are percentages with a decimal point or comma.
Impossible values (a share outside 0–100, age shares not summing to 100)
reject the file; implausible ones are imported and flagged on the profile.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.people.services import new_external_id
from schakel.socialmap.models import DistrictProfile
from schakel.tenancy.constants import DistrictLevel
from schakel.tenancy.models import District, Municipality

COLUMNS = ("cbs_code", "name", "year", "population", "age_0_17", "age_18_64", "age_65_plus",
           "social_rent", "unemployment", "income", "social_quality")
SHARES = ("age_0_17", "age_18_64", "age_65_plus", "social_rent", "unemployment")
AGES = ("age_0_17", "age_18_64", "age_65_plus")
CODE = re.compile(r"^(WK\d{6}|BU\d{8})$")
SUM_TOLERANCE = Decimal("0.5")
# Outside these the value is possible but unlikely: imported, and flagged.
PLAUSIBLE: dict[str, tuple[Decimal, Decimal]] = {
    "population": (Decimal(50), Decimal(100_000)),
    "unemployment": (Decimal(0), Decimal(30)),
    "income": (Decimal(8_000), Decimal(120_000)),
    "age_65_plus": (Decimal(0), Decimal(60)),
}


class ImportRefused(Exception):  # noqa: N818 - reads as what happened
    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


@dataclass
class Row:
    line: int
    values: dict[str, Any]
    flags: list[str] = field(default_factory=list)


@dataclass
class Result:
    created: int
    updated: int
    flagged: list[str]


def _number(raw: str, line: int, name: str, errors: list[str], whole: bool = False
            ) -> Decimal | None:
    text = raw.strip().replace(",", ".")
    try:
        value = Decimal(text)
        if not value.is_finite():
            raise InvalidOperation
    except InvalidOperation:
        errors.append(_("Line %(line)d, %(field)s: %(value)r is not a number.")
                      % {"line": line, "field": name, "value": raw})
        return None
    if whole and value != value.to_integral_value():
        errors.append(_("Line %(line)d, %(field)s: must be a whole number.")
                      % {"line": line, "field": name})
        return None
    return value


def _check(line: int, raw: dict[str, str], errors: list[str]) -> Row | None:
    before = len(errors)
    code = (raw.get("cbs_code") or "").strip().upper()
    if not CODE.match(code):
        errors.append(_("Line %(line)d, cbs_code: %(value)r is not a wijk (WK + 6 digits) or "
                        "buurt (BU + 8 digits) code.") % {"line": line, "value": code})
    values: dict[str, Any] = {"cbs_code": code, "name": (raw.get("name") or "").strip()[:120]}
    for name in COLUMNS[2:]:
        whole = name in ("year", "population", "income")
        values[name] = _number(raw.get(name) or "", line, name, errors, whole)
    if len(errors) > before:
        return None
    for name in SHARES:
        if not 0 <= values[name] <= 100:
            errors.append(_("Line %(line)d, %(field)s: a share must lie between 0 and 100, "
                            "not %(value)s.") % {"line": line, "field": name,
                                                 "value": values[name]})
    total = sum(values[name] for name in AGES)
    if abs(total - 100) > SUM_TOLERANCE:
        errors.append(_("Line %(line)d, age shares: age_0_17 + age_18_64 + age_65_plus add up "
                        "to %(total)s, not 100.") % {"line": line, "total": total})
    if not 1900 <= values["year"] <= 2100:
        errors.append(_("Line %(line)d, year: %(value)s is not a plausible year.")
                      % {"line": line, "value": values["year"]})
    for name in ("population", "income"):
        if values[name] < 0:
            errors.append(_("Line %(line)d, %(field)s: cannot be negative.")
                          % {"line": line, "field": name})
    if not 0 <= values["social_quality"] <= 10:
        errors.append(_("Line %(line)d, social_quality: the score runs from 0 to 10, "
                        "not %(value)s.") % {"line": line, "value": values["social_quality"]})
    if len(errors) > before:
        return None
    row = Row(line, values)
    for name, (low, high) in PLAUSIBLE.items():
        if not low <= values[name] <= high:
            row.flags.append(_("%(field)s = %(value)s is implausible (expected %(low)s–%(high)s)")
                             % {"field": name, "value": values[name], "low": low, "high": high})
    return row


def _municipality(code: str) -> Municipality | None:
    return Municipality.objects.filter(cbs_code=f"GM{code[2:6]}").first()


def parse(text: str) -> list[Row]:
    """Every row checked; raises ImportRefused listing each bad line and field."""
    sample = text[:2048]
    dialect = csv.Sniffer().sniff(sample, delimiters=",;") if sample.strip() else csv.excel
    reader = csv.DictReader(io.StringIO(text), dialect=dialect)
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise ImportRefused([_("Line 1: missing columns: %(cols)s.")
                             % {"cols": ", ".join(missing)}])
    errors: list[str] = []
    rows: list[Row] = []
    seen: dict[tuple[str, Decimal], int] = {}
    for raw in reader:
        line = reader.line_num
        row = _check(line, raw, errors)
        if row is None:
            continue
        key = (row.values["cbs_code"], row.values["year"])
        if key in seen:
            errors.append(_("Line %(line)d, cbs_code: %(code)s %(year)s already appears on "
                            "line %(first)d.") % {"line": line, "code": key[0],
                                                  "year": key[1], "first": seen[key]})
            continue
        seen[key] = line
        if _municipality(row.values["cbs_code"]) is None:
            errors.append(_("Line %(line)d, cbs_code: no municipality GM%(gm)s is set up.")
                          % {"line": line, "gm": row.values["cbs_code"][2:6]})
            continue
        rows.append(row)
    if not rows and not errors:
        errors.append(_("The file holds no rows."))
    if errors:
        raise ImportRefused(errors)
    return rows


def _district(code: str, name: str) -> District:
    existing = District.objects.filter(cbs_code=code).first()
    if existing is not None:
        return existing
    municipality = _municipality(code)
    assert municipality is not None
    parent = None
    if code.startswith("BU"):
        parent = _district(f"WK{code[2:8]}", "")
    return District.objects.create(
        municipality=municipality, cbs_code=code, name=name or code, parent=parent,
        level=DistrictLevel.BUURT if parent else DistrictLevel.WIJK,
        external_id=new_external_id("district"))


@transaction.atomic
def import_profiles(text: str, source: str = "") -> Result:
    rows = parse(text)
    created = updated = 0
    now = timezone.now()
    for row in rows:
        v = row.values
        district = _district(v["cbs_code"], v["name"])
        fields = {name: v[name] for name in COLUMNS[3:]}
        fields["population"] = int(fields["population"])
        fields["income"] = int(fields["income"])
        _profile, made = DistrictProfile.objects.update_or_create(
            district=district, year=int(v["year"]),
            defaults={**fields, "flags": row.flags, "source": source[:200],
                      "imported_at": now})
        created += made
        updated += not made
    flagged = [_("Line %(line)d: %(flags)s") % {"line": r.line, "flags": "; ".join(r.flags)}
               for r in rows if r.flags]
    return Result(created, updated, flagged)
