"""Synthetic case history for the speed benchmark: households, persons, episodes, events.

Every episode is planned as the path a case usually takes (registration,
contacts, triage, kitchen-table conversation, assignment, help, plan, close,
aftercare), with random gaps; the events planned after "now" are cut off, so
the mix of states (werkvoorraad, waiting, active, aftercare, ended) follows
from time as it does in a real team. The episode's derived columns are then
computed with ``schakel.cases.projection.derived_fields`` — the function the
services use — so the stored copy equals the fold of the events by
construction; ``verify`` checks a sample afterwards with the strict fold.

Rows are produced as plain tuples in chunks of households; ``Writer`` sends
them to PostgreSQL with COPY, or to any other engine (the tests' SQLite)
with ``executemany``. Names come from the demo's synthetic name pools; no
real person's data is used.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import User
from django.db import connection, transaction
from django.utils import timezone

from schakel.cases import lifecycle
from schakel.cases.constants import (
    Channel,
    CloseReason,
    Destination,
    EventKind,
    InvolvementKind,
    Source,
    Urgency,
)
from schakel.cases.models import Episode, Event, Involvement
from schakel.cases.projection import derived_fields
from schakel.demo.people import NamePools, synthetic_bsns
from schakel.people.constants import HouseholdRole
from schakel.people.models import Household, HouseholdMember, Person
from schakel.tenancy.constants import OrganisationKind, Role, UnitKind
from schakel.tenancy.models import (
    Membership,
    Municipality,
    Organisation,
    StaffProfile,
    Team,
    Unit,
)

PREFIX = "bench-"
PASSWORD = "bench-password-not-secret"  # synthetic accounts in a benchmark database only
YEARS = 8  # registrations spread over this many years up to now
RETURN_SHARE = 0.15  # households that come back for a second episode
DAY = dt.timedelta(days=1)

SOURCES = [s.value for s in Source]
CHANNELS = [c.value for c in Channel]
REASONS = [r.value for r in CloseReason]
DESTINATIONS = [d.value for d in Destination]


@dataclass
class Staffing:
    """The accounts the benchmark logs in with, and the workers per team."""

    team_ids: list[int]
    workers: dict[int, list[int]]  # team id -> staff ids of team members
    leaders: dict[int, int]
    policy: int
    usernames: dict[int, str] = field(default_factory=dict)


@dataclass(slots=True)
class PlannedEvent:
    """Enough of an event for the projection: kind, time, data, worker."""

    kind: str
    occurred_at: dt.datetime
    data: dict[str, Any]
    worker_id: int | None = None
    recorded_by_id: int | None = None

    def fold_data(self) -> dict[str, object]:
        return {**self.data, "worker": self.worker_id}


@dataclass
class Chunk:
    """Rows for one batch of households, in each table's column order (see ``COLUMNS``)."""

    households: list[tuple[Any, ...]] = field(default_factory=list)
    persons: list[tuple[Any, ...]] = field(default_factory=list)
    members: list[tuple[Any, ...]] = field(default_factory=list)
    episodes: list[tuple[Any, ...]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)
    involvements: list[tuple[Any, ...]] = field(default_factory=list)


COLUMNS: dict[str, tuple[type[Any], tuple[str, ...]]] = {
    "households": (Household, ("id", "reference", "team_id", "name", "external_id",
                               "merged_into_id", "created_at")),
    "persons": (Person, ("id", "given_name", "family_name_prefix", "family_name", "birth_date",
                         "bsn", "phone", "email", "street", "house_number", "postcode", "city",
                         "external_id", "merged_into_id", "created_at")),
    "members": (HouseholdMember, ("id", "household_id", "person_id", "role")),
    "episodes": (Episode, ("id", "household_id", "team_id", "number", "previous_id",
                           "external_id", "state", "director_id", "director_organisation_id",
                           "access_from_seq", "unit", "source", "channel",
                           "urgency", "registered_at", "assigned_at", "help_started_at",
                           "closed_at", "last_event_at")),
    "events": (Event, ("id", "episode_id", "seq", "kind", "occurred_at", "recorded_at",
                       "recorded_by_id", "worker_id", "backdate_reason", "data", "external_id")),
    "involvements": (Involvement, ("id", "household_id", "kind", "staff_id", "person_id", "name",
                                   "organisation", "role", "contact", "started_at", "ended_at",
                                   "external_id")),
}


