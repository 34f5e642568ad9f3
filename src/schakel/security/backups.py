"""Whole-database backups: pg_dump/pg_restore for PostgreSQL, the online backup API for SQLite.

A backup is one file. PostgreSQL backups are pg_dump's custom format (they
start with ``PGDMP``); SQLite backups are an SQLite database file made with
SQLite's online backup API, consistent even while the server writes.
Restoring goes into an empty database unless forced.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from pathlib import Path
from typing import Any

from django.db import connections

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    pass


def engine(alias: str = "default") -> str:
    vendor = connections[alias].vendor
    if vendor not in {"postgresql", "sqlite"}:
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def _pg_args(settings_dict: dict[str, Any]) -> tuple[list[str], dict[str, str]]:
    args = []
    if settings_dict.get("HOST"):
        args += ["--host", str(settings_dict["HOST"])]
    if settings_dict.get("PORT"):
        args += ["--port", str(settings_dict["PORT"])]
    if settings_dict.get("USER"):
        args += ["--username", str(settings_dict["USER"])]
    env = {**os.environ}
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = str(settings_dict["PASSWORD"])
    return args, env


def _run(command: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[:2000]}")


def backup(target: Path, alias: str = "default") -> Path:
    connection = connections[alias]
    target.parent.mkdir(parents=True, exist_ok=True)
    if engine(alias) == "postgresql":
        args, env = _pg_args(connection.settings_dict)
        _run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", *args,
              "--file", str(target), str(connection.settings_dict["NAME"])], env)
    else:
        connection.ensure_connection()
        destination = sqlite3.connect(target)
        try:
            connection.connection.backup(destination)
        finally:
            destination.close()
    return target


def is_empty(alias: str = "default") -> bool:
    with connections[alias].cursor() as cursor:
        return not connections[alias].introspection.table_names(cursor)


def restore(source: Path, alias: str = "default", force: bool = False) -> None:
    if not source.is_file():
        raise BackupError(f"No backup file at {source}.")
    kind = engine(alias)
    with source.open("rb") as handle:
        head = handle.read(16)
    expected = PG_MAGIC if kind == "postgresql" else SQLITE_MAGIC
    if not head.startswith(expected):
        raise BackupError(f"{source} is not a {kind} backup made by `schakel backup`.")
    if not force and not is_empty(alias):
        raise BackupError("The database is not empty. Restore into an empty database, or "
                          "use --force to replace everything in it.")
    connection = connections[alias]
    if kind == "postgresql":
        args, env = _pg_args(connection.settings_dict)
        connection.close()
        clean = ["--clean", "--if-exists"] if force else []
        _run(["pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
              "--single-transaction", *clean, *args,
              "--dbname", str(connection.settings_dict["NAME"]), str(source)], env)
    else:
        connection.close()
        origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        target = sqlite3.connect(str(connection.settings_dict["NAME"]))
        try:
            origin.backup(target)
        finally:
            origin.close()
            target.close()
