"""One demo login per role, chosen so the demo shows everything.

The generator picks the staff behind each login after it has simulated the
history: ``coach`` is an adults-unit team member who directs open households
in a team that has both a werkvoorraad and a waiting group. After import the
command gives these accounts one shared, printed password and an
authenticator device with a known synthetic secret (``schakel totp-code
USERNAME`` prints the current code while DEBUG is on).
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

from schakel.cases.constants import State
from schakel.demo.stats import Stats
from schakel.demo.tenant import Staff, Team, Tenant

DEMO_PASSWORD = os.environ.get("SCHAKEL_DEMO_PASSWORD", "Schakel-demo-2026")

LOGINS: tuple[tuple[str, str], ...] = (
    ("coach", "wijkcoach: team member, adults unit, case director"),
    ("jeugdcoach", "jeugd- en gezinscoach: team member, youth unit (SKJ)"),
    ("leider", "wijkteamleider: team leader of both units"),
    ("gedragswetenschapper", "behavioural scientist (BIG)"),
    ("voordeur", "front-door worker (Vraagwijzer)"),
    ("partner", "partner user (GP practice, POH-GGZ)"),
    ("beleid", "policy: aggregate figures only"),
    ("beheer", "functional administrator"),
    ("privacy", "privacy officer: audit log, review of emergency access, retention"),
)
ROLE_OF = dict(LOGINS)


@dataclass(frozen=True)
class Login:
    username: str
    role: str
    display_name: str
    password: str = DEMO_PASSWORD
    totp_secret: str = ""


def _showcase_team(tenant: Tenant, stats: Stats) -> Team:
    def score(team: Team) -> tuple[int, bool, int]:
        counts = stats.states[team.index]
        both_units = team.index % 3 != 2
        return (min(counts[State.REGISTERED], counts[State.WAITING]), both_units, -team.index)

    return max(tenant.teams, key=score)


def _busiest(staff: list[Staff], stats: Stats) -> Staff:
    def score(s: Staff) -> tuple[bool, bool, int]:
        d = stats.directed.get(s.id)
        if not d:
            return (False, False, 0)
        return (d[State.WAITING] > 0, d[State.ACTIVE] > 0, sum(d.values()))

    return max(staff, key=score)


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(c for c in folded.lower() if c.isalnum())


def assign_usernames(tenant: Tenant, stats: Stats) -> list[Login]:
    """Give the demo logins their usernames, and every other staff member one too."""
    team = _showcase_team(tenant, stats)
    assert team.leader and team.scientist and team.front_door
    chosen = {
        "coach": _busiest(team.adults, stats),
        "jeugdcoach": _busiest(team.youth, stats),
        "leider": team.leader,
        "gedragswetenschapper": team.scientist,
        "voordeur": team.front_door,
        "partner": tenant.special["partner"],
        "beleid": tenant.special["policy"],
        "beheer": tenant.special["admin"],
        "privacy": tenant.special["privacy"],
    }
    taken = set(chosen)
    for username, staff in chosen.items():
        staff.username = username
    for staff in tenant.staff:
        if staff.username:
            continue
        given, _, family = staff.display_name.partition(" ")
        base = f"{_ascii(given)[:1]}.{_ascii(family)}"
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}{n}"
        taken.add(name)
        staff.username = name
    return [Login(u, ROLE_OF[u], chosen[u].display_name) for u, _ in LOGINS]


def set_passwords() -> list[Login]:
    """Give each demo login the shared password and a TOTP device; returns the logins found."""
    from django.contrib.auth import get_user_model

    from schakel.security.totp import demo_key, give_device, secret_of
    from schakel.tenancy.models import StaffProfile

    found: list[Login] = []
    user_model = get_user_model()
    for username, role in LOGINS:
        user = user_model.objects.filter(username=username).first()
        if user is None:
            continue
        user.set_password(DEMO_PASSWORD)
        user.save(update_fields=["password"])
        device = give_device(user, demo_key(username))
        profile = StaffProfile.objects.filter(user=user).first()
        found.append(Login(username, role, profile.display_name if profile else username,
                           totp_secret=secret_of(device)))
    return found
