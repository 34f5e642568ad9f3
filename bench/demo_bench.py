"""Benchmark: generate the demo municipality for N households, import it, print JSON.

    .venv/bin/python bench/demo_bench.py --households 200000
    .venv/bin/python bench/demo_bench.py --households 20000 --check --no-import

Runs in a temporary SCHAKEL_HOME with a fresh SQLite database (DATABASE_URL
is ignored unless --database-url is given: then that database must be empty
and of its own). --check also runs the database-free file check
(schakel.demo.check) and reports its problems count. The import step is
skipped when the exchange importer is not installed.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=606)
    parser.add_argument("--no-import", action="store_true")
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--database-url", help="import into this (empty) database instead")
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory")
    args = parser.parse_args()

    home = Path(tempfile.mkdtemp(prefix="schakel-demo-bench-"))
    os.environ["SCHAKEL_HOME"] = str(home)
    os.environ.pop("DATABASE_URL", None)
    if args.database_url:
        os.environ["DATABASE_URL"] = args.database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.config.settings")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("SECRET_KEY", "bench-only")

    from schakel.demo.generate import generate

    out: dict[str, Any] = {"households": args.households, "seed": args.seed}
    path = home / "var" / "demo.jsonl"
    generated = generate(path, households=args.households, seed=args.seed)
    out.update({
        "teams": generated.teams, "staff": generated.staff, "persons": generated.persons,
        "episodes": generated.episodes, "events": generated.events,
        "short_contacts": generated.short_contacts, "lines": generated.lines,
        "file_mb": round(path.stat().st_size / 1e6, 1),
        "seconds_generate": round(generated.seconds, 2),
        "open_episodes_generated": generated.report["open_episodes"],
        "states_generated": generated.report["states"],
    })
    if args.check:
        from schakel.demo.check import check_file

        started = time.perf_counter()
        result = check_file(path)
        out["seconds_check"] = round(time.perf_counter() - started, 2)
        out["check_problems"] = len(result.problems)
    if not args.no_import:
        out.update(_import(path))
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if not args.keep:
        for p in sorted(home.rglob("*"), reverse=True):
            p.unlink() if p.is_file() else p.rmdir()
        home.rmdir()
    else:
        out["home"] = str(home)
    print(json.dumps(out, indent=2))


def _import(path: Path) -> dict[str, Any]:
    import django

    django.setup()
    try:
        from schakel.exchange.importer import import_file
    except ImportError:
        return {"seconds_import": None, "import": "importer not available"}
    from schakel.demo.loader import migrate_if_needed, open_per_team

    started = time.perf_counter()
    migrate_if_needed()
    seconds_migrate = time.perf_counter() - started
    started = time.perf_counter()
    result = import_file(path, stdout=sys.stderr)
    seconds = time.perf_counter() - started
    states: dict[str, int] = {}
    for counts in open_per_team().values():
        for state, n in counts.items():
            states[state] = states.get(state, 0) + n
    return {
        "seconds_migrate": round(seconds_migrate, 2),
        "seconds_import": round(seconds, 2),
        "records_imported": result.records,
        "records_per_second": round(result.records / seconds) if seconds else None,
        "open_episodes": sum(states.values()),
        "open_by_state": states,
    }


if __name__ == "__main__":
    main()
