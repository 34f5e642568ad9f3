"""``schakel export [--output FILE]``: write the database as an exchange file."""

from __future__ import annotations

import io
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from schakel.exchange.exporter import export


class Command(BaseCommand):
    help = (
        "Export the whole database as a Schakel exchange file (JSON Lines, format "
        "'schakel-exchange' version 1, see docs/exchange.md), in a fixed order so two "
        "exports of the same data are identical apart from the header's time. "
        "Passwords are never exported; sensitive flags and consents are, so the receiving "
        "system honours them. The output contains personal data: store it accordingly. "
        "Every export is recorded in the audit log."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument(
            "--output", "-o", metavar="FILE",
            help="write to FILE instead of standard output",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        output = options["output"]
        if output:
            with open(output, "w", encoding="utf-8", newline="\n") as stream:
                lines = export(stream)
            self.stderr.write(f"{lines} lines written to {output}")
        else:
            if getattr(self.stdout, "_out", None) is sys.stdout and isinstance(
                sys.stdout, io.TextIOWrapper
            ):
                sys.stdout.reconfigure(encoding="utf-8")  # the format is UTF-8, whatever the locale
            export(self.stdout)  # type: ignore[arg-type]
