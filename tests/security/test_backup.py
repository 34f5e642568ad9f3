"""``schakel backup`` then ``schakel restore`` into an empty database: an identical export.

Runs on the suite's engine: SQLite (online backup API) by default, PostgreSQL
(pg_dump/pg_restore) with DATABASE_URL; the PostgreSQL run creates and drops
its own scratch database.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from tests.security.processes import SCHAKEL, environment, export, export_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def empty_database(tmp_path: Path) -> Iterator[str]:
    """The name of a new, empty database of the suite's engine."""
    if connection.vendor == "sqlite":
        yield str(tmp_path / "restored.sqlite3")
        return
    name = f"{connection.settings_dict['NAME']}_restore"[:60]
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def restore(home: Path, database: str, backup: Path, *extra: str
            ) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*SCHAKEL, "restore", str(backup), *extra],
                          env=environment(home, database), capture_output=True, text=True)


def test_backup_then_restore_into_an_empty_database_gives_an_identical_export(
        tmp_path, existing, empty_database):
    original = export(tmp_path, "original.jsonl")
    assert "Bakker" in original
    backup = tmp_path / "schakel.backup"
    call_command("backup", str(backup))
    assert backup.stat().st_size > 0

    done = restore(tmp_path, empty_database, backup)
    assert done.returncode == 0, done.stdout + done.stderr
    assert export_of(tmp_path, empty_database, "restored.jsonl") == original


def test_restore_refuses_a_database_that_is_not_empty_unless_forced(
        tmp_path, existing, empty_database):
    backup = tmp_path / "schakel.backup"
    call_command("backup", str(backup))
    assert restore(tmp_path, empty_database, backup).returncode == 0
    again = restore(tmp_path, empty_database, backup)
    assert again.returncode != 0 and "not empty" in again.stderr
    forced = restore(tmp_path, empty_database, backup, "--force")
    assert forced.returncode == 0, forced.stderr
    assert export_of(tmp_path, empty_database, "forced.jsonl") == export(tmp_path, "now.jsonl")


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path, empty_database):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a backup")
    done = restore(tmp_path, empty_database, bogus)
    assert done.returncode != 0 and "is not a" in done.stderr
