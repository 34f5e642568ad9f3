"""Importing an exchange file: check everything, then write everything, or nothing.

Two passes over the file. The first parses and validates every line against
the file itself and the database and collects up to 50 errors; if there is
any, nothing is written. The second parses again and writes in batches
inside one transaction. Reading twice costs a few seconds per million lines
and keeps memory flat, where holding millions of parsed lines would not.

A successful import is one audit record (docs/privacy.md), written in the
import's transaction; a refused import writes nothing, not even that.

See docs/exchange.md for the format and the rules.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import TextIO

from django.db import DatabaseError, connection, transaction
from django.utils.translation import gettext as _

from schakel.exchange.errors import ErrorLog, ImportFailed, LineError, TooManyErrors
from schakel.exchange.parse import HeaderRefused, read_chunks
from schakel.exchange.plan import Plan
from schakel.exchange.result import Counts, ImportResult
from schakel.exchange.snapshot import load_snapshot
from schakel.exchange.spec import TYPES
from schakel.exchange.validate import Validator
from schakel.exchange.write import Writer
from schakel.privacy.access import log_change

__all__ = ["Counts", "ImportFailed", "ImportResult", "LineError", "import_file", "import_lines"]

SQLITE_CACHE_KB = 1024 * 1024  # 1 GB at most, taken only as the import needs it
ACTOR = "schakel import"

Source = Callable[[], AbstractContextManager[Iterable[str]]]


PROGRESS_EVERY = 500_000  # records between two "written" lines of a running import


def import_file(
    path: str | Path, *, stdout: TextIO | None = None, actor: str = ACTOR,
    progress_every: int = PROGRESS_EVERY,
) -> ImportResult:
    """Import the exchange file at ``path``; progress goes to ``stdout`` when given.

    ``actor`` names who or what imported in the audit record (a command has no staff
    member behind it). ``progress_every`` records, a line says how far writing is.
    """
    file = Path(path)

    @contextmanager
    def lines() -> Iterator[Iterable[str]]:
        with file.open(encoding="utf-8-sig") as handle:  # tolerate a BOM from Windows tools
            yield handle

    return _import(lines, _Progress(stdout, progress_every), actor)


def import_lines(
    lines: Iterable[str], *, stdout: TextIO | None = None, actor: str = ACTOR
) -> ImportResult:
    """Import lines given in memory (tests, the demo generator); they are read twice."""
    kept = list(lines)
    return _import(lambda: nullcontext(kept), _Progress(stdout), actor)


class _Progress:
    def __init__(self, stdout: TextIO | None, every: int = PROGRESS_EVERY) -> None:
        self.stdout = stdout
        self.every = max(1, every)
        self.started = time.monotonic()

    def say(self, message: str) -> None:
        if self.stdout is not None:
            seconds = time.monotonic() - self.started
            self.stdout.write(f"[{seconds:7.1f}s] {message}\n")
            self.stdout.flush()


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """Pause Python's cycle collector while millions of long-lived objects are built.

    The collector's full passes walk every object alive; with the id maps and
    episode states of a large import that made checking 40% slower and
    growing. The one cycle worth collecting (the validator's state) is
    collected explicitly between the passes.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _import(source: Source, progress: _Progress, actor: str) -> ImportResult:
    with _without_cycle_collection():
        return _import_in_two_passes(source, progress, actor)


def audit_detail(result: ImportResult) -> str:
    """Counts per type for the audit record: created/updated/unchanged, empty types left out."""
    counts = " ".join(
        f"{kind}={c.created}/{c.updated}/{c.unchanged}"
        for kind in TYPES if (c := result[kind]).total
    )
    return f"records={result.records} (created/updated/unchanged) {counts}"


def _import_in_two_passes(source: Source, progress: _Progress, actor: str) -> ImportResult:
    snapshot = load_snapshot()
    plan = _validate(source, Validator(snapshot, ErrorLog()), progress)
    gc.collect()  # free the validator's state (it holds a cycle) before writing
    progress.say(_("checked; writing"))
    writer = Writer(snapshot, plan)
    try:
        with transaction.atomic(), _large_cache(), source() as lines:
            errors = ErrorLog()
            count = 0
            for chunk in read_chunks(lines, errors, trusted=True):
                writer.write_chunk(chunk)
                count += len(chunk)
                if count % progress.every < len(chunk):
                    progress.say(_("%(count)d records written") % {"count": count})
            result = writer.finish()
            result.records = count
            log_change(None, "import", actor=actor, fields="exchange:all",
                       purpose="schakel-exchange import (docs/exchange.md)",
                       detail=audit_detail(result))
    except DatabaseError as exc:
        raise ImportFailed([LineError(writer.line, _(
            "the database refused the records starting at this line, nothing was imported: "
            "%(error)s") % {"error": exc})]) from exc
    progress.say(_("done"))
    return result


@contextmanager
def _large_cache() -> Iterator[None]:
    """Give SQLite a page cache big enough for an import's indexes (default: 2 MB).

    With the default, every insert into a large unique index (external ids)
    reads and writes pages from disk; a bigger cache for the duration of the
    import makes the write phase several times faster. PostgreSQL manages
    its own buffers.
    """
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        cursor.execute(f"PRAGMA cache_size = -{SQLITE_CACHE_KB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(before)}")


def _validate(source: Source, validator: Validator, progress: _Progress) -> Plan:
    errors = validator.errors
    try:
        with source() as lines:
            count = 0
            for chunk in read_chunks(lines, errors):
                validator.check_chunk(chunk)
                count += len(chunk)
                if count % progress.every < len(chunk):
                    progress.say(_("%(count)d records checked") % {"count": count})
        plan = validator.finish()
    except (TooManyErrors, HeaderRefused):
        pass
    if errors:
        raise ImportFailed(errors.errors, truncated=errors.full)
    return plan
