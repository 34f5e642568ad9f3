"""Benchmark: import N synthetic households from an exchange file, print figures as JSON.

    .venv/bin/python bench/import_bench.py --households 20000
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/schakel_bench \\
        .venv/bin/python bench/import_bench.py --households 20000 --flush

Without DATABASE_URL it runs on a fresh SQLite database in a temporary
SCHAKEL_HOME, removed afterwards. With DATABASE_URL it creates the PostgreSQL database when
missing, migrates it, and refuses to run on a database that holds data unless
--flush is given (which empties it: give it a database of its own).

The households are synthetic and simple but follow the lifecycle rules
(registered, contacted, triaged, assigned, help started, involvements,
closed, aftercare ended; some households return for a second episode), with
about the proportions of the demo: ~2.25 persons and ~1.5 episodes per
household, ~8 events per episode.
"""

from __future__ import annotations

import argparse
import atexit
import datetime as dt
import json
import os
import random
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

GIVEN = ("Anna", "Bram", "Chris", "Daan", "Eva", "Fleur", "Gijs", "Hanna", "Ilse", "Joris",
         "Kim", "Lotte", "Milan", "Noor", "Olaf", "Pien", "Ruben", "Sara", "Tim", "Vera")
FAMILY = ("Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters", "Hendriks",
          "Dekker", "Brouwer", "Kok", "Jacobs", "Koster", "Prins", "Huisman", "Kuiper")
SOURCES = ("self", "family", "gp", "school", "police", "housing", "welfare", "cjg")
CHANNELS = ("phone", "digital", "walk_in", "secure_mail")
REASONS = (("goals_met", "own_network"), ("handed_over", "specialist_youth"),
           ("no_help_needed", "none_needed"), ("refused", "refused"))
TEAMS = 20
STAFF_PER_TEAM = 10
UTC = dt.UTC


def bsn(rng: random.Random) -> str:
    """A synthetic number that passes the 11-test (never a real person's by intent)."""
    while True:
        digits = [rng.randrange(10) for _ in range(8)]
        check = sum(d * w for d, w in zip(digits, range(9, 1, -1), strict=True)) % 11
        if check < 10 and (digits[0] or digits[1]):
            return "".join(map(str, digits)) + str(check)


def iso(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="microseconds")


