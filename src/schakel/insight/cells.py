"""Small-cell suppression for aggregate figures.

Roles that see aggregates only (rayon manager, policy, district profiles) never
see a count under five: such a cell is shown as ``"<5"``, zero included, so
that an empty cell cannot be told apart from one that points at a few people.
Every aggregate shown to those roles goes through :func:`suppress`.
"""

from __future__ import annotations

SMALL_CELL = 5
SUPPRESSED = "<5"


def suppress(count: int) -> int | str:
    """The count, or ``"<5"`` when it is under :data:`SMALL_CELL`."""
    return SUPPRESSED if count < SMALL_CELL else count
