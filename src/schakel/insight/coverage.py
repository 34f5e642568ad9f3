"""Needs analysis, plan and specialist care coverage (docs/figures.md, "Coverage").

Base: episodes in help on D (help started by the end of D, not closed by then).
Needs analysis: a measurement of the household taken from the registration
day to D. Plan: ``plan_agreed`` happened by D. Specialist care: ``scaled_up``
happened by D. Households with two directors: households with more than one
episode open on D (each open episode has its own director); one a household is
the rule, so any count here is an error to fix.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Exists, OuterRef, Q
from django.db.models.functions import TruncDate

from schakel.assessment.models import Measurement
from schakel.cases.constants import EventKind
from schakel.cases.models import Event
from schakel.insight.filters import Scope, end_of_day
from schakel.insight.stats import share
from schakel.norms.rules import tz

TARGETS = {"needs_analysis": 0.8, "plan": 0.7}


def _happened(kind: str, at: dt.datetime) -> Exists:
    return Exists(Event.objects.filter(episode=OuterRef("pk"), kind=kind, occurred_at__lt=at))


def coverage(day: dt.date, scope: Scope) -> dict[str, Any]:
    at = end_of_day(day)
    measured = Exists(Measurement.objects.filter(
        household=OuterRef("household_id"), taken_on__lte=day,
        taken_on__gte=OuterRef("registered_day")))
    in_help = scope.episodes().filter(
        Q(help_started_at__lt=at) & (Q(closed_at__isnull=True) | Q(closed_at__gte=at)))
    qs = in_help.annotate(registered_day=TruncDate("registered_at", tzinfo=tz())).annotate(
        has_measure=measured, has_plan=_happened(EventKind.PLAN_AGREED, at),
                          has_specialist=_happened(EventKind.SCALED_UP, at))
    rows = (qs.order_by().values("unit").annotate(
        in_help=Count("pk"),
        needs_analysis=Count("pk", filter=Q(has_measure=True)),
        plan=Count("pk", filter=Q(has_plan=True)),
        specialist=Count("pk", filter=Q(has_specialist=True)),
        specialist_without_plan=Count("pk", filter=Q(has_specialist=True, has_plan=False)),
    ))
    by_unit = {r.pop("unit"): _shares(r) for r in rows}
    totals = {k: sum(v[k] for v in by_unit.values())
              for k in ("in_help", "needs_analysis", "plan", "specialist",
                        "specialist_without_plan")}
    active = scope.episodes().filter(
        Q(registered_at__lt=at) & (Q(closed_at__isnull=True) | Q(closed_at__gte=at)))
    two = (active.order_by().values("household_id").annotate(n=Count("pk"))
           .filter(n__gt=1).count())
    return {"figure": "coverage", "on": day.isoformat(), "scope": scope.as_dict(),
            "targets": TARGETS, **_shares(totals), "households_with_two_directors": two,
            "by_unit": dict(sorted(by_unit.items()))}


def _shares(row: dict[str, int]) -> dict[str, Any]:
    return {**row,
            "needs_analysis_share": share(row["needs_analysis"], row["in_help"]),
            "plan_share": share(row["plan"], row["in_help"]),
            "specialist_share": share(row["specialist"], row["in_help"])}
