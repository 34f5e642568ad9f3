"""The rules of an episode's life, as pure functions over its events.

The state of an episode is never stored as a fact: it is folded from the
event log with :func:`fold`. The database keeps a copy on the episode row so
lists can filter on it; ``services`` refreshes that copy with the same fold
after every event, and a test checks that the copy always equals the fold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from django.utils.translation import gettext as _

from schakel.cases.constants import (
    CLOSED_STATES,
    INSTITUTION_MEASURES,
    OPEN_STATES,
    EventKind,
    State,
)


class TransitionError(ValueError):
    """An event that cannot happen in the episode's current state."""


@dataclass(frozen=True)
class Folded:
    """What an episode's events add up to."""

    state: State | None = None
    director_id: int | None = None
    milestones: frozenset[str] = field(default_factory=frozenset)
    # A certified institution (tenancy Organisation, by external id) directing under youth
    # protection; while set, ``director_id`` is None: one director, never two.
    director_org: str | None = None
    # The team (external id) a requested transfer waits for; the sender directs until then.
    pending_team: str | None = None


# Which states each event kind may follow. ``None`` means "no events yet".
ALLOWED_FROM: dict[str, tuple[State | None, ...]] = {
    EventKind.REGISTERED: (None,),
    EventKind.RETURNED: (State.REGISTERED,),
    EventKind.REFERRER_CONTACTED: (State.REGISTERED, State.WAITING, State.ACTIVE),
    EventKind.RESIDENT_CONTACTED: (State.REGISTERED, State.WAITING, State.ACTIVE),
    EventKind.TRIAGED: (State.REGISTERED, State.WAITING, State.ACTIVE),
    EventKind.KITCHEN_TABLE: (State.REGISTERED, State.WAITING, State.ACTIVE),
    EventKind.ASSIGNED: (State.REGISTERED,),
    EventKind.HELP_STARTED: (State.WAITING,),
    EventKind.PLAN_AGREED: (State.ACTIVE,),
    EventKind.SCALED_UP: (State.ACTIVE,),
    EventKind.SCALED_DOWN: (State.ACTIVE,),
    EventKind.DIRECTOR_CHANGED: (State.WAITING, State.ACTIVE),
    EventKind.INVOLVEMENT_ADDED: (State.REGISTERED, State.WAITING, State.ACTIVE),
    EventKind.INVOLVEMENT_ENDED: (State.REGISTERED, State.WAITING, State.ACTIVE, State.AFTERCARE),
    EventKind.CLOSED: (State.REGISTERED, State.WAITING, State.ACTIVE),
    EventKind.AFTERCARE_ENDED: (State.AFTERCARE,),
    EventKind.HOUSEHOLD_MERGED: (State.REGISTERED, State.WAITING, State.ACTIVE, *CLOSED_STATES),
    EventKind.PERSON_MERGED: (State.REGISTERED, State.WAITING, State.ACTIVE, *CLOSED_STATES),
    EventKind.CHILD_SAFETY_CHECK: (State.REGISTERED, State.WAITING, State.ACTIVE),
    EventKind.DEADLINE_EXTENDED: (State.REGISTERED, State.WAITING, State.ACTIVE, State.AFTERCARE),
    EventKind.GUIDELINE_MOTIVATED: (State.REGISTERED, State.WAITING, State.ACTIVE, State.AFTERCARE),
    **{kind: (State.REGISTERED, State.WAITING, State.ACTIVE, State.AFTERCARE) for kind in (
        EventKind.WMO_MELDING, EventKind.WMO_INVESTIGATION_COMPLETED, EventKind.WMO_AANVRAAG,
        EventKind.WMO_DECISION, EventKind.YOUTH_AANVRAAG, EventKind.YOUTH_DECISION,
        EventKind.OBJECTION_RECEIVED, EventKind.OBJECTION_RECEIVED_COMMITTEE,
        EventKind.OBJECTION_DECIDED, EventKind.COMPLAINT_RECEIVED,
        EventKind.COMPLAINT_RECEIVED_COMMITTEE, EventKind.COMPLAINT_HANDLED)},
    EventKind.TRANSFER_REQUESTED: OPEN_STATES,
    EventKind.TRANSFER_ACCEPTED: OPEN_STATES,
    EventKind.TRANSFER_REFUSED: OPEN_STATES,
    EventKind.HANDOVER_MEETING: (*OPEN_STATES, State.AFTERCARE),
    EventKind.YOUTH_PROTECTION_DECIDED: (State.WAITING, State.ACTIVE),
    EventKind.YOUTH_PROTECTION_ENDED: (State.WAITING, State.ACTIVE),
    EventKind.ADULT_TRANSITION_PLANNED: OPEN_STATES,
}

