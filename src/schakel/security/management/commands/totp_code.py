"""``schakel totp-code USERNAME``: the current second-factor code of a demo account."""

from __future__ import annotations

import time
from argparse import ArgumentParser
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from schakel.security.totp import code_at, confirmed_device


class Command(BaseCommand):
    help = ("Print the current second-factor code of an account (demo and development "
            "only; refused when DEBUG is off).")

    def add_arguments(self, parser: ArgumentParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEBUG:
            raise CommandError("totp-code is for the demo only and refuses to run with DEBUG off.")
        user = get_user_model().objects.filter(username=options["username"]).first()
        device = confirmed_device(user) if user is not None else None
        if device is None:
            raise CommandError(f"No account with an authenticator device: {options['username']}")
        step = int((time.time() - device.t0) // device.step) + device.drift
        self.stdout.write(code_at(device, step))
