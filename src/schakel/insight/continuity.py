"""Staff continuity: case-director changes per case (docs/figures.md, "Staff continuity").

Cohort: episodes closed in the period. Workers per case: one for the first
assignment plus one per ``director_changed`` event; episodes never assigned
have none. Per team: the cohort's cases with more than one worker.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce

from schakel.cases.constants import EventKind
from schakel.cases.models import Event
from schakel.insight.filters import Scope, end_of_day, start_of_day
from schakel.insight.stats import share

BINS = ("0", "1", "2", "3", "4+")


def continuity(start: dt.date, end: dt.date, scope: Scope) -> dict[str, Any]:
    cohort = scope.episodes().filter(closed_at__gte=start_of_day(start),
                                     closed_at__lt=end_of_day(end))
    changes = (Event.objects.filter(episode=OuterRef("pk"), kind=EventKind.DIRECTOR_CHANGED)
               .order_by().values("episode").annotate(c=Count("pk")).values("c"))
    rows = (cohort.annotate(
        assigned=Exists(Event.objects.filter(episode=OuterRef("pk"), kind=EventKind.ASSIGNED)),
        changes=Coalesce(Subquery(changes), 0))
        .order_by().values("team__name", "assigned", "changes").annotate(n=Count("pk")))
    histogram = dict.fromkeys(BINS, 0)
    by_team: dict[str, dict[str, int]] = defaultdict(lambda: {"cases": 0, "more_than_one": 0})
    changes_total = 0
    for r in rows:
        workers = (1 if r["assigned"] else 0) + r["changes"]
        histogram[BINS[min(workers, 4)]] += r["n"]
        by_team[r["team__name"]]["cases"] += r["n"]
        by_team[r["team__name"]]["more_than_one"] += r["n"] if workers > 1 else 0
        changes_total += r["changes"] * r["n"]
    cases = sum(histogram.values())
    more = sum(v["more_than_one"] for v in by_team.values())
    return {"figure": "continuity", "from": start.isoformat(), "to": end.isoformat(),
            "scope": scope.as_dict(), "cases": cases, "director_changes": changes_total,
            "more_than_one_worker": more, "share_more_than_one_worker": share(more, cases),
            "workers_per_case": histogram,
            "by_team": {k: {**v, "share": share(v["more_than_one"], v["cases"])}
                        for k, v in sorted(by_team.items())}}