class Generator:
    def __init__(self, households: int, seed: int) -> None:
        self.households = households
        self.rng = random.Random(seed)
        self.counts = {"households": 0, "persons": 0, "episodes": 0, "events": 0, "lines": 0}

    def head(self) -> Iterator[dict[str, Any]]:
        yield {"type": "header", "format": "schakel-exchange", "version": 1,
               "exported_at": "2026-01-01T00:00:00.000000+00:00"}
        yield {"type": "municipality", "id": "gm", "name": "Benchstad", "cbs_code": "GM9997"}
        yield {"type": "organisation", "id": "org", "name": "Bench Welzijn", "kind": "parent",
               "municipality": "gm"}
        for t in range(TEAMS):
            yield {"type": "team", "id": f"t{t}", "municipality": "gm", "name": f"Team {t}",
                   "district": None, "rayon": ""}
        for t in range(TEAMS):
            for s in range(STAFF_PER_TEAM):
                yield {"type": "staff", "id": f"s{t}-{s}", "municipality": "gm",
                       "organisation": "org", "username": f"bench{t}-{s}",
                       "display_name": f"Medewerker {t}-{s}", "roles": [],
                       "places": [{"team": f"t{t}", "role": "team_member", "unit": None,
                                   "deputy": False}],
                       "specialisms": [], "fte": "0.89",
                       "registration": {"kind": "skj", "number": f"1{t:03d}{s:05d}",
                                        "expires": None}}

    def episode_events(self, ep: str, team: int, start: dt.datetime,
                       close: bool) -> Iterator[dict[str, Any]]:
        rng = self.rng
        workers = [f"s{team}-{s}" for s in rng.sample(range(STAFF_PER_TEAM), 2)]
        moment = start
        seq = 0

        def ev(kind: str, data: dict[str, Any] | None = None,
               worker: str | None = None) -> dict[str, Any]:
            nonlocal seq, moment
            seq += 1
            moment += dt.timedelta(days=rng.randint(0, 9), microseconds=rng.randrange(10**6))
            return {"type": "event", "id": f"{ep}-{seq}", "episode": ep, "seq": seq,
                    "kind": kind, "occurred_at": iso(moment),
                    "recorded_at": iso(moment + dt.timedelta(minutes=rng.randint(0, 600))),
                    "recorded_by": workers[0], "worker": worker, "backdate_reason": "",
                    "data": data or {}}

        yield ev("registered", {"source": rng.choice(SOURCES), "channel": rng.choice(CHANNELS),
                                "urgency": "normal", "unit": rng.choice(("jeugd", "volwassenen")),
                                "multiple_problems": True, "description": "Signaal"})
        yield ev("resident_contacted", {"note": ""})
        yield ev("assigned", {"note": ""}, worker=workers[0])
        if rng.random() < 0.9:
            yield ev("help_started", {"note": ""})
            yield ev("plan_agreed", {"note": ""})
            if rng.random() < 0.5:
                yield ev("involvement_added", {"involvement": f"{ep}-inv", "kind": "external",
                                               "name": "Schuldhulp", "organisation": "Bench"})
                yield ev("involvement_ended", {"involvement": f"{ep}-inv"})
            if rng.random() < 0.3:
                yield ev("director_changed", {"note": "verlof"}, worker=workers[1])
        if close:
            reason, destination = rng.choice(REASONS)
            yield ev("closed", {"reason": reason, "destination": destination, "note": ""})
            yield ev("aftercare_ended", {"note": ""})

    def body(self) -> Iterator[tuple[str, dict[str, Any]]]:
        rng = self.rng
        epoch = dt.datetime(2022, 1, 1, tzinfo=UTC)
        for h in range(self.households):
            team = h % TEAMS
            family = rng.choice(FAMILY)
            size = rng.choice((1, 1, 2, 2, 2, 3, 3, 4))
            members = []
            for p in range(size):
                pid = f"p{h}-{p}"
                adult = p < min(2, size) and (p == 0 or rng.random() < 0.5)
                year = 1960 + rng.randrange(30) if adult else 2008 + rng.randrange(15)
                born = dt.date(year, 1 + rng.randrange(12), 1 + rng.randrange(28))
                yield "person", {
                    "type": "person", "id": pid, "given_name": rng.choice(GIVEN),
                    "family_name_prefix": "", "family_name": family,
                    "birth_date": born.isoformat(), "bsn": bsn(rng) if adult else "",
                    "phone": "", "email": "", "street": "Benchstraat",
                    "house_number": str(h), "postcode": "9999ZZ", "city": "Benchstad",
                    "merged_into": None}
                members.append({"person": pid, "role": "parent" if adult else "child"})
            yield "household", {"type": "household", "id": f"h{h}", "reference": f"B-{h:07d}",
                                "team": f"t{team}", "name": family, "members": members,
                                "merged_into": None}
            episodes = 2 if rng.random() < 0.5 else 1
            start = epoch + dt.timedelta(days=rng.randrange(600), seconds=rng.randrange(86400))
            previous = None
            for n in range(1, episodes + 1):
                ep = f"e{h}-{n}"
                yield "episode", {"type": "episode", "id": ep, "household": f"h{h}",
                                  "team": f"t{team}", "number": n, "previous": previous}
                close = n < episodes or rng.random() < 0.6
                last = start
                for event in self.episode_events(ep, team, start, close):
                    last = dt.datetime.fromisoformat(event["occurred_at"])
                    yield "event", event
                previous = ep
                start = last + dt.timedelta(days=rng.randint(30, 200))

    def write(self, path: Path) -> None:
        """Sections to scratch files, then concatenated in the format's order."""
        order = ("person", "household", "episode", "event")
        parts = {kind: path.with_suffix(f".{kind}") for kind in order}
        handles = {kind: p.open("w", encoding="utf-8") for kind, p in parts.items()}
        plural = {"person": "persons", "household": "households", "episode": "episodes",
                  "event": "events"}
        for kind, record in self.body():
            handles[kind].write(json.dumps(record, separators=(",", ":")) + "\n")
            self.counts[plural[kind]] += 1
        for handle in handles.values():
            handle.close()
        with path.open("w", encoding="utf-8") as out:
            for record in self.head():
                out.write(json.dumps(record, separators=(",", ":")) + "\n")
                self.counts["lines"] += 1
            for kind in order:
                with parts[kind].open(encoding="utf-8") as part:
                    for line in part:
                        out.write(line)
                parts[kind].unlink()
        self.counts["lines"] += sum(self.counts[plural[k]] for k in order)