def create_staffing(teams: int, workers_per_team: int) -> Staffing:
    """Municipality, teams with both units, team members, a leader per team, a policy user."""
    password = make_password(PASSWORD)
    with transaction.atomic():
        town = Municipality.objects.create(
            name="Benchstad", cbs_code="GM9999", external_id=f"{PREFIX}gm9999")
        employer = Organisation.objects.create(
            name="Stichting Wijkteams Benchstad", kind=OrganisationKind.PARENT,
            municipality=town, external_id=f"{PREFIX}org")
        staffing = Staffing([], {}, {}, 0)

        def account(username: str, name: str, roles: list[str]) -> StaffProfile:
            user = User.objects.create(username=username, password=password)
            profile = StaffProfile.objects.create(
                user=user, municipality=town, organisation=employer, display_name=name,
                roles=roles, external_id=f"{PREFIX}staff-{username}")
            staffing.usernames[profile.pk] = username
            return profile

        for t in range(1, teams + 1):
            team = Team.objects.create(municipality=town, name=f"Wijkteam {t:02d}",
                                       external_id=f"{PREFIX}team-{t}")
            units = {kind: Unit.objects.create(team=team, kind=kind)
                     for kind in (UnitKind.YOUTH, UnitKind.ADULTS)}
            staffing.team_ids.append(team.pk)
            staffing.workers[team.pk] = []
            for w in range(1, workers_per_team + 1):
                unit = units[UnitKind.YOUTH if w % 3 == 0 else UnitKind.ADULTS]
                worker = account(f"bench-t{t:02d}-w{w:02d}", f"Medewerker {t:02d}-{w:02d}", [])
                Membership.objects.create(staff=worker, team=team, unit=unit,
                                          role=Role.TEAM_MEMBER)
                staffing.workers[team.pk].append(worker.pk)
            leader = account(f"bench-t{t:02d}-leader", f"Teamleider {t:02d}", [])
            for unit in units.values():
                Membership.objects.create(staff=leader, team=team, unit=unit,
                                          role=Role.TEAM_LEADER)
            staffing.leaders[team.pk] = leader.pk
        staffing.policy = account("bench-policy", "Beleidsmedewerker", [Role.POLICY]).pk
    return staffing


