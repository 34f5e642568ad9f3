"""Durations, the duration guideline and returns (docs/figures.md, "Durations and returns").

Cohort: episodes closed in the period. Per episode: days from registration to
closure, and days of help (start of help to closure; episodes closed without
a start of help have none and are counted apart). Across linked episodes: the
sum of the registration-to-closure days of this episode and every earlier
episode it is linked to through returns. Over the guideline: help lasted
longer than the unit's guideline (adults 6 months, youth 9 months, counted in
calendar months from the start of help). Return rate: of the registrations in
the period, the share that are returns (linked to an earlier episode).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Q

from schakel.cases.models import Episode
from schakel.insight.filters import Scope, end_of_day, start_of_day
from schakel.insight.stats import share, summary
from schakel.norms.rules import tz
from schakel.tenancy.constants import UnitKind

GUIDELINE_MONTHS = {UnitKind.ADULTS.value: 6, UnitKind.YOUTH.value: 9}
DAY = 86400.0


def add_months(when: dt.datetime, months: int) -> dt.datetime:
    """The same moment ``months`` later, the day clamped to the month's end (local time)."""
    local = when.astimezone(tz())
    month = local.month - 1 + months
    year, month = local.year + month // 12, month % 12 + 1
    day = min(local.day, calendar.monthrange(year, month)[1])
    return local.replace(year=year, month=month, day=day)


def _days(a: dt.datetime, b: dt.datetime) -> float:
    return (b - a).total_seconds() / DAY


def durations(start: dt.date, end: dt.date, scope: Scope) -> dict[str, Any]:
    cohort = list(
        scope.episodes()
        .filter(closed_at__gte=start_of_day(start), closed_at__lt=end_of_day(end))
        .values_list("pk", "household_id", "unit", "registered_at", "help_started_at",
                     "closed_at", "previous_id")
    )
    linked = _linked_days(cohort)
    per_unit: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    over: dict[str, int] = defaultdict(int)
    without_help: dict[str, int] = defaultdict(int)
    for pk, _h, unit, registered, started, closed, _prev in cohort:
        assert closed is not None
        for key in (unit, "all"):
            per_unit[key]["episode"].append(_days(registered, closed))
            per_unit[key]["linked"].append(linked[pk])
            if started is None:
                without_help[key] += 1
                continue
            per_unit[key]["help"].append(_days(started, closed))
            if closed > add_months(started, GUIDELINE_MONTHS.get(unit, 6)):
                over[key] += 1
    units: dict[str, Any] = {}
    for key in ["all", *sorted(k for k in per_unit if k != "all")]:
        values = per_unit[key]
        units[key] = {
            "closed": len(values["episode"]),
            "closed_without_help": without_help[key],
            "episode_days": summary(values["episode"]),
            "help_days": summary(values["help"]),
            "linked_days": summary(values["linked"]),
            "over_guideline": over[key],
            "share_over_guideline": share(over[key], len(values["help"])),
        }
    return {"figure": "durations", "from": start.isoformat(), "to": end.isoformat(),
            "scope": scope.as_dict(), "guideline_months": GUIDELINE_MONTHS,
            "units": units, "returns": return_rate(start, end, scope)}


def _linked_days(cohort: list[tuple[Any, ...]]) -> dict[int, float]:
    """Per cohort episode: its days plus those of every earlier linked episode."""
    households = {row[1] for row in cohort if row[6] is not None}
    earlier = {
        pk: (registered, closed, prev)
        for pk, registered, closed, prev in Episode.objects.filter(household_id__in=households)
        .values_list("pk", "registered_at", "closed_at", "previous_id")
    }
    result = {}
    for pk, _h, _u, registered, _s, closed, prev in cohort:
        total, seen = _days(registered, closed), {pk}
        while prev is not None and prev in earlier and prev not in seen:
            seen.add(prev)
            p_registered, p_closed, next_prev = earlier[prev]
            if p_closed is not None:
                total += _days(p_registered, p_closed)
            prev = next_prev
        result[pk] = total
    return result


def return_rate(start: dt.date, end: dt.date, scope: Scope) -> dict[str, Any]:
    qs = scope.episodes().filter(registered_at__gte=start_of_day(start),
                                 registered_at__lt=end_of_day(end))
    returned = Q(previous__isnull=False)
    by_unit = {
        unit: {"registrations": n, "returns": r, "return_rate": share(r, n)}
        for unit, n, r in qs.order_by().values("unit")
        .annotate(n=Count("pk"), r=Count("pk", filter=returned)).values_list("unit", "n", "r")
    }
    n = sum(v["registrations"] for v in by_unit.values())
    r = sum(v["returns"] for v in by_unit.values())
    return {"registrations": n, "returns": r, "return_rate": share(r, n),
            "by_unit": dict(sorted(by_unit.items()))}
