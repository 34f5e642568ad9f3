"""Pages of referrals, decisions, objections, complaints, figures and budget.

Thin views: one POST is one service call, named by the ``action`` field. A
refused action comes back on the same page with the reason in the error summary.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.assessment.access import may_record
from schakel.assessment.views import household_for
from schakel.decisions import letter, prefill, queries, services
from schakel.decisions.constants import (
    ComplaintOutcome,
    DecisionStage,
    Law,
    ObjectionOutcome,
    SystemPart,
)
from schakel.decisions.forms import (
    BudgetForm,
    ComplaintForm,
    DecideForm,
    FormalForm,
    HandleComplaintForm,
    MediationForm,
    ObjectionForm,
    ObjectionOutcomeForm,
    ReasonForm,
    ReferralForm,
    ReferralStepForm,
    SpendForm,
    StartDecisionForm,
)
from schakel.decisions.models import Complaint, Decision, Objection, Product, Referral
from schakel.people.models import Household
from schakel.privacy.access import led_team_ids, log_change, log_read
from schakel.privacy.views.common import partner_view
from schakel.tenancy.constants import Role
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import add_service_errors, error_summary
from schakel.web.permissions import casework_view, no_access, staff_of, works_with_persons

Action = Callable[[HttpRequest, StaffProfile, Household, int], forms.Form | None]


def _household_forms(household: Household) -> dict[str, Any]:
    referral_form = ReferralForm(prefix="referral", household=household)
    referral_form.initial = prefill.referral(household, referral_form)
    return {"referral_form": referral_form,
            "start_form": StartDecisionForm(prefix="start", household=household,
                                            initial=prefill.start(household))}


Failed = tuple[str, int, forms.Form] | None


def _rows(household: Household, file: queries.HouseholdFile, failed: Failed) -> dict[str, Any]:
    """A form per referral, decision and objection, with unique ids; the failed one bound."""

    def pick(action: str, pk: int, make: Callable[[str], forms.Form]) -> forms.Form:
        if failed is not None and failed[:2] == (action, pk):
            return failed[2]
        return make(f"id_%s_{pk}")

    today = timezone.localdate()
    referral_rows = [(r, pick("step", r.pk, lambda auto: ReferralStepForm(
        prefix="step", auto_id=auto, initial={"on": today}))) for r in file.referrals]
    decision_rows = []
    for row in file.decisions:
        pk = row.decision.pk
        known = prefill.decide(row.decision)

        def decide_form(auto: str, known: dict[str, Any] = known) -> forms.Form:
            return DecideForm(prefix="decide", household=household, auto_id=auto, initial=known)

        row_forms = {
            "decide": pick("decide", pk, decide_form),
            "reason": pick("extend", pk, lambda auto: ReasonForm(prefix="reason", auto_id=auto)),
            "objection": pick("object", pk, lambda auto: ObjectionForm(
                prefix="objection", auto_id=auto)),
        }
        objections = [(o, dl, pick("objection_outcome", o.pk, lambda auto: ObjectionOutcomeForm(
                           prefix="outcome", auto_id=f"{auto}_o")),
                       pick("objection_extend", o.pk, lambda auto: ReasonForm(
                           prefix="reason", auto_id=f"{auto}_o")))
                      for o, dl in row.objections]
        decision_rows.append((row, row_forms, objections))
    return {"referral_rows": referral_rows, "decision_rows": decision_rows}


def _run(form: forms.Form, call: Callable[[dict[str, Any]], object]) -> forms.Form | None:
    """Validate and call the service; the form with errors when anything is refused."""
    if not form.is_valid():
        return form
    try:
        call(form.cleaned_data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return form
    return None


def _decision(household: Household, pk: int) -> Decision:
    return get_object_or_404(Decision, pk=pk, household=household)


def _objection(household: Household, pk: int) -> Objection:
    return get_object_or_404(Objection, pk=pk, decision__household=household)


def _act_refer(request: HttpRequest, staff: StaffProfile, household: Household,
               pk: int) -> forms.Form | None:
    form = ReferralForm(request.POST, prefix="referral", household=household)
    return _run(form, lambda d: services.refer(
        household, by=staff, product=d["product"], person=d["person"], volume=d["volume"],
        period_start=d["period_start"], period_end=d["period_end"], reason=d["reason"],
        provider=d["provider"], referrer=d["referrer"]))


def _act_step(request: HttpRequest, staff: StaffProfile, household: Household,
              pk: int) -> forms.Form | None:
    referral = get_object_or_404(Referral, pk=pk, household=household)
    form = ReferralStepForm(request.POST, prefix="step")
    return _run(form, lambda d: services.move_referral(
        referral, d["status"], by=staff, on=d["on"], bridging_help=d["bridging_help"]))


def _act_start(request: HttpRequest, staff: StaffProfile, household: Household,
               pk: int) -> forms.Form | None:
    form = StartDecisionForm(request.POST, prefix="start", household=household)

    def call(d: dict[str, Any]) -> object:
        start = (services.receive_wmo_melding if d["law"] == Law.WMO
                 else services.receive_youth_aanvraag)
        return start(household, by=staff, person=d["person"], referral=d["referral"],
                     decided_by_part=d["decided_by_part"])

    return _run(form, call)


def _act_investigated(request: HttpRequest, staff: StaffProfile, household: Household,
                      pk: int) -> forms.Form | None:
    decision = _decision(household, pk)
    return _run(forms.Form({}), lambda d: services.complete_investigation(decision, by=staff))


def _act_aanvraag(request: HttpRequest, staff: StaffProfile, household: Household,
                  pk: int) -> forms.Form | None:
    decision = _decision(household, pk)
    return _run(forms.Form({}), lambda d: services.receive_wmo_aanvraag(decision, by=staff))


def _act_extend(request: HttpRequest, staff: StaffProfile, household: Household,
                pk: int) -> forms.Form | None:
    decision = _decision(household, pk)
    form = ReasonForm(request.POST, prefix="reason")
    return _run(form, lambda d: services.extend_decision(decision, by=staff, reason=d["reason"]))


def _act_decide(request: HttpRequest, staff: StaffProfile, household: Household,
                pk: int) -> forms.Form | None:
    decision = _decision(household, pk)
    form = DecideForm(request.POST, prefix="decide", household=household)
    return _run(form, lambda d: services.decide(
        decision, by=staff, outcome=d["outcome"], motivation=d["motivation"],
        product=d["product"], volume=d["volume"], period_start=d["period_start"],
        period_end=d["period_end"], provider=d["provider"]))


def _act_object(request: HttpRequest, staff: StaffProfile, household: Household,
                pk: int) -> forms.Form | None:
    decision = _decision(household, pk)
    form = ObjectionForm(request.POST, prefix="objection")
    return _run(form, lambda d: services.lodge_objection(
        decision, by=staff, grounds=d["grounds"], committee=d["committee"]))


def _act_objection_outcome(request: HttpRequest, staff: StaffProfile, household: Household,
                           pk: int) -> forms.Form | None:
    objection = _objection(household, pk)
    form = ObjectionOutcomeForm(request.POST, prefix="outcome")
    return _run(form, lambda d: services.decide_objection(objection, by=staff,
                                                          outcome=d["outcome"]))


def _act_objection_extend(request: HttpRequest, staff: StaffProfile, household: Household,
                          pk: int) -> forms.Form | None:
    objection = _objection(household, pk)
    form = ReasonForm(request.POST, prefix="reason")
    return _run(form, lambda d: services.extend_objection(objection, by=staff,
                                                          reason=d["reason"]))


ACTIONS: dict[str, Action] = {
    "refer": _act_refer, "step": _act_step, "start": _act_start,
    "investigated": _act_investigated, "aanvraag": _act_aanvraag, "extend": _act_extend,
    "decide": _act_decide, "object": _act_object, "objection_outcome": _act_objection_outcome,
    "objection_extend": _act_objection_extend,
}


@casework_view
def household(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    """Referrals and decisions of one household, with their deadlines."""
    found = household_for(staff, reference)
    context = _household_forms(found)
    status = 200
    failed: Failed = None
    if request.method == "POST":
        action = ACTIONS.get(request.POST.get("action", ""))
        if action is None or not may_record(staff, found):
            raise Http404
        try:
            pk = int(request.POST.get("pk") or 0)
        except ValueError as exc:
            raise Http404 from exc
        failed_form = action(request, staff, found, pk)
        if failed_form is None:
            log_change(staff, "decisions", household=found, detail=request.POST["action"])
            messages.success(request, _("Saved."))
            return redirect("decisions:household", reference=reference)
        context["errors_summary"] = error_summary(failed_form)
        context["failed_action"], context["failed_pk"] = request.POST["action"], pk
        if request.POST["action"] in ("refer", "start"):
            context[f"{request.POST['action'].replace('refer', 'referral')}_form"] = failed_form
        failed = (request.POST["action"], pk, failed_form)
        status = 400
    log_read(staff, "decisions_view", household=found)
    file = queries.household_file(found)
    context.update(household=found, file=file, may_record=may_record(staff, found),
                   now=timezone.now(), **_rows(found, file, failed))
    return render(request, "decisions/household.html", context, status=status)


@casework_view
def decision_letter(request: HttpRequest, staff: StaffProfile, reference: str,
                    pk: int) -> HttpResponse:
    found = household_for(staff, reference)
    decision = get_object_or_404(Decision.objects.select_related("person", "product", "team",
                                                                 "provider"),
                                 pk=pk, household=found, stage=DecisionStage.DECIDED)
    log_read(staff, "decision_letter", household=found, person=decision.person)
    response = HttpResponse(letter.render(decision), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="besluit-{decision.pk}.pdf"'
    return response


@casework_view
def catalogue(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    products = (Product.objects.filter(active=True).prefetch_related("providers")
                .order_by("law", "category", "name"))
    return render(request, "decisions/catalogue.html",
                  {"products": products, "nav": "catalogue"})


def _aggregate_reader(staff: StaffProfile | None) -> bool:
    return staff is not None and (works_with_persons(staff) or staff.has_role(Role.POLICY))


@login_required
def figures(request: HttpRequest) -> HttpResponse:
    """Objections and complaints by part of the system, team and outcome (counts only)."""
    staff = staff_of(request)
    if staff is None or not _aggregate_reader(staff):
        return no_access(request, staff)
    year = _year(request)
    mid = staff.municipality_id
    return render(request, "decisions/figures.html", {
        "year": year, "objections": _labelled(queries.objection_figures(mid, year)),
        "complaints": _labelled(queries.complaint_figures(mid, year)),
        "waiting": queries.waiting_per_team(mid)})


def _labelled(split: queries.Split) -> dict[str, Any]:
    """The split with readable labels for parts and outcomes."""
    parts = dict(SystemPart.choices)
    outcomes = {**dict(ObjectionOutcome.choices), **dict(ComplaintOutcome.choices),
                queries.OPEN: _("Open")}
    return {"total": split.total,
            "by_part": {str(parts.get(k, k)): n for k, n in split.by_part.items()},
            "by_team": split.by_team,
            "by_outcome": {str(outcomes.get(k, k)): n for k, n in split.by_outcome.items()}}


def _year(request: HttpRequest) -> int:
    try:
        return int(request.GET.get("jaar", "")) or timezone.localdate().year
    except ValueError:
        return timezone.localdate().year


@login_required
def budget(request: HttpRequest) -> HttpResponse:
    staff = staff_of(request)
    if staff is None or not (_aggregate_reader(staff) or staff.has_role(Role.ADMIN)):
        return no_access(request, staff)
    year = _year(request)
    mid = staff.municipality_id
    is_admin = staff.has_role(Role.ADMIN)
    budget_form = BudgetForm(prefix="budget", municipality_id=mid)
    spend_form = SpendForm(prefix="spend", initial={"booked_on": timezone.localdate()})
    if request.method == "POST" and is_admin:
        if request.POST.get("action") == "budget":
            budget_form = BudgetForm(request.POST, prefix="budget", municipality_id=mid)
            failed = _run(budget_form, lambda d: services.set_budget(
                d["team"], d["product"], year, d["amount"], by=staff))
        else:
            spend_form = SpendForm(request.POST, prefix="spend")
            failed = _run(spend_form, lambda d: services.book_spend(
                get_object_or_404(Decision, pk=d["decision"], household__team__municipality_id=mid),
                d["booked_on"], d["amount"], by=staff))
        if failed is None:
            messages.success(request, _("Saved."))
            return redirect(f"{request.path}?year={year}")
    rows = queries.budget(mid, year)
    totals = {name: sum((getattr(r, name) for r in rows), start=0)
              for name in ("budget", "committed", "actual", "forecast")}
    return render(request, "decisions/budget.html", {
        "year": year, "rows": rows, "totals": totals, "is_admin": is_admin,
        "budget_form": budget_form, "spend_form": spend_form,
    }, status=400 if budget_form.errors or spend_form.errors else 200)


def _complaint_forms(staff: StaffProfile) -> dict[str, Any]:
    return {"complaint_form": ComplaintForm(prefix="complaint",
                                            municipality_id=staff.municipality_id),
            "mediation_form": MediationForm(prefix="mediation",
                                            initial={"on": timezone.localdate()}),
            "formal_form": FormalForm(prefix="formal"),
            "handle_form": HandleComplaintForm(prefix="handle")}


def _complaint_action(request: HttpRequest, staff: StaffProfile) -> forms.Form | None:
    action = request.POST.get("action", "")
    if action == "register":
        form: forms.Form = ComplaintForm(request.POST, prefix="complaint",
                                         municipality_id=staff.municipality_id)
        return _run(form, lambda d: services.register_complaint(
            staff.municipality, by=staff, system_part=d["system_part"], subject=d["subject"],
            team=d["team"], worker=d["worker"], committee=d["committee"]))
    complaint = get_object_or_404(Complaint, pk=request.POST.get("pk") or 0,
                                  municipality_id=staff.municipality_id)
    if complaint.team_id not in led_team_ids(staff):
        raise Http404
    if action == "mediation":
        form = MediationForm(request.POST, prefix="mediation")
        return _run(form, lambda d: services.record_mediation(complaint, by=staff, on=d["on"]))
    if action == "formal":
        form = FormalForm(request.POST, prefix="formal")
        return _run(form, lambda d: services.take_formal_route(
            complaint, by=staff, hearing_on=d["hearing_on"],
            extension_reason=d["extension_reason"]))
    if action == "handle":
        form = HandleComplaintForm(request.POST, prefix="handle")
        return _run(form, lambda d: services.handle_complaint(
            complaint, by=staff, outcome=d["outcome"], measures=d["measures"]))
    raise Http404


@casework_view
def complaints(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    """Register complaints; team leaders handle those about their teams."""
    context = _complaint_forms(staff)
    status = 200
    if request.method == "POST":
        failed = _complaint_action(request, staff)
        if failed is None:
            messages.success(request, _("Saved."))
            return redirect("decisions:complaints")
        context["errors_summary"] = error_summary(failed)
        status = 400
    led = led_team_ids(staff)
    rows = [(c, queries.complaint_deadline(c), queries.mediation_due(c))
            for c in Complaint.objects.filter(municipality_id=staff.municipality_id,
                                              team_id__in=led).select_related("team", "worker")]
    return render(request, "decisions/complaints.html",
                  {**context, "rows": rows, "is_leader": bool(led)}, status=status)


@partner_view
def feedback(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    """For a referrer (GP, school): contacted, help started, ended — only with consent."""
    rows = queries.referrer_feedback(staff.organisation)
    log_read(staff, "referrer_feedback", purpose=f"feedback to {staff.organisation.name}",
             fields="contacted, started, ended", detail=f"n={len(rows)}")
    return render(request, "decisions/feedback.html", {"nav": "shared", "rows": rows})
