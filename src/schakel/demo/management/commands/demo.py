"""``schakel demo``: the synthetic municipality Schiedam, loaded and ready to try."""

from __future__ import annotations

import datetime as dt
import json
import sys
from argparse import ArgumentParser
from pathlib import Path
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from schakel.demo import calibration as cal
from schakel.demo.clock import AMSTERDAM
from schakel.demo.generate import DEFAULT_SEED
from schakel.demo.loader import DemoRun, default_output, load


def _moment(value: str) -> dt.datetime:
    """An ISO time; with an offset it is converted to naive Amsterdam time."""
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        moment = moment.astimezone(AMSTERDAM).replace(tzinfo=None)
    return moment


STATE_LABELS = {"registered": "werkvoorraad", "waiting": "wachtend", "active": "hulp gestart"}


class Command(BaseCommand):
    help = (
        "Load the synthetic demo municipality (gemeente Schiedam, six teams, two years of "
        "history ending now) through the exchange importer, give one login per role a "
        "known password, print the URL and the logins, and optionally serve. Skips "
        "generating and importing when the demo is already in the database (use --reset "
        "to flush the whole database first). All people and organisations are invented."
    )

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--households", type=int, default=cal.DEFAULT_HOUSEHOLDS,
                            help=f"households over two years (default {cal.DEFAULT_HOUSEHOLDS}; "
                                 f"one team per {cal.HOUSEHOLDS_PER_TEAM}, at least six)")
        parser.add_argument("--seed", type=int, default=DEFAULT_SEED,
                            help="random seed; the same seed gives the same demo")
        parser.add_argument("--now", metavar="YYYY-MM-DDTHH:MM", type=_moment,
                            help="end the history at this Amsterdam time instead of now "
                                 "(reproducible files; with --seed the file is identical)")
        parser.add_argument("--output", metavar="FILE",
                            help="where to write the exchange file (default var/demo.jsonl)")
        parser.add_argument("--no-import", action="store_true",
                            help="only write the exchange file")
        parser.add_argument("--reset", action="store_true",
                            help="flush the WHOLE database first, then load the demo again")
        parser.add_argument("--serve", action="store_true",
                            help="run the web server afterwards")
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--json", action="store_true",
                            help="print a machine-readable summary instead of the text block")

    def handle(self, *args: Any, **options: Any) -> None:
        as_json = options["json"]
        say = self.stderr if as_json else self.stdout
        if options["households"] < 1:
            raise CommandError("--households must be at least 1")
        output = Path(options["output"]) if options["output"] else default_output()
        refusals: tuple[type[Exception], ...] = ()
        try:
            from schakel.exchange.importer import ImportFailed

            refusals = (ImportFailed,)
        except ImportError as exc:
            if not options["no_import"]:
                raise CommandError(
                    f"The exchange importer is not available ({exc}); use --no-import."
                ) from exc

        say.write("Schakel demo: preparing gemeente Schiedam (synthetic data)...")
        try:
            run = load(
                households=options["households"], seed=options["seed"], output=output,
                now=options["now"],
                do_import=not options["no_import"], reset=options["reset"],
                progress=sys.stderr if as_json else self.stdout,  # type: ignore[arg-type]
            )
        except refusals as exc:
            raise CommandError(
                f"The demo file {output} was refused by the importer:\n{exc}"
            ) from exc
        url = f"http://{options['host']}:{options['port']}/"
        if as_json:
            self.stdout.write(json.dumps({**run.summary(), "url": url}, indent=2))
        else:
            self._report(run, url, output, options["serve"])
        if options["serve"]:
            if not (run.imported or run.already_loaded):
                raise CommandError("Nothing to serve: the demo was not imported.")
            call_command("runserver", f"{options['host']}:{options['port']}",
                         use_reloader=False)

    def _report(self, run: DemoRun, url: str, output: Path, serve: bool) -> None:
        w = self.stdout.write
        if run.migrated:
            w("  database schema created/updated")
        g = run.generated
        if g is not None:
            w(f"  generated  {g.households:,} households, {g.persons:,} persons, "
              f"{g.episodes:,} episodes, {g.events:,} events, {g.short_contacts:,} short "
              f"contacts, {g.teams} teams, {g.staff} staff in {g.seconds:.1f} s -> {output}")
        if run.imported:
            w(f"  imported   {run.import_records:,} records in {run.import_seconds:.1f} s")
        elif run.already_loaded:
            w("  the demo municipality is already in the database; nothing generated "
              "(use --reset to start again)")
        else:
            w(f"  not imported (--no-import); load it with: schakel import {output}")
            return
        summary = run.summary()
        w(f"\n  open episodes: {summary['open_episodes']:,} ("
          + ", ".join(f"{STATE_LABELS[s]} {n:,}" for s, n in summary["open_by_state"].items())
          + ")")
        if len(run.open_per_team) <= 12:
            for team, counts in run.open_per_team.items():
                w(f"    {team:<24}" + "  ".join(
                    f"{STATE_LABELS[s]} {n:>4}" for s, n in counts.items()))
        w("")
        w("=" * 72)
        w(f"  Schakel demo  {url}" + ("" if serve else "   (start with --serve)"))
        w("  Demo logins (synthetic data; one shared password):")
        w(f"    {'username':<22}{'name':<24}role")
        for login in run.logins:
            w(f"    {login.username:<22}{login.display_name:<24}{login.role}")
        if run.logins:
            w(f"  Password for every demo login: {run.logins[0].password}")
            w("  Second step (code): run `schakel totp-code USERNAME` for the current code,")
            w("  or add the account to an authenticator app with its secret:")
            for login in run.logins:
                w(f"    {login.username:<22}{login.totp_secret}")
        w("=" * 72)
