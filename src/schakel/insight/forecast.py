"""Capacity forecast with what-ifs and a back-test (docs/forecast.md).

A monthly flow model calibrated on the six months before the forecast date:

- inflow per month: registrations in the window / 6, times (1 − lower inflow);
- share leaving unhelped: closures without a start of help in the window, per
  registration in the window;
- starts of help per month: starts in the window / 6, scaled by
  (fte + extra fte) / fte and by 1 / (1 − shorter help), because a team's
  throughput is its capacity divided by how long help lasts;
- exits from help per month: people in help / mean months of help.

Waiting(m+1) = waiting(m) + inflow × (1 − unhelped share) − starts, never
below zero (starts are capped by who waits). The expected wait for someone
joining in month m is waiting / starts (Little's law), in days. The back-test
runs the same model from an earlier date with only what happened by then and
compares the projected waiting list with the real one month by month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

from django.db.models import Avg, Count, F, Q
from django.utils import timezone

from schakel.insight.caseload import _teams
from schakel.insight.durations import add_months
from schakel.insight.filters import Scope, end_of_day, local_day
from schakel.insight.waiting import _waiting_q
from schakel.tenancy.constants import Role
from schakel.tenancy.models import Membership

WINDOW_MONTHS = 6
HORIZON_MONTHS = 12
BACKTEST_MONTHS = 6
MONTH_DAYS = 30.44


@dataclass(frozen=True)
class WhatIf:
    extra_fte: float = 0.0
    lower_inflow: float = 0.0  # share, 0.1 = 10% fewer registrations
    shorter_help: float = 0.0  # share, 0.1 = help lasts 10% shorter

    def errors(self, fte: float) -> dict[str, str]:
        """Field name to problem, empty when the what-if can be computed."""
        errors = {}
        if fte + self.extra_fte < 0:
            errors["extra_fte"] = "more fte removed than the teams have"
        for name in ("lower_inflow", "shorter_help"):
            if not 0 <= getattr(self, name) < 1:
                errors[name] = "a share from 0 up to (not including) 1"
        return errors


@dataclass(frozen=True)
class Baseline:
    as_of: str
    inflow_per_month: float
    unhelped_share: float
    starts_per_month: float
    mean_help_days: float | None
    waiting: int
    in_help: int
    fte: float


def _fte(scope: Scope) -> float:
    ids = [t.pk for t in _teams(scope)]
    staff = (Membership.objects.filter(team_id__in=ids, role=Role.TEAM_MEMBER)
             .values_list("staff_id", "staff__fte").distinct())
    return round(sum(float(fte) for _s, fte in staff), 2)


def baseline(as_of: dt.date, scope: Scope) -> Baseline:
    """The model's inputs from what happened in the window up to ``as_of``."""
    end = end_of_day(as_of)
    start = add_months(end, -WINDOW_MONTHS)
    qs = scope.episodes()
    registered = qs.filter(registered_at__gte=start, registered_at__lt=end).count()
    closures = qs.filter(closed_at__gte=start, closed_at__lt=end)
    unhelped = closures.filter(Q(help_started_at__isnull=True)
                               | Q(help_started_at__gte=end)).count()
    helped = closures.filter(help_started_at__isnull=False).aggregate(
        n=Count("pk"), mean=Avg(F("closed_at") - F("help_started_at")))
    starts = qs.filter(help_started_at__gte=start, help_started_at__lt=end).count()
    mean = helped["mean"]
    in_help = qs.filter(Q(help_started_at__lt=end)
                        & (Q(closed_at__isnull=True) | Q(closed_at__gte=end))).count()
    return Baseline(
        as_of=as_of.isoformat(),
        inflow_per_month=round(registered / WINDOW_MONTHS, 3),
        unhelped_share=round(min(unhelped / registered, 1.0), 4) if registered else 0.0,
        starts_per_month=round(starts / WINDOW_MONTHS, 3),
        mean_help_days=round(_days(mean), 1) if mean is not None else None,
        waiting=qs.filter(_waiting_q(end)).count(),
        in_help=in_help,
        fte=_fte(scope),
    )


def _days(value: object) -> float:
    if isinstance(value, dt.timedelta):
        return value.total_seconds() / 86400
    return float(value) / 86400e6  # type: ignore[arg-type]  # SQLite: microseconds


def project(base: Baseline, what: WhatIf, months: int = HORIZON_MONTHS) -> list[dict[str, Any]]:
    """The waiting list and in-help count at the end of each coming month."""
    scale = ((base.fte + what.extra_fte) / base.fte) if base.fte else 1.0
    starts_cap = base.starts_per_month * max(scale, 0.0) / (1 - what.shorter_help)
    inflow = base.inflow_per_month * (1 - what.lower_inflow)
    net_inflow = inflow * (1 - base.unhelped_share)
    help_months = ((base.mean_help_days or MONTH_DAYS) * (1 - what.shorter_help)) / MONTH_DAYS
    waiting, in_help = float(base.waiting), float(base.in_help)
    start_day = dt.date.fromisoformat(base.as_of)
    rows = []
    for m in range(1, months + 1):
        starts = min(starts_cap, waiting + net_inflow)
        waiting = max(waiting + net_inflow - starts, 0.0)
        in_help = max(in_help + starts - in_help / max(help_months, 1 / MONTH_DAYS), 0.0)
        wait_days = round(waiting / starts * MONTH_DAYS, 1) if starts > 0 else None
        rows.append({"month": _month_end(start_day, m).isoformat(), "inflow": round(inflow, 1),
                     "starts": round(starts, 1), "waiting": round(waiting, 1),
                     "in_help": round(in_help, 1), "expected_wait_days": wait_days})
    return rows


def _month_end(day: dt.date, months: int) -> dt.date:
    return local_day(add_months(end_of_day(day), months)) - dt.timedelta(days=1)


def backtest(as_of: dt.date, scope: Scope, months: int = BACKTEST_MONTHS) -> dict[str, Any]:
    """Forecast from ``months`` before ``as_of`` and compare with what happened."""
    start = _month_end(as_of, -months)
    base = baseline(start, scope)
    rows = []
    for row in project(base, WhatIf(), months):
        day = dt.date.fromisoformat(row["month"])
        actual = scope.episodes().filter(_waiting_q(end_of_day(day))).count()
        rows.append({"month": row["month"], "forecast": row["waiting"], "actual": actual,
                     "error": round(row["waiting"] - actual, 1)})
    errors = [abs(r["error"]) for r in rows]
    relative = [abs(r["error"]) / r["actual"] for r in rows if r["actual"]]
    return {"from": start.isoformat(), "baseline": asdict(base), "months": rows,
            "mean_absolute_error": round(sum(errors) / len(errors), 2) if errors else None,
            "mean_absolute_percentage_error":
                round(sum(relative) / len(relative), 4) if relative else None}


def forecast(scope: Scope, *, as_of: dt.date | None = None,
             what: WhatIf | None = None) -> dict[str, Any]:
    as_of = as_of or timezone.localdate()
    what = what or WhatIf()
    base = baseline(as_of, scope)
    errors = what.errors(base.fte)
    if errors:
        raise ValueError("; ".join(f"{k}: {v}" for k, v in errors.items()))
    return {"figure": "forecast", "as_of": as_of.isoformat(), "scope": scope.as_dict(),
            "what_if": asdict(what), "baseline": asdict(base),
            "months": project(base, what), "without_changes": project(base, WhatIf()),
            "backtest": backtest(as_of, scope)}

