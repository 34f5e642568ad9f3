"""How an import reports what is wrong: per line, naming the field, at most 50.

A migration file from an old system is usually wrong in many places at once;
reporting only the first problem would make the operator fix one line per
run. Reporting everything would drown them. Fifty is enough to see the
pattern.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _

MAX_ERRORS = 50


@dataclass(frozen=True)
class LineError:
    """One problem: the line it is on (1-based; 0 when no single line is to blame)."""

    line: int
    message: str

    def __str__(self) -> str:
        return f"regel {self.line} / line {self.line}: {self.message}"


class ImportFailed(Exception):
    """The file was refused; nothing was written. ``errors`` says where and why."""

    def __init__(self, errors: list[LineError], *, truncated: bool = False) -> None:
        self.errors = list(errors)
        self.truncated = truncated
        super().__init__(str(self))

    def __str__(self) -> str:
        lines = [str(e) for e in self.errors]
        if self.truncated:
            lines.append(
                _("(stopped after %(count)d errors; fix these and import again)")
                % {"count": len(self.errors)}
            )
        return "\n".join(lines)


class TooManyErrors(Exception):
    """Internal signal: the error list is full, stop looking for more."""


class ErrorLog:
    """Collects line errors and stops the run once ``limit`` is reached."""

    def __init__(self, limit: int = MAX_ERRORS) -> None:
        self.limit = limit
        self.errors: list[LineError] = []

    def __bool__(self) -> bool:
        return bool(self.errors)

    @property
    def full(self) -> bool:
        return len(self.errors) >= self.limit

    def add(self, line: int, message: str) -> None:
        self.errors.append(LineError(line, message))
        if self.full:
            raise TooManyErrors

    def field(self, line: int, field: str, problem: str) -> None:
        """An error about one field; the message always starts with the field's name."""
        self.add(line, _("field '%(field)s': %(problem)s") % {"field": field, "problem": problem})
