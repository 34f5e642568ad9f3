"""``schakel district-profiles import FILE``: district indicators from CSV, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from schakel.socialmap.profiles import ImportRefused, import_profiles


class Command(BaseCommand):
    help = "Import district profiles (wijk and buurt by CBS code) from a CSV file."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("import", help="Import FILE; nothing is written on any error.")
        load.add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc
        try:
            result = import_profiles(text, source=path.name)
        except ImportRefused as exc:
            raise CommandError("Nothing imported.\n" + "\n".join(exc.errors)) from exc
        self.stdout.write(f"{result.created} profile(s) created, {result.updated} updated.")
        for line in result.flagged:
            self.stdout.write(f"Flagged: {line}")
