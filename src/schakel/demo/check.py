"""An independent check of a demo exchange file, without a database.

It applies the rules the importer enforces (format, references, lifecycle
folded strictly, one open episode per household, workers in the team and
registered for youth work, backdating reasons) and counts what the file adds
up to, so tests and benchmarks can judge the generator without the importer.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schakel.cases import lifecycle
from schakel.cases.constants import (
    OPEN_STATES,
    EventKind,
    InvolvementKind,
    ShortContactCategory,
    State,
)
from schakel.demo.clock import AMSTERDAM
from schakel.people.bsn import passes_eleven_test
from schakel.tenancy.constants import OrganisationKind, Role, UnitKind

FIELDS: dict[str, set[str]] = {
    "municipality": {"name", "cbs_code"},
    "district": {"municipality", "level", "cbs_code", "name", "parent"},
    "organisation": {"name", "kind", "municipality"},
    "team": {"municipality", "name", "district", "rayon"},
    "staff": {"municipality", "organisation", "username", "display_name", "roles", "places",
              "specialisms", "fte", "registration"},
    "person": {"given_name", "family_name_prefix", "family_name", "birth_date", "bsn", "phone",
               "email", "street", "house_number", "postcode", "city", "merged_into"},
    "household": {"reference", "team", "name", "members", "merged_into"},
    "episode": {"household", "team", "number", "previous"},
    "event": {"episode", "seq", "kind", "occurred_at", "recorded_at", "recorded_by", "worker",
              "backdate_reason", "data"},
    "short_contact": {"team", "category", "source", "channel", "occurred_at", "recorded_at",
                      "recorded_by", "note"},
}
TYPES = list(FIELDS)
WORKER_ROLES = {Role.TEAM_MEMBER, Role.TEAM_LEADER, Role.BEHAVIOURAL_SCIENTIST}
WORKER_KINDS = {EventKind.ASSIGNED, EventKind.DIRECTOR_CHANGED}


@dataclass
class _Episode:
    household: str
    team: str
    previous: str | None
    events: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    folded: lifecycle.Folded = field(default_factory=lifecycle.Folded)
    unit: str = ""
    last: dt.datetime | None = None
    registered: dt.datetime | None = None
    closed: dt.datetime | None = None
    workers: set[str] = field(default_factory=set)


@dataclass
class CheckResult:
    problems: list[str] = field(default_factory=list)
    lines: int = 0
    types: Counter[str] = field(default_factory=Counter)
    states: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    returns: int = 0
    destinations: Counter[str] = field(default_factory=Counter)
    bsns: int = 0
    youth_workers: dict[str, int] = field(default_factory=dict)
    long_cases: list[int] = field(default_factory=lambda: [0, 0])

    @property
    def ok(self) -> bool:
        return not self.problems

    def open_in(self, team: str) -> Counter[str]:
        return Counter({s: n for s, n in self.states[team].items() if s in OPEN_STATES})


class _Checker:
    def __init__(self) -> None:
        self.r = CheckResult()
        self.ids: dict[str, set[str]] = defaultdict(set)
        self.staff_index: dict[str, int] = {}
        self.places: dict[str, set[tuple[str, str]]] = {}
        self.registration: dict[str, tuple[str, dt.date | None]] = {}
        self.references: set[str] = set()
        self.episodes: dict[str, _Episode] = {}
        self.household_episodes: dict[str, list[str]] = defaultdict(list)
        self.exported_at: dt.datetime | None = None
        self.line_no = 0

    def problem(self, message: str) -> None:
        if len(self.r.problems) < 200:
            self.r.problems.append(f"line {self.line_no}: {message}")

    def ref(self, kind: str, value: Any, nullable: bool = False) -> None:
        if value is None and nullable:
            return
        if value not in self.ids[kind]:
            self.problem(f"unknown {kind} {value!r}")

    def run(self, path: Path) -> CheckResult:
        last_type = 0
        with path.open(encoding="utf-8") as f:
            for self.line_no, raw in enumerate(f, start=1):
                line = json.loads(raw)
                self.r.lines += 1
                if self.line_no == 1:
                    self.header(line)
                    continue
                kind = line.get("type")
                if kind not in FIELDS:
                    self.problem(f"unknown type {kind!r}")
                    continue
                if TYPES.index(kind) < last_type:
                    self.problem(f"{kind} after {TYPES[last_type]}")
                last_type = TYPES.index(kind)
                extra = set(line) - FIELDS[kind] - {"type", "id"}
                missing = FIELDS[kind] - set(line)
                if extra or missing:
                    self.problem(f"{kind} fields: extra {sorted(extra)}, missing {sorted(missing)}")
                if line["id"] in self.ids[kind]:
                    self.problem(f"duplicate {kind} id {line['id']}")
                self.r.types[kind] += 1
                getattr(self, kind)(line)
                self.ids[kind].add(line["id"])
        self.finish()
        return self.r

    def header(self, line: dict[str, Any]) -> None:
        if set(line) != {"type", "format", "version", "exported_at"} or line["format"] != (
            "schakel-exchange"
        ) or line["version"] != 1:
            self.problem(f"bad header {line}")
        self.exported_at = dt.datetime.fromisoformat(line["exported_at"])

    def municipality(self, line: dict[str, Any]) -> None:
        pass

    def district(self, line: dict[str, Any]) -> None:
        self.ref("municipality", line["municipality"])
        self.ref("district", line["parent"], nullable=True)
        if line["level"] not in ("wijk", "buurt"):
            self.problem(f"district level {line['level']}")

    def organisation(self, line: dict[str, Any]) -> None:
        self.ref("municipality", line["municipality"], nullable=True)
        if line["kind"] not in OrganisationKind.values:
            self.problem(f"organisation kind {line['kind']}")

    def team(self, line: dict[str, Any]) -> None:
        self.ref("municipality", line["municipality"])
        self.ref("district", line["district"], nullable=True)

    def staff(self, line: dict[str, Any]) -> None:
        self.ref("municipality", line["municipality"])
        self.ref("organisation", line["organisation"])
        self.staff_index[line["id"]] = len(self.staff_index) + 1
        if not set(line["roles"]) <= set(Role.values):
            self.problem(f"roles {line['roles']}")
        places = set()
        for place in line["places"]:
            self.ref("team", place["team"])
            if place["role"] not in Role.values or place["unit"] not in (*UnitKind.values, None):
                self.problem(f"place {place}")
            places.add((place["team"], place["role"]))
        self.places[line["id"]] = places
        reg = line["registration"]
        expires = dt.date.fromisoformat(reg["expires"]) if reg["expires"] else None
        if reg["kind"] not in ("", "skj", "big") or bool(reg["kind"]) != bool(reg["number"]):
            self.problem(f"registration {reg}")
        self.registration[line["id"]] = (reg["kind"], expires)

    def person(self, line: dict[str, Any]) -> None:
        bsn = line["bsn"]
        if bsn:
            self.r.bsns += 1
            if not (passes_eleven_test(bsn) and bsn.startswith("9999")):
                self.problem(f"BSN {bsn} is not a test-range number passing the 11-test")
        if line["merged_into"] is not None:
            self.problem("merged_into must be null")

    def household(self, line: dict[str, Any]) -> None:
        self.ref("team", line["team"])
        if line["reference"] in self.references:
            self.problem(f"duplicate reference {line['reference']}")
        self.references.add(line["reference"])
        if not line["members"]:
            self.problem("household without members")
        for m in line["members"]:
            self.ref("person", m["person"])

    def episode(self, line: dict[str, Any]) -> None:
        self.ref("household", line["household"])
        self.ref("team", line["team"])
        earlier = self.household_episodes[line["household"]]
        if line["number"] != len(earlier) + 1:
            self.problem(f"episode number {line['number']} after {len(earlier)}")
        if line["previous"] != (earlier[-1] if earlier else None):
            self.problem("previous must be the household's previous episode")
        earlier.append(line["id"])
        self.episodes[line["id"]] = _Episode(line["household"], line["team"], line["previous"])

    def event(self, line: dict[str, Any]) -> None:
        ep = self.episodes.get(line["episode"])
        if ep is None:
            self.problem(f"unknown episode {line['episode']}")
            return
        self.ref("staff", line["recorded_by"], nullable=True)
        kind, data, worker = line["kind"], line["data"], line["worker"]
        if line["seq"] != len(ep.events) + 1:
            self.problem(f"seq {line['seq']} after {len(ep.events)}")
        occurred = dt.datetime.fromisoformat(line["occurred_at"])
        recorded = dt.datetime.fromisoformat(line["recorded_at"])
        self.times(occurred, recorded, line["backdate_reason"])
        if ep.last and occurred < ep.last:
            self.problem("events out of time order")
        ep.last = occurred
        if any(v in ("", None) for v in data.values()):
            self.problem(f"empty value in data {data}")
        if kind == EventKind.REGISTERED:
            ep.unit, ep.registered = data.get("unit", ""), occurred
            self.no_other_open(ep, occurred)
        if kind == EventKind.RETURNED:
            self.r.returns += 1
            if data.get("previous_episode") != ep.previous:
                self.problem("returned does not name the previous episode")
        team_involvement = (kind == EventKind.INVOLVEMENT_ADDED
                            and data.get("kind") == InvolvementKind.TEAM)
        if kind in WORKER_KINDS or team_involvement:
            self.worker(ep, worker, occurred)
        elif worker is not None:
            self.problem(f"{kind} carries a worker")
        if kind in WORKER_KINDS:
            ep.workers.add(worker)
        if kind == EventKind.CLOSED:
            ep.closed = occurred
            self.r.destinations[data.get("destination", "")] += 1
        fold_data = {**data, "worker": self.staff_index.get(worker) if worker else None}
        try:
            lifecycle.check(ep.folded, kind, fold_data)
        except lifecycle.TransitionError as exc:
            self.problem(f"{line['episode']} #{line['seq']} {kind}: {exc}")
        ep.folded = lifecycle.apply(ep.folded, kind, fold_data)
        ep.events.append((kind, data))

    def times(self, occurred: dt.datetime, recorded: dt.datetime, reason: str) -> None:
        if occurred.utcoffset() is None or recorded.utcoffset() is None:
            self.problem("timestamps need an offset")
            return
        if recorded < occurred:
            self.problem("recorded before it happened")
        if self.exported_at and recorded > self.exported_at:
            self.problem("recorded after the export")
        local_occurred = occurred.astimezone(AMSTERDAM).date()
        local_recorded = recorded.astimezone(AMSTERDAM).date()
        if local_recorded > local_occurred and not reason.strip():
            self.problem("recorded on a later day without a backdate reason")

    def worker(self, ep: _Episode, worker: str | None, occurred: dt.datetime) -> None:
        if worker not in self.places:
            self.problem(f"unknown worker {worker}")
            return
        if not any((ep.team, role) in self.places[worker] for role in WORKER_ROLES):
            self.problem(f"{worker} is not a member of {ep.team}")
        if ep.unit == UnitKind.YOUTH:
            kind, expires = self.registration[worker]
            if not kind or (expires is not None and expires < occurred.date()):
                self.problem(f"{worker} works on a youth episode without a valid registration")
            self.r.youth_workers[worker] = self.r.youth_workers.get(worker, 0) + 1

    def no_other_open(self, ep: _Episode, at: dt.datetime) -> None:
        for other_id in self.household_episodes[ep.household]:
            other = self.episodes[other_id]
            if other is ep:
                break
            if other.closed is None or other.closed > at:
                self.problem(f"household {ep.household} has another open episode")

    def short_contact(self, line: dict[str, Any]) -> None:
        self.ref("team", line["team"])
        self.ref("staff", line["recorded_by"])
        if line["category"] not in ShortContactCategory.values:
            self.problem(f"category {line['category']}")

    def finish(self) -> None:
        open_per_household: Counter[str] = Counter()
        now = self.exported_at
        for ep in self.episodes.values():
            if not ep.events:
                self.problem(f"episode of {ep.household} without events")
                continue
            state = ep.folded.state or State.REGISTERED
            self.r.states[ep.team][state] += 1
            if state in OPEN_STATES:
                open_per_household[ep.household] += 1
            end = ep.closed or now
            if ep.workers and ep.registered and end and end - ep.registered > dt.timedelta(180):
                self.r.long_cases[0] += len(ep.workers) > 1
                self.r.long_cases[1] += 1
        for household, n in open_per_household.items():
            if n > 1:
                self.problem(f"household {household} has {n} open episodes")


def check_file(path: Path) -> CheckResult:
    return _Checker().run(path)
