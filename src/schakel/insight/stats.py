"""Distribution figures with documented methods (see docs/figures.md)."""

from __future__ import annotations

import math
from collections.abc import Sequence

# Histogram bins in days: [lower, upper); the last is open-ended.
DAY_BINS: tuple[tuple[float, float | None], ...] = (
    (0, 2), (2, 5), (5, 10), (10, 20), (20, 42), (42, 90), (90, None),
)


def nearest_rank(values: Sequence[float], pct: float) -> float | None:
    """The smallest value with at least ``pct`` percent of values at or below it."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def histogram(values: Sequence[float]) -> list[dict[str, object]]:
    rows = []
    for lower, upper in DAY_BINS:
        count = sum(1 for v in values if v >= lower and (upper is None or v < upper))
        label = f"{lower:g}-{upper:g}" if upper is not None else f"{lower:g}+"
        rows.append({"days": label, "count": count})
    return rows


def summary(values: Sequence[float]) -> dict[str, object]:
    return {
        "n": len(values),
        "median": _round(nearest_rank(values, 50)),
        "p75": _round(nearest_rank(values, 75)),
        "p90": _round(nearest_rank(values, 90)),
        "max": _round(max(values) if values else None),
        "histogram": histogram(values),
    }


def share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)
