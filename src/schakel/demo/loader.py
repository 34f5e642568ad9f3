"""Putting the demo into a database: migrate, generate, import, set passwords.

The data goes in through the exchange importer, like any municipality's
migration file would: the demo exercises the same checks, and nothing here
writes models directly except the demo logins' passwords.
"""

from __future__ import annotations

import datetime as dt
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from django.conf import settings
from django.core.management import call_command
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Count

from schakel.cases.constants import OPEN_STATES
from schakel.demo.generate import Generated, generate
from schakel.demo.logins import Login, set_passwords
from schakel.demo.tenant import MUNICIPALITY_CODE


@dataclass
class DemoRun:
    generated: Generated | None = None
    imported: bool = False
    import_seconds: float = 0.0
    import_records: int = 0
    already_loaded: bool = False
    migrated: bool = False
    logins: list[Login] = field(default_factory=list)
    open_per_team: dict[str, dict[str, int]] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        states: dict[str, int] = defaultdict(int)
        for counts in self.open_per_team.values():
            for state, n in counts.items():
                states[state] += n
        return {
            "generated": self.generated.summary() if self.generated else None,
            "imported": self.imported,
            "already_loaded": self.already_loaded,
            "seconds_import": round(self.import_seconds, 2),
            "records_imported": self.import_records,
            "open_episodes": sum(states.values()),
            "open_by_state": dict(states),
            "open_per_team": self.open_per_team,
            "logins": [
                {"username": x.username, "role": x.role, "name": x.display_name,
                 "password": x.password, "totp_secret": x.totp_secret}
                for x in self.logins
            ],
        }


def default_output() -> Path:
    return Path(settings.VAR_DIR) / "demo.jsonl"


def install_shipped_data() -> None:
    """Put back what migrations ship (instruments, catalogue) after a flush."""
    from schakel.assessment.definitions import install_shipped
    from schakel.assessment.services.instruments import MODELS
    from schakel.decisions.catalogue import install_shipped_catalogue

    install_shipped(MODELS)
    install_shipped_catalogue()


def migrate_if_needed() -> bool:
    """Bring the schema up to date; True when migrations were applied."""
    db = settings.DATABASES[DEFAULT_DB_ALIAS]
    if db["ENGINE"].endswith("sqlite3") and str(db["NAME"]) != ":memory:":
        Path(db["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    if not executor.migration_plan(executor.loader.graph.leaf_nodes()):
        return False
    call_command("migrate", interactive=False, verbosity=0)
    return True


def demo_loaded() -> bool:
    from schakel.tenancy.models import Municipality

    return Municipality.objects.filter(cbs_code=MUNICIPALITY_CODE).exists()


def open_per_team() -> dict[str, dict[str, int]]:
    from schakel.cases.models import Episode

    result: dict[str, dict[str, int]] = {}
    rows = (
        Episode.objects.filter(state__in=[str(s) for s in OPEN_STATES])
        .values("team__name", "state")
        .annotate(n=Count("id"))
        .order_by("team__name", "state")
    )
    for row in rows:
        team = result.setdefault(row["team__name"], {str(s): 0 for s in OPEN_STATES})
        team[row["state"]] = row["n"]
    return result


def seed_social_map() -> None:
    """Fictional sociale-kaart entries and district profiles beside the imported tenant."""
    from schakel.socialmap.demo import seed
    from schakel.tenancy.models import Municipality

    municipality = Municipality.objects.filter(cbs_code=MUNICIPALITY_CODE).first()
    if municipality is not None:
        seed(municipality)


def load(
    *,
    households: int,
    seed: int,
    output: Path,
    do_import: bool = True,
    reset: bool = False,
    progress: TextIO | None = None,
    now: dt.datetime | None = None,
) -> DemoRun:
    if not do_import:  # only the file: no database needed
        return DemoRun(generated=generate(output, households=households, seed=seed, now=now))
    run = DemoRun(migrated=migrate_if_needed())
    if reset:
        call_command("flush", interactive=False, verbosity=0)
        install_shipped_data()
    run.already_loaded = demo_loaded()
    if not run.already_loaded:
        from schakel.exchange.importer import import_file

        run.generated = generate(output, households=households, seed=seed, now=now)
        started = time.perf_counter()
        result = import_file(output, stdout=progress)
        run.import_seconds = time.perf_counter() - started
        run.import_records = result.records
        run.imported = True
        seed_social_map()
    run.logins = set_passwords()
    run.open_per_team = open_per_team()
    return run
