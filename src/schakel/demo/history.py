"""Two years of casework, one household at a time.

For each episode the generator first plans its milestones (registration,
assignment, start of help, closure, end of aftercare), possibly far beyond
"now", and then places every other event inside the window the lifecycle
allows it (contacts before closure, a plan after help started...). Events
after "now" have not happened yet and are dropped, so the episode's state at
"now" falls out of the same timeline. Events are written in time order, with
ties broken in lifecycle order, so every episode folds cleanly.
"""

from __future__ import annotations

import datetime as dt
import math
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from schakel.cases.constants import (
    Channel,
    CloseReason,
    EventKind,
    InvolvementKind,
    Source,
    State,
    Urgency,
)
from schakel.demo import calibration as cal
from schakel.demo import texts
from schakel.demo.clock import Clock, iso
from schakel.demo.people import Household, NamePools
from schakel.demo.stats import EpisodeFacts, Stats
from schakel.demo.tenant import Staff, Team, Tenant
from schakel.demo.writer import SectionWriter
from schakel.tenancy.constants import UnitKind

K = EventKind
ORDER = {str(k): i for i, k in enumerate((
    K.REGISTERED, K.RETURNED, K.TRIAGED, K.REFERRER_CONTACTED, K.RESIDENT_CONTACTED,
    K.KITCHEN_TABLE, K.INVOLVEMENT_ADDED, K.ASSIGNED, K.DIRECTOR_CHANGED, K.HELP_STARTED,
    K.PLAN_AGREED, K.SCALED_UP, K.SCALED_DOWN, K.INVOLVEMENT_ENDED, K.CLOSED,
    K.AFTERCARE_ENDED,
))}
INCLUSIVE = (K.INVOLVEMENT_ENDED, K.CLOSED, K.AFTERCARE_ENDED)
"""Kinds that may happen at the very moment their window closes (lifecycle order decides)."""
DAY = dt.timedelta(days=1)
MINUTE = dt.timedelta(minutes=1)

# (occurred_at, lifecycle order, kind, worker id, recorded_by id, data)
Ev = tuple[dt.datetime, int, str, str | None, str | None, dict[str, Any]]
Add = Callable[..., None]


class Pick:
    """A weighted choice prepared once, drawn many times."""

    def __init__(self, weights: Mapping[str, float]) -> None:
        self.keys = [str(k) for k in weights]
        self.cum: list[float] = []
        total = 0.0
        for w in weights.values():
            total += w
            self.cum.append(total)

    def __call__(self, rng: random.Random) -> str:
        return rng.choices(self.keys, cum_weights=self.cum)[0]


def lognormal(rng: random.Random, median: float, sigma: float) -> float:
    return rng.lognormvariate(math.log(median), sigma)


@dataclass
class Plan:
    id: str
    household: str
    team: Team
    unit: str
    number: int
    previous: str | None
    source: str
    channel: str
    urgent: bool
    registered: dt.datetime
    assigned: dt.datetime | None
    started: dt.datetime | None
    closed: dt.datetime
    aftercare_end: dt.datetime
    reason: str
    destination: str


