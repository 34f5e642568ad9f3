"""``schakel backup [FILE]``: one file holding the whole database."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from schakel.security.backups import BackupError, backup, engine


class Command(BaseCommand):
    help = ("Back up the whole database into one file (PostgreSQL: pg_dump custom format; "
            "SQLite: online backup, safe while the server runs). Restore with "
            "`schakel restore FILE`.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", nargs="?", help="default var/backups/schakel-<time>.<ext>")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            suffix = "dump" if engine() == "postgresql" else "sqlite3"
            target = Path(options["file"]) if options["file"] else (
                Path(settings.VAR_DIR) / "backups"
                / f"schakel-{timezone.now():%Y%m%d-%H%M%S}.{suffix}")
            backup(target)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Backup written to {target} ({target.stat().st_size:,} bytes)")
