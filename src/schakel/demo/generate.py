"""Generate the demo municipality as an exchange file (JSON Lines, format v1).

Deterministic: the same ``seed`` and ``now`` give the same file. Memory stays
flat in the number of households (lines stream to scratch files), and no
database is touched, so two hundred thousand households take about a minute.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schakel.cases.constants import Channel, Source
from schakel.demo import calibration as cal
from schakel.demo import texts
from schakel.demo.clock import Clock, iso, local_now
from schakel.demo.history import History, Pick
from schakel.demo.logins import Login, assign_usernames
from schakel.demo.people import HouseholdFactory, NamePools
from schakel.demo.stats import Stats
from schakel.demo.tenant import Tenant, build, team_count
from schakel.demo.writer import SectionWriter

DEFAULT_SEED = 606


@dataclass
class Generated:
    path: Path
    seed: int
    now: dt.datetime
    households: int
    persons: int
    episodes: int
    events: int
    short_contacts: int
    teams: int
    staff: int
    lines: int
    seconds: float
    logins: list[Login] = field(default_factory=list)
    report: dict[str, Any] = field(default_factory=dict)

    def summary(self) -> dict[str, Any]:
        return {
            "file": str(self.path), "seed": self.seed, "now": iso(self.now),
            "households": self.households, "persons": self.persons,
            "episodes": self.episodes, "events": self.events,
            "short_contacts": self.short_contacts, "teams": self.teams, "staff": self.staff,
            "lines": self.lines, "seconds_generate": round(self.seconds, 2),
            "calibration": self.report,
        }


def generate(
    path: Path,
    *,
    households: int = cal.DEFAULT_HOUSEHOLDS,
    seed: int = DEFAULT_SEED,
    now: dt.datetime | None = None,
) -> Generated:
    """Write the demo exchange file to ``path``; ``now`` is naive Amsterdam time."""
    started = time.perf_counter()
    if households < 1:
        raise ValueError("households must be at least 1")
    now = (now or local_now()).replace(second=0, microsecond=0)
    rng = random.Random(seed)
    clock = Clock(now, now - dt.timedelta(days=cal.HISTORY_DAYS), rng)
    pools = NamePools(seed)
    tenant = build(team_count(households), rng, pools, now.date())
    factory = HouseholdFactory(pools, rng, now.date(), households)
    sink = SectionWriter(path)
    stats = Stats(clock)
    history = History(rng, clock, tenant, pools, sink, stats)
    team_weights = [rng.uniform(0.8, 1.25) for _ in tenant.teams]
    try:
        for _ in range(households):
            team = rng.choices(tenant.teams, weights=team_weights)[0]
            household = factory.make(team.id, team.postcodes)
            for person in household.persons:
                sink.write("person", person)
            sink.write("household", household.line)
            history.household(household, team)
        contacts = _short_contacts(round(households * cal.SHORT_CONTACTS_PER_HOUSEHOLD),
                                   rng, clock, tenant, sink)
        logins = assign_usernames(tenant, stats)
        lines = sink.finish(now, [*tenant.lines, *(s.line() for s in tenant.staff)])
    except BaseException:
        sink.cleanup()
        raise
    report = stats.report([f"Team {t.name}" for t in tenant.teams])
    report["short_contacts"] = contacts
    member_fte = sum(float(s.fte) for t in tenant.teams for s in (*t.youth, *t.adults))
    report["team_member_fte"] = round(member_fte, 1)
    report["open_per_team_member_fte"] = round(report["open_episodes"] / member_fte, 1)
    return Generated(
        path=path, seed=seed, now=now, households=households, persons=factory.persons,
        episodes=history.episodes, events=history.events, short_contacts=contacts,
        teams=len(tenant.teams), staff=len(tenant.staff), lines=lines,
        seconds=time.perf_counter() - started, logins=logins, report=report,
    )


def _short_contacts(
    n: int, rng: random.Random, clock: Clock, tenant: Tenant, sink: SectionWriter
) -> int:
    """Kortdurend contact: answered on the spot, counted, no case opened."""
    categories = Pick(cal.SHORT_CONTACT_CATEGORIES)
    sources = Pick(cal.SHORT_CONTACT_SOURCES)
    channels = Pick(cal.CHANNELS_RESIDENT)
    written = 0
    for i in range(n):
        team = rng.choice(tenant.teams)
        day = clock.workdays[rng.randrange(clock.workday_index(clock.start.date()),
                                           clock.workday_index(clock.now.date()) + 1)]
        occurred = clock.at_work(day, dt.datetime.min)
        if occurred > clock.now:
            continue
        recorded = min(occurred + rng.randrange(0, 30) * dt.timedelta(minutes=1), clock.now)
        staff = team.front_door if rng.random() < 0.5 else rng.choice(team.adults + team.youth)
        assert staff is not None
        source = sources(rng)
        sink.write("short_contact", {
            "type": "short_contact", "id": f"demo-sc-{i + 1:07d}", "team": team.id,
            "category": categories(rng), "source": source,
            "channel": Channel.PHONE.value if source != Source.SELF else channels(rng),
            "occurred_at": iso(occurred), "recorded_at": iso(recorded),
            "recorded_by": staff.id, "note": rng.choice(texts.SHORT_CONTACT_NOTES),
        })
        written += 1
    return written
