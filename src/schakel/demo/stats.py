"""What the generated history adds up to at "now": the calibration report.

Computed while generating (no database needed), so the figures can be
compared with the reports'. The product computes its own figures from the
imported events; these are the generator's check on itself.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from schakel.cases.constants import EventKind, State
from schakel.demo.clock import Clock
from schakel.tenancy.constants import UnitKind

HOUR = dt.timedelta(hours=1)


@dataclass
class EpisodeFacts:
    team: int
    unit: str
    urgent: bool
    returned: bool
    has_referrer: bool
    registered: dt.datetime
    first: dict[str, dt.datetime]
    state: str
    workers: int
    source: str = ""
    reason: str = ""
    destination: str = ""


@dataclass
class Stats:
    clock: Clock
    states: dict[int, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    open_by_unit: Counter[str] = field(default_factory=Counter)
    events: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    destinations: Counter[str] = field(default_factory=Counter)
    sources: Counter[str] = field(default_factory=Counter)
    directed: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    episodes: int = 0
    returns: int = 0
    urgent: int = 0
    norms: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    durations: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    waits: list[float] = field(default_factory=list)
    long_cases: list[int] = field(default_factory=lambda: [0, 0])

    def _norm(self, name: str, met: bool) -> None:
        self.norms[name][0] += met
        self.norms[name][1] += 1

    def episode(self, f: EpisodeFacts, director: str | None) -> None:
        now, clock = self.clock.now, self.clock
        self.episodes += 1
        self.returns += f.returned
        self.urgent += f.urgent
        self.sources[f.source] += 1
        self.states[f.team][f.state] += 1
        if f.state in (State.REGISTERED, State.WAITING, State.ACTIVE):
            self.open_by_unit[f.unit] += 1
            if director:
                self.directed[director][f.state] += 1
        r, first = f.registered, f.first
        if f.has_referrer and r <= now - 2 * 24 * HOUR:
            t = first.get(EventKind.REFERRER_CONTACTED)
            self._norm("referrer_contacted_within_2_days", t is not None and t - r <= 48 * HOUR)
        if r <= now - dt.timedelta(days=8):
            t = first.get(EventKind.RESIDENT_CONTACTED)
            self._norm("resident_contacted_within_5_working_days",
                       t is not None and clock.working_days_between(r.date(), t.date()) <= 5)
        if r <= now - dt.timedelta(days=10):
            t = first.get(EventKind.KITCHEN_TABLE)
            self._norm("kitchen_table_within_10_days",
                       t is not None and t - r <= dt.timedelta(days=10))
        started = first.get(EventKind.HELP_STARTED)
        if started and r <= now - dt.timedelta(days=42):
            t = first.get(EventKind.PLAN_AGREED)
            self._norm("plan_within_6_weeks", t is not None and t - r <= dt.timedelta(days=42))
        if started and started >= now - dt.timedelta(days=365):
            self.waits.append((started - r).total_seconds() / 86400)
        closed = first.get(EventKind.CLOSED)
        if closed:
            self.reasons[f.reason] += 1
            self.destinations[f.destination] += 1
            if started and closed >= now - dt.timedelta(days=365):
                self.durations[f.unit].append((closed - r).total_seconds() / 86400)
        end = closed or now
        if first.get(EventKind.ASSIGNED) and end - r > dt.timedelta(days=180):
            self.long_cases[0] += f.workers > 1
            self.long_cases[1] += 1

    def report(self, team_names: list[str]) -> dict[str, Any]:
        def share(values: list[float], limit: float) -> float:
            return round(sum(v > limit for v in values) / len(values), 3) if values else 0.0

        def median(values: list[float]) -> float:
            return round(statistics.median(values), 1) if values else 0.0

        adults, youth = self.durations[UnitKind.ADULTS], self.durations[UnitKind.YOUTH]
        per_team = {
            team_names[i]: {s: counts[s] for s in (State.REGISTERED, State.WAITING, State.ACTIVE)}
            for i, counts in sorted(self.states.items())
        }
        total = Counter[str]()
        for counts in self.states.values():
            total.update(counts)
        return {
            "episodes": self.episodes,
            "open_episodes": sum(total[s] for s in (State.REGISTERED, State.WAITING,
                                                     State.ACTIVE)),
            "states": {str(s): total[s] for s in State.values},
            "open_per_team": per_team,
            "open_by_unit": dict(self.open_by_unit),
            "returns": self.returns,
            "return_share": round(self.returns / max(1, self.episodes), 3),
            "urgent_share": round(self.urgent / max(1, self.episodes), 3),
            "norms": {k: round(v[0] / v[1], 3) for k, v in sorted(self.norms.items()) if v[1]},
            "closed_last_year": {
                "adults_median_days": median(adults),
                "adults_over_6_months": share(adults, 182.6),
                "youth_median_days": median(youth),
                "youth_over_9_months": share(youth, 273.9),
            },
            "median_days_until_help_started": median(self.waits),
            "long_cases_with_more_than_one_worker": round(
                self.long_cases[0] / max(1, self.long_cases[1]), 3),
            "sources": dict(self.sources.most_common()),
            "close_reasons": dict(self.reasons.most_common()),
            "destinations": dict(self.destinations.most_common()),
            "events_by_kind": dict(self.events.most_common()),
        }
