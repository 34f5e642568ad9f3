"""The read side of privacy: searching the audit log, finding persons."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Q, QuerySet

from schakel.insight.filters import end_of_day, start_of_day
from schakel.people.bsn import normalise
from schakel.people.models import Person
from schakel.privacy.models import AccessLog
from schakel.tenancy.models import Municipality


def audit_records(municipality: Municipality, filters: dict[str, Any]) -> QuerySet[AccessLog]:
    """Audit records of the municipality's staff (and system actions), newest first."""
    records = AccessLog.objects.filter(
        Q(staff__municipality=municipality) | Q(staff__isnull=True)
    ).select_related("household", "person")
    if filters.get("actor"):
        records = records.filter(actor__icontains=filters["actor"])
    if filters.get("household"):
        records = records.filter(household__reference__iexact=filters["household"].strip())
    if filters.get("bsn"):
        persons = Person.objects.filter(bsn=normalise(filters["bsn"]))
        records = records.filter(
            Q(person__in=persons) | Q(household__members__person__in=persons)
        ).distinct()
    if filters.get("action"):
        records = records.filter(action__icontains=filters["action"])
    start: dt.date | None = filters.get("start")
    end: dt.date | None = filters.get("end")
    if start:
        records = records.filter(at__gte=start_of_day(start))
    if end:
        records = records.filter(at__lt=end_of_day(end))
    return records.order_by("-seq")


def find_persons(municipality: Municipality, query: str) -> QuerySet[Person]:
    """Persons in the municipality's households by BSN or by name."""
    query = query.strip()
    base = Person.objects.filter(
        memberships__household__team__municipality=municipality, merged_into__isnull=True
    )
    digits = normalise(query)
    if digits.isdigit() and len(digits) == 9:
        found = base.filter(bsn=digits)
    else:
        condition = Q()
        for token in query.split():
            condition &= Q(given_name__icontains=token) | Q(family_name__icontains=token)
        found = base.filter(condition) if query else base.none()
    return Person.objects.filter(pk__in=found.values("pk")).order_by(
        "family_name", "given_name", "birth_date")