class Planner:
    """Plans households and their episodes; deterministic for a given seed and ``now``."""

    def __init__(self, staffing: Staffing, now: dt.datetime, seed: int = 8) -> None:
        self.rng = random.Random(seed)
        self.staffing = staffing
        self.now = now
        self.start = now - dt.timedelta(days=365 * YEARS)
        self.names = NamePools(seed, size=600)
        self.bsns = synthetic_bsns(random.Random(seed))
        self.ids = {name: 0 for name in COLUMNS}
        self.episodes_planned = 0
        self.events_planned = 0

    def _id(self, table: str) -> int:
        self.ids[table] += 1
        return self.ids[table]

    def chunks(self, episodes: int, households_per_chunk: int = 20_000) -> Iterator[Chunk]:
        """Chunks of rows until ``episodes`` episodes are planned."""
        while self.episodes_planned < episodes:
            chunk = Chunk()
            for _ in range(households_per_chunk):
                if self.episodes_planned >= episodes:
                    break
                self._household(chunk, episodes - self.episodes_planned)
            yield chunk

    # -- households and persons ---------------------------------------------------------------

    def _household(self, chunk: Chunk, room: int) -> None:
        rng = self.rng
        hid = self._id("households")
        team = rng.choice(self.staffing.team_ids)
        prefix, family = rng.choice(self.names.family)
        family_name = f"{prefix} {family}".strip()
        chunk.households.append((hid, f"H-{1_000_000 + hid}", team, family_name,
                                 f"{PREFIX}hh-{hid}", None, self.now))
        street, number = rng.choice(self.names.streets), str(rng.randint(1, 250))
        postcode = f"{rng.randint(1000, 9999)}{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}" \
                   f"{rng.choice('ABCDEFGHJKLMNPRSTVWXZ')}"
        adults = 1 if rng.random() < 0.45 else 2
        children = rng.choice((0, 0, 1, 1, 2, 2, 3))
        youth = children > 0 and rng.random() < 0.6
        for n in range(adults + children):
            pid = self._id("persons")
            adult = n < adults
            age = rng.randint(22, 80) if adult else rng.randint(0, 17)
            birth = (self.now - dt.timedelta(days=365 * age + rng.randint(0, 364))).date()
            bsn = self.bsns[pid - 1] if pid <= len(self.bsns) else ""
            given = self.names.given_name(rng)
            own_family = family if adult and n == 0 or not adult else rng.choice(
                self.names.family)[1]
            own_prefix = prefix if own_family == family else ""
            chunk.persons.append((pid, given, own_prefix, own_family, birth, bsn,
                                  f"06{rng.randint(10_000_000, 99_999_999)}", "", street,
                                  number, postcode, "Benchstad", f"{PREFIX}p-{pid}", None,
                                  self.now))
            role = (HouseholdRole.PARENT if children else HouseholdRole.OTHER) if n == 0 else (
                HouseholdRole.PARTNER if adult else HouseholdRole.CHILD)
            chunk.members.append((self._id("members"), hid, pid, role.value))
        unit = UnitKind.YOUTH.value if youth else UnitKind.ADULTS.value
        start = self.start + dt.timedelta(seconds=rng.uniform(0, (self.now - self.start)
                                                              .total_seconds()))
        first = self._episode(chunk, hid, team, unit, 1, None, start)
        if first is None or room < 2 or rng.random() >= RETURN_SHARE:
            return
        ended_at = first[1]
        if ended_at is None:
            return
        again = ended_at + dt.timedelta(days=rng.uniform(20, 400))
        if again < self.now:
            self._episode(chunk, hid, team, unit, 2, first, again)

    # -- episodes and events --------------------------------------------------------------------

    def _plan(self, team: int, unit: str, t0: dt.datetime, previous: str | None
              ) -> list[PlannedEvent]:
        rng = self.rng
        workers = self.staffing.workers[team]
        front = rng.choice(workers)
        source = rng.choice(SOURCES)
        urgency = Urgency.URGENT.value if rng.random() < 0.1 else Urgency.NORMAL.value
        plan = [PlannedEvent(EventKind.REGISTERED, t0, {
            "source": source, "channel": rng.choice(CHANNELS), "urgency": urgency,
            "unit": unit, "multiple_problems": rng.random() < 0.3,
            "description": "Signaal over de thuissituatie (synthetisch)."})]
        if previous is not None:
            plan.append(PlannedEvent(EventKind.RETURNED, t0, {"previous_episode": previous}))
        after = lambda lo, hi: t0 + DAY * rng.uniform(lo, hi)  # noqa: E731
        if source != Source.SELF:
            plan.append(PlannedEvent(EventKind.REFERRER_CONTACTED, after(0.1, 3), {}))
        plan.append(PlannedEvent(EventKind.RESIDENT_CONTACTED, after(0.5, 5), {}))
        plan.append(PlannedEvent(EventKind.TRIAGED, after(1, 7), {"urgency": urgency}))
        kitchen = after(5, 20)
        plan.append(PlannedEvent(EventKind.KITCHEN_TABLE, kitchen, {}))
        if rng.random() < 0.12:  # answered at the kitchen table: closed without assignment
            closed = kitchen + DAY * rng.uniform(0, 10)
            plan.append(self._closed(closed, CloseReason.NO_HELP_NEEDED))
            plan.append(PlannedEvent(EventKind.AFTERCARE_ENDED, closed + DAY * rng.uniform(30, 92),
                                     {}))
            for e in plan:
                e.recorded_by_id = front
            return plan
        director = rng.choice(workers)
        assigned = max(kitchen, after(7, 40))
        plan.append(PlannedEvent(EventKind.ASSIGNED, assigned, {}, worker_id=director))
        started = assigned + DAY * rng.uniform(1, 30)
        plan.append(PlannedEvent(EventKind.HELP_STARTED, started, {}))
        closed = started + DAY * rng.uniform(45, 400)
        extra = [PlannedEvent(EventKind.PLAN_AGREED, started + DAY * rng.uniform(7, 40), {})]
        if rng.random() < 0.4:
            iid = self._id("involvements")
            extra.append(PlannedEvent(EventKind.INVOLVEMENT_ADDED,
                                      started + DAY * rng.uniform(1, 60), {
                                          "involvement": f"{PREFIX}inv-{iid}",
                                          "kind": InvolvementKind.EXTERNAL.value,
                                          "name": self.names.full_name(rng),
                                          "organisation": "Thuiszorg Benchstad",
                                          "role": "wijkverpleegkundige"}))
        if rng.random() < 0.1 and len(workers) > 1:
            other = rng.choice([w for w in workers if w != director])
            extra.append(PlannedEvent(EventKind.DIRECTOR_CHANGED,
                                      started + DAY * rng.uniform(20, 120), {}, worker_id=other))
        if rng.random() < 0.2:
            kind = EventKind.SCALED_UP if rng.random() < 0.5 else EventKind.SCALED_DOWN
            extra.append(PlannedEvent(kind, started + DAY * rng.uniform(30, 150), {}))
        plan.extend(e for e in extra if e.occurred_at < closed)
        plan.append(self._closed(closed, rng.choice(REASONS)))
        plan.append(PlannedEvent(EventKind.AFTERCARE_ENDED, closed + DAY * rng.uniform(30, 92),
                                 {}))
        for e in plan:
            e.recorded_by_id = e.worker_id or (front if e.kind == EventKind.REGISTERED
                                               else director)
        return plan

    def _closed(self, at: dt.datetime, reason: str) -> PlannedEvent:
        return PlannedEvent(EventKind.CLOSED, at, {
            "reason": reason, "destination": self.rng.choice(DESTINATIONS)})

    def _episode(self, chunk: Chunk, hid: int, team: int, unit: str, number: int,
                 previous: tuple[int, dt.datetime | None, str] | None, t0: dt.datetime
                 ) -> tuple[int, dt.datetime | None, str] | None:
        plan = self._plan(team, unit, t0, previous[2] if previous else None)
        events = sorted((e for e in plan if e.occurred_at <= self.now),
                        key=lambda e: e.occurred_at)
        fallback = plan[0].recorded_by_id or self.staffing.workers[team][0]
        eid = self._id("episodes")
        external = f"{PREFIX}ep-{eid}"
        d = derived_fields(events)  # type: ignore[arg-type]  # the services' projection
        chunk.episodes.append((
            eid, hid, team, number, previous[0] if previous else None, external, d["state"],
            d["director_id"], d["director_organisation_id"], d["access_from_seq"], d["unit"],
            d["source"], d["channel"], d["urgency"],
            d["registered_at"], d["assigned_at"], d["help_started_at"], d["closed_at"],
            d["last_event_at"]))
        for seq, e in enumerate(events, start=1):
            vid = self._id("events")
            chunk.events.append((vid, eid, seq, str(e.kind), e.occurred_at,
                                 e.occurred_at + dt.timedelta(minutes=5),
                                 e.recorded_by_id or fallback, e.worker_id, "", e.data,
                                 f"{PREFIX}ev-{vid}"))
            if e.kind == EventKind.INVOLVEMENT_ADDED:
                iid = int(str(e.data["involvement"]).rsplit("-", 1)[1])
                chunk.involvements.append((iid, hid, e.data["kind"], None, None, e.data["name"],
                                           e.data["organisation"], e.data["role"], "",
                                           e.occurred_at, None, e.data["involvement"]))
        self.episodes_planned += 1
        self.events_planned += len(events)
        ended = next((e.occurred_at for e in events if e.kind == EventKind.AFTERCARE_ENDED),
                     None)
        return eid, ended, external


