"""Handover figures (docs/handovers.md, "Figures"), computed from the event log.

- Transfers between teams requested in the period: accepted, refused, still waiting,
  and the days from request to acceptance (a distribution). A transfer is a
  continuation of the same episode: it never counts as a closure plus a new case.
- Households without a director for any period: episodes in scope whose
  director timeline (``cases.direction``) has a gap between the first director
  and closure, or whose direction events break the rules in the order they
  happened. Policy says zero.
- Direction moved to a certified institution and back, warm handover meetings,
  and transition steps at 18.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from schakel.cases import direction
from schakel.cases.constants import EventKind
from schakel.cases.models import Event
from schakel.insight.filters import Scope, end_of_day, start_of_day
from schakel.insight.stats import summary

HANDOVER_KINDS = (
    EventKind.TRANSFER_REQUESTED, EventKind.TRANSFER_ACCEPTED, EventKind.TRANSFER_REFUSED,
    EventKind.HANDOVER_MEETING, EventKind.YOUTH_PROTECTION_DECIDED,
    EventKind.YOUTH_PROTECTION_ENDED, EventKind.ADULT_TRANSITION_PLANNED,
)


def _facts(episode_ids: list[int]) -> dict[int, list[direction.Fact]]:
    facts: dict[int, list[direction.Fact]] = defaultdict(list)
    rows = (Event.objects.filter(episode_id__in=episode_ids)
            .values_list("episode_id", "seq", "kind", "occurred_at", "data", "worker_id")
            .order_by("episode_id", "seq"))
    for episode_id, seq, kind, occurred_at, data, worker_id in rows:
        facts[episode_id].append(
            direction.Fact(seq, kind, occurred_at, {**(data or {}), "worker": worker_id}))
    return facts


def handover_figures(start: dt.date, end: dt.date, scope: Scope) -> dict[str, Any]:
    since, until = start_of_day(start), end_of_day(end)
    episode_ids = list(scope.episodes().values_list("pk", flat=True))
    facts = _facts(episode_ids)
    requested = accepted = refused = waiting = 0
    days_to_accept: list[float] = []
    counts: dict[str, int] = defaultdict(int)
    without_director: list[int] = []
    for episode_id, history in facts.items():
        spans = direction.timeline(history)
        in_period = [s for s in spans if s.start < until and (s.end is None or s.end >= since)]
        if direction.without_director(in_period) or (in_period and direction.faults(history)):
            without_director.append(episode_id)
        requests: dict[int, dt.datetime] = {}
        for f in history:
            if f.kind == EventKind.TRANSFER_REQUESTED and since <= f.occurred_at < until:
                requests[f.seq] = f.occurred_at
            elif f.kind in (EventKind.TRANSFER_ACCEPTED, EventKind.TRANSFER_REFUSED):
                asked = requests.pop(int(f.data.get("request", 0)), None)
                if asked is None:
                    continue
                if f.kind == EventKind.TRANSFER_ACCEPTED:
                    accepted += 1
                    days_to_accept.append((f.occurred_at - asked).total_seconds() / 86400)
                else:
                    refused += 1
            if f.kind == EventKind.TRANSFER_REQUESTED and since <= f.occurred_at < until:
                requested += 1
            elif f.kind in HANDOVER_KINDS and since <= f.occurred_at < until:
                if f.kind == EventKind.YOUTH_PROTECTION_DECIDED:
                    counts[f"youth_protection_{f.data.get('measure', '')}"] += 1
                elif f.kind == EventKind.HANDOVER_MEETING:
                    counts["handover_meetings"] += 1
                    counts["handover_meetings_resident_present"] += bool(
                        f.data.get("resident_present"))
                elif f.kind not in (EventKind.TRANSFER_ACCEPTED, EventKind.TRANSFER_REFUSED):
                    counts[str(f.kind)] += 1
        waiting += len(requests)
    return {
        "figure": "handovers",
        "from": start.isoformat(),
        "to": end.isoformat(),
        "scope": scope.as_dict(),
        "transfers": {
            "requested": requested,
            "accepted": accepted,
            "refused": refused,
            "waiting_for_answer": waiting,
            "days_request_to_acceptance": summary(days_to_accept),
        },
        "households_without_director": len(without_director),
        "other_handovers": dict(sorted(counts.items())),
    }
