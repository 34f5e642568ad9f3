"""Norm compliance over a period (docs/figures.md, "Norm compliance").

Denominator: every obligation whose deadline fell in the period and has
passed at the reference moment, lapsed obligations excepted (the episode
closed before the deadline without the step). Met on time: the end event
happened before the deadline. Missed: met late, or still open past the
deadline. Each obligation is judged by the norm version in force on the day
its start event happened.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Q
from django.utils import timezone

from schakel.insight.filters import Scope, end_of_day, local_day, start_of_day
from schakel.insight.stats import nearest_rank, share
from schakel.norms.constants import ObligationStatus
from schakel.norms.queries import EpisodeObligation, obligations_for_episodes

# Longest reach of a norm from registration to deadline (youth 9+3 months after
# help started), with room to spare: episodes closed earlier cannot matter.
REACH = dt.timedelta(days=800)


def deadline_day(due_at: dt.datetime) -> dt.date:
    """The last day on which the obligation could still be met."""
    return local_day(due_at - dt.timedelta(microseconds=1))


def obligations_due(
    start: dt.date, end: dt.date, scope: Scope, at: dt.datetime
) -> list[EpisodeObligation]:
    lo, hi = start_of_day(start), end_of_day(end)
    episodes = (
        scope.episodes()
        .filter(registered_at__lt=hi)
        .filter(Q(closed_at__isnull=True) | Q(closed_at__gte=lo - REACH))
        .select_related("team", "household")
    )
    return [
        o for o in obligations_for_episodes(episodes.iterator(chunk_size=2000), at=at)
        if start <= deadline_day(o.obligation.due_at) <= end
        and o.obligation.due_at <= at
        and o.status != ObligationStatus.LAPSED
    ]


def norm_compliance(
    start: dt.date, end: dt.date, scope: Scope, *, at: dt.datetime | None = None
) -> dict[str, Any]:
    at = at or timezone.now()
    per_norm: dict[str, list[EpisodeObligation]] = defaultdict(list)
    for o in obligations_due(start, end, scope, at):
        per_norm[o.obligation.norm.code].append(o)
    norms = {}
    for code in sorted(per_norm):
        items = per_norm[code]
        on_time = sum(1 for o in items if o.status == ObligationStatus.MET_ON_TIME)
        late = [o.obligation.days_late(at) for o in items if o.obligation.missed(at)]
        by_unit: dict[str, dict[str, int]] = defaultdict(lambda: {"due": 0, "met_on_time": 0})
        for o in items:
            by_unit[o.episode.unit]["due"] += 1
            by_unit[o.episode.unit]["met_on_time"] += int(o.status == "met_on_time")
        norms[code] = {
            "name": items[0].obligation.norm.name,
            "due": len(items),
            "met_on_time": on_time,
            "missed": len(items) - on_time,
            "still_open_past_deadline": sum(1 for o in items if o.status == "overdue"),
            "share_on_time": share(on_time, len(items)),
            "days_late_median": _r(nearest_rank(late, 50)),
            "days_late_p90": _r(nearest_rank(late, 90)),
            "days_late_max": _r(max(late) if late else None),
            "by_unit": {u: dict(v) for u, v in sorted(by_unit.items())},
        }
    return {
        "figure": "norm_compliance",
        "from": start.isoformat(),
        "to": end.isoformat(),
        "at": at.isoformat(),
        "scope": scope.as_dict(),
        "norms": norms,
    }


def _r(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
