import datetime as dt

from schakel.norms.calendar import WorkingCalendar, add_months
from schakel.norms.rules import add_length

D = dt.date
CAL = WorkingCalendar()


def test_koningsdag_is_not_a_working_day():
    assert not CAL.is_working_day(D(2026, 4, 27))
    # Friday 24 April + 1 working day skips the weekend and Koningsdag (Mon 27th)
    assert CAL.add_working_days(D(2026, 4, 24), 1) == D(2026, 4, 28)


def test_easter_monday_is_skipped():
    # Thursday 2 April 2026: Good Friday 3rd (Atw), weekend, Easter Monday 6th
    assert CAL.add_working_days(D(2026, 4, 2), 1) == D(2026, 4, 7)


def test_christmas_and_weekend_are_skipped():
    # Thursday 24 Dec 2026: 25th and 26th are Christmas, 27th Sunday
    assert CAL.add_working_days(D(2026, 12, 24), 1) == D(2026, 12, 28)
    assert CAL.add_working_days(D(2026, 12, 24), 5) == D(2027, 1, 4)  # New Year's Day skipped


def test_liberation_day_counts_every_year_for_statutory_terms():
    assert not CAL.is_working_day(D(2026, 5, 5))
    assert not CAL.is_working_day(D(2027, 5, 5))


def test_a_municipal_closing_day_is_not_a_working_day():
    closed = WorkingCalendar([D(2026, 5, 15)])  # day after Ascension
    assert CAL.is_working_day(D(2026, 5, 15))
    assert not closed.is_working_day(D(2026, 5, 15))
    assert closed.add_working_days(D(2026, 5, 13), 1) == D(2026, 5, 18)


def test_five_working_days_from_a_friday_ends_the_next_friday():
    assert CAL.add_working_days(D(2026, 11, 20), 5) == D(2026, 11, 27)


def test_a_statutory_deadline_on_a_sunday_moves_to_monday():
    start = dt.datetime(2026, 11, 1, 12, tzinfo=dt.UTC)  # Sunday; +2 weeks = Sunday 15th
    due = add_length(start, 2, "weeks", CAL, roll=True)
    assert due.date() == D(2026, 11, 17)  # end of Monday 16th = 00:00 Tuesday local
    unrolled = add_length(start, 2, "weeks", CAL, roll=False)
    assert unrolled.date() == D(2026, 11, 16)


def test_months_are_clamped_to_the_end_of_the_month():
    assert add_months(D(2026, 8, 31), 6) == D(2027, 2, 28)
    assert add_months(D(2026, 1, 15), 12) == D(2027, 1, 15)
