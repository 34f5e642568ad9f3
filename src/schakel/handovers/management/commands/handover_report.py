"""``schakel handover_report --from D --to D``: the handover figures as JSON."""

from __future__ import annotations

import datetime as dt
import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from schakel.insight.filters import Scope
from schakel.insight.handovers import handover_figures
from schakel.tenancy.models import Municipality


def _date(value: str | None, name: str) -> dt.date:
    if not value:
        raise CommandError(f"{name} is required (YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"{name}: '{value}' is not a date (YYYY-MM-DD)") from exc


class Command(BaseCommand):
    help = ("Handover figures for transfers requested in the period: accepted, refused, "
            "waiting, days from request to acceptance; households without a director "
            "(policy: zero); youth protection, warm handovers, transitions at 18 "
            "(definitions: docs/handovers.md).")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--from", dest="start", help="first day of the period")
        parser.add_argument("--to", dest="end", help="last day of the period")
        parser.add_argument("--municipality", help="CBS code, e.g. GM0606")

    def handle(self, *args: Any, **options: Any) -> None:
        start, end = _date(options["start"], "--from"), _date(options["end"], "--to")
        if end < start:
            raise CommandError("--to lies before --from")
        municipality_id = None
        if options["municipality"]:
            found = Municipality.objects.filter(cbs_code=options["municipality"]).first()
            if found is None:
                raise CommandError(f"No municipality with CBS code {options['municipality']}")
            municipality_id = found.pk
        result = handover_figures(start, end, Scope(municipality_id))
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False, default=str))
