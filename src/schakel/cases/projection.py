"""Turning an episode's events into its derived columns and involvement rows.

Used by the services after each event and by the importer after a batch, so
the copy on the episode row is computed in exactly one way.
"""

from __future__ import annotations

from collections.abc import Sequence

from schakel.cases import lifecycle
from schakel.cases.constants import EventKind, InvolvementKind
from schakel.cases.models import Episode, Event, Involvement
from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import Organisation, Team


def _organisation_pk(external_id: str | None) -> int | None:
    """Event data names organisations and teams by external id, as the exchange format does."""
    if external_id is None:
        return None
    return Organisation.objects.values_list("pk", flat=True).get(external_id=external_id)


def derived_fields(events: Sequence[Event]) -> dict[str, object]:
    """The episode columns that follow from ``events`` (in ``seq`` order)."""
    folded = lifecycle.fold(((e.kind, e.fold_data()) for e in events), strict=False)
    first = events[0]
    fields: dict[str, object] = {
        "state": folded.state,
        "director_id": folded.director_id,
        "director_organisation_id": _organisation_pk(folded.director_org),
        "access_from_seq": 0,
        "unit": first.data.get("unit", ""),
        "source": first.data.get("source", ""),
        "channel": first.data.get("channel", ""),
        "urgency": first.data.get("urgency", ""),
        "registered_at": first.occurred_at,
        "assigned_at": None,
        "help_started_at": None,
        "closed_at": None,
        "last_event_at": max(e.occurred_at for e in events),
    }
    for e in events:
        if e.kind == EventKind.ASSIGNED:
            fields["assigned_at"] = e.occurred_at
        elif e.kind == EventKind.HELP_STARTED:
            fields["help_started_at"] = e.occurred_at
        elif e.kind == EventKind.CLOSED:
            fields["closed_at"] = e.occurred_at
        elif e.kind == EventKind.TRIAGED:
            fields["urgency"] = e.data.get("urgency", fields["urgency"])
        elif e.kind == EventKind.TRANSFER_ACCEPTED:
            # The same episode continues in the receiving team: no closure, no new case.
            fields["team_id"] = Team.objects.values_list("pk", flat=True).get(
                external_id=e.data["to_team"])
            fields["access_from_seq"] = e.seq
        elif e.kind == EventKind.ADULT_TRANSITION_PLANNED and e.data.get("adult_unit_takes_over"):
            fields["unit"] = UnitKind.ADULTS
    return fields


def apply_to_episode(episode: Episode, events: Sequence[Event]) -> None:
    for name, value in derived_fields(events).items():
        setattr(episode, name, value)


def involvement_from_event(event: Event) -> Involvement | None:
    """The Involvement row an ``involvement_added`` event creates."""
    if event.kind != EventKind.INVOLVEMENT_ADDED:
        return None
    d = event.data
    return Involvement(
        household_id=event.episode.household_id,
        kind=d.get("kind", InvolvementKind.EXTERNAL),
        staff_id=event.worker_id,
        name=d["name"],
        organisation=d.get("organisation", ""),
        role=d.get("role", ""),
        contact=d.get("contact", ""),
        started_at=event.occurred_at,
        external_id=d["involvement"],
    )
