"""Inflow, outflow and active cases (docs/figures.md, "Inflow, outflow and active cases").

Inflow: episodes registered in the period (a return is inflow again).
Outflow: episodes closed in the period, by the destination recorded with the
closure. Active on D: registered by the end of D and not closed by then, split
into waiting (help not started) and in help. Inflow and outflow are read from
the ``registered`` and ``closed`` events (index on kind and time), each in one
GROUP BY over source, unit, team and month; the groups are summed here. The
times are when things happened, so backdated events count where they happened.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q
from django.db.models.fields.json import KT
from django.db.models.functions import TruncMonth

from schakel.cases.constants import EventKind
from schakel.cases.models import Event
from schakel.insight.filters import Scope, end_of_day, start_of_day
from schakel.norms.rules import tz


def _label(value: object) -> str:
    if isinstance(value, dt.datetime):
        return value.astimezone(tz()).strftime("%Y-%m")
    if isinstance(value, dt.date):
        return value.strftime("%Y-%m")
    return str(value or "-")


def _events(kind: str, start: dt.date, end: dt.date, scope: Scope) -> Any:
    return (Event.objects.filter(kind=kind, occurred_at__gte=start_of_day(start),
                                 occurred_at__lt=end_of_day(end))
            .filter(scope.q("episode__"))
            .annotate(month=TruncMonth("occurred_at", tzinfo=tz())).order_by())


def _sum(rows: Iterable[dict[str, Any]], groups: dict[str, str]) -> dict[str, dict[str, int]]:
    result: dict[str, dict[str, int]] = {key: defaultdict(int) for key in groups}
    for row in rows:
        for key, column in groups.items():
            result[key][_label(row[column])] += row["n"]
    return {key: dict(sorted(v.items())) for key, v in result.items()}


GROUPS = {"by_source": "episode__source", "by_unit": "episode__unit",
          "by_team": "episode__team__name", "by_month": "month"}


def inflow(start: dt.date, end: dt.date, scope: Scope) -> dict[str, Any]:
    rows = list(_events(EventKind.REGISTERED, start, end, scope)
                .values(*GROUPS.values())
                .annotate(n=Count("pk"), r=Count("pk", filter=Q(episode__previous__isnull=False))))
    return {"figure": "inflow", "from": start.isoformat(), "to": end.isoformat(),
            "scope": scope.as_dict(), "total": sum(r["n"] for r in rows),
            "returns": sum(r["r"] for r in rows), **_sum(rows, GROUPS)}


def outflow(start: dt.date, end: dt.date, scope: Scope) -> dict[str, Any]:
    groups = {**GROUPS, "by_destination": "destination"}
    rows = list(_events(EventKind.CLOSED, start, end, scope)
                .annotate(destination=KT("data__destination"))
                .values(*groups.values())
                .annotate(n=Count("pk"),
                          unhelped=Count("pk", filter=Q(episode__help_started_at__isnull=True))))
    return {"figure": "outflow", "from": start.isoformat(), "to": end.isoformat(),
            "scope": scope.as_dict(), "total": sum(r["n"] for r in rows),
            "closed_without_help": sum(r["unhelped"] for r in rows), **_sum(rows, groups)}


def _active_q(at: dt.datetime) -> Q:
    return Q(registered_at__lt=at) & (Q(closed_at__isnull=True) | Q(closed_at__gte=at))


@dataclass(frozen=True)
class StockRow:
    unit: str
    team: str
    rayon: str
    city: str
    active: int
    in_help: int
    assigned_waiting: int

    @property
    def waiting(self) -> int:
        return self.active - self.in_help


def stock(day: dt.date, scope: Scope) -> list[StockRow]:
    """Active, in help and assigned-but-waiting on D per unit and team: one GROUP BY."""
    at = end_of_day(day)
    helped = Q(help_started_at__lt=at)
    rows = (scope.episodes().filter(_active_q(at)).order_by()
            .values_list("unit", "team__name", "team__rayon", "team__municipality__name")
            .annotate(total=Count("pk"), in_help=Count("pk", filter=helped),
                      assigned=Count("pk", filter=~helped & Q(assigned_at__lt=at))))
    return [StockRow(unit, team, rayon or "", city, total, in_help, assigned)
            for unit, team, rayon, city, total, in_help, assigned in rows]


def active_on(day: dt.date, scope: Scope, rows: list[StockRow] | None = None) -> dict[str, Any]:
    rows = stock(day, scope) if rows is None else rows
    empty = {"waiting": 0, "in_help": 0, "total": 0}
    result: dict[str, Any] = {"figure": "active", "on": day.isoformat(),
                              "scope": scope.as_dict(), **empty}
    for key, attr in (("by_unit", "unit"), ("by_team", "team")):
        groups: dict[str, dict[str, int]] = defaultdict(lambda: dict(empty))
        for row in rows:
            group = groups[getattr(row, attr)]
            group["waiting"] += row.waiting
            group["in_help"] += row.in_help
            group["total"] += row.active
        result[key] = dict(sorted(groups.items()))
    for row in rows:
        result["waiting"] += row.waiting
        result["in_help"] += row.in_help
        result["total"] += row.active
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
