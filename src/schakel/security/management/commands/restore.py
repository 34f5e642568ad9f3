"""``schakel restore FILE [--force]``: put a backup back, into an empty database."""

from __future__ import annotations

from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from schakel.security.backups import BackupError, restore


class Command(BaseCommand):
    help = ("Restore a backup made by `schakel backup` into the configured database. "
            "Refuses a database that already holds tables unless --force is given "
            "(which replaces everything in it).")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file")
        parser.add_argument("--force", action="store_true",
                            help="replace the contents of a database that is not empty")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            restore(Path(options["file"]), force=options["force"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Restored {options['file']}. Run `schakel migrate` if this "
                          f"backup is from an older version.")
