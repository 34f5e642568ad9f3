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
from schakel.insight.stats import summary


def _waiting_q(at: dt.datetime) -> Q:
    return (
        Q(registered_at__lt=at)
        & (Q(help_started_at__isnull=True) | Q(help_started_at__gte=at))
        & (Q(closed_at__isnull=True) | Q(closed_at__gte=at))
    )


def waiting_on(day: dt.date, scope: Scope) -> dict[str, Any]:
    at = end_of_day(day)
    rows = (
        scope.episodes()
        .filter(_waiting_q(at))
        .values_list("pk", "assigned_at", "unit", "team__name", "team__rayon",
                     "team__municipality__name", "registered_at")
    )
    empty = {"werkvoorraad": 0, "assigned_not_started": 0, "total": 0}
    totals = dict(empty)
    groups: dict[str, dict[str, dict[str, int]]] = {
        "by_unit": defaultdict(lambda: dict(empty)),
        "by_team": defaultdict(lambda: dict(empty)),
        "by_rayon": defaultdict(lambda: dict(empty)),
        "by_city": defaultdict(lambda: dict(empty)),
    }
    days_waited: list[float] = []
    for _pk, assigned_at, unit, team, rayon, city, registered_at in rows:
        bucket = "assigned_not_started" if assigned_at and assigned_at < at else "werkvoorraad"
        days_waited.append((at - registered_at).total_seconds() / 86400)
        for key, name in (("by_unit", unit), ("by_team", team),
                          ("by_rayon", rayon or "-"), ("by_city", city)):
            groups[key][name][bucket] += 1
            groups[key][name]["total"] += 1
        totals[bucket] += 1
        totals["total"] += 1
    return {
        "figure": "waiting_list",
        "on": day.isoformat(),
        "scope": scope.as_dict(),
        **totals,
        "days_waited_so_far": summary(days_waited),
        **{key: {name: groups[key][name] for name in sorted(groups[key])} for key in groups},
    }
