"""When child-safety checks of a youth episode are due, as pure functions.

A youth case gets a check at the start of help, then again each period the
``child_safety_check`` norm sets (Rotterdam: every 6 months) counted from the
latest check, after every change of situation the team plans one for, and a
last one before closing. The result is a list of obligations with the same
statuses the deadline norms use.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from schakel.assessment.constants import SafetyOccasion
from schakel.norms.calendar import add_months
from schakel.norms.constants import DUE_SOON_DAYS, LengthUnit, ObligationStatus

DEFAULT_PERIOD = (6, LengthUnit.MONTHS)


@dataclass(frozen=True)
class CheckFact:
    occasion: str
    due_on: dt.date | None
    done_on: dt.date | None
    reason: str = ""
    check_id: int | None = None


@dataclass(frozen=True)
class DueCheck:
    """One check the episode owes: ``due_on`` None means "when help starts"/"before closing"."""

    occasion: SafetyOccasion
    due_on: dt.date | None
    done_on: dt.date | None
    status: ObligationStatus
    reason: str = ""
    check_id: int | None = None

    @property
    def is_open(self) -> bool:
        return self.done_on is None and self.status != ObligationStatus.LAPSED


def add_period(day: dt.date, length: int, unit: str) -> dt.date:
    if unit == LengthUnit.WEEKS:
        return day + dt.timedelta(weeks=length)
    if unit in (LengthUnit.CALENDAR_DAYS, LengthUnit.WORKING_DAYS):
        return day + dt.timedelta(days=length)
    return add_months(day, length)


def status(due_on: dt.date | None, done_on: dt.date | None, today: dt.date) -> ObligationStatus:
    if done_on is not None:
        on_time = due_on is None or done_on <= due_on
        return ObligationStatus.MET_ON_TIME if on_time else ObligationStatus.MET_LATE
    if due_on is None:
        return ObligationStatus.OPEN
    if today > due_on:
        return ObligationStatus.OVERDUE
    if (due_on - today).days <= DUE_SOON_DAYS:
        return ObligationStatus.DUE_SOON
    return ObligationStatus.OPEN


def schedule(
    *,
    registered_on: dt.date,
    help_started_on: dt.date | None,
    closed_on: dt.date | None,
    checks: Sequence[CheckFact],
    today: dt.date,
    period: tuple[int, str] = DEFAULT_PERIOD,
) -> list[DueCheck]:
    """The checks a youth episode owes, done or not, in the order they fall due."""
    done = sorted((c for c in checks if c.done_on and c.done_on >= registered_on),
                  key=lambda c: c.done_on or registered_on)
    result: list[DueCheck] = []

    first = done[0].done_on if done else None
    start_status = status(help_started_on, first, today)
    if first is None and closed_on is not None:
        start_status = ObligationStatus.OVERDUE
    result.append(DueCheck(SafetyOccasion.START, help_started_on, first, start_status))

    for c in checks:
        if c.occasion != SafetyOccasion.CHANGE or (c.due_on is None and c.done_on is None):
            continue
        st = status(c.due_on, c.done_on, today)
        if c.done_on is None and closed_on is not None:
            st = ObligationStatus.LAPSED
        result.append(DueCheck(SafetyOccasion.CHANGE, c.due_on, c.done_on, st, c.reason,
                               c.check_id))

    if help_started_on is not None:
        base = done[-1].done_on if done else help_started_on
        assert base is not None
        due = add_period(base, *period)
        if closed_on is None or due <= closed_on:
            result.append(DueCheck(SafetyOccasion.PERIODIC, due, None, status(due, None, today)))

    end_done = next((c.done_on for c in reversed(done) if c.occasion == SafetyOccasion.END),
                    None)
    if end_done is not None:
        result.append(DueCheck(SafetyOccasion.END, closed_on, end_done,
                               ObligationStatus.MET_ON_TIME))
    elif closed_on is not None:
        result.append(DueCheck(SafetyOccasion.END, closed_on, None, ObligationStatus.OVERDUE))
    else:
        result.append(DueCheck(SafetyOccasion.END, None, None, ObligationStatus.OPEN))
    far = dt.date.max
    return sorted(result, key=lambda d: (d.done_on or d.due_on or far))
