"""``schakel unlock USERNAME``: lift a lockout after too many wrong passwords (audited)."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from axes.utils import reset
from django.core.management.base import BaseCommand

from schakel.privacy import audit


class Command(BaseCommand):
    help = "Unlock an account locked after repeated wrong passwords; the unlock is audited."

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--by", default="", help="who unlocks (recorded in the audit log)")

    def handle(self, *args: Any, **options: Any) -> None:
        removed = reset(username=options["username"])
        audit.write("account_unlocked", actor=options["by"] or "administrator",
                    detail=f"username {options['username']}; {removed} failed attempts cleared")
        self.stdout.write(f"Unlocked {options['username']} ({removed} failed attempts cleared).")
