"""Give the load test's simulated staff their logins (demo database only).

Picks up to N case directors of open households in the demo municipality,
gives each the demo password and a TOTP device with its known synthetic demo
secret, and writes their usernames and secrets to a JSON file for the locust
file. Refuses a database without the demo municipality.

    SCHAKEL_HOME=... DATABASE_URL=... python bench/load/prepare.py [--users 50] [--out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--out", default=str(Path(__file__).with_name("accounts.json")))
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "schakel.config.settings")
    import django

    django.setup()
    from schakel.cases.models import Episode
    from schakel.demo.logins import DEMO_PASSWORD
    from schakel.demo.tenant import MUNICIPALITY_CODE
    from schakel.security.totp import demo_key, give_device
    from schakel.tenancy.models import Municipality, StaffProfile

    if not Municipality.objects.filter(cbs_code=MUNICIPALITY_CODE).exists():
        sys.exit("No demo municipality in this database: run `schakel demo` first.")
    directors = (Episode.objects.filter(closed_at__isnull=True, director__isnull=False)
                 .values_list("director", flat=True).distinct())
    staff = StaffProfile.objects.filter(pk__in=directors).select_related("user")
    accounts = []
    for profile in staff.order_by("pk")[: args.users]:
        user = profile.user
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        key = demo_key(user.username)
        give_device(user, key)
        accounts.append({"username": user.username, "key": key})
    Path(args.out).write_text(json.dumps({"password": DEMO_PASSWORD, "accounts": accounts},
                                         indent=1))
    print(f"{len(accounts)} load-test accounts written to {args.out}")


if __name__ == "__main__":
    main()
