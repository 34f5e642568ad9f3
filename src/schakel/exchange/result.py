"""What an import did, per record type: created, updated, unchanged."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from schakel.exchange.spec import TYPES


@dataclass
class Counts:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self) -> int:
        return self.created + self.updated + self.unchanged


@dataclass
class ImportResult:
    counts: dict[str, Counts] = field(default_factory=lambda: {t: Counts() for t in TYPES})
    records: int = 0
    """Records read (lines other than the header)."""

    def __getitem__(self, kind: str) -> Counts:
        return self.counts[kind]

    @property
    def changed(self) -> bool:
        """False when the import found everything already in place (a repeated import)."""
        return any(c.created or c.updated for c in self.counts.values())

    def summary(self) -> list[str]:
        """One line per record type, for the command's output."""
        return [
            _("%(type)s: %(created)d created, %(updated)d updated, %(unchanged)d unchanged")
            % {"type": kind, "created": c.created, "updated": c.updated,
               "unchanged": c.unchanged}
            for kind, c in self.counts.items()
        ]
