"""The household page: who, what happened, and the next steps that may be recorded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.cases import queries, services
from schakel.cases.constants import State
from schakel.cases.models import Episode, Event, Involvement
from schakel.people.models import Household, Person
from schakel.privacy.access import (
    Access,
    active_emergency,
    can_view_household,
    can_work_in_team,
    involvement,
    log_change,
    log_read,
)
from schakel.privacy.constants import EMERGENCY_DURATION, AccessReason
from schakel.privacy.glass import may_request
from schakel.privacy.steps import record_step_privacy
from schakel.tables.queries import my_tables
from schakel.tenancy.models import StaffProfile
from schakel.web import privacy_context, timeline
from schakel.web.actions import ACTIONS, Action
from schakel.web.forms.actions import EventForm, InvolvementForm
from schakel.web.forms.base import add_service_errors, error_summary
from schakel.web.forms.privacy import ConsentForm, EmergencyForm, FlagForm
from schakel.web.permissions import casework_view, is_team_leader

EMERGENCY_HOURS = int(EMERGENCY_DURATION.total_seconds() // 3600)


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


def not_involved(request: HttpRequest, staff: StaffProfile, reference: str,
                 form: EmergencyForm | None = None) -> HttpResponse:
    """The same page whether or not the household exists; casework staff may break the glass."""
    if form is None and may_request(staff):
        form = EmergencyForm(initial={"reference": reference})
    return render(request, "web/not_involved.html",
                  {"reference": reference, "form": form, "hours": EMERGENCY_HOURS,
                   "errors_summary": error_summary(form) if form else []}, status=404)


def _form(action: Action, episode: Episode, data: Any = None) -> EventForm | InvolvementForm:
    return action.form_class(
        data, prefix=action.kind, team_staff=queries.assignable_staff(episode.team_id)
    )


MANAGERS = frozenset({AccessReason.DIRECTOR.value, AccessReason.INVOLVED.value,
                      AccessReason.TEAM_LEADER.value})


def may_manage_privacy(access: Access) -> bool:
    """Consents and flags: the director, involved team members and the team leader
    (not an emergency access: that is for reading)."""
    return bool(MANAGERS & set(access.reasons))


def _page(
    request: HttpRequest, staff: StaffProfile, household: Household, access: Access,
    failed: ActionForm | None = None, status: int = 200, *,
    consent_form: ConsentForm | None = None, flag_form: FlagForm | None = None,
) -> HttpResponse:
    log_read(staff, "household_view", household=household, purpose=access.purpose,
             fields="household page: members (identity, contact), involved, timeline"
             + (" incl. sensitive notes" if access.care else ""))
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
    flags = privacy_context.flag_context(household)
    members = queries.members(household)
    person_qs = Person.objects.filter(memberships__household=household).order_by("birth_date")
    manage = may_manage_privacy(access)
    context: dict[str, Any] = {
        "household": household,
        "episode": episode,
        "access": access,
        "emergency": active_emergency(staff, household)
        if AccessReason.EMERGENCY in access.reasons else None,
        **flags,
        "next_step": step,
        "days_waiting": queries.days_waiting(episode, today) if episode else None,
        "members": privacy_context.member_rows(members, today, access, flags["flags"]),
        "involvements": queries.involvements(household),
        "timeline": privacy_context.hide_sensitive(timeline.entries(household), household,
                                                   access, staff),
        "action_forms": forms,
        "may_act": may_act,
        "may_manage_privacy": manage,
        "consents": privacy_context.consents(household),
        "consent_form": consent_form or (ConsentForm(
            persons=person_qs, organisations=privacy_context.recipients(staff))
            if manage else None),
        "flag_form": flag_form or (FlagForm(persons=person_qs) if manage else None),
        "may_merge_persons": can_work_in_team(staff, household.team_id),
        "can_register_return": episode is None or episode.closed_at is not None,
        "is_leader": is_team_leader(staff),
        "errors_summary": error_summary(failed.form if failed else None,
                                        consent_form, flag_form),
        "open_states": (State.REGISTERED, State.WAITING, State.ACTIVE),
        "my_tables": list(my_tables(staff).order_by("name")) if may_act else [],
    }
    return render(request, "web/household.html", context, status=status)


def page_for(request: HttpRequest, staff: StaffProfile, household: Household,
             **kwargs: Any) -> HttpResponse:
    access = involvement(staff, household)
    if access is None:
        raise Http404
    return _page(request, staff, household, access, **kwargs)


def _perform(action: Action, episode: Episode, form: EventForm | InvolvementForm,
             staff: StaffProfile, household: Household) -> None:
    """The step, the category of its note and the audit record: one transaction."""
    with transaction.atomic():
        result = action.perform(episode, form, staff)
        record_step_privacy(staff, household, result if isinstance(result, Event) else None,
                            category=form.cleaned_data.get("category") or "",
                            action=f"step:{action.kind}", fields="episode events")


def _picked_up(staff: StaffProfile, household: Household) -> bool:
    """A colleague assigned it while this team member still had it open from the work stock."""
    episode = queries.current_episode(household)
    return (episode is not None and episode.closed_at is None
            and episode.state != State.REGISTERED and can_work_in_team(staff, episode.team_id))


@casework_view
def household(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    item = Household.objects.filter(reference=reference).select_related("team").first()
    access = involvement(staff, item) if item is not None else None
    if item is not None and access is None and request.method == "POST" and _picked_up(
            staff, item):
        messages.error(request, _(
            "Household %(ref)s has just been picked up by someone else and has left the work "
            "stock; you are not involved with it.") % {"ref": reference})
        return redirect("web:werkvoorraad")
    if item is None or access is None:
        return not_involved(request, staff, reference)
    if item.merged_into_id is not None and item.merged_into is not None:
        messages.info(request, _("This household was merged into %(ref)s.")
                      % {"ref": item.merged_into.reference})
        return redirect("web:household", reference=item.merged_into.reference)
    if request.method != "POST":
        return _page(request, staff, item, access)
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
            _perform(action, episode, form, staff, item)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, str(action.done))
            return redirect("web:household", reference=reference)
    return _page(request, staff, item, access, ActionForm(action, form, open=True), status=400)


@require_POST
@casework_view
def end_involvement(
    request: HttpRequest, staff: StaffProfile, reference: str, pk: int
) -> HttpResponse:
    item = visible_household(staff, reference)
    involvement_row = get_object_or_404(Involvement, pk=pk, household=item)
    episode = queries.current_episode(item)
    if episode is None or not can_work_in_team(staff, episode.team_id):
        raise Http404
    try:
        with transaction.atomic():
            services.end_involvement(involvement_row, by=staff)
            log_change(staff, "involvement_ended", household=item, fields="involved",
                       detail=f"involvement={involvement_row.pk}")
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(name)s is no longer involved.")
                         % {"name": involvement_row.name})
    return redirect("web:household", reference=reference)
