"""The waiting list on a date, defined exactly (docs/figures.md, "Waiting list").

Waiting on date D = registered by the end of D, help not started by the end
of D, not closed by the end of D. It splits into the werkvoorraad (not yet
assigned) and assigned-not-started. Both are always reported; neither hides in
the other. Times are when things happened (occurred_at), so backdated and
late-recorded events put a household where it really was.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Q

from schakel.insight.filters import Scope, end_of_day
from schakel.insight.flows import StockRow, stock
from schakel.insight.stats import summary


def _waiting_q(at: dt.datetime) -> Q:
    return (
        Q(registered_at__lt=at)
        & (Q(help_started_at__isnull=True) | Q(help_started_at__gte=at))
        & (Q(closed_at__isnull=True) | Q(closed_at__gte=at))
    )


def waiting_on(day: dt.date, scope: Scope, *, distribution: bool = True,
               rows: list[StockRow] | None = None) -> dict[str, Any]:
    """The waiting list; ``distribution=False`` skips the days-waited summary (one row each).

    ``rows`` reuses the stock already counted for the same day and scope.
    """
    at = end_of_day(day)
    rows = stock(day, scope) if rows is None else rows
    empty = {"werkvoorraad": 0, "assigned_not_started": 0, "total": 0}
    groups: dict[str, dict[str, dict[str, int]]] = {
        key: defaultdict(lambda: dict(empty)) for key in ("by_unit", "by_team", "by_rayon",
                                                          "by_city")}
    totals = dict(empty)
    for row in rows:
        if not row.waiting:
            continue
        names = {"by_unit": row.unit, "by_team": row.team, "by_rayon": row.rayon or "-",
                 "by_city": row.city}
        for bucket in (*(groups[key][name] for key, name in names.items()), totals):
            bucket["werkvoorraad"] += row.waiting - row.assigned_waiting
            bucket["assigned_not_started"] += row.assigned_waiting
            bucket["total"] += row.waiting
    days_waited: list[float] = []
    if distribution:
        registered = scope.episodes().filter(_waiting_q(at)).values_list("registered_at",
                                                                         flat=True)
        days_waited = [(at - when).total_seconds() / 86400 for when in registered]
    return {
        "figure": "waiting_list",
        "on": day.isoformat(),
        "scope": scope.as_dict(),
        **totals,
        "days_waited_so_far": summary(days_waited),
        **{key: dict(sorted(g.items())) for key, g in groups.items()},
    }
