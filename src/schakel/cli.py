"""The ``schakel`` console command: Django's manage.py under the product's name.

``schakel demo`` (see schakel.demo) sets up and serves the demo; every other
sub-command is a Django management command (``schakel migrate``,
``schakel import FILE``, ``schakel export``...).
"""

from __future__ import annotations

import os
import sys

# Command names as documented, for commands whose module name cannot hold a hyphen.
ALIASES = {"totp-code": "totp_code"}


def main(argv: list[str] | None = None) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.config.settings")
    from django.core.management import execute_from_command_line

    args = list(argv if argv is not None else sys.argv[1:])
    if args and args[0] in ALIASES:
        args[0] = ALIASES[args[0]]
    execute_from_command_line(["schakel", *args])


if __name__ == "__main__":
    main()
