"""``schakel report FIGURE``: the figures of the pages, on the command line (``--json``)."""

from __future__ import annotations

import datetime as dt
import json
from argparse import ArgumentParser
from collections.abc import Callable
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from schakel.decisions.queries import DECISION_FIGURES
from schakel.decisions.queries import figures as decision_figures
from schakel.insight import monitor
from schakel.insight.caseload import caseload
from schakel.insight.compliance import norm_compliance
from schakel.insight.continuity import continuity
from schakel.insight.coverage import coverage
from schakel.insight.durations import durations
from schakel.insight.filters import Scope
from schakel.insight.flows import active_on, balance, inflow, outflow
from schakel.insight.forecast import WhatIf, forecast
from schakel.insight.panels import Params
from schakel.insight.quality import quality
from schakel.insight.times import waiting_times
from schakel.insight.waiting import waiting_on
from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import Municipality, Team

PERIOD_FIGURES: dict[str, Callable[[dt.date, dt.date, Scope], dict[str, Any]]] = {
    "inflow": inflow, "outflow": outflow, "durations": durations, "continuity": continuity,
    "balance": lambda s, e, scope: {"figure": "balance", "from": s.isoformat(),
                                    "to": e.isoformat(), **balance(s, e, scope)},
}
DAY_FIGURES: dict[str, Callable[[dt.date, Scope], dict[str, Any]]] = {
    "active": active_on, "coverage": coverage,
}


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
        "  report inflow|outflow|durations|continuity --from D --to D\n"
        "  report balance --from D --to D  active at start + inflow - outflow = active at end\n"
        "  report active|coverage [--on D] report caseload\n"
        "  report quality [--days N]       data-quality checks (counts)\n"
        "  report forecast [--on D] [--extra-fte F] [--lower-inflow PCT] [--shorter-help PCT]\n"
        "                                  12-month projection with its back-test error\n"
        "  report monitor --month YYYY-MM --out FILE.pdf  council monitor (aggregates only)\n"
        "Filters: --team NAME (repeatable), --unit jeugd|volwassenen, --rayon NAME, "
        "--municipality CBS-CODE. --json prints JSON."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("figure", choices=["waiting", "norms", "times", *PERIOD_FIGURES,
                                               *DAY_FIGURES, "caseload", "quality", "forecast",
                                               "monitor", *DECISION_FIGURES])
        parser.add_argument("--year", type=int, help="calendar year for decision figures")
        parser.add_argument("--on", help="date for 'waiting' (default today)")
        parser.add_argument("--from", dest="start", help="first day of the period")
        parser.add_argument("--to", dest="end", help="last day of the period")
        parser.add_argument("--team", action="append", default=[], help="team name or id")
        parser.add_argument("--unit", choices=UnitKind.values)
        parser.add_argument("--rayon", default="")
        parser.add_argument("--municipality", help="CBS code, e.g. GM0606")
        parser.add_argument("--json", action="store_true", help="print JSON")
        parser.add_argument("--days", type=int, default=60,
                            help="quality: no activity for more than this many days")
        parser.add_argument("--extra-fte", type=float, default=0.0)
        parser.add_argument("--lower-inflow", type=float, default=0.0, help="percent")
        parser.add_argument("--shorter-help", type=float, default=0.0, help="percent")
        parser.add_argument("--month", help="monitor: YYYY-MM (default last month)")
        parser.add_argument("--out", help="monitor: PDF file to write")

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
        elif figure in ("waiting", *DAY_FIGURES):
            day = _date(options["on"]) if options["on"] else timezone.localdate()
            on_day: dict[str, Callable[[dt.date, Scope], dict[str, Any]]] = {
                "waiting": waiting_on, **DAY_FIGURES}
            result = on_day[figure](day, scope)
        elif figure == "caseload":
            result = caseload(scope)
        elif figure == "quality":
            if options["days"] < 1:
                raise CommandError("--days must be at least 1")
            result = quality(scope, days=options["days"])
        elif figure == "forecast":
            day = _date(options["on"]) if options["on"] else timezone.localdate()
            what = WhatIf(options["extra_fte"], options["lower_inflow"] / 100,
                          options["shorter_help"] / 100)
            try:
                result = forecast(scope, as_of=day, what=what)
            except ValueError as exc:
                raise CommandError(str(exc)) from exc
        elif figure == "monitor":
            self._monitor(scope, options)
            return
        else:
            if not options["start"] or not options["end"]:
                raise CommandError("--from and --to are required for this figure")
            start, end = _date(options["start"]), _date(options["end"])
            if end < start:
                raise CommandError("--to lies before --from")
            period: dict[str, Callable[[dt.date, dt.date, Scope], dict[str, Any]]] = {
                "norms": norm_compliance, "times": waiting_times, **PERIOD_FIGURES}
            compute = period[figure]
            result = compute(start, end, scope)
        if options["json"]:
            self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False, default=str))
        else:
            self._print(result)

    def _monitor(self, scope: Scope, options: dict[str, Any]) -> None:
        if not options["out"]:
            raise CommandError("--out FILE.pdf is required for the monitor")
        if options["month"]:
            month = _date(f"{options['month']}-01")
        else:
            month = (timezone.localdate().replace(day=1) - dt.timedelta(days=1)).replace(day=1)
        params = monitor.month_params(Params(scope, month, month, month), month)
        level = options["team"] and ", ".join(options["team"]) or options["rayon"] or "city"
        body = monitor.render(f"Council monitor {month:%Y-%m}: {level}",
                              "Figures from the event log (docs/figures.md); counts under "
                              "five shown as <5.", monitor.monitor_tables(params))
        with open(options["out"], "wb") as out:
            out.write(body)
        self.stdout.write(f"Wrote {options['out']} ({len(body)} bytes)")

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
