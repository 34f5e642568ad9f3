"""The waiting list on a date, defined exactly (docs/figures.md, "Waiting list").

Waiting on date D = registered by the end of D, help not started by the end
of D, not closed by the end of D. It splits into the werkvoorraad (not yet
assigned) and assigned-not-started. Both are always reported; neither hides in
the other. Times are when things happened (occurred_at), so backdated and
late-recorded events put a household where it really was.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import Count, Q

from schakel.insight.filters import Scope, end_of_day
from schakel.insight.stats import summary


def _waiting_q(at: dt.datetime) -> Q:
    return (
        Q(registered_at__lt=at)
        & (Q(help_started_at__isnull=True) | Q(help_started_at__gte=at))
        & (Q(closed_at__isnull=True) | Q(closed_at__gte=at))
    )


def waiting_on(day: dt.date, scope: Scope, *, distribution: bool = True) -> dict[str, Any]:
    """The waiting list; ``distribution=False`` skips the days-waited summary (one row each)."""
    at = end_of_day(day)
    waiting = scope.episodes().filter(_waiting_q(at)).order_by()
    assigned = Q(assigned_at__lt=at)
    empty = {"werkvoorraad": 0, "assigned_not_started": 0, "total": 0}
    groups: dict[str, dict[str, dict[str, int]]] = {}
    for key, column in (("by_unit", "unit"), ("by_team", "team__name"),
                        ("by_rayon", "team__rayon"), ("by_city", "team__municipality__name")):
        rows = (waiting.values(column).annotate(total=Count("pk"),
                                                 assigned=Count("pk", filter=assigned))
                .values_list(column, "total", "assigned"))
        groups[key] = {
            str(name or "-"): {"werkvoorraad": total - n_assigned,
                               "assigned_not_started": n_assigned, "total": total}
            for name, total, n_assigned in sorted(rows, key=lambda r: str(r[0] or "-"))
        }
    totals = dict(empty)
    for row in groups["by_unit"].values():
        for k in empty:
            totals[k] += row[k]
    registered = waiting.values_list("registered_at", flat=True) if distribution else []
    days_waited = [(at - when).total_seconds() / 86400 for when in registered]
    return {
        "figure": "waiting_list",
        "on": day.isoformat(),
        "scope": scope.as_dict(),
        **totals,
        "days_waited_so_far": summary(days_waited),
        **groups,
    }