class Writer:
    """Writes chunks: COPY on PostgreSQL, ``executemany`` elsewhere."""

    def __init__(self) -> None:
        self.pg = connection.vendor == "postgresql"

    def write(self, chunk: Chunk) -> None:
        for name, (model, columns) in COLUMNS.items():
            rows: Sequence[tuple[Any, ...]] = getattr(chunk, name)
            if rows:
                self._rows(model._meta.db_table, columns, rows)

    def _rows(self, table: str, columns: tuple[str, ...], rows: Sequence[tuple[Any, ...]]
              ) -> None:
        quote = connection.ops.quote_name
        names = ", ".join(quote(c) for c in columns)
        json_at = [i for i, c in enumerate(columns) if c == "data"]
        with connection.cursor() as cursor:
            if self.pg:
                with cursor.cursor.copy(f"COPY {quote(table)} ({names}) FROM STDIN") as copy:
                    for row in rows:
                        if json_at:
                            row = (*row[:json_at[0]], json.dumps(row[json_at[0]]),
                                   *row[json_at[0] + 1:])
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(columns))
                adapted = [tuple(_adapt(v) for v in row) for row in rows]
                cursor.executemany(f"INSERT INTO {quote(table)} ({names}) VALUES ({marks})",
                                   adapted)

    def reset_sequences(self) -> None:
        """Let later inserts (the pages' own writes) continue after the seeded ids."""
        if not self.pg:
            return
        with connection.cursor() as cursor:
            for model, _columns in COLUMNS.values():
                table = model._meta.db_table
                cursor.execute("SELECT pg_get_serial_sequence(%s, 'id')", [table])
                sequence = cursor.fetchone()[0]
                cursor.execute(
                    f"SELECT setval('{sequence}', GREATEST((SELECT MAX(id) FROM {table}), "
                    f"(SELECT last_value FROM {sequence})))")