# Events that may be recorded once per episode.
ONCE = {
    EventKind.REGISTERED,
    EventKind.RETURNED,
    EventKind.REFERRER_CONTACTED,
    EventKind.HELP_STARTED,
    EventKind.CLOSED,
    EventKind.AFTERCARE_ENDED,
}

# Data each event kind must carry.
REQUIRED_DATA: dict[str, tuple[str, ...]] = {
    EventKind.REGISTERED: ("source", "channel", "urgency", "unit"),
    EventKind.RETURNED: ("previous_episode",),
    EventKind.ASSIGNED: ("worker",),
    EventKind.DIRECTOR_CHANGED: ("worker",),
    EventKind.CLOSED: ("reason", "destination"),
    EventKind.TRIAGED: ("urgency",),
    EventKind.INVOLVEMENT_ADDED: ("name",),
    EventKind.INVOLVEMENT_ENDED: ("involvement",),
    EventKind.CHILD_SAFETY_CHECK: ("occasion", "outcome"),
    EventKind.DEADLINE_EXTENDED: ("norm", "reason"),
    EventKind.GUIDELINE_MOTIVATED: ("norm", "motivation"),
    EventKind.WMO_DECISION: ("decision",),
    EventKind.YOUTH_DECISION: ("decision",),
    EventKind.OBJECTION_DECIDED: ("objection",),
    EventKind.COMPLAINT_HANDLED: ("complaint",),
    EventKind.TRANSFER_REQUESTED: ("to_team", "reason"),
    EventKind.TRANSFER_ACCEPTED: ("to_team",),
    EventKind.TRANSFER_REFUSED: ("reason",),
    EventKind.HANDOVER_MEETING: ("participants",),
    EventKind.YOUTH_PROTECTION_DECIDED: ("measure",),
    EventKind.YOUTH_PROTECTION_ENDED: ("worker",),
    EventKind.ADULT_TRANSITION_PLANNED: ("person",),
}


def _refusal(state: State | None, kind: str, director_id: int | None) -> str:
    """A message telling the user why ``kind`` cannot happen now and what to do."""
    label = EventKind(kind).label
    if kind == EventKind.ASSIGNED and state in (State.WAITING, State.ACTIVE):
        return _(
            "This household already has a case director. A household has one "
            "director at a time: hand over direction instead of assigning a second one."
        )
    if kind == EventKind.HELP_STARTED and state == State.REGISTERED:
        return _("Help cannot start before the household is assigned to a professional.")
    if kind == EventKind.HELP_STARTED and state == State.ACTIVE:
        return _("Help has already started for this episode.")
    if state in CLOSED_STATES and kind != EventKind.AFTERCARE_ENDED:
        return _("The episode is closed; register a new signal to reopen help.")
    if kind == EventKind.AFTERCARE_ENDED:
        return _("Aftercare can only end after the episode is closed.")
    if state is None:
        return _("An episode starts with its registration.")
    return _("'%(event)s' is not possible while the episode is '%(state)s'.") % {
        "event": label,
        "state": State(state).label,
    }


