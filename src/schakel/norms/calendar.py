"""The working-day calendar: weekends, Dutch public holidays, municipal closing days.

Public holidays come from the maintained ``holidays`` library. For statutory
terms the Algemene termijnenwet (art. 3) also counts 5 May every year and Good
Friday as general holidays; the library lists 5 May only in lustrum years, so
it is added here. A municipality adds its own closing days (e.g. the day after
Ascension) as data.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import lru_cache

import holidays


@lru_cache(maxsize=64)
def _public_holidays(year: int) -> frozenset[dt.date]:
    days = set(holidays.country_holidays("NL", years=year).keys())
    days.add(dt.date(year, 5, 5))  # Bevrijdingsdag: Algemene termijnenwet art. 3 lid 1
    return frozenset(days)


def public_holiday_name(day: dt.date) -> str | None:
    if day.month == 5 and day.day == 5:
        return "Bevrijdingsdag"
    name = holidays.country_holidays("NL", years=day.year, language="nl").get(day)
    return str(name) if name else None


class WorkingCalendar:
    """Answers "is this a working day?" for one municipality."""

    def __init__(self, closing_days: Iterable[dt.date] = ()) -> None:
        self.closing_days = frozenset(closing_days)

    def is_working_day(self, day: dt.date) -> bool:
        return (
            day.weekday() < 5
            and day not in _public_holidays(day.year)
            and day not in self.closing_days
        )

    def add_working_days(self, start: dt.date, count: int) -> dt.date:
        """The ``count``-th working day after ``start`` (``start`` itself not counted)."""
        day = start
        remaining = count
        while remaining > 0:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def next_working_day_from(self, day: dt.date) -> dt.date:
        """``day`` if it is a working day, otherwise the first one after it."""
        while not self.is_working_day(day):
            day += dt.timedelta(days=1)
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days after ``start`` up to and including ``end``."""
        if end <= start:
            return 0
        return sum(
            1 for i in range(1, (end - start).days + 1)
            if self.is_working_day(start + dt.timedelta(days=i))
        )


def add_months(day: dt.date, months: int) -> dt.date:
    """Same day-of-month ``months`` later, clamped to the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)
