"""Speed at a million cases: seed PostgreSQL in bulk, then time the pages under a real server.

    .venv/bin/python bench/million.py all                 # seed, then measure (one command)
    .venv/bin/python bench/million.py seed --episodes 1000000
    .venv/bin/python bench/million.py measure             # again, on the seeded database

The database is ``DATABASE_URL`` (default
postgres://postgres@127.0.0.1:5432/schakel_bench); ``seed`` drops and
recreates it, so point it at a database of its own. ``measure`` migrates it
first (so it runs on top of later migrations), collects static files into a
temporary SCHAKEL_HOME, starts gunicorn with DEBUG=0 on a free port, logs in
as the seeded accounts and times each page with 1 and with 16 concurrent
clients; it prints JSON. See docs/performance.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/schakel_bench"
BIG_TABLES = ("people_household", "people_person", "people_householdmember", "cases_episode",
              "cases_event", "cases_involvement")


def _django(url: str, home: Path | None = None) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.config.settings")
    os.environ["DEBUG"] = "0"  # also keeps Django from recording every query in memory
    os.environ.setdefault("SECRET_KEY", "bench-only-not-secret")
    if home is not None:
        os.environ["SCHAKEL_HOME"] = str(home)
    import django

    django.setup()


def seed(args: argparse.Namespace) -> dict[str, Any]:
    import pgbulk

    pgbulk.recreate_database(args.database_url)
    _django(args.database_url)
    import seeding
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter()

    def progress(planner: seeding.Planner) -> None:
        print(f"  {planner.episodes_planned:>9,} episodes, {planner.events_planned:>11,} events, "
              f"{time.perf_counter() - migrated:6.0f} s", file=sys.stderr, flush=True)

    with connection.cursor() as cursor, pgbulk.without_indexes(cursor, BIG_TABLES):
        loaded_at = time.perf_counter()
        _staffing, planner = seeding.seed(
            args.episodes, teams=args.teams, workers_per_team=args.workers_per_team,
            seed_value=args.seed, progress=progress)
        loaded = time.perf_counter()
    indexed = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    analysed = time.perf_counter()
    checked = seeding.verify(sample=args.verify, seed_value=args.seed)
    if checked["mismatches"]:
        raise SystemExit(f"Seeded episodes do not match their events: {checked}")
    return {
        "episodes": planner.episodes_planned, "events": planner.events_planned,
        "households": planner.ids["households"], "persons": planner.ids["persons"],
        "teams": args.teams, "workers_per_team": args.workers_per_team,
        "seconds_migrate": round(migrated - started, 1),
        "seconds_load": round(loaded - loaded_at, 1),
        "seconds_indexes": round(indexed - loaded, 1),
        "seconds_analyse": round(analysed - indexed, 1),
        "verified_against_fold": checked,
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _machine(cursor: Any) -> dict[str, Any]:
    meminfo = Path("/proc/meminfo").read_text().split()
    model = next((line.split(":", 1)[1].strip() for line in
                  Path("/proc/cpuinfo").read_text().splitlines()
                  if line.startswith("model name")), platform.processor())
    cursor.execute("SHOW server_version")
    pg = cursor.fetchone()[0]
    cursor.execute("SHOW shared_buffers")
    buffers = cursor.fetchone()[0]
    return {
        "cpu": model, "cores": os.cpu_count(),
        "ram_gb": round(int(meminfo[meminfo.index("MemTotal:") + 1]) / 1024 / 1024, 1),
        "os": platform.platform(), "python": platform.python_version(),
        "postgresql": pg, "shared_buffers": buffers,
        "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
    }


def _targets(worker: str, policy: str) -> list[Any]:
    """The pages, with a household this worker directs and a name to search for."""
    import httpload
    from django.db.models import Count

    from schakel.cases import queries
    from schakel.tenancy.models import StaffProfile

    staff = StaffProfile.objects.get(user__username=worker)
    mine = queries.caseload(staff).first()
    if mine is None:
        raise SystemExit(f"{worker} directs no open episode: seed first")
    household = mine.household
    family = household.name.split()[-1]
    open_count = queries.caseload(staff).aggregate(n=Count("pk"))["n"]
    print(f"  caseload of {worker}: {open_count} open episodes", file=sys.stderr)
    return [
        httpload.Target("caseload", "/caseload/", worker),
        httpload.Target("werkvoorraad", "/werkvoorraad/", worker),
        httpload.Target("household", f"/huishouden/{household.reference}/", worker),
        httpload.Target("search", "/zoeken/", worker, form={"q": family}),
        httpload.Target("city_dashboard", "/cijfers/", policy),
    ]


def measure(args: argparse.Namespace) -> dict[str, Any]:
    home = Path(tempfile.mkdtemp(prefix="schakel-bench-"))
    _django(args.database_url, home)
    from django.core.management import call_command
    from django.db import connection

    from schakel.cases.models import Episode, Event
    from schakel.people.models import Household

    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    with connection.cursor() as cursor:
        machine = _machine(cursor)
    data = {
        "episodes": Episode.objects.count(),
        "open_episodes": Episode.objects.filter(closed_at__isnull=True).count(),
        "events": Event.objects.count(),
        "households": Household.objects.count(),
    }
    targets = _targets(args.worker, args.policy)
    _give_authenticators({target.username for target in targets})
    connection.close()

    port = _free_port()
    workers = args.gunicorn_workers or 2 * (os.cpu_count() or 1) + 1
    env = {**os.environ, "ALLOWED_HOSTS": "127.0.0.1,localhost", "DB_CONN_MAX_AGE": "600"}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "schakel.config.wsgi",
         "--bind", f"127.0.0.1:{port}", "--workers", str(workers), "--timeout", "300",
         "--chdir", str(ROOT / "src"), "--log-level", "warning"],
        env=env, cwd=home)
    try:
        _wait_for(port, server)
        pages: dict[str, Any] = {}
        memory: dict[str, Any] = {}
        for target in targets:
            if target.name == "city_dashboard":
                memory["worker_rss_mb_after_lists"] = _rss(server.pid)
            pages[target.name] = _time_page(target, port, args)
        memory["worker_rss_mb_at_end"] = _rss(server.pid)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return {
        "machine": machine, "data": data,
        "server": {"gunicorn_workers": workers, "worker_class": "sync", "debug": False},
        "pages": pages,
        "memory": memory,
    }


def _give_authenticators(usernames: set[str]) -> None:
    """A TOTP device with a known synthetic key for each bench account (bench database only).

    The wide tolerance lets the bench's many sessions of one account each use
    their own time step, as the tests do; every code is still accepted once.
    """
    import httpload

    from schakel.security.totp import demo_key, give_device
    from schakel.tenancy.models import StaffProfile

    for staff in StaffProfile.objects.filter(user__username__in=usernames).select_related("user"):
        key = demo_key(staff.user.username)
        device = give_device(staff.user, key)
        device.tolerance = 200
        device.save(update_fields=["tolerance"])
        httpload.TOTP_KEYS[staff.user.username] = key


def _rss(master: int) -> list[float]:
    import httpload

    return [httpload.rss_mb(pid) for pid in httpload.children(master)]


def _time_page(target: Any, port: int, args: argparse.Namespace) -> dict[str, Any]:
    """1 client, then 16 at once; a page that does not answer in time is reported as such."""
    import httpload
    import seeding

    heavy = target.name == "city_dashboard"
    result: dict[str, Any] = {"path": target.path}
    runs = (("1_client", 1, args.dashboard_requests if heavy else args.requests),
            ("16_clients", 16, args.dashboard_per_client if heavy else args.per_client))
    for label, clients, count in runs:
        try:
            result[label] = httpload.run("127.0.0.1", port, target, seeding.PASSWORD, clients,
                                         count, warmup=1 if heavy else 2,
                                         timeout=args.timeout)
        except TimeoutError:
            result[label] = {"error": f"no answer within {args.timeout} s"}
            print(f"  {target.name}: no answer within {args.timeout} s", file=sys.stderr)
            break
        print(f"  {target.name} ({label}): median {result[label]['median_ms']} ms, "
              f"p95 {result[label]['p95_ms']} ms", file=sys.stderr)
    return result


def _wait_for(port: int, server: subprocess.Popen[bytes]) -> None:
    for _ in range(300):
        if server.poll() is not None:
            raise SystemExit("gunicorn did not start")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("step", choices=("seed", "measure", "all"))
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL",
                                                                 DEFAULT_URL))
    parser.add_argument("--episodes", type=int, default=1_000_000)
    parser.add_argument("--teams", type=int, default=60)
    parser.add_argument("--workers-per-team", type=int, default=25)
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--verify", type=int, default=2000,
                        help="episodes to check against the fold after seeding")
    parser.add_argument("--worker", default="bench-t01-w01", help="caseload/werkvoorraad user")
    parser.add_argument("--policy", default="bench-policy", help="city dashboard user")
    parser.add_argument("--requests", type=int, default=30, help="requests with 1 client")
    parser.add_argument("--per-client", type=int, default=5, help="requests per client of 16")
    parser.add_argument("--dashboard-requests", type=int, default=3)
    parser.add_argument("--dashboard-per-client", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=120, help="seconds to wait per request")
    parser.add_argument("--gunicorn-workers", type=int, default=0, help="0: 2 x cores + 1")
    args = parser.parse_args()
    out: dict[str, Any] = {}
    if args.step in ("seed", "all"):
        out["seed"] = seed(args)
        if args.step == "all":
            print(json.dumps(out["seed"], indent=2), file=sys.stderr)
            # A fresh interpreter measures, as the integrator will when re-running ``measure``.
            subprocess.run([sys.executable, __file__, "measure",
                            *sys.argv[2:]], check=True)
            return
    if args.step == "measure":
        out["measure"] = measure(args)
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
