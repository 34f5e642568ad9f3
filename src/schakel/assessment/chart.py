"""Geometry and words for a progress chart: server-rendered SVG, no JavaScript.

The template draws the SVG from :class:`Chart`; the same numbers are in a
table beside it, and :func:`describe` gives screen readers the trend in words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from schakel.assessment.queries import Series

WIDTH, HEIGHT = 340, 170
LEFT, RIGHT, TOP, BOTTOM = 40, 34, 14, 34


@dataclass(frozen=True)
class ChartPoint:
    x: float
    y: float
    value: int
    label: str
    when: str


@dataclass(frozen=True)
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    y_ticks: list[tuple[float, int, str]]
    x_ticks: list[tuple[float, str]]
    lines: list[str]
    points: list[ChartPoint]


def _day(day: dt.date) -> str:
    return date_format(day, "SHORT_DATE_FORMAT")


def line_chart(series: Series) -> Chart:
    """Levels (y) over measurements (x, evenly spaced in date order); gaps break the line."""
    values = [v for v, _label in series.levels] or [1, 5]
    low, high = min(values), max(values)
    span = max(high - low, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    n = len(series.points)

    def x_at(i: int) -> float:
        return round(LEFT + (plot_w / 2 if n == 1 else plot_w * i / (n - 1)), 1)

    def y_at(value: int) -> float:
        return round(TOP + plot_h * (high - value) / span, 1)

    y_ticks = [(y_at(v), v, label) for v, label in series.levels]
    x_ticks = [(x_at(i), _day(p.measurement.taken_on)) for i, p in enumerate(series.points)]
    points: list[ChartPoint] = []
    lines: list[str] = []
    run: list[str] = []
    for i, p in enumerate(series.points):
        if p.value is None:
            if len(run) > 1:
                lines.append(" ".join(run))
            run = []
            continue
        point = ChartPoint(x_at(i), y_at(p.value), p.value, p.label, _day(p.measurement.taken_on))
        points.append(point)
        run.append(f"{point.x},{point.y}")
    if len(run) > 1:
        lines.append(" ".join(run))
    return Chart(WIDTH, HEIGHT, LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM,
                 y_ticks, x_ticks, lines, points)


def trend(series: Series) -> str:
    """The change from the first to the latest measurement, in words."""
    change = series.change
    if change is None:
        return _("one measurement, no trend yet") if series.scored else _("not scored")
    if change > 0:
        return ngettext("improved by %(n)d level", "improved by %(n)d levels", change) % {
            "n": change}
    if change < 0:
        return ngettext("declined by %(n)d level", "declined by %(n)d levels", -change) % {
            "n": -change}
    return _("unchanged")


def describe(series: Series) -> str:
    """A sentence for the chart's <desc>: every value with its date, then the trend."""
    parts = [
        _("%(value)s (%(label)s) on %(day)s")
        % {"value": p.value, "label": p.label, "day": _day(p.measurement.taken_on)}
        if p.value is not None
        else _("not scored on %(day)s") % {"day": _day(p.measurement.taken_on)}
        for p in series.points
    ]
    return _("%(title)s: %(values)s. Trend: %(trend)s.") % {
        "title": series.title, "values": "; ".join(parts), "trend": trend(series)}
