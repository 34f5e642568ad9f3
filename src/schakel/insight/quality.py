"""Data-quality checks, each a query naming the records to fix (docs/figures.md, "Data quality").

A check counts episodes in scope that break one rule. Team leaders get the
household references, linked to the household page; aggregate-only roles get
the counts alone (small ones as "<5").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.cases.constants import EventKind, State
from schakel.cases.models import Episode, Event
from schakel.insight.filters import Scope
from schakel.plans.models import SpecialistReferral

LIST_LIMIT = 50


@dataclass(frozen=True)
class Check:
    code: str
    label: Any
    query: Callable[[QuerySet[Episode], dt.datetime, int], QuerySet[Episode]]


def _has(kind: str) -> Exists:
    return Exists(Event.objects.filter(episode=OuterRef("pk"), kind=kind))


def _open(qs: QuerySet[Episode]) -> QuerySet[Episode]:
    return qs.filter(closed_at__isnull=True)


CHECKS: tuple[Check, ...] = (
    Check("no_activity", _("Open, no activity for more than %(days)s days"),
          lambda qs, now, n: _open(qs).filter(last_event_at__lt=now - dt.timedelta(days=n))),
    Check("provider_unknown", _("Open, assigned or in help, but nobody recorded as helping"),
          lambda qs, now, n: _open(qs).filter(state__in=[State.WAITING, State.ACTIVE],
                                              director__isnull=True)),
    Check("referral_provider_unknown",
          _("Open, specialist care requested without the provider"),
          lambda qs, now, n: _open(qs).filter(Exists(SpecialistReferral.objects.filter(
              episode=OuterRef("pk"), provider="")))),
    Check("assigned_not_started",
          _("Assigned more than %(days)s days ago, start of help not recorded"),
          lambda qs, now, n: _open(qs).filter(assigned_at__lt=now - dt.timedelta(days=n),
                                              help_started_at__isnull=True)),
    Check("help_without_start",
          _("Plan or specialist care recorded, but no start of help"),
          lambda qs, now, n: qs.filter(help_started_at__isnull=True).filter(
              _has(EventKind.PLAN_AGREED) | _has(EventKind.SCALED_UP))),
    Check("urgency_missing", _("Urgency not recorded"),
          lambda qs, now, n: qs.filter(urgency="")),
    Check("dates_out_of_order", _("Help started or closed before the registration"),
          lambda qs, now, n: qs.filter(Q(help_started_at__lt=F("registered_at"))
                                       | Q(closed_at__lt=F("registered_at")))),
    Check("closure_mismatch", _("Closure on the case differs from its events"),
          lambda qs, now, n: qs.filter(
              (Q(closed_at__isnull=True) & _has(EventKind.CLOSED))
              | (Q(closed_at__isnull=False) & ~_has(EventKind.CLOSED)))),
)


def quality(scope: Scope, *, days: int = 60, names: bool = False,
            at: dt.datetime | None = None) -> dict[str, Any]:
    """Count per check; with ``names`` also up to 50 references per check."""
    now = at or timezone.now()
    base = scope.episodes()
    checks = {}
    for check in CHECKS:
        qs = check.query(base, now, days)
        entry: dict[str, Any] = {"label": str(check.label) % {"days": days},
                                 "count": qs.count()}
        if names:
            entry["records"] = [
                {"reference": f"{ref}/{number}", "household": ref, "team": team}
                for ref, number, team in qs.order_by("registered_at")
                .values_list("household__reference", "number", "team__name")[:LIST_LIMIT]
            ]
        checks[check.code] = entry
    return {"figure": "data_quality", "at": now.isoformat(), "inactive_days": days,
            "scope": scope.as_dict(), "checks": checks}