def check(folded: Folded, kind: str, data: Mapping[str, Any]) -> None:
    """Raise :class:`TransitionError` when ``kind`` may not follow ``folded``."""
    if kind not in ALLOWED_FROM:
        raise TransitionError(_("Unknown event kind '%(kind)s'.") % {"kind": kind})
    if folded.state not in ALLOWED_FROM[kind]:
        raise TransitionError(_refusal(folded.state, kind, folded.director_id))
    if kind in ONCE and kind in folded.milestones:
        raise TransitionError(
            _("'%(event)s' has already been recorded for this episode.")
            % {"event": EventKind(kind).label}
        )
    missing = [name for name in REQUIRED_DATA.get(kind, ()) if data.get(name) in (None, "")]
    if missing:
        raise TransitionError(
            _("'%(event)s' needs: %(fields)s.")
            % {"event": EventKind(kind).label, "fields": ", ".join(missing)}
        )
    if kind == EventKind.DIRECTOR_CHANGED and data.get("worker") == folded.director_id:
        raise TransitionError(_("This professional is already the case director."))
    check_direction(folded, kind, data)


def check_direction(folded: Folded, kind: str, data: Mapping[str, Any]) -> None:
    """Transfers and youth protection: one director at a time, never none, never two."""
    institution = folded.director_org is not None
    if kind == EventKind.DIRECTOR_CHANGED and institution:
        raise TransitionError(_("A certified institution directs this household now; scale "
                                "back to the team to hand direction to a team member."))
    if kind in (EventKind.TRANSFER_ACCEPTED, EventKind.TRANSFER_REFUSED) and (
            folded.pending_team is None):
        raise TransitionError(_("No transfer of this household is waiting for an answer."))
    if kind in (EventKind.TRANSFER_REQUESTED, EventKind.YOUTH_PROTECTION_DECIDED,
                EventKind.CLOSED) and folded.pending_team is not None:
        raise TransitionError(_("A transfer to another team is waiting for an answer; the "
                                "receiving team accepts or refuses it first."))
    if kind == EventKind.TRANSFER_REQUESTED and institution:
        raise TransitionError(_("A certified institution directs this household now; scale "
                                "back to the team before transferring it."))
    if kind == EventKind.TRANSFER_ACCEPTED and folded.director_id is not None and not data.get(
            "worker"):
        raise TransitionError(_("Name the case director in the receiving team."))
    if kind == EventKind.YOUTH_PROTECTION_DECIDED:
        if institution:
            raise TransitionError(_("A certified institution already directs this household."))
        if data.get("measure") in INSTITUTION_MEASURES and not data.get("institution"):
            raise TransitionError(
                _("Choose the certified institution that takes over direction."))
    if kind == EventKind.YOUTH_PROTECTION_ENDED and not institution:
        raise TransitionError(_("No certified institution directs this household."))


def apply(folded: Folded, kind: str, data: Mapping[str, Any]) -> Folded:
    """The state after ``kind`` (assumes :func:`check` passed)."""
    milestones = folded.milestones | {kind}
    state, director = folded.state, folded.director_id
    org, pending = folded.director_org, folded.pending_team
    if kind == EventKind.REGISTERED:
        state = State.REGISTERED
    elif kind in (EventKind.ASSIGNED, EventKind.DIRECTOR_CHANGED,
                  EventKind.YOUTH_PROTECTION_ENDED):
        director, org = int(data["worker"]), None
        if kind == EventKind.ASSIGNED:
            state = State.WAITING
    elif kind == EventKind.HELP_STARTED:
        state = State.ACTIVE
    elif kind == EventKind.CLOSED:
        state, director, org = State.AFTERCARE, None, None
    elif kind == EventKind.AFTERCARE_ENDED:
        state = State.ENDED
    elif kind == EventKind.TRANSFER_REQUESTED:
        pending = str(data["to_team"])
    elif kind == EventKind.TRANSFER_REFUSED:
        pending = None
    elif kind == EventKind.TRANSFER_ACCEPTED:
        pending = None
        if data.get("worker"):
            director = int(data["worker"])
    elif kind == EventKind.YOUTH_PROTECTION_DECIDED and data.get("institution"):
        director, org = None, str(data["institution"])
    return replace(folded, state=state, director_id=director, director_org=org,
                   pending_team=pending, milestones=frozenset(milestones))


def fold(events: Iterable[tuple[str, Mapping[str, Any]]], *, strict: bool = True) -> Folded:
    """Fold ``(kind, data)`` pairs in recording order into the episode's state."""
    folded = Folded()
    for kind, data in events:
        if strict:
            check(folded, kind, data)
        folded = apply(folded, kind, data)
    return folded
