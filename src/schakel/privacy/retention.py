"""Retention: when a dossier is due for erasure, and erasure that keeps the figures.

A household is due when every episode has ended (aftercare included) and the
retention term of each episode's unit has passed since it closed. Erasure
replaces the persons' names, BSN and contact details with placeholders and
blanks the free text of the events, while episodes and events keep their
kinds, times, team, unit, source, urgency and destination: every figure
computed from the event log stays the same.

Apps that hold more personal data about a household register an eraser with
``register_eraser`` so erasure reaches their records too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.cases.constants import EventKind, State
from schakel.cases.lifecycle import REQUIRED_DATA
from schakel.cases.models import Event, Involvement
from schakel.people.models import Household, HouseholdMember, Person
from schakel.privacy.access import log_change
from schakel.privacy.constants import DEFAULT_RETENTION_YEARS, ERASED
from schakel.privacy.errors import PrivacyError
from schakel.privacy.models import (
    Consent,
    CorrectionRequest,
    EmergencyAccess,
    Erasure,
    Objection,
    RetentionRule,
    SensitiveFlag,
)
from schakel.tenancy.models import StaffProfile

# Event data that are codes, not free text: kept so every figure stays the same.
CODE_KEYS = frozenset({
    "source", "channel", "urgency", "unit", "multiple_problems", "destination", "norm",
    "previous_episode", "involvement", "kind", "kept", "merged", "category",
})
PERSON_BLANKS = ("family_name_prefix", "bsn", "phone", "email", "street", "house_number",
                 "postcode", "city")

Eraser = Callable[[Household], int]
_erasers: list[Eraser] = []


def register_eraser(eraser: Eraser) -> None:
    """Let another app erase its own personal data of a household (returns rows touched)."""
    if eraser not in _erasers:
        _erasers.append(eraser)


@dataclass(frozen=True)
class Term:
    years: int
    reference: str


def terms(municipality_id: int) -> dict[str, Term]:
    result = {unit: Term(years, _("default")) for unit, years in DEFAULT_RETENTION_YEARS.items()}
    for rule in RetentionRule.objects.filter(municipality_id=municipality_id):
        result[rule.unit] = Term(rule.years, rule.legal_reference)
    return result


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class Due:
    household: Household
    last_closed: dt.date
    due_on: dt.date
    rule: str


def _due_on(household: Household, rules: dict[str, Term]) -> tuple[dt.date, dt.date, str]:
    last, due, rule = dt.date.min, dt.date.min, ""
    for episode in household.episodes.all():
        closed = timezone.localdate(episode.closed_at) if episode.closed_at else dt.date.max
        term = rules.get(episode.unit, Term(max(DEFAULT_RETENTION_YEARS.values()), ""))
        on = _add_years(closed, term.years)
        last = max(last, closed)
        if on >= due:
            due, rule = on, f"{episode.unit}: {term.years} ({term.reference})"
    return last, due, rule


def due(on: dt.date | None = None, municipality_id: int | None = None) -> list[Due]:
    """Households whose retention term has passed on ``on`` (default today)."""
    on = on or timezone.localdate()
    ended = Household.objects.filter(episodes__isnull=False, merged_into__isnull=True).exclude(
        episodes__state__in=[s for s in State.values if s != State.ENDED]
    ).exclude(pk__in=Erasure.objects.values("household_id")).distinct()
    if municipality_id is not None:
        ended = ended.filter(team__municipality_id=municipality_id)
    found: list[Due] = []
    rule_cache: dict[int, dict[str, Term]] = {}
    for household in ended.select_related("team").prefetch_related("episodes").order_by("pk"):
        mid = household.team.municipality_id
        rules = rule_cache.setdefault(mid, terms(mid))
        last, due_on, rule = _due_on(household, rules)
        if due_on <= on:
            found.append(Due(household, last, due_on, rule))
    return found


def _blank_event(event: Event) -> bool:
    required = set(REQUIRED_DATA.get(event.kind, ()))
    data: dict[str, Any] = {}
    for key, value in event.data.items():
        code = key in CODE_KEYS or (key == "reason" and event.kind == EventKind.CLOSED)
        if code or isinstance(value, bool | int | float):
            data[key] = value
        elif key in required:
            data[key] = ERASED
    changed = data != event.data or bool(event.backdate_reason)
    if changed:
        event.data, event.backdate_reason = data, ""
        event.save(update_fields=["data", "backdate_reason"])
    return changed


def _erase_person(person: Person) -> None:
    person.given_name = ERASED
    person.family_name = ERASED
    person.birth_date = None
    for name in PERSON_BLANKS:
        setattr(person, name, "")
    person.save()


@transaction.atomic
def erase(household: Household, *, by: StaffProfile | None, actor: str = "",
          on: dt.date | None = None) -> Erasure:
    """Erase one due household's personal data; the anonymous figures stay intact."""
    household = Household.objects.select_for_update().get(pk=household.pk)
    match = next((d for d in due(on, household.team.municipality_id)
                  if d.household.pk == household.pk), None)
    if match is None:
        raise PrivacyError(_("Household %(ref)s is not due for erasure.")
                           % {"ref": household.reference})
    persons = [m.person for m in HouseholdMember.objects.filter(household=household)
               .select_related("person")]
    erased_persons = 0
    for person in persons:
        elsewhere = HouseholdMember.objects.filter(person=person).exclude(
            household=household).exclude(household__erasure__isnull=False)
        if not elsewhere.exists():
            _erase_person(person)
            erased_persons += 1
    person_ids = [p.pk for p in persons]
    Consent.objects.filter(Q(person_id__in=person_ids) | Q(household=household)).delete()
    SensitiveFlag.objects.filter(household=household).delete()
    CorrectionRequest.objects.filter(person_id__in=person_ids).delete()
    Objection.objects.filter(person_id__in=person_ids).delete()
    EmergencyAccess.objects.filter(household=household).update(
        reason=ERASED, review_note=ERASED)
    Involvement.objects.filter(household=household).update(
        name=ERASED, contact="", role="", person=None)
    events = sum(_blank_event(e) for e in Event.objects.filter(episode__household=household))
    for eraser in _erasers:
        eraser(household)
    household.name = ERASED
    household.save(update_fields=["name"])
    erasure = Erasure.objects.create(
        household=household, reference=household.reference, erased_at=timezone.now(),
        erased_by=(actor or (by.display_name if by else "system"))[:160],
        rule=match.rule[:200], persons=erased_persons, events=events,
    )
    log_change(by, "erasure", actor=actor, household=household, fields="all personal data",
               purpose=f"retention: {match.rule}", detail=f"persons={erased_persons} "
               f"events={events}")
    return erasure
