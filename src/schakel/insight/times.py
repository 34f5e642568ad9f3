"""Waiting times from registration to each milestone (docs/figures.md, "Waiting times").

Cohort: episodes registered in the period. For each milestone the time from
registration to its first occurrence. Households still waiting at the
reference moment count with the time waited so far (marked as still waiting),
so long waits are never dropped; episodes closed before reaching the milestone
are counted apart, as they no longer wait.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone

from schakel.cases.constants import EventKind
from schakel.cases.models import Event
from schakel.insight.filters import Scope, end_of_day, start_of_day
from schakel.insight.stats import share, summary
from schakel.norms.queries import obligations_for_episodes

MILESTONES: dict[str, tuple[str, ...]] = {
    EventKind.REFERRER_CONTACTED: ("referrer_contact",),
    EventKind.RESIDENT_CONTACTED: ("resident_contact", "urgent_contact"),
    EventKind.KITCHEN_TABLE: ("kitchen_table",),
    EventKind.HELP_STARTED: (),
    EventKind.PLAN_AGREED: ("plan",),
}


def waiting_times(
    start: dt.date, end: dt.date, scope: Scope, *, at: dt.datetime | None = None
) -> dict[str, Any]:
    at = at or timezone.now()
    episodes = list(
        scope.episodes()
        .filter(registered_at__gte=start_of_day(start), registered_at__lt=end_of_day(end))
        .select_related("team")
    )
    first: dict[tuple[int, str], dt.datetime] = {}
    events = (
        Event.objects.filter(episode__in=[e.pk for e in episodes], kind__in=list(MILESTONES))
        .values_list("episode_id", "kind", "occurred_at")
    )
    for episode_id, kind, occurred_at in events:
        key = (episode_id, kind)
        if key not in first or occurred_at < first[key]:
            first[key] = occurred_at
    obligations = obligations_for_episodes(episodes, at=at)
    result: dict[str, Any] = {
        "figure": "waiting_times",
        "from": start.isoformat(),
        "to": end.isoformat(),
        "at": at.isoformat(),
        "scope": scope.as_dict(),
        "cohort": len(episodes),
        "milestones": {},
    }
    for milestone, norm_codes in MILESTONES.items():
        values: list[float] = []
        reached = still_waiting = closed_before = 0
        for e in episodes:
            when = first.get((e.pk, milestone))
            if when is not None and when <= at:
                values.append((when - e.registered_at).total_seconds() / 86400)
                reached += 1
            elif e.closed_at is not None and e.closed_at <= at:
                closed_before += 1
            else:
                values.append((at - e.registered_at).total_seconds() / 86400)
                still_waiting += 1
        judged = [o for o in obligations if o.obligation.norm.code in norm_codes
                  and o.status in ("met_on_time", "met_late", "overdue")]
        on_time = sum(1 for o in judged if o.status == "met_on_time")
        result["milestones"][milestone] = {
            "label": str(EventKind(milestone).label),
            "reached": reached,
            "still_waiting": still_waiting,
            "closed_before_reaching": closed_before,
            **summary(values),
            "norms": list(norm_codes),
            "judged_against_norm": len(judged),
            "share_within_norm": share(on_time, len(judged)),
        }
    return result
