"""``schakel report waiting|norms|times``: the figures of the pages, on the command line."""

from __future__ import annotations

import datetime as dt
import json
from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from schakel.decisions.queries import DECISION_FIGURES
from schakel.decisions.queries import figures as decision_figures
from schakel.insight.compliance import norm_compliance
from schakel.insight.filters import Scope
from schakel.insight.times import waiting_times
from schakel.insight.waiting import waiting_on
from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import Municipality, Team


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"'{value}' is not a date (YYYY-MM-DD)") from exc


class Command(BaseCommand):
    help = (
        "Print figures computed from the event log (definitions: docs/figures.md).\n"
        "  report waiting --on DATE        waiting list on a date (werkvoorraad and "
        "assigned-not-started)\n"
        "  report norms --from D --to D    norm compliance for deadlines in the period\n"
        "  report times --from D --to D    waiting times for registrations in the period\n"
        "  report objections|complaints [--year Y]  by part of the system, team and outcome\n"
        "  report budget [--year Y]        budget, committed, actual, forecast per team\n"
        "Filters: --team NAME (repeatable), --unit jeugd|volwassenen, --rayon NAME, "
        "--municipality CBS-CODE. --json prints JSON."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("figure", choices=["waiting", "norms", "times", *DECISION_FIGURES])
        parser.add_argument("--year", type=int, help="calendar year for decision figures")
        parser.add_argument("--on", help="date for 'waiting' (default today)")
        parser.add_argument("--from", dest="start", help="first day of the period")
        parser.add_argument("--to", dest="end", help="last day of the period")
        parser.add_argument("--team", action="append", default=[], help="team name or id")
        parser.add_argument("--unit", choices=UnitKind.values)
        parser.add_argument("--rayon", default="")
        parser.add_argument("--municipality", help="CBS code, e.g. GM0606")
        parser.add_argument("--json", action="store_true", help="print JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        scope = self._scope(options)
        figure = options["figure"]
        if figure in DECISION_FIGURES:
            if scope.municipality_id is None:
                only = Municipality.objects.all()
                if only.count() != 1:
                    raise CommandError("Name the municipality with --municipality CBS-CODE.")
                scope = Scope(only.get().pk)
            assert scope.municipality_id is not None
            result = decision_figures(figure, scope.municipality_id,
                                      options["year"] or timezone.localdate().year)
        elif figure == "waiting":
            day = _date(options["on"]) if options["on"] else timezone.localdate()
            result = waiting_on(day, scope)
        else:
            if not options["start"] or not options["end"]:
                raise CommandError("--from and --to are required for this figure")
            start, end = _date(options["start"]), _date(options["end"])
            if end < start:
                raise CommandError("--to lies before --from")
            compute = norm_compliance if figure == "norms" else waiting_times
            result = compute(start, end, scope)
        if options["json"]:
            self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False, default=str))
        else:
            self._print(result)

    def _scope(self, options: dict[str, Any]) -> Scope:
        municipality_id = None
        if options["municipality"]:
            m = Municipality.objects.filter(cbs_code=options["municipality"]).first()
            if m is None:
                raise CommandError(f"No municipality with CBS code {options['municipality']}")
            municipality_id = m.pk
        team_ids = []
        for ref in options["team"]:
            team = (Team.objects.filter(pk=int(ref)).first() if ref.isdigit()
                    else Team.objects.filter(name__iexact=ref).first())
            if team is None:
                raise CommandError(f"No team '{ref}'")
            team_ids.append(team.pk)
        return Scope(municipality_id, tuple(team_ids), options["rayon"], options["unit"] or "")

    def _print(self, result: dict[str, Any]) -> None:
        for key, value in result.items():
            if isinstance(value, dict):
                self.stdout.write(f"{key}:")
                for k, v in value.items():
                    self.stdout.write(f"  {k}: {json.dumps(v, ensure_ascii=False, default=str)}")
            else:
                self.stdout.write(f"{key}: {value}")
