"""What validation hands to the writer: the facts it learnt that writing needs.

Keeping this small is what lets the writer stream the file a second time
instead of holding millions of parsed lines in memory.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class Plan:
    new_events: dict[str, tuple[int, int]] = field(default_factory=dict)
    """Episode external id -> (first, last) seq of the events the file adds to it."""
    involvement_ends: dict[str, dt.datetime] = field(default_factory=dict)
    """Involvement external id -> when an ``involvement_ended`` event in the file ended it."""
    unchanged_contacts: set[str] = field(default_factory=set)
    """Short contacts already stored with exactly this content."""
