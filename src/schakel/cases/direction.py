"""Who directed a household when, derived from the event history alone.

Policy: one case director per household, never two, never none while help
runs. The director is a team member (``assigned``, ``director_changed``, a
transfer's acceptance, scaling back from youth protection) or a certified
institution (a Jeugdbeschermingsplein decision for drang or dwang). This
module replays an episode's events in the order they *happened* (backdated
events included) and returns the director's timeline, so the policy can be
checked for every date and counted in the figures (``insight.handovers``).

The services refuse a direction event dated before the latest one already
recorded, so a history written through Schakel replays the same in recording
order and in time order; :func:`faults` finds histories (for example
imported ones) where that does not hold.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from schakel.cases import lifecycle
from schakel.cases.constants import EventKind

# Events that change (or may change) who directs, or end direction.
DIRECTION_KINDS = frozenset({
    EventKind.ASSIGNED, EventKind.DIRECTOR_CHANGED, EventKind.TRANSFER_REQUESTED,
    EventKind.TRANSFER_ACCEPTED, EventKind.TRANSFER_REFUSED,
    EventKind.YOUTH_PROTECTION_DECIDED, EventKind.YOUTH_PROTECTION_ENDED, EventKind.CLOSED,
})

STAFF = "staff"
INSTITUTION = "institution"


@dataclass(frozen=True)
class Director:
    """A team member (``kind`` staff, ``key`` its id) or a certified institution (``key``
    its external id, as event data names it)."""

    kind: str
    key: int | str


@dataclass(frozen=True)
class Fact:
    """The part of an event the director timeline reads."""

    seq: int
    kind: str
    occurred_at: dt.datetime
    data: Mapping[str, Any]


@dataclass(frozen=True)
class Span:
    """``director`` directs from ``start`` until ``end`` (``None``: still, or until closure)."""

    director: Director | None
    start: dt.datetime
    end: dt.datetime | None


def _director(folded: lifecycle.Folded) -> Director | None:
    if folded.director_org is not None:
        return Director(INSTITUTION, folded.director_org)
    if folded.director_id is not None:
        return Director(STAFF, folded.director_id)
    return None


def in_time_order(facts: Iterable[Fact]) -> list[Fact]:
    return sorted(facts, key=lambda f: (f.occurred_at, f.seq))


def timeline(facts: Iterable[Fact]) -> list[Span]:
    """The director spans from the first director to closure (or now), in time order.

    A span with ``director`` None inside this range is a period without a
    director; closure ends the timeline (aftercare has no director).
    """
    folded = lifecycle.Folded()
    spans: list[Span] = []
    for fact in in_time_order(facts):
        folded = lifecycle.apply(folded, fact.kind, fact.data)
        if fact.kind not in DIRECTION_KINDS:
            continue
        current = _director(folded)
        if fact.kind == EventKind.CLOSED:
            if spans and spans[-1].end is None:
                spans[-1] = Span(spans[-1].director, spans[-1].start, fact.occurred_at)
            break
        if not spans and current is None:
            continue  # still in the work stock: nobody was assigned yet
        if spans and spans[-1].director == current:
            continue
        if spans:
            spans[-1] = Span(spans[-1].director, spans[-1].start, fact.occurred_at)
        spans.append(Span(current, fact.occurred_at, None))
    return [s for s in spans if s.end is None or s.end > s.start]


def director_at(spans: Sequence[Span], at: dt.datetime) -> Director | None:
    for span in spans:
        if span.start <= at and (span.end is None or at < span.end):
            return span.director
    return None


def directors_on(spans: Sequence[Span], at: dt.datetime) -> list[Director]:
    """Every director holding direction at ``at`` (policy: exactly one while help runs)."""
    return [s.director for s in spans if s.director is not None
            and s.start <= at and (s.end is None or at < s.end)]


def without_director(spans: Sequence[Span]) -> list[Span]:
    """The periods, after the first director and before closure, without any director."""
    return [s for s in spans if s.director is None]


def faults(facts: Iterable[Fact]) -> list[str]:
    """Direction events that, in the order they happened, break the direction rules
    (a second director while an institution directs, scaling back when none does, an
    answer to a transfer nobody asked for...). Other steps' order is not judged here."""
    folded = lifecycle.Folded()
    found = []
    for fact in in_time_order(facts):
        if fact.kind in DIRECTION_KINDS:
            try:
                lifecycle.check_direction(folded, fact.kind, fact.data)
            except lifecycle.TransitionError as exc:
                found.append(f"#{fact.seq} {fact.kind}: {exc}")
        folded = lifecycle.apply(folded, fact.kind, fact.data)
    return found
