"""The household page: who, what happened, and the next steps that may be recorded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.cases import queries, services
from schakel.cases.constants import State
from schakel.cases.models import Episode, Involvement
from schakel.people.models import Household
from schakel.privacy.access import can_view_household, can_work_in_team, log_read
from schakel.tenancy.models import StaffProfile
from schakel.web import timeline
from schakel.web.actions import ACTIONS, Action
from schakel.web.forms.actions import EventForm, InvolvementForm
from schakel.web.forms.base import add_service_errors, error_summary
from schakel.web.permissions import casework_view, is_team_leader


@dataclass
class ActionForm:
    action: Action
    form: EventForm | InvolvementForm
    open: bool = False


def visible_household(staff: StaffProfile, reference: str) -> Household:
    """The household, or 404 for anyone who may not see it (no hint that it exists)."""
    household = get_object_or_404(Household, reference=reference)
    if not can_view_household(staff, household):
        raise Http404
    return household


def _form(action: Action, episode: Episode, data: Any = None) -> EventForm | InvolvementForm:
    return action.form_class(
        data, prefix=action.kind, team_staff=queries.assignable_staff(episode.team_id)
    )


def _page(
    request: HttpRequest, staff: StaffProfile, household: Household,
    failed: ActionForm | None = None, status: int = 200,
) -> HttpResponse:
    log_read(staff, "household_view", household=household)
    episode = queries.current_episode(household)
    forms: list[ActionForm] = []
    may_act = episode is not None and can_work_in_team(staff, episode.team_id)
    step = queries.next_step(episode) if episode else None
    if episode is not None and may_act:
        for kind in queries.allowed_actions(episode):
            if failed is not None and failed.action.kind == kind:
                forms.append(failed)
            else:
                is_next = failed is None and step is not None and step.kind == kind
                forms.append(ActionForm(ACTIONS[kind], _form(ACTIONS[kind], episode), is_next))
    today = timezone.localdate()
    context: dict[str, Any] = {
        "household": household,
        "episode": episode,
        "next_step": step,
        "days_waiting": queries.days_waiting(episode, today) if episode else None,
        "members": [(m, m.person.age_on(today)) for m in queries.members(household)],
        "involvements": queries.involvements(household),
        "timeline": timeline.entries(household),
        "action_forms": forms,
        "may_act": may_act,
        "may_merge_persons": can_work_in_team(staff, household.team_id),
        "can_register_return": episode is None or episode.closed_at is not None,
        "is_leader": is_team_leader(staff),
        "errors_summary": error_summary(failed.form) if failed else [],
        "open_states": (State.REGISTERED, State.WAITING, State.ACTIVE),
    }
    return render(request, "web/household.html", context, status=status)


@casework_view
def household(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    item = visible_household(staff, reference)
    if item.merged_into_id is not None and item.merged_into is not None:
        messages.info(request, _("This household was merged into %(ref)s.")
                      % {"ref": item.merged_into.reference})
        return redirect("web:household", reference=item.merged_into.reference)
    if request.method != "POST":
        return _page(request, staff, item)
    episode = queries.current_episode(item)
    action = ACTIONS.get(request.POST.get("action", ""))
    if episode is None or action is None:
        messages.error(request, _("Unknown action."))
        return redirect("web:household", reference=reference)
    if not can_work_in_team(staff, episode.team_id):
        raise Http404
    form = _form(action, episode, request.POST)
    if form.is_valid():
        try:
            action.perform(episode, form, staff)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, str(action.done))
            return redirect("web:household", reference=reference)
    return _page(request, staff, item, ActionForm(action, form, open=True), status=400)


@require_POST
@casework_view
def end_involvement(
    request: HttpRequest, staff: StaffProfile, reference: str, pk: int
) -> HttpResponse:
    item = visible_household(staff, reference)
    involvement = get_object_or_404(Involvement, pk=pk, household=item)
    episode = queries.current_episode(item)
    if episode is None or not can_work_in_team(staff, episode.team_id):
        raise Http404
    try:
        services.end_involvement(involvement, by=staff)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(name)s is no longer involved.")
                         % {"name": involvement.name})
    return redirect("web:household", reference=reference)

