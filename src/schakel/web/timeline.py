"""The household timeline as people read it: what happened, when, by whom, details."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from schakel.cases import queries
from schakel.cases.constants import (
    Channel,
    CloseReason,
    Destination,
    EventKind,
    InvolvementKind,
    Source,
    Urgency,
)
from schakel.cases.models import Event
from schakel.handovers.timeline import details as handover_details
from schakel.people.models import Household
from schakel.tenancy.constants import UnitKind

RECORDED_LATER = dt.timedelta(minutes=1)


@dataclass
class Entry:
    event: Event
    episode_reference: str
    recorded_later: bool
    details: list[tuple[Any, Any]] = field(default_factory=list)
    previous_reference: str = ""
    category: str = ""
    hidden: bool = False


def _label(choices: type[TextChoices], value: Any) -> Any:
    try:
        return choices(value).label
    except ValueError:
        return value


def _details(event: Event, names: dict[str, str]) -> list[tuple[Any, Any]]:
    d = event.data
    rows: list[tuple[Any, Any]] = []
    if event.kind == EventKind.REGISTERED:
        rows += [
            (_("Source"), _label(Source, d.get("source"))),
            (_("Channel"), _label(Channel, d.get("channel"))),
            (_("Unit"), _label(UnitKind, d.get("unit"))),
            (_("Urgency"), _label(Urgency, d.get("urgency"))),
            (_("Problems"), _("Multiple problems") if d.get("multiple_problems", True)
             else _("One problem")),
        ]
        referrer = ", ".join(
            str(d[k]) for k in ("referrer_name", "referrer_organisation", "referrer_contact")
            if d.get(k)
        )
        if referrer:
            rows.append((_("Referrer"), referrer))
        if d.get("description"):
            rows.append((_("Signal"), d["description"]))
    elif event.kind == EventKind.TRIAGED:
        rows.append((_("Urgency"), _label(Urgency, d.get("urgency"))))
    elif event.kind in (EventKind.ASSIGNED, EventKind.DIRECTOR_CHANGED) and event.worker:
        rows.append((_("Case director"), event.worker.display_name))
    elif event.kind == EventKind.CLOSED:
        rows += [
            (_("Reason for closing"), _label(CloseReason, d.get("reason"))),
            (_("Outflow destination"), _label(Destination, d.get("destination"))),
        ]
    elif event.kind == EventKind.INVOLVEMENT_ADDED:
        who = ", ".join(str(d[k]) for k in ("name", "role", "organisation") if d.get(k))
        rows.append((_label(InvolvementKind, d.get("kind")), who))
    elif event.kind == EventKind.INVOLVEMENT_ENDED:
        rows.append((_("Involved"), names.get(str(d.get("involvement")), "")))
    rows += handover_details(event)  # transfers, youth protection, 18th birthday
    if d.get("note"):
        rows.append((_("Note"), d["note"]))
    return rows


def entries(household: Household) -> list[Entry]:
    references = queries.episode_references(household)
    names = dict(household.involvements.values_list("external_id", "name"))
    result = []
    for event in queries.timeline(household):
        result.append(
            Entry(
                event=event,
                episode_reference=references.get(event.episode.external_id, ""),
                recorded_later=event.recorded_at - event.occurred_at >= RECORDED_LATER,
                details=_details(event, names),
                previous_reference=references.get(str(event.data.get("previous_episode")), ""),
            )
        )
    return result
