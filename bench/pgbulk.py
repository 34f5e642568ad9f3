"""PostgreSQL housekeeping for the bulk load: a fresh database, indexes off and on again.

Loading ten million rows into a table is several times faster without its
secondary indexes and foreign keys; building them afterwards sorts once per
index and validates each foreign key in one join. ``without_indexes``
remembers every definition PostgreSQL reports, drops them, and recreates them
exactly (so whatever the migrations define is what the benchmark measures).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from urllib.parse import urlparse

import psycopg


def recreate_database(url: str) -> None:
    """Drop and create the database named in ``url`` (connecting to ``postgres``)."""
    parsed = urlparse(url)
    name = parsed.path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise ValueError(f"Unexpected database name {name!r}")
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


@contextmanager
def without_indexes(cursor: object, tables: Sequence[str]) -> Iterator[None]:
    """Drop secondary indexes, unique and foreign-key constraints of ``tables``; restore after."""
    cur = cursor  # a Django cursor
    constraints: list[tuple[str, str, str]] = []
    indexes: list[str] = []
    for table in tables:
        cur.execute(  # type: ignore[attr-defined]
            "SELECT conname, pg_get_constraintdef(oid), contype FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype IN ('f', 'u')", [table])
        found = cur.fetchall()  # type: ignore[attr-defined]
        constraints += [(table, name, definition) for name, definition, _kind in found]
        cur.execute(  # type: ignore[attr-defined]
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.tablename = %s "
            "AND i.indexname NOT IN (SELECT conname FROM pg_constraint "
            "WHERE conrelid = %s::regclass)", [table, table])
        indexes += [definition for _name, definition in cur.fetchall()]  # type: ignore
    # Foreign keys first: unique constraints may back them.
    ordered = sorted(constraints, key=lambda c: "FOREIGN KEY" not in c[2])
    for table, name, _definition in ordered:
        cur.execute(f'ALTER TABLE "{table}" DROP CONSTRAINT "{name}"')  # type: ignore
    for definition in indexes:
        name = definition.split(" INDEX ", 1)[1].split(" ON ", 1)[0]
        cur.execute(f"DROP INDEX {name}")  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for definition in indexes:
            cur.execute(definition)  # type: ignore[attr-defined]
        for table, name, definition in reversed(ordered):
            cur.execute(  # type: ignore[attr-defined]
                f'ALTER TABLE "{table}" ADD CONSTRAINT "{name}" {definition}')
