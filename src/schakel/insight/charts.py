"""Bar charts as accessible SVG: geometry here, markup in ``insight/_chart.svg``.

The chart draws one column of a table; the table itself is always shown
beside it. Suppressed cells ("<5") and empty cells get no bar, only their text.
"""

from __future__ import annotations

from dataclasses import dataclass

from schakel.insight.tables import Table, display

WIDTH, LABEL_WIDTH, BAR_HEIGHT, GAP = 640, 220, 18, 6
BAR_SPACE = WIDTH - LABEL_WIDTH - 70


@dataclass(frozen=True)
class Bar:
    label: str
    text: str
    y: int
    width: float
    text_x: float


@dataclass(frozen=True)
class Chart:
    title: str
    desc: str
    height: int
    bars: tuple[Bar, ...]
    width: int = WIDTH
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def chart(table: Table) -> Chart | None:
    col = table.chart
    if col is None or not table.rows:
        return None
    kind = table.kinds[col]
    values: list[float | None] = []
    for row in table.rows:
        cell = row[col]
        values.append(float(cell) if isinstance(cell, int | float) else None)
    top = max((abs(v) for v in values if v is not None), default=0) or 1
    bars = []
    for i, row in enumerate(table.rows):
        value = values[i]
        width = round(abs(value) / top * BAR_SPACE, 1) if value is not None else 0.0
        y = i * (BAR_HEIGHT + GAP)
        bars.append(Bar(str(row[0]), display(kind, row[col]), y, width,
                        LABEL_WIDTH + width + 6))
    desc = "; ".join(f"{b.label}: {b.text}" for b in bars)
    return Chart(f"{table.title}: {table.columns[col]}", desc,
                 len(bars) * (BAR_HEIGHT + GAP), tuple(bars))
