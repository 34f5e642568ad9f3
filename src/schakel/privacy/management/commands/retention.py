"""``schakel retention due`` lists dossiers past their term; ``erase --confirm`` erases them."""

from __future__ import annotations

import datetime as dt
import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from schakel.privacy import retention
from schakel.tenancy.models import Municipality


class Command(BaseCommand):
    help = (
        "Retention of dossiers (docs/privacy.md, Retention).\n"
        "  retention due                    list households due for erasure\n"
        "  retention erase --confirm        erase their personal data (figures stay the same)\n"
        "Options: --on DATE (default today), --municipality CBS-CODE, --json"
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("action", choices=["due", "erase"])
        parser.add_argument("--on", help="the day to judge on (YYYY-MM-DD)")
        parser.add_argument("--municipality", help="CBS code, e.g. GM0606")
        parser.add_argument("--confirm", action="store_true", help="really erase")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        on = None
        if options["on"]:
            try:
                on = dt.date.fromisoformat(options["on"])
            except ValueError as exc:
                raise CommandError(f"'{options['on']}' is not a date (YYYY-MM-DD)") from exc
        municipality_id = None
        if options["municipality"]:
            found = Municipality.objects.filter(cbs_code=options["municipality"]).first()
            if found is None:
                raise CommandError(f"no municipality with CBS code {options['municipality']}")
            municipality_id = found.pk
        due = retention.due(on, municipality_id)
        if options["action"] == "due":
            rows = [{"household": d.household.reference, "last_closed": d.last_closed.isoformat(),
                     "due_on": d.due_on.isoformat(), "rule": d.rule} for d in due]
            if options["json"]:
                self.stdout.write(json.dumps(rows, indent=1))
            else:
                for row in rows:
                    self.stdout.write(f"{row['household']}  closed {row['last_closed']}  "
                                      f"due {row['due_on']}  ({row['rule']})")
                self.stdout.write(f"{len(rows)} households due for erasure")
            return
        if not options["confirm"]:
            raise CommandError(f"{len(due)} households are due; add --confirm to erase them")
        for item in due:
            erasure = retention.erase(item.household, by=None, actor="schakel retention erase",
                                      on=on)
            self.stdout.write(f"erased {erasure.reference}: {erasure.persons} persons, "
                              f"{erasure.events} events blanked")
        self.stdout.write(f"{len(due)} households erased")
