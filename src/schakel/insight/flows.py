"""Inflow, outflow and active cases (docs/figures.md, "Inflow, outflow and active cases").

Inflow: episodes registered in the period (a return is inflow again).
Outflow: episodes closed in the period, by the destination recorded with the
closure. Active on D: registered by the end of D and not closed by then, split
into waiting (help not started) and in help. Every count is one GROUP BY in
the database over the episode columns, which mirror the events' happened-at
times, so backdated events count where they happened.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.db.models.fields.json import KT
from django.db.models.functions import TruncMonth

from schakel.cases.constants import EventKind
from schakel.cases.models import Event
from schakel.insight.filters import Scope, end_of_day, start_of_day
from schakel.norms.rules import tz

GROUPS = {"by_source": "source", "by_unit": "unit", "by_team": "team__name",
          "by_month": "month"}


def _grouped(qs: QuerySet[Any], when: str, prefix: str = "") -> dict[str, dict[str, int]]:
    """Counts per source, unit, team and month: one GROUP BY each."""
    qs = qs.annotate(month=TruncMonth(when, tzinfo=tz()))
    result: dict[str, dict[str, int]] = {}
    for key, column in GROUPS.items():
        col = column if column == "month" else f"{prefix}{column}"
        rows = qs.order_by().values(col).annotate(n=Count("pk")).values_list(col, "n")
        result[key] = dict(sorted((_label(value), n) for value, n in rows))
    return result


def _label(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(tz()).strftime("%Y-%m")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m")
    return str(value or "-")


def inflow(start: dt.date, end: dt.date, scope: Scope) -> dict[str, Any]:
    qs = scope.episodes().filter(registered_at__gte=start_of_day(start),
                                 registered_at__lt=end_of_day(end))
    totals = qs.aggregate(total=Count("pk"), returns=Count("pk", filter=Q(previous__isnull=False)))
    return {"figure": "inflow", "from": start.isoformat(), "to": end.isoformat(),
            "scope": scope.as_dict(), **totals, **_grouped(qs, "registered_at")}


def outflow(start: dt.date, end: dt.date, scope: Scope) -> dict[str, Any]:
    closures = Event.objects.filter(
        kind=EventKind.CLOSED, occurred_at__gte=start_of_day(start),
        occurred_at__lt=end_of_day(end), episode__in=scope.episodes(),
    )
    grouped = _grouped(closures, "occurred_at", prefix="episode__")
    by_destination = dict(sorted(
        (str(d or "-"), n) for d, n in closures.order_by().values(d=KT("data__destination"))
        .annotate(n=Count("pk")).values_list("d", "n")))
    without_help = closures.filter(episode__help_started_at__isnull=True).count()
    return {"figure": "outflow", "from": start.isoformat(), "to": end.isoformat(),
            "scope": scope.as_dict(), "total": sum(by_destination.values()),
            "closed_without_help": without_help, "by_destination": by_destination, **grouped}


def _active_q(at: dt.datetime) -> Q:
    return Q(registered_at__lt=at) & (Q(closed_at__isnull=True) | Q(closed_at__gte=at))


def active_on(day: dt.date, scope: Scope) -> dict[str, Any]:
    at = end_of_day(day)
    helped = Q(help_started_at__lt=at)
    qs = scope.episodes().filter(_active_q(at))
    empty = {"waiting": 0, "in_help": 0, "total": 0}
    result: dict[str, Any] = {"figure": "active", "on": day.isoformat(),
                              "scope": scope.as_dict(), **empty}
    for key, column in (("by_unit", "unit"), ("by_team", "team__name")):
        groups: dict[str, dict[str, int]] = defaultdict(lambda: dict(empty))
        rows = (qs.order_by().values(column)
                .annotate(total=Count("pk"), in_help=Count("pk", filter=helped))
                .values_list(column, "total", "in_help"))
        for name, total, in_help in rows:
            groups[str(name)] = {"waiting": total - in_help, "in_help": in_help, "total": total}
        result[key] = dict(sorted(groups.items()))
    for row in result["by_unit"].values():
        for k in empty:
            result[k] += row[k]
    return result


def active_count(at: dt.datetime, scope: Scope) -> int:
    return scope.episodes().filter(_active_q(at)).count()


def balance(start: dt.date, end: dt.date, scope: Scope) -> dict[str, int]:
    """Active at the start + inflow − outflow, against active at the end."""
    before = active_count(start_of_day(start), scope)
    after = active_count(end_of_day(end), scope)
    qs = scope.episodes()
    came = qs.filter(registered_at__gte=start_of_day(start),
                     registered_at__lt=end_of_day(end)).count()
    left = qs.filter(closed_at__gte=start_of_day(start), closed_at__lt=end_of_day(end)).count()
    return {"active_at_start": before, "inflow": came, "outflow": left,
            "active_at_end": after, "difference": before + came - left - after}