def prepare_database(flush: bool) -> str:
    """Point Django at a database of the benchmark's own; return the engine's name."""
    url = os.environ.get("DATABASE_URL", "")
    if not url:
        home = Path(tempfile.mkdtemp(prefix="schakel-bench-"))
        (home / "var").mkdir()
        os.environ["SCHAKEL_HOME"] = str(home)
        atexit.register(shutil.rmtree, home, ignore_errors=True)
    elif url.startswith("postgres"):
        import psycopg

        base, _, name = url.rpartition("/")
        with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
            exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s",
                                  (name,)).fetchone()
            if not exists:
                conn.execute(f'CREATE DATABASE "{name}"')
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.config.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from schakel.tenancy.models import Municipality

    call_command("migrate", verbosity=0)
    if Municipality.objects.exists():
        if not flush:
            sys.exit("The database holds data; pass --flush to empty it (it will be emptied).")
        call_command("flush", interactive=False, verbosity=0)
    return connection.vendor


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--households", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--flush", action="store_true",
                        help="empty the configured database first (only a benchmark database!)")
    parser.add_argument("--export", action="store_true", help="also time a full export")
    parser.add_argument("--twice", action="store_true",
                        help="also time importing the same file again (nothing changes)")
    args = parser.parse_args()

    engine = prepare_database(args.flush)
    from schakel.exchange.exporter import export
    from schakel.exchange.importer import import_file

    with tempfile.TemporaryDirectory(prefix="schakel-bench-file-") as tmp:
        path = Path(tmp) / "bench.jsonl"
        generator = Generator(args.households, args.seed)
        started = time.perf_counter()
        generator.write(path)
        seconds_generate = time.perf_counter() - started

        started, cpu = time.perf_counter(), time.process_time()
        result = import_file(path, stdout=sys.stderr)
        seconds_import = time.perf_counter() - started
        cpu_import = time.process_time() - cpu
        figures: dict[str, Any] = {
            **generator.counts,
            "seconds_generate": round(seconds_generate, 1),
            "seconds_import": round(seconds_import, 1),
            "cpu_seconds_import": round(cpu_import, 1),
            "lines_per_second": round(generator.counts["lines"] / seconds_import),
            "engine": engine,
            "file_mb": round(path.stat().st_size / 1e6, 1),
            "events_created": result["event"].created,
        }
        if args.twice:
            started = time.perf_counter()
            again = import_file(path)
            figures["seconds_reimport"] = round(time.perf_counter() - started, 1)
            figures["reimport_changed"] = again.changed
        if args.export:
            started = time.perf_counter()
            with (Path(tmp) / "export.jsonl").open("w", encoding="utf-8") as out:
                export(out)
            figures["seconds_export"] = round(time.perf_counter() - started, 1)
        figures["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
