"""Checking episodes, their events and short contacts.

Each episode's events are folded with the same lifecycle rules the services
use (:mod:`schakel.cases.lifecycle`, strict mode), so an import can never
create a history the application itself would refuse. The lifecycle only
compares workers for equality, so staff external ids are numbered in order
of appearance instead of being looked up.

Events already in the database are facts: a line that repeats one must
match it exactly; a different line with the same id is refused.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING, Any

from django.utils.translation import gettext as _

from schakel.cases import lifecycle
from schakel.cases.constants import (
    OPEN_STATES,
    Channel,
    CloseReason,
    Destination,
    EventKind,
    InvolvementKind,
    Source,
    Urgency,
)
from schakel.cases.models import Event, Involvement, ShortContact
from schakel.exchange import fields
from schakel.exchange.errors import ErrorLog
from schakel.exchange.fields import Problem, show
from schakel.exchange.parse import Record
from schakel.exchange.plan import Plan
from schakel.exchange.snapshot import Snapshot
from schakel.exchange.spec import max_length
from schakel.tenancy.constants import UnitKind

if TYPE_CHECKING:
    from schakel.exchange.validate import Validator


def _text_of(model: type[Involvement], name: str) -> fields.Converter:
    return fields.text(max_length(model, name))


# Values inside ``data`` that the application reads back as choices or columns.
DATA_FIELDS: dict[str, dict[str, fields.Converter]] = {
    EventKind.REGISTERED: {
        "source": fields.choice(Source.values),
        "channel": fields.choice(Channel.values),
        "urgency": fields.choice(Urgency.values),
        "unit": fields.choice(UnitKind.values),
    },
    EventKind.TRIAGED: {"urgency": fields.choice(Urgency.values)},
    EventKind.CLOSED: {
        "reason": fields.choice(CloseReason.values),
        "destination": fields.choice(Destination.values),
    },
    EventKind.INVOLVEMENT_ADDED: {
        "involvement": fields.identifier,
        "kind": fields.choice(InvolvementKind.values),
        "name": _text_of(Involvement, "name"),
        "organisation": _text_of(Involvement, "organisation"),
        "role": _text_of(Involvement, "role"),
        "contact": _text_of(Involvement, "contact"),
    },
    EventKind.INVOLVEMENT_ENDED: {"involvement": fields.identifier},
    EventKind.RETURNED: {"previous_episode": fields.identifier},
}

StoredEvent = tuple[str, str, dt.datetime, dt.datetime, int | None, int | None, str, Any]


class EpisodeState:
    """What validation remembers per episode while walking its events."""

    __slots__ = (
        "folded", "next_seq", "db_max", "first_at", "broken", "first_new", "last_new",
        "db_events",
    )

    def __init__(self) -> None:
        self.folded = lifecycle.Folded()
        self.next_seq = 1
        self.db_max = 0
        self.first_at: dt.datetime | None = None
        self.broken = False
        self.first_new: int | None = None
        self.last_new = 0
        self.db_events: dict[int, StoredEvent] = {}


class CaseChecker:
    def __init__(self, db: Snapshot, errors: ErrorLog, validator: Validator) -> None:
        self.db = db
        self.errors = errors
        self.v = validator
        self.states: dict[str, EpisodeState] = {}
        self.staff_numbers: dict[str, int] = {}
        self.stored_ids: set[str] = set()
        self.stored_contacts: dict[str, tuple[Any, ...]] = {}
        self.added: dict[str, bool] = {}
        self.plan = Plan()

    def _staff_number(self, ext: str | None) -> int | None:
        if ext is None:
            return None
        return self.staff_numbers.setdefault(ext, len(self.staff_numbers) + 1)

    def _staff_pk(self, ext: str | None) -> int | None:
        return None if ext is None else self.db.pk["staff"].get(ext, -1)

    # -- database look-ups, once per chunk -------------------------------------------------

    def prefetch(self, chunk: list[Record]) -> None:
        if self.db.has_events:
            events = [r for r in chunk if r.type == "event"]
            ids = [r.id for r in events if r.id]
            self.stored_ids = set(
                Event.objects.filter(external_id__in=ids).order_by().values_list(
                    "external_id", flat=True
                )
            ) if ids else set()
            known = self.db.pk["episode"]
            wanted = {r.f.get("episode") for r in events} - self.states.keys()
            pks = {known[ext]: ext for ext in wanted if ext in known}
            if pks:
                self._load_episodes(pks)
        contacts = [r.id for r in chunk if r.type == "short_contact"
                    and r.id in self.db.pk["short_contact"]]
        if contacts:
            rows = ShortContact.objects.filter(external_id__in=contacts).order_by().values_list(
                "external_id", "team_id", "category", "source", "channel", "occurred_at",
                "recorded_at", "recorded_by_id", "note",
            )
            self.stored_contacts = {row[0]: row[1:] for row in rows}

    def _load_episodes(self, pks: dict[int, str]) -> None:
        """Fold the stored events of episodes that the file appends to or repeats."""
        rows = Event.objects.filter(episode_id__in=list(pks)).order_by("episode_id", "seq")
        for ext in pks.values():
            self.states[ext] = EpisodeState()
        for (episode_id, ext, seq, kind, occurred_at, recorded_at, by, worker, reason,
             data) in rows.values_list(
            "episode_id", "external_id", "seq", "kind", "occurred_at", "recorded_at",
            "recorded_by_id", "worker_id", "backdate_reason", "data",
        ):
            state = self.states[pks[episode_id]]
            worker_ext = self.db.staff_ext.get(worker) if worker is not None else None
            fold_data = {**data, "worker": self._staff_number(worker_ext)}
            state.folded = lifecycle.apply(state.folded, kind, fold_data)
            state.db_max = seq
            state.next_seq = 0
            if state.first_at is None:
                state.first_at = occurred_at
            state.db_events[seq] = (ext, kind, occurred_at, recorded_at, by, worker, reason, data)

    # -- events ------------------------------------------------------------------------

    def broken(self, episode: str | None) -> None:
        """Stop checking an episode after an error, so one mistake is reported once."""
        if episode is not None:
            self.states.setdefault(episode, EpisodeState()).broken = True

    def _refuse(self, r: Record, state: EpisodeState, field: str, problem: str) -> None:
        state.broken = True
        self.errors.field(r.line, field, problem)

    def event(self, r: Record) -> None:
        f = r.f
        if not self.v.ref(r, "episode", "episode"):
            return
        self.v.ref(r, "recorded_by", "staff")
        self.v.ref(r, "worker", "staff")
        episode = f["episode"]
        state = self.states.get(episode)
        if state is None:
            state = self.states[episode] = EpisodeState()
        if state.broken:
            return
        seq = f["seq"]
        if state.next_seq == 0 and seq <= state.db_max + 1:
            # A stored episode: the file may repeat it from any seq on.
            state.next_seq = seq
            for earlier in range(1, seq):
                state.db_events.pop(earlier, None)
        if seq != state.next_seq:
            self._refuse(
                r, state, "seq",
                _("expected %(expected)d for episode %(episode)s, got %(seq)d: an episode's "
                  "events are numbered 1, 2, 3… without gaps, in order")
                % {"expected": state.next_seq or state.db_max + 1, "episode": show(episode),
                   "seq": seq},
            )
            return
        state.next_seq = seq + 1
        if seq <= state.db_max:
            self._repeat(r, state)
        else:
            self._new_event(r, state)

    def _repeat(self, r: Record, state: EpisodeState) -> None:
        f = r.f
        stored = state.db_events.pop(f["seq"], None)
        mine = (r.id, f["kind"], f["occurred_at"], f["recorded_at"],
                self._staff_pk(f["recorded_by"]), self._staff_pk(f["worker"]),
                f["backdate_reason"], f["data"])
        if stored != mine:
            self._refuse(
                r, state, "id",
                _("event %(id)s differs from the event stored as seq %(seq)d of episode "
                  "%(episode)s; events are facts and cannot be changed")
                % {"id": show(r.id), "seq": f["seq"], "episode": show(f["episode"])},
            )

    def _new_event(self, r: Record, state: EpisodeState) -> None:
        f = r.f
        kind, data, seq = f["kind"], f["data"], f["seq"]
        if r.id in self.stored_ids:
            self._refuse(
                r, state, "id",
                _("event %(id)s is already stored with different content; events are facts "
                  "and cannot be changed") % {"id": show(r.id)},
            )
            return
        for key, convert in DATA_FIELDS.get(kind, {}).items():
            value = data.get(key)
            if value in (None, ""):
                continue  # a missing value is the lifecycle's to report
            try:
                convert(value)
            except Problem as problem:
                self._refuse(r, state, f"data.{key}", problem.message)
                return
        fold_data = {**data, "worker": self._staff_number(f["worker"])}
        try:
            lifecycle.check(state.folded, kind, fold_data)
        except lifecycle.TransitionError as exc:
            self._refuse(
                r, state, "kind",
                _("%(kind)s (seq %(seq)d) cannot happen here: %(reason)s")
                % {"kind": show(kind), "seq": seq, "reason": exc},
            )
            return
        if not self._references_in_data(r, state):
            return
        state.folded = lifecycle.apply(state.folded, kind, fold_data)
        occurred_at = f["occurred_at"]
        if state.first_at is None:
            state.first_at = occurred_at
        elif occurred_at < state.first_at:
            self.errors.field(
                r.line, "occurred_at",
                _("%(when)s lies before the episode's registration (%(first)s)")
                % {"when": occurred_at.isoformat(), "first": state.first_at.isoformat()},
            )
        if state.first_new is None:
            state.first_new = seq
        state.last_new = seq

    def _references_in_data(self, r: Record, state: EpisodeState) -> bool:
        """Involvements and earlier episodes named inside ``data`` must exist."""
        kind, data = r.f["kind"], r.f["data"]
        if kind == EventKind.INVOLVEMENT_ADDED:
            ext = data.get("involvement")
            if not ext:
                self._refuse(r, state, "data.involvement",
                             _("is required: the involved person's external id"))
                return False
            if ext in self.added or ext in self.db.involvement_pk:
                self._refuse(r, state, "data.involvement",
                             _("involvement %(id)s already exists") % {"id": show(ext)})
                return False
            self.added[ext] = False
        elif kind == EventKind.INVOLVEMENT_ENDED:
            ext = data["involvement"]
            ended = self.added.get(ext)
            if ended is None and ext in self.db.involvement_pk:
                ended = ext in self.db.ended_involvements or ext in self.plan.involvement_ends
            if ended is None:
                self._refuse(r, state, "data.involvement",
                             _("unknown involvement %(id)s") % {"id": show(ext)})
                return False
            if ended:
                self._refuse(r, state, "data.involvement",
                             _("involvement %(id)s has already ended") % {"id": show(ext)})
                return False
            if ext in self.added:
                self.added[ext] = True
            self.plan.involvement_ends[ext] = r.f["occurred_at"]
        elif kind == EventKind.RETURNED:
            ext = data["previous_episode"]
            if not self.v.known("episode", ext):
                self._refuse(r, state, "data.previous_episode",
                             _("unknown episode %(id)s") % {"id": show(ext)})
                return False
        return True

    # -- short contacts ----------------------------------------------------------------

    def short_contact(self, r: Record) -> None:
        if r.id not in self.db.pk["short_contact"]:
            return
        f = r.f
        team = self.db.pk["team"].get(f["team"], -1)
        mine = (team, f["category"], f["source"], f["channel"], f["occurred_at"],
                f["recorded_at"], self._staff_pk(f["recorded_by"]), f["note"])
        if self.stored_contacts.get(r.id) != mine:
            self.errors.field(
                r.line, "id",
                _("short contact %(id)s is already stored with different content; recorded "
                  "contacts cannot be changed") % {"id": show(r.id)},
            )
        else:
            assert r.id is not None
            self.plan.unchanged_contacts.add(r.id)

    # -- after the last line ------------------------------------------------------------

    def finish(self, episodes: dict[str, tuple[str, int]]) -> Plan:
        for ext, (_household, line) in episodes.items():
            if ext not in self.db.pk["episode"] and ext not in self.states:
                self.errors.field(
                    line, "id",
                    _("episode %(id)s has no events; an episode starts with its 'registered' "
                      "event, which must follow in the file") % {"id": show(ext)},
                )
        self._one_open_episode_per_household(episodes)
        self.plan.new_events = {
            ext: (state.first_new, state.last_new)
            for ext, state in self.states.items()
            if state.first_new is not None
        }
        return self.plan

    def _one_open_episode_per_household(self, episodes: dict[str, tuple[str, int]]) -> None:
        open_by_household: dict[str, list[str]] = defaultdict(list)
        for ext in self.db.episode_household.keys() | episodes.keys():
            state = self.states.get(ext)
            if state is not None and state.broken:
                continue
            if state is not None and state.folded.state is not None:
                is_open = state.folded.state in OPEN_STATES
            else:
                is_open = ext in self.db.open_episodes
            if is_open:
                household = episodes[ext][0] if ext in episodes else self.db.episode_household[ext]
                open_by_household[household].append(ext)
        for household, open_episodes in sorted(open_by_household.items()):
            in_file = sorted((episodes[e][1], e) for e in open_episodes if e in episodes)
            if len(open_episodes) > 1 and in_file:
                self.errors.field(
                    in_file[-1][0], "household",
                    _("household %(household)s would have %(count)d open episodes (%(episodes)s); "
                      "a household has one open episode at a time, so the earlier one must "
                      "be closed")
                    % {"household": show(household), "count": len(open_episodes),
                       "episodes": ", ".join(sorted(open_episodes))},
                )
