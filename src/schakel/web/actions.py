"""The steps a user can record on a household page: which form, which service call.

The lifecycle (``cases.lifecycle.ALLOWED_FROM``) decides which steps are offered;
the service decides whether a step may happen and says why not.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from schakel.cases import services
from schakel.cases.constants import EventKind
from schakel.cases.models import Episode
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.actions import (
    CloseForm,
    EventForm,
    InvolvementForm,
    TriageForm,
    WorkerForm,
)

Perform = Callable[[Episode, Any, StaffProfile], object]


@dataclass(frozen=True)
class Action:
    kind: str
    title: Promise
    button: Promise
    form_class: type[EventForm] | type[InvolvementForm]
    perform: Perform
    done: Promise


def _record(kind: str) -> Perform:
    def perform(episode: Episode, form: EventForm, by: StaffProfile) -> object:
        extra = {"urgency": form.cleaned_data["urgency"]} if kind == EventKind.TRIAGED else {}
        return services.record(
            episode, kind, by=by, note=form.cleaned_data["note"], **form.timing(), **extra
        )

    return perform


def _assign(episode: Episode, form: WorkerForm, by: StaffProfile) -> object:
    return services.assign(episode, form.cleaned_data["worker"], by=by,
                           note=form.cleaned_data["note"], **form.timing())


def _change_director(episode: Episode, form: WorkerForm, by: StaffProfile) -> object:
    return services.change_director(episode, form.cleaned_data["worker"], by=by,
                                    note=form.cleaned_data["note"], **form.timing())


def _start_help(episode: Episode, form: EventForm, by: StaffProfile) -> object:
    return services.start_help(episode, by=by, note=form.cleaned_data["note"], **form.timing())


def _close(episode: Episode, form: CloseForm, by: StaffProfile) -> object:
    d = form.cleaned_data
    return services.close(episode, by=by, reason=d["reason"], destination=d["destination"],
                          note=d["note"], **form.timing())


def _involve(episode: Episode, form: InvolvementForm, by: StaffProfile) -> object:
    d = form.cleaned_data
    return services.add_involvement(
        episode, by=by, kind=d["kind"], name=d["name"], staff=d["staff"],
        organisation=d["organisation"], role=d["role"], contact=d["contact"],
    )


ACTIONS: dict[str, Action] = {
    a.kind: a
    for a in (
        Action(EventKind.REFERRER_CONTACTED, _("Contact with the referrer"),
               _("Record contact with referrer"), EventForm,
               _record(EventKind.REFERRER_CONTACTED), _("Contact with the referrer recorded.")),
        Action(EventKind.RESIDENT_CONTACTED, _("Contact with the resident"),
               _("Record contact with resident"), EventForm,
               _record(EventKind.RESIDENT_CONTACTED), _("Contact with the resident recorded.")),
        Action(EventKind.TRIAGED, _("Triage"), _("Record triage"), TriageForm,
               _record(EventKind.TRIAGED), _("Triage recorded.")),
        Action(EventKind.KITCHEN_TABLE, _("Kitchen-table conversation"),
               _("Record kitchen-table conversation"), EventForm,
               _record(EventKind.KITCHEN_TABLE), _("Kitchen-table conversation recorded.")),
        Action(EventKind.ASSIGNED, _("Assign a professional"), _("Assign"), WorkerForm,
               _assign, _("Assigned. The household now waits for help to start.")),
        Action(EventKind.HELP_STARTED, _("Start help"), _("Record start of help"), EventForm,
               _start_help, _("Help started.")),
        Action(EventKind.SCALED_UP, _("Scale up"), _("Record scaling up"), EventForm,
               _record(EventKind.SCALED_UP), _("Scaling up recorded.")),
        Action(EventKind.SCALED_DOWN, _("Scale down"), _("Record scaling down"), EventForm,
               _record(EventKind.SCALED_DOWN), _("Scaling down recorded.")),
        Action(EventKind.DIRECTOR_CHANGED, _("Hand over case direction"), _("Hand over"),
               WorkerForm, _change_director, _("Case direction handed over.")),
        Action(EventKind.INVOLVEMENT_ADDED, _("Add someone involved"), _("Add"),
               InvolvementForm, _involve, _("Involved person added.")),
        Action(EventKind.CLOSED, _("Close the episode"), _("Close"), CloseForm, _close,
               _("Episode closed; aftercare has started.")),
        Action(EventKind.AFTERCARE_ENDED, _("End aftercare"), _("Record end of aftercare"),
               EventForm, _record(EventKind.AFTERCARE_ENDED), _("Aftercare ended.")),
    )
}