class History:
    def __init__(
        self, rng: random.Random, clock: Clock, tenant: Tenant, pools: NamePools,
        sink: SectionWriter, stats: Stats,
    ) -> None:
        self.rng, self.clock, self.tenant, self.pools = rng, clock, tenant, pools
        self.sink, self.stats = sink, stats
        self.now = clock.now
        self.episodes = self.events = self.involvements = 0
        self._sources: dict[str, Pick] = {UnitKind.YOUTH: Pick(cal.SOURCES_YOUTH),
                                          UnitKind.ADULTS: Pick(cal.SOURCES_ADULTS)}
        self._channels = (Pick(cal.CHANNELS_RESIDENT), Pick(cal.CHANNELS_PROFESSIONAL))
        self._reasons = Pick(cal.CLOSE_REASONS)
        self._early_reasons = Pick(cal.EARLY_CLOSE_REASONS)
        self._destinations = {r: Pick(d) for r, d in cal.DESTINATIONS.items()}
        self._handed_over: dict[str, Pick] = {UnitKind.YOUTH: Pick(cal.HANDED_OVER_YOUTH),
                                              UnitKind.ADULTS: Pick(cal.HANDED_OVER_ADULTS)}
        self._workers: dict[tuple[int, str], tuple[list[Staff], list[float]]] = {}
        self._referrers = self._referrer_organisations()

    # -- helpers ----------------------------------------------------------------

    def _referrer_organisations(self) -> dict[str, list[str]]:
        names = self.tenant.partner_names
        gps = names.get("gp", [])
        return {
            Source.GP: gps, Source.POH_GGZ: gps,
            Source.VRAAGWIJZER: ["Vraagwijzer Schiedam"], Source.CJG: ["CJG Schiedam"],
            Source.SCHOOL: names.get("school", []), Source.POLICE: names.get("police", []),
            Source.HOUSING: names.get("housing", []), Source.WELFARE: names.get("welfare", []),
            Source.VOLUNTEER: names.get("welfare", []),
            **{s: [n] for s, n in texts.FIXED_REFERRERS.items()},
        }

    def pick_worker(self, team: Team, unit: str, exclude: Staff | None = None) -> Staff | None:
        key = (team.index, unit)
        if key not in self._workers:
            staff = team.workers(unit)
            cum, total = [], 0.0
            for s in staff:
                total += float(s.fte)
                cum.append(total)
            self._workers[key] = (staff, cum)
        staff, cum = self._workers[key]
        for _ in range(6):
            choice = self.rng.choices(staff, cum_weights=cum)[0]
            if choice is not exclude:
                return choice
        return None

    def _note(self, kind: str, data: dict[str, Any]) -> dict[str, Any]:
        options = texts.NOTES.get(kind)
        if options and self.rng.random() < cal.NOTE_SHARE:
            data["note"] = self.rng.choice(options)
        return data

    # -- households ---------------------------------------------------------------

    def household(self, hh: Household, team: Team) -> None:
        rng, clock, now = self.rng, self.clock, self.now
        day = (clock.start + dt.timedelta(days=rng.uniform(0, cal.HISTORY_DAYS))).date()
        youth = hh.has_minor and rng.random() < cal.YOUTH_UNIT_IF_CHILDREN
        unit = UnitKind.YOUTH if youth else UnitKind.ADULTS
        previous: str | None = None
        number = 1
        while True:
            plan = self._plan(hh.id, team, unit, number, previous, day)
            if plan is None:
                return
            next_day: dt.date | None = None
            if plan.closed <= now and rng.random() < cal.RETURN_CHANCE:
                gap = max(14.0, lognormal(rng, cal.RETURN_GAP_MEDIAN_DAYS, cal.RETURN_GAP_SIGMA))
                returns_at = plan.closed + dt.timedelta(days=gap)
                if returns_at <= now:
                    next_day = returns_at.date()
                    morning = dt.datetime.combine(next_day, dt.time(7, 0))
                    plan.aftercare_end = min(plan.aftercare_end, morning)
            self._emit(plan)
            if next_day is None:
                return
            previous, number, day = plan.id, number + 1, next_day
            if hh.has_minor and rng.random() < 0.2:
                unit = UnitKind.ADULTS if unit == UnitKind.YOUTH else UnitKind.YOUTH

    def _plan(
        self, household: str, team: Team, unit: str, number: int, previous: str | None,
        day: dt.date,
    ) -> Plan | None:
        rng, clock, now = self.rng, self.clock, self.now
        urgent = rng.random() < cal.URGENT_SHARE
        source = self._sources[unit](rng)
        resident = source in (Source.SELF, Source.FAMILY)
        channel = self._channels[0 if resident else 1](rng)
        if channel in (Channel.DIGITAL, Channel.API):
            registered = clock.any_time(day)
        else:
            registered = clock.later(dt.datetime.combine(day, dt.time(0, 0)), 0)
        if registered > now:
            if number > 1:
                return None
            registered = now - rng.randrange(5, 240) * MINUTE
        assigned = started = None
        roll = rng.random()
        if roll < cal.CLOSED_BEFORE_ASSIGNMENT and not urgent:
            closed = clock.later(registered, rng.uniform(3, 35))
            reason = self._early_reasons(rng)
        else:
            delay = (rng.uniform(0, 1.5) if urgent
                     else lognormal(rng, cal.ASSIGN_MEDIAN_DAYS, cal.ASSIGN_SIGMA))
            assigned = clock.later(registered, delay)
            if roll < cal.CLOSED_BEFORE_ASSIGNMENT + cal.CLOSED_WHILE_WAITING and not urgent:
                closed = clock.later(assigned, rng.uniform(5, 60))
                reason = rng.choice((CloseReason.REFUSED, CloseReason.NOT_REACHABLE,
                                     CloseReason.MOVED))
            else:
                delay = (rng.uniform(0, 3) if urgent
                         else lognormal(rng, cal.START_MEDIAN_DAYS, cal.START_SIGMA))
                started = clock.later(assigned, delay)
                median, sigma = ((cal.YOUTH_MEDIAN_DAYS, cal.YOUTH_SIGMA) if unit == UnitKind.YOUTH
                                 else (cal.ADULTS_MEDIAN_DAYS, cal.ADULTS_SIGMA))
                closed = clock.later(registered, lognormal(rng, median, sigma))
                if closed < started + 14 * DAY:
                    closed = clock.later(started, rng.uniform(14, 45))
                reason = self._reasons(rng)
                if reason == CloseReason.DECEASED and unit == UnitKind.YOUTH:
                    reason = CloseReason.GOALS_MET
        if reason == CloseReason.HANDED_OVER:
            destination = self._handed_over[unit](rng)
        else:
            destination = self._destinations[reason](rng)
        aftercare_end = closed
        if reason not in (CloseReason.MOVED, CloseReason.DECEASED) and (
            rng.random() < cal.AFTERCARE_SHARE
        ):
            aftercare_end = min(clock.later(closed, rng.uniform(7, cal.AFTERCARE_MAX_DAYS - 4)),
                                closed + cal.AFTERCARE_MAX_DAYS * DAY)
        self.episodes += 1
        return Plan(
            f"demo-ep-{self.episodes:07d}", household, team, unit, number, previous, source,
            channel, urgent, registered, assigned, started, closed, aftercare_end, reason,
            destination,
        )

    # -- events -----------------------------------------------------------------

    def _registration(self, p: Plan, reg_urgent: bool) -> dict[str, Any]:
        rng = self.rng
        data: dict[str, Any] = {
            "source": p.source, "channel": p.channel,
            "urgency": Urgency.URGENT.value if reg_urgent else Urgency.NORMAL.value,
            "unit": p.unit, "multiple_problems": rng.random() < cal.MULTIPLE_PROBLEMS,
        }
        if p.source != Source.SELF:
            data["referrer_name"] = self.pools.full_name(rng)
            organisations = self._referrers.get(p.source)
            if organisations:
                data["referrer_organisation"] = rng.choice(organisations)
                data["referrer_contact"] = f"010-{rng.randrange(1_000_000, 10_000_000)}"
            else:
                data["referrer_contact"] = f"06-{rng.randrange(10_000_000, 100_000_000)}"
        data["description"] = rng.choice(texts.DESCRIPTIONS[p.unit])
        return data

    def _emit(self, p: Plan) -> None:
        rng, clock, now, team = self.rng, self.clock, self.now, p.team
        assert team.leader is not None and team.front_door is not None
        r, closed, end = p.registered, p.closed, p.aftercare_end
        intake = self.pick_worker(team, p.unit)
        assert intake is not None
        leader = team.leader.id
        evs: list[Ev] = []
        reg_urgent = p.urgent and rng.random() >= cal.URGENT_ONLY_AT_TRIAGE
        reg_by = None if p.channel == Channel.API else (
            team.front_door.id if rng.random() < 0.6 else intake.id)
        evs.append((r, 0, K.REGISTERED, None, reg_by, self._registration(p, reg_urgent)))
        if p.previous:
            evs.append((r, 1, K.RETURNED, None, reg_by, {"previous_episode": p.previous}))

        directors = self._directors(p, evs, leader)

        def by(t: dt.datetime) -> str:
            current = intake
            for since, staff in directors:
                if since <= t:
                    current = staff
            return current.id

        def add(t: dt.datetime, kind: str, data: dict[str, Any] | None = None,
                worker: str | None = None, limit: dt.datetime = closed,
                by_id: str | None = None) -> None:
            if t < limit or (t == limit and kind in INCLUSIVE):
                evs.append((t, ORDER[kind], kind, worker, by_id or by(t), data or {}))

        if p.urgent != reg_urgent or rng.random() < 0.95:
            t = (r + rng.randrange(5, 180) * MINUTE if p.urgent
                 else clock.later(r, rng.uniform(0, 2.5)))
            urgency = Urgency.URGENT.value if p.urgent else Urgency.NORMAL.value
            add(t, K.TRIAGED, {"urgency": urgency}, by_id=leader if rng.random() < 0.3 else None)
        if p.source != Source.SELF:
            self._referrer_contact(r, add)
        if not (p.assigned is None and p.reason == CloseReason.NOT_REACHABLE):
            self._resident_contact(p, add)
        self._kitchen_table(p, add)
        if p.assigned:
            add(p.assigned, K.ASSIGNED, worker=directors[0][1].id, by_id=leader)
        if p.started:
            add(p.started, K.HELP_STARTED, self._note(K.HELP_STARTED, {}))
            self._plan_and_scaling(p, add)
        self._involvements(p, add, directors)
        add(closed, K.CLOSED, self._note(K.CLOSED, {"reason": p.reason,
                                                  "destination": p.destination}))
        add(end, K.AFTERCARE_ENDED, self._note(K.AFTERCARE_ENDED, {}), limit=end)
        self._write(p, [e for e in evs if e[0] <= now], directors)

    def _directors(self, p: Plan, evs: list[Ev], leader: str) -> list[tuple[dt.datetime, Staff]]:
        """The case directors over time: the assignment, then any handovers."""
        if p.assigned is None:
            return []
        rng, clock = self.rng, self.clock
        first = self.pick_worker(p.team, p.unit)
        assert first is not None
        directors = [(p.assigned, first)]
        horizon = min(p.closed, self.now + 400 * DAY)
        long = horizon - p.registered > cal.LONG_CASE_DAYS * DAY
        changes = 0
        if rng.random() < (cal.DIRECTOR_CHANGE_LONG if long else cal.DIRECTOR_CHANGE_SHORT):
            changes = 1 + (long and rng.random() < cal.SECOND_DIRECTOR_CHANGE)
        span = (horizon - p.assigned).days - 10
        if span <= 0:
            return directors
        times = sorted(clock.later(p.assigned, rng.uniform(5, span)) for _ in range(changes))
        for t in times:
            if t >= p.closed or t <= directors[-1][0]:
                continue
            new = self.pick_worker(p.team, p.unit, exclude=directors[-1][1])
            if new is None:
                continue
            directors.append((t, new))
            evs.append((t, ORDER[K.DIRECTOR_CHANGED], K.DIRECTOR_CHANGED, new.id, leader,
                        self._note(K.DIRECTOR_CHANGED, {})))
        return directors

    def _referrer_contact(self, r: dt.datetime, add: Add) -> None:
        rng, clock = self.rng, self.clock
        roll = rng.random()
        if roll < cal.REFERRER_NEVER:
            return
        if roll < cal.REFERRER_NEVER + cal.REFERRER_WITHIN_2_DAYS:
            t = clock.later(r, rng.uniform(0, 1.2))
            if t - r > 48 * dt.timedelta(hours=1):
                t = r + rng.randrange(15, 180) * MINUTE
        else:
            t = clock.later(r, rng.uniform(3, 15))
        add(t, K.REFERRER_CONTACTED, self._note(K.REFERRER_CONTACTED, {}))

    def _resident_contact(self, p: Plan, add: Add) -> None:
        rng, clock, r = self.rng, self.clock, p.registered
        if p.urgent:
            t = clock.later(r, rng.uniform(0, 1))
        else:
            within = rng.random() < cal.RESIDENT_WITHIN_5_WORKING_DAYS
            n = rng.randint(0, 5) if within else rng.randint(6, 30)
            t = clock.at_work(clock.add_working_days(r.date(), n), r)
        add(t, K.RESIDENT_CONTACTED, self._note(K.RESIDENT_CONTACTED, {}))

    def _kitchen_table(self, p: Plan, add: Add) -> None:
        rng, clock, r = self.rng, self.clock, p.registered
        if rng.random() < cal.KITCHEN_TABLE_NEVER:
            return
        if p.urgent:
            t = clock.later(r, rng.uniform(0.5, 4))
        elif rng.random() < cal.KITCHEN_TABLE_WITHIN_10_DAYS:
            t = clock.later(r, rng.uniform(1, 8))
        else:
            t = clock.later(r, max(11.0, lognormal(rng, 24, 0.55)))
        add(t, K.KITCHEN_TABLE, self._note(K.KITCHEN_TABLE, {}))

    def _plan_and_scaling(self, p: Plan, add: Add) -> None:
        rng, clock = self.rng, self.clock
        assert p.started is not None
        deadline = p.registered + 42 * DAY
        room = (deadline - p.started).total_seconds() / 86400
        if rng.random() < cal.PLAN_TRY_WITHIN_6_WEEKS and room > 3:
            add(clock.later(p.started, rng.uniform(0.5, room - 2.5)), K.PLAN_AGREED,
                self._note(K.PLAN_AGREED, {}))
        elif rng.random() < cal.PLAN_EVENTUALLY:
            add(clock.later(max(p.started, deadline), lognormal(rng, 21, 0.7)), K.PLAN_AGREED,
                self._note(K.PLAN_AGREED, {}))
        if rng.random() < cal.SCALE_UP:
            up = clock.later(p.started, rng.uniform(14, 120))
            add(up, K.SCALED_UP, {"note": rng.choice(texts.SCALE_UP[p.unit])})
            if rng.random() < cal.SCALE_DOWN_AFTER_UP:
                add(clock.later(up, rng.uniform(30, 150)), K.SCALED_DOWN,
                    self._note(K.SCALED_DOWN, {}))

    def _involvements(
        self, p: Plan, add: Add, directors: list[tuple[dt.datetime, Staff]]
    ) -> None:
        rng, clock = self.rng, self.clock
        base = p.started or p.assigned or p.registered
        joined: list[tuple[dt.datetime, dict[str, Any], str | None]] = []
        if rng.random() < cal.EXTERNAL_INVOLVEMENT:
            for _ in range(1 + (rng.random() < 0.35)):
                role, organisation = rng.choice(texts.EXTERNAL_ROLES)
                organisation = organisation or rng.choice(self._referrers[Source.GP])
                joined.append((clock.later(base, rng.uniform(0, 60)), {
                    "kind": InvolvementKind.EXTERNAL.value, "name": self.pools.full_name(rng),
                    "organisation": organisation, "role": role,
                    "contact": f"010-{rng.randrange(1_000_000, 10_000_000)}",
                }, None))
        if rng.random() < cal.NETWORK_INVOLVEMENT:
            joined.append((clock.later(base, rng.uniform(0, 45)), {
                "kind": InvolvementKind.NETWORK.value, "name": self.pools.full_name(rng),
                "role": rng.choice(texts.NETWORK_ROLES),
                "contact": f"06-{rng.randrange(10_000_000, 100_000_000)}",
            }, None))
        if directors and rng.random() < cal.TEAM_INVOLVEMENT:
            colleague = p.team.scientist if (
                p.unit == UnitKind.YOUTH and rng.random() < 0.5) else self.pick_worker(
                p.team, p.unit, exclude=directors[0][1])
            if colleague is not None:
                joined.append((clock.later(directors[0][0], rng.uniform(1, 60)), {
                    "kind": InvolvementKind.TEAM.value, "name": colleague.display_name,
                    "organisation": colleague.organisation_name,
                    "role": colleague.specialisms[0] if colleague.specialisms else "",
                }, colleague.id))
        for t, data, worker in joined:
            self.involvements += 1
            ref = f"demo-inv-{self.involvements:07d}"
            add(t, K.INVOLVEMENT_ADDED, {"involvement": ref, **data}, worker=worker)
            if t < p.closed and rng.random() < cal.INVOLVEMENT_ENDS:
                add(clock.later(t, rng.uniform(14, 150)), K.INVOLVEMENT_ENDED,
                    {"involvement": ref}, limit=p.aftercare_end)

    # -- output -------------------------------------------------------------------

    def _recorded(self, t: dt.datetime) -> tuple[dt.datetime, str]:
        rng = self.rng
        if rng.random() < cal.BACKDATED_SHARE:
            recorded = self.clock.later(t, rng.uniform(1, 4))
        else:
            recorded = t + rng.randrange(0, 40) * MINUTE
        recorded = min(recorded, self.now)
        reason = rng.choice(texts.BACKDATE_REASONS) if recorded.date() > t.date() else ""
        return recorded, reason

    def _write(
        self, p: Plan, evs: list[Ev], directors: list[tuple[dt.datetime, Staff]]
    ) -> None:
        evs.sort(key=lambda e: (e[0], e[1]))
        self.sink.write("episode", {"type": "episode", "id": p.id, "household": p.household,
                                    "team": p.team.id, "number": p.number,
                                    "previous": p.previous})
        first: dict[str, dt.datetime] = {}
        counter = self.stats.events
        for seq, (t, _, kind, worker, by, data) in enumerate(evs, start=1):
            self.events += 1
            recorded, reason = self._recorded(t)
            counter[kind] += 1
            first.setdefault(kind, t)
            self.sink.write("event", {
                "type": "event", "id": f"demo-ev-{self.events:08d}", "episode": p.id,
                "seq": seq, "kind": kind, "occurred_at": iso(t), "recorded_at": iso(recorded),
                "recorded_by": by, "worker": worker, "backdate_reason": reason, "data": data,
            })
        state = State.REGISTERED
        for kind, s in ((K.ASSIGNED, State.WAITING), (K.HELP_STARTED, State.ACTIVE),
                        (K.CLOSED, State.AFTERCARE), (K.AFTERCARE_ENDED, State.ENDED)):
            if kind in first:
                state = s
        current = [d for since, d in directors if since <= self.now]
        self.stats.episode(
            EpisodeFacts(
                team=p.team.index, unit=p.unit, urgent=p.urgent, returned=p.previous is not None,
                has_referrer=p.source != Source.SELF, registered=p.registered, first=first,
                state=state, workers=len({d.id for d in current}),
                reason=p.reason, destination=p.destination, source=p.source,
            ),
            current[-1].id if current else None,
        )
