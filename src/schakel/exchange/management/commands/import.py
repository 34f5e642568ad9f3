"""``schakel import FILE``: load an exchange file (see docs/exchange.md)."""

from __future__ import annotations

from argparse import ArgumentParser, RawDescriptionHelpFormatter
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from schakel.exchange.importer import PROGRESS_EVERY, ImportFailed, import_file


class Command(BaseCommand):
    help = (
        "Import a Schakel exchange file (JSON Lines, format 'schakel-exchange' version 1): "
        "municipalities, districts, organisations, teams, staff, persons, households, "
        "their sensitive flags and consents, episodes with their events, and short "
        "contacts.\n\n"
        "The whole file is checked first; if any line is wrong, nothing is written and "
        "the errors (at most 50) are printed with their line numbers, and the command "
        "exits with status 1. Records are matched on their external id: importing the "
        "same file again changes nothing; changed entity records are updated; a stored "
        "event can never be changed. Staff accounts are created without a usable "
        "password. A successful import is recorded in the audit log. The format is "
        "described in docs/exchange.md."
    )

    def create_parser(self, prog_name: str, subcommand: str, **kwargs: Any) -> CommandParser:
        parser = super().create_parser(prog_name, subcommand, **kwargs)
        parser.formatter_class = RawDescriptionHelpFormatter
        return parser

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("file", help="path of the .jsonl exchange file to import")
        parser.add_argument(
            "--quiet-progress", action="store_true",
            help="do not print progress while checking and writing, only the counts",
        )
        parser.add_argument(
            "--progress-every", type=int, default=PROGRESS_EVERY, metavar="N",
            help=f"while writing, say how far it is every N records (default {PROGRESS_EVERY})",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = options["file"]
        progress = None if options["quiet_progress"] else self.stdout
        try:
            result = import_file(path, stdout=progress,  # type: ignore[arg-type]
                                 progress_every=options["progress_every"])
        except FileNotFoundError as exc:
            raise CommandError(f"{path}: file not found") from exc
        except ImportFailed as exc:
            self.stderr.write(str(exc))
            raise CommandError(
                f"{path}: refused, nothing was imported ({len(exc.errors)} errors)"
            ) from exc
        for line in result.summary():
            self.stdout.write(line)
        if not result.changed:
            self.stdout.write("Nothing changed: everything in the file was already imported.")
