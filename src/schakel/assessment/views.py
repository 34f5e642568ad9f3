"""Needs analysis pages of a household: overview, new measurement, a measurement, progress.

Thin views: parse input, call a service, render. Reading a household's analysis
is logged like reading the household page.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.assessment import queries, services
from schakel.assessment.access import may_read, may_record
from schakel.assessment.chart import describe, line_chart, trend
from schakel.assessment.forms import MeasurementForm, PlanCheckForm, SafetyCheckForm
from schakel.assessment.models import Measurement
from schakel.cases import queries as case_queries
from schakel.cases.services import CaseError
from schakel.people.models import Household, Person
from schakel.privacy.access import log_read
from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import add_service_errors, error_summary
from schakel.web.permissions import casework_view


def household_for(staff: StaffProfile, reference: str) -> Household:
    """The household, or 404 for anyone who may not see it (no hint that it exists)."""
    household = get_object_or_404(Household.objects.select_related("team"), reference=reference)
    if not may_read(staff, household):
        raise Http404
    return household


def _overview_context(staff: StaffProfile, household: Household) -> dict[str, Any]:
    today = timezone.localdate()
    rows = queries.overview(household, today)
    zrm_members, zrm_rows = queries.zrm_matrix(rows)
    episode = case_queries.current_episode(household)
    return {
        "household": household,
        "episode": episode,
        "rows": rows,
        "zrm_members": zrm_members,
        "zrm_rows": zrm_rows,
        "versions": queries.current_versions(household.team.municipality_id),
        "measurements": queries.measurements(household),
        "may_record": may_record(staff, household),
        "safety": queries.safety_schedule(episode, today) if episode else [],
        "safety_history": queries.safety_history(episode) if episode else [],
        "is_youth": episode is not None and episode.unit == UnitKind.YOUTH,
        "episode_open": episode is not None and episode.closed_at is None,
    }


@casework_view
def overview(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    household = household_for(staff, reference)
    log_read(staff, "analysis_view", household=household)
    context = _overview_context(staff, household)
    context.update(check_form=SafetyCheckForm(prefix="check",
                                              initial={"done_on": timezone.localdate()}),
                   plan_form=PlanCheckForm(prefix="plan"))
    return render(request, "assessment/overview.html", context)


def _form(request: HttpRequest, household: Household, version: Any,
          staff: StaffProfile) -> MeasurementForm:
    persons = [m.person for m in case_queries.members(household)]
    team_staff = case_queries.assignable_staff(household.team_id)
    if request.method == "POST":
        return MeasurementForm(request.POST, version=version, persons=persons, staff=team_staff)
    person = request.GET.get("persoon", "")
    initial = {"taken_on": timezone.localdate(), "assessor": staff.pk,
               "person": int(person) if person.isdigit() else None}
    return MeasurementForm(initial=initial, version=version, persons=persons, staff=team_staff)


@casework_view
def new_measurement(
    request: HttpRequest, staff: StaffProfile, reference: str, code: str
) -> HttpResponse:
    household = household_for(staff, reference)
    if not may_record(staff, household):
        raise Http404
    instrument = queries.instrument_by_code(code, household.team.municipality_id)
    version = queries.current_version(instrument, household.team.municipality_id) \
        if instrument else None
    if version is None:
        raise Http404
    version = queries.version_with_definition(version.pk)
    form = _form(request, household, version, staff)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                measurement = services.record_measurement(
                    household, Person.objects.get(pk=form.cleaned_data["person"]), version,
                    by=staff, assessor=form.cleaned_data["assessor"],
                    taken_on=form.cleaned_data["taken_on"], answers=form.answers(),
                    skips=form.skips(),
                )
            except CaseError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("The measurement has been saved."))
                return redirect("assessment:measurement", reference=reference,
                                pk=measurement.pk)
    return render(request, "assessment/measure.html", {
        "household": household, "version": version, "form": form,
        "errors_summary": error_summary(form) if form.is_bound else [],
    }, status=status)


@casework_view
def measurement(request: HttpRequest, staff: StaffProfile, reference: str, pk: int) -> HttpResponse:
    household = household_for(staff, reference)
    item = get_object_or_404(
        Measurement.objects.select_related("person", "assessor", "version__instrument"),
        pk=pk, household=household,
    )
    log_read(staff, "measurement_view", household=household, detail=str(item.pk))
    current = queries.current_version(item.version.instrument, household.team.municipality_id)
    return render(request, "assessment/measurement.html", {
        "household": household, "measurement": item, "domains": queries.shown(item),
        "current": current,
    })


@casework_view
def person_progress(
    request: HttpRequest, staff: StaffProfile, reference: str, person: int, code: str
) -> HttpResponse:
    household = household_for(staff, reference)
    member = get_object_or_404(household.members.select_related("person"), person_id=person)
    instrument = queries.instrument_by_code(code, household.team.municipality_id)
    if instrument is None:
        raise Http404
    log_read(staff, "progress_view", household=household, detail=f"{person} {code}")
    taken = queries.person_measurements(household, member.person, instrument)
    series = queries.progress(taken)
    charts = [
        {"series": s, "chart": line_chart(s), "desc": describe(s), "trend": trend(s),
         "id": f"chart-{i}"}
        for i, s in enumerate(series)
    ]
    version = queries.current_version(instrument, household.team.municipality_id)
    return render(request, "assessment/progress.html", {
        "household": household, "person": member.person, "taken": taken, "charts": charts,
        "instrument_name": version.name if version else code,
    })


@require_POST
@casework_view
def safety(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    """Record a child-safety check, or plan one after a change of situation."""
    household = household_for(staff, reference)
    episode = case_queries.current_episode(household)
    if episode is None or not may_record(staff, household):
        raise Http404
    planning = request.POST.get("form") == "plan"
    form: SafetyCheckForm | PlanCheckForm = (
        PlanCheckForm(request.POST, prefix="plan") if planning
        else SafetyCheckForm(request.POST, prefix="check")
    )
    if form.is_valid():
        d = form.cleaned_data
        try:
            if planning:
                services.plan_safety_check(episode, by=staff, due_on=d["due_on"],
                                           reason=d["reason"])
            else:
                services.record_safety_check(
                    episode, by=staff, occasion=d["occasion"], done_on=d["done_on"],
                    outcome=d["outcome"], note=d["note"], backdate_reason=d["backdate_reason"],
                )
        except CaseError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("A check after the change has been planned.") if planning
                             else _("The child-safety check has been recorded."))
            return redirect("assessment:overview", reference=reference)
    context = _overview_context(staff, household)
    context.update(
        check_form=form if not planning else SafetyCheckForm(prefix="check"),
        plan_form=form if planning else PlanCheckForm(prefix="plan"),
        errors_summary=error_summary(form), safety_open=True,
    )
    return render(request, "assessment/overview.html", context, status=400)
