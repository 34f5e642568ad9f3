"""The support plan page: draft, goals and actions, agreement, sign-off, versions, referral.

Thin views: one POST is one service call. A refused action comes back on the
same page with the reason in the error summary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.assessment.access import may_record
from schakel.assessment.views import household_for
from schakel.cases import queries as case_queries
from schakel.cases.services import CaseError
from schakel.people.models import Household, Person
from schakel.plans import diff, queries, services
from schakel.plans.authority import may_sign
from schakel.plans.constants import ActionStatus, VersionStatus
from schakel.plans.forms import (
    ActionForm,
    AgreementForm,
    GoalForm,
    ReferralForm,
    StatusForm,
    SummaryForm,
)
from schakel.plans.models import Goal, PlanAction, PlanVersion
from schakel.plans.services.content import SUMMARY_FIELDS
from schakel.privacy.access import log_read
from schakel.security.concurrency import StaleEdit, read_seen, refresh_token, seen_token
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import add_service_errors, error_summary, submit
from schakel.web.permissions import casework_view


def _persons(household: Household) -> list[Person]:
    return [m.person for m in case_queries.members(household)]


def _forms(household: Household, version: PlanVersion | None) -> dict[str, Any]:
    network = queries.network(household, include_ended=False)
    result: dict[str, Any] = {
        "summary_form": SummaryForm(prefix="summary", initial={
            "summary": version.summary if version else "",
            "internal_note": version.internal_note if version else "",
            "seen": seen_token(version, SUMMARY_FIELDS) if version else ""}),
        "goal_form": GoalForm(prefix="goal", persons=_persons(household)),
        "agreement_form": AgreementForm(prefix="agree"),
        "referral_form": ReferralForm(prefix="referral"),
        "action_forms": {},
    }
    if version is not None:
        for goal in version.goals.all():
            result["action_forms"][goal.pk] = ActionForm(prefix=f"action-{goal.pk}",
                                                         network=network)
    return result


def _page(request: HttpRequest, staff: StaffProfile, household: Household,
          failed: tuple[str, forms.Form] | None = None, status: int = 200) -> HttpResponse:
    log_read(staff, "plan_view", household=household)
    version = queries.latest(household)
    context = _forms(household, version)
    if failed is not None:
        name, form = failed
        if name.startswith("action-"):
            context["action_forms"][int(name.split("-")[1])] = form
        else:
            context[f"{name}_form"] = form
        context["open_form"] = name
        context["errors_summary"] = error_summary(form)
    episode = case_queries.current_episode(household)
    today = timezone.localdate()
    goals = list(queries.goals(version)) if version else []
    context.update({
        "household": household,
        "episode": episode,
        "version": version,
        "goals": [(g, context["action_forms"].get(g.pk)) for g in goals],
        "versions": queries.versions(household),
        "current": queries.current(household),
        "editable": version is not None and version.status == VersionStatus.DRAFT
        and not version.is_frozen and version.episode.closed_at is None,
        "may_record": may_record(staff, household),
        "may_sign": version is not None and may_sign(staff, version.episode),
        "deadline": queries.plan_deadline(episode) if episode and episode.is_open else None,
        "evaluations_due": queries.evaluations_due(version, today) if version else [],
        "status_choices": ActionStatus.choices,
        "episode_open": episode is not None and episode.is_open,
    })
    return render(request, "plans/plan.html", context, status=status)


@casework_view
def plan(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    household = household_for(staff, reference)
    if request.method != "POST":
        return _page(request, staff, household)
    if not may_record(staff, household):
        raise Http404
    action = request.POST.get("action", "")
    handler = HANDLERS.get(action.split(":")[0])
    if handler is None:
        messages.error(request, _("Unknown action."))
        return redirect("plans:plan", reference=reference)
    name, form, perform, done = handler(request, household, staff, action)
    if form is None or form.is_valid():
        try:
            perform()
        except CaseError as exc:
            if form is None:
                for message in exc.messages:
                    messages.error(request, message)
                return redirect("plans:plan", reference=reference)
            add_service_errors(form, exc)
        else:
            messages.success(request, done)
            return redirect("plans:plan", reference=reference)
    assert form is not None
    return _page(request, staff, household, (name, form), status=400)


Handler = Callable[[HttpRequest, Household, StaffProfile, str],
                   tuple[str, forms.Form | None, Callable[[], object], str]]


def _latest(household: Household) -> PlanVersion:
    version = queries.latest(household)
    if version is None:
        raise Http404
    return version


def _new_version(request: HttpRequest, household: Household, staff: StaffProfile,
                 action: str) -> tuple[str, forms.Form | None, Callable[[], object], str]:
    first = queries.latest(household) is None
    return ("new", None, lambda: services.new_version(household, by=staff),
            _("The draft plan has been started.") if first
            else _("A new version has been started as a copy of the previous one."))


def _summary(request: HttpRequest, household: Household, staff: StaffProfile,
             action: str) -> tuple[str, forms.Form | None, Callable[[], object], str]:
    form = SummaryForm(request.POST, prefix="summary")
    version = _latest(household)

    def save() -> object:
        try:
            return services.update_summary(
                version, by=staff, summary=form.cleaned_data["summary"],
                internal_note=form.cleaned_data["internal_note"],
                seen=read_seen(form.cleaned_data["seen"]))
        except StaleEdit as stale:
            refresh_token(form, "seen", stale.token)  # the next save compares with now
            raise

    return ("summary", form, save, _("The plan has been saved."))


def _goal(request: HttpRequest, household: Household, staff: StaffProfile,
          action: str) -> tuple[str, forms.Form | None, Callable[[], object], str]:
    form = GoalForm(request.POST, prefix="goal", persons=_persons(household))
    version = _latest(household)
    return ("goal", form, lambda: services.add_goal(version, form.to_input(), by=staff),
            _("The goal has been added."))


def _action(request: HttpRequest, household: Household, staff: StaffProfile,
            action: str) -> tuple[str, forms.Form | None, Callable[[], object], str]:
    goal_id = action.split(":")[1] if ":" in action else ""
    goal = get_object_or_404(Goal, pk=goal_id if goal_id.isdigit() else 0,
                             version__plan__household=household)
    form = ActionForm(request.POST, prefix=f"action-{goal.pk}",
                      network=queries.network(household, include_ended=False))
    return (f"action-{goal.pk}", form,
            lambda: services.add_action(goal, form.to_input(), by=staff),
            _("The action has been added."))


def _agree(request: HttpRequest, household: Household, staff: StaffProfile,
           action: str) -> tuple[str, forms.Form | None, Callable[[], object], str]:
    form = AgreementForm(request.POST, prefix="agree")
    version = _latest(household)
    return ("agreement", form, lambda: services.record_agreement(
        version, by=staff, agreed_on=form.cleaned_data["agreed_on"],
        how=form.cleaned_data["how"]), _("The resident's agreement has been recorded."))


def _sign(request: HttpRequest, household: Household, staff: StaffProfile,
          action: str) -> tuple[str, forms.Form | None, Callable[[], object], str]:
    version = _latest(household)
    return ("sign", None, lambda: services.sign(version, by=staff),
            _("The plan has been signed."))


def _referral(request: HttpRequest, household: Household, staff: StaffProfile,
              action: str) -> tuple[str, forms.Form | None, Callable[[], object], str]:
    form = ReferralForm(request.POST, prefix="referral")
    return ("referral", form, lambda: services.request_specialist_referral(
        household, by=staff, care=form.cleaned_data["care"],
        reason=form.cleaned_data["reason"], provider=form.cleaned_data["provider"]),
        _("The referral to specialist care has been requested."))


HANDLERS: dict[str, Handler] = {
    "new": _new_version, "summary": _summary, "goal": _goal, "action": _action,
    "agree": _agree, "sign": _sign, "referral": _referral,
}


@casework_view
def edit_goal(request: HttpRequest, staff: StaffProfile, reference: str, pk: int) -> HttpResponse:
    household = household_for(staff, reference)
    goal = get_object_or_404(Goal.objects.select_related("version", "person"), pk=pk,
                             version__plan__household=household)
    persons = _persons(household)
    initial = {"life_area": goal.life_area, "person": str(goal.person_id or ""),
               "text": goal.text, "internal_note": goal.internal_note}
    form = GoalForm(request.POST or None, initial=initial, persons=persons)
    if request.method == "POST" and may_record(staff, household) and submit(
            request, form, lambda _d: services.update_goal(goal, form.to_input(), by=staff),
            _("The goal has been changed.")):
        return redirect("plans:plan", reference=reference)
    return render(request, "plans/edit.html", {
        "household": household, "form": form, "title": _("Change the goal"),
        "errors_summary": error_summary(form),
    }, status=400 if form.errors else 200)


@casework_view
def edit_action(request: HttpRequest, staff: StaffProfile, reference: str,
                pk: int) -> HttpResponse:
    household = household_for(staff, reference)
    item = get_object_or_404(PlanAction.objects.select_related("goal__version"), pk=pk,
                             goal__version__plan__household=household)
    initial = {"text": item.text, "resource": item.resource, "owner": item.owner,
               "network_entry": item.network_entry_id, "evaluate_on": item.evaluate_on,
               "status": item.status, "internal_note": item.internal_note}
    form = ActionForm(request.POST or None, initial=initial,
                      network=queries.network(household, include_ended=False))
    if request.method == "POST" and may_record(staff, household) and submit(
            request, form, lambda _d: services.update_action(item, form.to_input(), by=staff),
            _("The action has been changed.")):
        return redirect("plans:plan", reference=reference)
    return render(request, "plans/edit.html", {
        "household": household, "form": form, "title": _("Change the action"),
        "errors_summary": error_summary(form),
    }, status=400 if form.errors else 200)


@require_POST
@casework_view
def remove(request: HttpRequest, staff: StaffProfile, reference: str, what: str,
           pk: int) -> HttpResponse:
    household = household_for(staff, reference)
    try:
        if what == "doel":
            goal = get_object_or_404(Goal, pk=pk, version__plan__household=household)
            services.remove_goal(goal, by=staff)
            messages.success(request, _("The goal has been removed."))
        else:
            item = get_object_or_404(PlanAction, pk=pk, goal__version__plan__household=household)
            services.remove_action(item, by=staff)
            messages.success(request, _("The action has been removed."))
    except CaseError as exc:
        for message in exc.messages:
            messages.error(request, message)
    return redirect("plans:plan", reference=reference)


@require_POST
@casework_view
def action_status(request: HttpRequest, staff: StaffProfile, reference: str,
                  pk: int) -> HttpResponse:
    household = household_for(staff, reference)
    item = get_object_or_404(PlanAction.objects.select_related("goal__version"), pk=pk,
                             goal__version__plan__household=household)
    form = StatusForm(request.POST)
    try:
        if not form.is_valid():
            raise CaseError(_("Choose a status."))
        services.set_action_status(item, form.cleaned_data["status"], by=staff)
    except CaseError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("The status has been updated."))
    return redirect("plans:plan", reference=reference)


@casework_view
def version_detail(request: HttpRequest, staff: StaffProfile, reference: str,
                   number: int) -> HttpResponse:
    household = household_for(staff, reference)
    item = queries.version(household, number)
    if item is None:
        raise Http404
    log_read(staff, "plan_version_view", household=household, detail=str(number))
    before = queries.previous(item)
    return render(request, "plans/version.html", {
        "household": household, "version": item, "goals": queries.goals(item),
        "previous": before, "changes": diff.between(before, item) if before else None,
    })