def _adapt(value: Any) -> Any:
    if isinstance(value, dict):
        return json.dumps(value)
    if isinstance(value, dt.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, dt.date):
        return connection.ops.adapt_datefield_value(value)
    return value


def seed(episodes: int, *, teams: int, workers_per_team: int, seed_value: int = 8,
         now: dt.datetime | None = None, chunk_households: int = 20_000,
         progress: Any = None) -> tuple[Staffing, Planner]:
    """Create the staffing and ``episodes`` episodes with their history; returns both."""
    staffing = create_staffing(teams, workers_per_team)
    planner = Planner(staffing, now or timezone.now(), seed_value)
    writer = Writer()
    for chunk in planner.chunks(episodes, chunk_households):
        with transaction.atomic():
            writer.write(chunk)
        if progress is not None:
            progress(planner)
    writer.reset_sequences()
    return staffing, planner


def verify(sample: int | None = None, seed_value: int = 8) -> dict[str, int]:
    """Compare stored episode columns with the fold of their events (strict: every step legal).

    Returns counts of checked and mismatching episodes; ``sample`` picks that
    many episodes at random (all when ``None``).
    """
    ids = list(Episode.objects.values_list("pk", flat=True).order_by("pk"))
    if sample is not None and sample < len(ids):
        ids = random.Random(seed_value).sample(ids, sample)
    names = ("state", "director_id", "director_organisation_id", "access_from_seq", "unit",
             "source", "channel", "urgency", "registered_at",
             "assigned_at", "help_started_at", "closed_at", "last_event_at")
    wrong = 0
    for start in range(0, len(ids), 500):
        batch = Episode.objects.filter(pk__in=ids[start:start + 500]).prefetch_related("events")
        for episode in batch:
            events = sorted(episode.events.all(), key=lambda e: e.seq)
            try:
                lifecycle.fold(((e.kind, e.fold_data()) for e in events), strict=True)
            except lifecycle.TransitionError:
                wrong += 1
                continue
            expected = derived_fields(events)
            if any(getattr(episode, n) != expected[n] for n in names):
                wrong += 1
    return {"checked": len(ids), "mismatches": wrong}
