"""An import killed halfway (kill -9, a real process) leaves the database as it was.

The importer writes the whole file in one transaction; a process killed while
writing never commits, so the database holds nothing of the file. Running the
same import again then completes. Runs on the engine the suite runs on
(SQLite by default, PostgreSQL with DATABASE_URL).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import signal
import subprocess

import pytest
from django.db import connection

from schakel.cases.models import Episode, Event
from schakel.demo.generate import generate
from schakel.people.models import Household, Person
from schakel.tenancy.models import StaffProfile
from tests.security.processes import SCHAKEL, environment, export

pytestmark = pytest.mark.django_db(transaction=True)


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count()
            for model in (Person, Household, Episode, Event, StaffProfile)}


def test_an_import_killed_while_writing_leaves_nothing_and_a_rerun_completes(tmp_path, existing):
    source = tmp_path / "gemeente.jsonl"
    generate(source, households=1000, seed=7, now=dt.datetime(2026, 6, 1, 9, 0))
    before, exported_before = counts(), export(tmp_path, "before.jsonl")
    assert before["Household"] == 1 and "Bakker" in exported_before

    # Validation first; then one transaction writes, saying after each chunk of records how
    # far it is. The first such line comes from inside that transaction, with most to go.
    process = subprocess.Popen([*SCHAKEL, "import", "--progress-every", "1000", str(source)],
                               env=environment(tmp_path), stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True)
    assert process.stdout is not None
    seen = []
    for line in process.stdout:
        seen.append(line)
        if re.search(r"\] \d+ records (written|weggeschreven)", line):  # English or Dutch
            break
    assert process.poll() is None, "".join(seen)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    connection.close()  # read what is on disk now, in a fresh connection
    assert counts() == before
    assert export(tmp_path, "after-kill.jsonl") == exported_before

    rerun = subprocess.run([*SCHAKEL, "import", "--quiet-progress", str(source)],
                           env=environment(tmp_path), capture_output=True, text=True)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    after = counts()
    assert after["Household"] > before["Household"] and after["Event"] > before["Event"]
