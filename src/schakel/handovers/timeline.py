"""How handover events read on the household timeline."""

from __future__ import annotations

from typing import Any

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _

from schakel.cases.constants import EventKind, ProtectionMeasure, TeamRole
from schakel.cases.models import Event
from schakel.people.models import Person

HANDOVER_KINDS = (
    EventKind.TRANSFER_REQUESTED, EventKind.TRANSFER_ACCEPTED, EventKind.TRANSFER_REFUSED,
    EventKind.HANDOVER_MEETING, EventKind.YOUTH_PROTECTION_DECIDED,
    EventKind.YOUTH_PROTECTION_ENDED, EventKind.ADULT_TRANSITION_PLANNED,
)


def _label(choices: type[TextChoices], value: Any) -> Any:
    try:
        return choices(value).label
    except ValueError:
        return value


def details(event: Event) -> list[tuple[Any, Any]]:
    """Rows (label, value) for a handover event; empty for other events."""
    d = event.data
    rows: list[tuple[Any, Any]] = []
    if event.kind in (EventKind.TRANSFER_REQUESTED, EventKind.TRANSFER_ACCEPTED):
        rows += [(_("From team"), d.get("from_team_name", "")),
                 (_("To team"), d.get("to_team_name", ""))]
        if event.kind == EventKind.TRANSFER_ACCEPTED and event.worker:
            rows.append((_("Case director"), event.worker.display_name))
    elif event.kind == EventKind.TRANSFER_REFUSED:
        rows.append((_("Refused by"), d.get("to_team_name", "")))
    elif event.kind == EventKind.HANDOVER_MEETING:
        rows += [(_("Who took part"), d.get("participants", "")),
                 (_("Resident present"), _("yes") if d.get("resident_present") else _("no"))]
    elif event.kind == EventKind.YOUTH_PROTECTION_DECIDED:
        rows.append((_("Decision"), _label(ProtectionMeasure, d.get("measure"))))
        if d.get("institution_name"):
            rows += [(_("Directing institution"), d["institution_name"]),
                     (_("The team's role"), _label(TeamRole, d.get("team_role")))]
    elif event.kind == EventKind.YOUTH_PROTECTION_ENDED:
        rows.append((_("From institution"), d.get("institution_name", "")))
        if event.worker:
            rows.append((_("Case director"), event.worker.display_name))
    elif event.kind == EventKind.ADULT_TRANSITION_PLANNED:
        person = Person.objects.filter(external_id=d.get("person")).first()
        rows += [(_("Young person"), person.full_name if person else ""),
                 (_("Turns 18 on"), d.get("turns_18_on", ""))]
        if d.get("adult_worker_name"):
            rows.append((_("Contact in the adults unit"), d["adult_worker_name"]))
        if d.get("adult_unit_takes_over"):
            rows.append((_("Unit"), _("The adults unit takes the episode over")))
    if event.kind in (EventKind.TRANSFER_REQUESTED, EventKind.TRANSFER_REFUSED) and d.get(
            "reason"):
        rows.append((_("Reason"), d["reason"]))
    return rows
