"""Figures as tables: what pages, charts, CSV/XLSX/JSON exports and the monitor show.

Each column has a kind. For viewers who see aggregates only, :func:`for_viewer`
shows every ``count`` cell under five as ``"<5"`` (the one rule in
:mod:`schakel.insight.cells`) and hides every statistic (share, days, ratio)
of a row whose base count is under five, since a median of three waits tells
as much as the three waits. Tables naming persons are never built for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from schakel.insight.cells import SMALL_CELL, suppress

LABEL, COUNT, SHARE, DAYS, RATIO, TEXT = "label", "count", "share", "days", "ratio", "text"
ESTIMATE = "estimate"  # a model figure in people: under five shown as "<5" too
Cell = int | float | str | None


@dataclass(frozen=True)
class Table:
    key: str
    title: str
    columns: tuple[str, ...]
    kinds: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    chart: int | None = 1  # index of the column drawn as bars; None: no chart
    note: str = ""
    links: tuple[str, ...] = field(default_factory=tuple)  # one URL per row, names only

    def base(self, row: tuple[Cell, ...]) -> int | None:
        """The row's base: its first count cell."""
        for kind, cell in zip(self.kinds, row, strict=True):
            if kind == COUNT:
                return cell if isinstance(cell, int) else None
        return None


def for_viewer(table: Table, names: bool) -> Table:
    """The table as a viewer sees it: unchanged with names, else small cells suppressed."""
    if names:
        return table
    rows = []
    for row in table.rows:
        base = table.base(row)
        small = base is not None and base < SMALL_CELL
        cells: list[Cell] = []
        for kind, cell in zip(table.kinds, row, strict=True):
            if kind == COUNT and isinstance(cell, int):
                cells.append(suppress(cell))
            elif kind == ESTIMATE and isinstance(cell, (int, float)) and cell < SMALL_CELL:
                cells.append(suppress(0))
            elif kind in (SHARE, DAYS, RATIO) and small:
                cells.append(None)
            else:
                cells.append(cell)
        rows.append(tuple(cells))
    return replace(table, rows=tuple(rows), links=())


def display(kind: str, cell: Cell) -> str:
    """A cell as text, the same in pages, PDF and CSV."""
    if cell is None:
        return "–"
    if isinstance(cell, str):
        return cell
    if kind == SHARE:
        return f"{cell * 100:.0f}%"
    if kind in (DAYS, RATIO, ESTIMATE):
        return f"{cell:.1f}"
    return str(cell)


def counted(pairs: dict[str, int], labels: dict[str, str] | None = None) -> tuple[
        tuple[Cell, ...], ...]:
    """Rows ``(label, count)`` sorted by label, with display labels where given."""
    labels = labels or {}
    return tuple((str(labels.get(k, k or "-")), v) for k, v in sorted(pairs.items()))


def display_rows(table: Table) -> list[list[tuple[bool, str]]]:
    """Rows as (is row header, text) pairs for the page."""
    return [[(i == 0 and table.kinds[0] == LABEL, display(kind, cell))
             for i, (kind, cell) in enumerate(zip(table.kinds, row, strict=True))]
            for row in table.rows]
