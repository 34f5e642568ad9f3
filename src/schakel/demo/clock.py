"""Time for the demo: working days, office hours and ISO timestamps.

The generator works in naive local (Europe/Amsterdam) datetimes and only adds
the offset when writing. Every moment it makes lies between 07:00 and 23:00,
so none falls in the hour that daylight-saving time skips or repeats.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from zoneinfo import ZoneInfo

import holidays

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
FAR_FUTURE = dt.datetime(9000, 1, 1)
_OFFICE_START = 8 * 60 + 30  # minutes after midnight
_OFFICE_END = 17 * 60


class Clock:
    """Working days (no weekends, no Dutch public holidays) around ``now``."""

    def __init__(self, now: dt.datetime, start: dt.datetime, rng: random.Random) -> None:
        self.now = now
        self.start = start
        self.rng = rng
        first = start.date() - dt.timedelta(days=40)
        last = now.date() + dt.timedelta(days=5 * 366)
        days_off = holidays.country_holidays("NL", years=range(first.year, last.year + 1))
        self.workdays: list[dt.date] = []
        self._next: dict[dt.date, int] = {}
        pending: list[dt.date] = []
        day = first
        while day <= last:
            pending.append(day)
            if day.weekday() < 5 and day not in days_off:
                for d in pending:
                    self._next[d] = len(self.workdays)
                pending.clear()
                self.workdays.append(day)
            day += dt.timedelta(days=1)
        self._last = last

    def workday_index(self, day: dt.date) -> int:
        """Index of the first working day on or after ``day``."""
        if day > self._last:
            return len(self.workdays) + (day - self._last).days
        return self._next.get(day, 0)

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        return self.workday_index(b) - self.workday_index(a)

    def add_working_days(self, day: dt.date, n: int) -> dt.date | None:
        """The working day ``n`` working days after ``day`` (None beyond the calendar)."""
        i = self.workday_index(day) + n
        return self.workdays[i] if i < len(self.workdays) else None

    def at_work(self, day: dt.date | None, not_before: dt.datetime) -> dt.datetime:
        """A moment during office hours on ``day``, never before ``not_before``."""
        if day is None:
            return FAR_FUTURE
        minute = self.rng.randrange(_OFFICE_START, _OFFICE_END)
        moment = dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60)
        if moment <= not_before:
            moment = not_before + dt.timedelta(minutes=self.rng.randrange(3, 75))
        return moment

    def later(self, base: dt.datetime, days: float) -> dt.datetime:
        """An office-hours moment on the first working day at least ``days`` after ``base``."""
        if days > 3000 or math.isnan(days):
            return FAR_FUTURE
        target = (base + dt.timedelta(days=days)).date()
        i = self.workday_index(target)
        day = self.workdays[i] if i < len(self.workdays) else None
        return self.at_work(day, base)

    def any_time(self, day: dt.date) -> dt.datetime:
        """A moment between 07:00 and 23:00 on any day (digital channels)."""
        minute = self.rng.randrange(7 * 60, 23 * 60)
        return dt.datetime(day.year, day.month, day.day, minute // 60, minute % 60)


_OFFSETS: dict[dt.date, str] = {}


def iso(moment: dt.datetime) -> str:
    """ISO 8601 with the Amsterdam offset of that moment.

    Offsets change only at night, so after 04:00 the day's noon offset is right
    and is cached per day (millions of calls for a large demo).
    """
    if moment.hour < 4:
        return moment.replace(tzinfo=AMSTERDAM).isoformat()
    day = moment.date()
    offset = _OFFSETS.get(day)
    if offset is None:
        noon = dt.datetime(day.year, day.month, day.day, 12, tzinfo=AMSTERDAM)
        offset = _OFFSETS[day] = noon.isoformat()[-6:]
    return moment.isoformat() + offset


def local_now() -> dt.datetime:
    """Now, as a naive Amsterdam datetime to the minute."""
    return dt.datetime.now(AMSTERDAM).replace(tzinfo=None, second=0, microsecond=0)
