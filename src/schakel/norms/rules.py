"""Norm versions in force, due dates, and the obligations an episode's events create.

Everything here is pure: it takes events and norm versions and returns
obligations, so the caseload, the team signals, the digest and the reports
judge deadlines in exactly one way.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings

from schakel.cases.constants import EventKind
from schakel.norms.calendar import WorkingCalendar, add_months
from schakel.norms.constants import DUE_SOON_DAYS, LengthUnit, NormKind, ObligationStatus

BASE_VALID_FROM = dt.date(1900, 1, 1)
# Norms whose end event Schakel does not record yet create no obligations
# (they would all look overdue); they start counting once the event exists.
TRACKED_KINDS = frozenset(EventKind.values)


@dataclass(frozen=True)
class NormVersion:
    code: str
    name: str
    kind: str
    start_event: str
    end_event: str
    length: int
    unit: str
    applies_to_unit: str = ""
    applies_to_urgency: str = ""
    extension_length: int = 0
    extension_unit: str = ""
    roll_to_working_day: bool = False
    valid_from: dt.date = BASE_VALID_FROM

    def applies(self, unit: str, urgency: str) -> bool:
        return (not self.applies_to_unit or self.applies_to_unit == unit) and (
            not self.applies_to_urgency or self.applies_to_urgency == urgency
        )

    @property
    def is_deadline(self) -> bool:
        return self.kind != NormKind.CAPACITY and bool(self.start_event and self.end_event)


NORM_FIELDS = tuple(f.name for f in fields(NormVersion))


@lru_cache(maxsize=1)
def default_norms() -> tuple[NormVersion, ...]:
    raw = json.loads((Path(__file__).parent / "defaults.json").read_text(encoding="utf-8"))
    return tuple(NormVersion(**item) for item in raw)


class NormBook:
    """All versions of all norms of one municipality, with the defaults underneath."""

    def __init__(self, versions: Iterable[NormVersion]) -> None:
        by_code: dict[str, list[NormVersion]] = defaultdict(list)
        for v in (*default_norms(), *versions):
            by_code[v.code].append(v)
        self.by_code = {c: sorted(vs, key=lambda v: v.valid_from) for c, vs in by_code.items()}

    def in_force(self, code: str, day: dt.date) -> NormVersion | None:
        current = None
        for version in self.by_code.get(code, ()):
            if version.valid_from <= day:
                current = version
        return current

    def codes(self) -> list[str]:
        return sorted(self.by_code)

    def deadline_norms_on(self, day: dt.date) -> list[NormVersion]:
        found = (self.in_force(code, day) for code in self.codes())
        return [n for n in found if n is not None and n.is_deadline]


def tz() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def _end_of_local_day(day: dt.date) -> dt.datetime:
    """The first instant after ``day`` in local time: deadlines run to the end of a day."""
    return dt.datetime.combine(day + dt.timedelta(days=1), dt.time(), tzinfo=tz())


def add_length(
    start: dt.datetime, length: int, unit: str, calendar: WorkingCalendar, roll: bool
) -> dt.datetime:
    """The instant by which something must have happened (exclusive for day units)."""
    if unit == LengthUnit.HOURS:
        return start + dt.timedelta(hours=length)
    day = start.astimezone(tz()).date()
    if unit == LengthUnit.CALENDAR_DAYS:
        due = day + dt.timedelta(days=length)
    elif unit == LengthUnit.WORKING_DAYS:
        due = calendar.add_working_days(day, length)
    elif unit == LengthUnit.WEEKS:
        due = day + dt.timedelta(weeks=length)
    elif unit == LengthUnit.MONTHS:
        due = add_months(day, length)
    else:
        raise ValueError(f"not a time unit: {unit}")
    if roll:
        due = calendar.next_working_day_from(due)
    return _end_of_local_day(due)


@dataclass(frozen=True)
class EventFact:
    """The part of an event the norms look at."""

    kind: str
    occurred_at: dt.datetime
    data: dict[str, Any]


@dataclass(frozen=True)
class Obligation:
    norm: NormVersion
    started_at: dt.datetime
    due_at: dt.datetime
    met_at: dt.datetime | None
    lapsed: bool
    extended: bool
    motivated: bool

    def status(self, at: dt.datetime) -> ObligationStatus:
        if self.met_at is not None:
            on_time = self.met_at < self.due_at
            return ObligationStatus.MET_ON_TIME if on_time else ObligationStatus.MET_LATE
        if self.lapsed:
            return ObligationStatus.LAPSED
        if at >= self.due_at:
            return ObligationStatus.OVERDUE
        if self.due_at - at <= dt.timedelta(days=DUE_SOON_DAYS):
            return ObligationStatus.DUE_SOON
        return ObligationStatus.OPEN

    def missed(self, at: dt.datetime) -> bool:
        """Counted as missed: met late, or still not met when its deadline passed."""
        return self.status(at) in (ObligationStatus.MET_LATE, ObligationStatus.OVERDUE)

    def days_late(self, at: dt.datetime) -> float:
        end = self.met_at or at
        return max(0.0, (end - self.due_at).total_seconds() / 86400)


def obligations(
    events: Sequence[EventFact],
    *,
    unit: str,
    urgency: str,
    book: NormBook,
    calendar: WorkingCalendar,
) -> list[Obligation]:
    """The obligations an episode's events create, each judged by the norm then in force."""
    first: dict[str, dt.datetime] = {}
    for e in sorted(events, key=lambda e: e.occurred_at):
        first.setdefault(e.kind, e.occurred_at)
    closed_at = first.get("closed")
    extended = {e.data.get("norm") for e in events if e.kind == "deadline_extended"}
    motivated = {e.data.get("norm") for e in events if e.kind == "guideline_motivated"}
    result = []
    for code in book.codes():
        start = None
        norm = None
        for candidate in book.by_code[code]:
            if candidate.is_deadline and candidate.start_event in first:
                start = first[candidate.start_event]
                norm = book.in_force(code, start.astimezone(tz()).date())
                break
        if norm is None or start is None or not norm.is_deadline:
            continue
        if not norm.applies(unit, urgency) or norm.end_event not in TRACKED_KINDS:
            continue
        due = add_length(start, norm.length, norm.unit, calendar, norm.roll_to_working_day)
        is_extended = code in extended and norm.extension_length > 0
        if is_extended:
            due = add_length(due - dt.timedelta(microseconds=1), norm.extension_length,
                             norm.extension_unit or norm.unit, calendar, norm.roll_to_working_day)
        met = [e.occurred_at for e in events
               if e.kind == norm.end_event and e.occurred_at >= start]
        met_at = min(met) if met else None
        lapsed = (
            met_at is None
            and norm.start_event != "closed"
            and norm.end_event != "closed"
            and closed_at is not None
            and closed_at < due
        )
        result.append(Obligation(norm, start, due, met_at, lapsed, is_extended, code in motivated))
    return result
