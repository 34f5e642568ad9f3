"""``schakel audit verify``: check the audit chain; ``schakel audit export``: write it out."""

from __future__ import annotations

import json
import sys
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand

from schakel.privacy.audit import verify
from schakel.privacy.models import AccessLog


class Command(BaseCommand):
    help = (
        "The audit log.\n"
        "  audit verify    check every record's hash and link; exits 1 and names the first "
        "broken record\n"
        "  audit export    print the records as JSON lines (oldest first)"
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["verify", "export"])

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "export":
            for record in AccessLog.objects.order_by("seq").iterator(chunk_size=2000):
                self.stdout.write(json.dumps({"canonical": json.loads(record.canonical()),
                                              "hash": record.hash}, ensure_ascii=False))
            return
        result = verify()
        if result.ok:
            self.stdout.write(f"audit chain intact: {result.checked} records")
            return
        where = f" (record {result.broken_seq})" if result.broken_seq else ""
        self.stderr.write(f"audit chain broken{where}: {result.problem}; "
                          f"{result.checked} records before it are intact")
        sys.exit(1)
