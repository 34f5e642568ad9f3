"""Uniqueness of non-id values (names, codes, usernames, references) after the import.

The question is not "is this value already in the database" but "would two
records share it once the file is applied": a file may rename a record and
give its old name to another. So the check is made on the final state, at
the end of validation: database values, overridden by the file's values.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass, field


@dataclass
class UniqueCheck:
    name: str
    database: dict[str, Hashable]
    reserved: Iterable[Hashable] = ()
    file: dict[str, tuple[Hashable, int]] = field(default_factory=dict)

    def add(self, ext: str, value: Hashable, line: int) -> None:
        self.file[ext] = (value, line)

    def conflicts(self) -> Iterator[tuple[int, Hashable, str | None]]:
        """(line, value, other record's external id or None for a reserved value)."""
        owner: dict[Hashable, str | None] = {value: None for value in self.reserved}
        for ext, value in self.database.items():
            if ext not in self.file:
                owner[value] = ext
        for ext, (value, line) in self.file.items():
            if value is None:
                continue
            if value in owner:
                yield line, value, owner[value]
            else:
                owner[value] = ext
