"""Running ``schakel`` as a real process against the test database (or another one)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from django.core.management import call_command
from django.db import connection

SCHAKEL = [sys.executable, "-m", "schakel"]


def database_url(name: str | None = None) -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{name or s['NAME']}"
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{name or s['NAME']}"


def environment(home: Path, name: str | None = None) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": database_url(name), "SCHAKEL_HOME": str(home),
            "PYTHONUNBUFFERED": "1"}


def body(path: Path) -> str:
    """An export without its header line (which holds the moment of export)."""
    lines = path.read_text().splitlines()
    return "\n".join(line for line in lines if '"type":"header"' not in line)


def export(home: Path, name: str) -> str:
    """Export the test database, in this process."""
    out = home / name
    call_command("export", output=str(out))
    return body(out)


def export_of(home: Path, database: str, name: str) -> str:
    """Export another database, through a real ``schakel export`` process."""
    out = home / name
    done = subprocess.run([*SCHAKEL, "export", "--output", str(out)],
                          env=environment(home, database), capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return body(out)
