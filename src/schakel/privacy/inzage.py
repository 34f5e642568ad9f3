"""Inzage: everything Schakel holds about one person, as data (JSON) and as a page.

Which records are about a person is found from the models themselves: every
model with a chain of foreign keys to ``Person`` or ``Household`` is included,
so a model added later is part of the export without anyone remembering it.
Records of a household the person belongs to are included, except where a
"do not contact the parents" flag protects a child's help from a parent: those
are withheld and listed for the privacy officer to judge.
"""

from __future__ import annotations

import datetime as dt
import decimal
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.people.constants import HouseholdRole
from schakel.people.models import Household, HouseholdMember, Person
from schakel.privacy.constants import FlagKind
from schakel.privacy.models import SensitiveFlag

MAX_DEPTH = 4
ROW_LIMIT = 5000


def _paths(model: type[models.Model], depth: int = 0,
           seen: frozenset[type[models.Model]] = frozenset()) -> list[tuple[str, type]]:
    """Lookups from ``model`` to Person or Household along forward foreign keys."""
    found: list[tuple[str, type]] = []
    if depth >= MAX_DEPTH:
        return found
    for f in model._meta.get_fields():
        if not (f.is_relation and (f.many_to_one or f.one_to_one) and not f.auto_created):
            continue
        target = f.related_model
        if not isinstance(target, type):
            continue
        if target in (Person, Household):
            found.append((f.name, target))
        elif target not in seen and target is not model:
            found += [(f"{f.name}__{rest}", end)
                      for rest, end in _paths(target, depth + 1, seen | {model})]
    return found


def subject_models() -> dict[type[models.Model], list[tuple[str, type]]]:
    """Every installed model that holds data about a person, with its lookups."""
    result: dict[type[models.Model], list[tuple[str, type]]] = {}
    for model in apps.get_models():
        paths = _paths(model)
        if model in (Person, Household):
            paths = [("pk", model), *paths]
        if paths:
            result[model] = paths
    return result


# Readable titles for the models whose own verbose names are not set.
TITLES = {
    "people.Person": _("Personal details"),
    "people.Household": _("Households"),
    "people.HouseholdMember": _("Household membership"),
    "cases.Episode": _("Episodes of help"),
    "cases.Event": _("Steps in the help (timeline)"),
    "cases.Involvement": _("People involved"),
}


def label(model: type[models.Model]) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def title(model: type[models.Model]) -> str:
    return str(TITLES.get(label(model), model._meta.verbose_name_plural))


@dataclass
class Section:
    model: str
    title: str
    columns: list[tuple[str, str]]  # (field name, verbose name)
    rows: list[dict[str, Any]] = field(default_factory=list)
    displays: list[list[str]] = field(default_factory=list)


@dataclass
class Inzage:
    person: Person
    generated_at: dt.datetime
    households: list[Household]
    sections: list[Section]
    withheld: list[str]

    def as_json(self) -> dict[str, Any]:
        return {
            "person": self.person.pk,
            "generated_at": self.generated_at.isoformat(),
            "households": [h.reference for h in self.households],
            "withheld_households": self.withheld,
            "sections": {s.model: {"title": s.title, "count": len(s.rows), "rows": s.rows}
                         for s in self.sections},
        }


def _json(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    return value


def _display(obj: models.Model, f: models.Field[Any, Any]) -> str:
    if f.is_relation:
        related = getattr(obj, f.name, None)
        return "" if related is None else str(related)
    if f.choices:
        return str(getattr(obj, f"get_{f.name}_display")())
    value = getattr(obj, f.attname)
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if value in (None, "", [], {}):
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _withheld(person: Person, households: list[Household]) -> list[Household]:
    """Households whose records a parent may not see: a child's help is kept from them."""
    parent_in = set(HouseholdMember.objects.filter(
        person=person, role=HouseholdRole.PARENT).values_list("household_id", flat=True))
    flagged = set(SensitiveFlag.objects.filter(
        household_id__in=parent_in, kind=FlagKind.DO_NOT_CONTACT_PARENTS, ended_at__isnull=True,
    ).values_list("household_id", flat=True))
    return [h for h in households if h.pk in flagged]


def collect(person: Person) -> Inzage:
    """Records about the person, duplicates merged into them, and their households
    (with the duplicates merged into those)."""
    persons = [person, *Person.objects.filter(merged_into=person)]
    member_of = Household.objects.filter(members__person__in=persons)
    households = list(Household.objects.filter(
        Q(pk__in=member_of.values("pk")) | Q(merged_into__in=member_of.values("pk"))
    ).distinct().order_by("reference"))
    withheld = _withheld(person, households)
    shared = [h for h in households if h not in withheld]
    person_ids = [p.pk for p in persons]
    sections: list[Section] = []
    for model, paths in subject_models().items():
        q = Q()
        for path, end in paths:
            if end is Person:
                q |= Q(**{f"{path}__in": person_ids})
            elif path != "pk" and shared:
                q |= Q(**{f"{path}__in": shared})
            elif path == "pk" and shared:
                q |= Q(pk__in=[h.pk for h in shared])
        columns = [(f.name, str(f.verbose_name)) for f in model._meta.concrete_fields]
        section = Section(label(model), title(model), columns)
        if q:
            objects = model._default_manager.filter(q).distinct().order_by("pk")[:ROW_LIMIT]
            for obj in objects:
                fields = model._meta.concrete_fields
                section.rows.append({f.attname: _json(getattr(obj, f.attname)) for f in fields})
                section.displays.append([_display(obj, f) for f in fields])
        sections.append(section)
    sections.sort(key=lambda s: (not s.rows, s.model))
    return Inzage(person, timezone.now(), shared, sections, [h.reference for h in withheld])
