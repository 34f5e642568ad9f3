"""``schakel serve``: the production web server (gunicorn), static files included."""

from __future__ import annotations

import os
import sys
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = ("Serve Schakel in production with gunicorn: collects static files (served by "
            "WhiteNoise), then starts the workers. Refuses to run with DEBUG on.")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("--bind", default=os.environ.get("SCHAKEL_BIND", "127.0.0.1:8000"),
                            help="address:port to listen on (default 127.0.0.1:8000)")
        parser.add_argument("--workers", type=int,
                            default=int(os.environ.get("SCHAKEL_WORKERS", "0")) or None,
                            help="worker processes (default 2 × CPU cores + 1)")
        parser.add_argument("--threads", type=int,
                            default=int(os.environ.get("SCHAKEL_THREADS", "4")),
                            help="threads per worker (default 4)")
        parser.add_argument("--timeout", type=int, default=60)
        parser.add_argument("--no-collectstatic", action="store_true")

    def handle(self, *args: Any, **options: Any) -> None:
        if settings.DEBUG:
            raise CommandError("schakel serve is the production server: set DEBUG=0 "
                               "(and SECRET_KEY, ALLOWED_HOSTS). For a local trial use "
                               "`schakel demo --serve`.")
        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        workers = options["workers"] or 2 * (os.cpu_count() or 1) + 1
        argv = [
            sys.executable, "-m", "gunicorn", settings.WSGI_APPLICATION.replace(
                ".application", ":application"),
            "--bind", options["bind"],
            "--workers", str(workers),
            "--threads", str(options["threads"]),
            "--timeout", str(options["timeout"]),
            "--graceful-timeout", "30",
            # No gunicorn access log: it would print query strings. The application
            # writes one structured line per request (schakel.requests) instead.
            "--error-logfile", "-",
            "--forwarded-allow-ips", os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
        ]
        self.stdout.write(f"Serving Schakel on http://{options['bind']}/ with {workers} "
                          f"workers × {options['threads']} threads")
        self.stdout.flush()
        os.execv(sys.executable, argv)
