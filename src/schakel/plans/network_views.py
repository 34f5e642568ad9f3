"""The network map (ecogram) of a household: who is around it, supporting or burdening."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.assessment.access import may_record
from schakel.assessment.views import household_for
from schakel.cases import queries as case_queries
from schakel.cases.services import CaseError
from schakel.plans import queries, services
from schakel.plans.constants import Influence
from schakel.plans.ecogram import LINE_STYLES, layout
from schakel.plans.forms import NetworkForm
from schakel.plans.models import NetworkEntry
from schakel.privacy.access import log_read
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import add_service_errors, error_summary, submit
from schakel.web.permissions import casework_view


@casework_view
def network(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    household = household_for(staff, reference)
    persons = [m.person for m in case_queries.members(household)]
    form = NetworkForm(request.POST or None, persons=persons)
    if request.method == "POST":
        if not may_record(staff, household):
            raise Http404
        if form.is_valid():
            try:
                entry = services.add_network_entry(household, form.to_input(), by=staff)
            except CaseError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("%(name)s has been added to the network map.")
                                 % {"name": entry.name})
                return redirect("plans:network", reference=reference)
    log_read(staff, "network_view", household=household)
    entries = list(queries.network(household))
    return render(request, "plans/network.html", {
        "household": household, "entries": entries, "map": layout(entries),
        "form": form, "may_record": may_record(staff, household),
        "legend": [(key, label, *LINE_STYLES[key]) for key, label in Influence.choices],
        "errors_summary": error_summary(form) if form.is_bound else [],
    }, status=400 if form.is_bound and form.errors else 200)


@casework_view
def edit_entry(request: HttpRequest, staff: StaffProfile, reference: str,
               pk: int) -> HttpResponse:
    household = household_for(staff, reference)
    entry = get_object_or_404(NetworkEntry, pk=pk, household=household)
    persons = [m.person for m in case_queries.members(household)]
    initial = {"kind": entry.kind, "name": entry.name, "role": entry.role,
               "influence": entry.influence, "related_to": str(entry.related_to_id or ""),
               "contact": entry.contact, "note": entry.note}
    form = NetworkForm(request.POST or None, initial=initial, persons=persons)
    if request.method == "POST" and may_record(staff, household) and submit(
            request, form,
            lambda _d: services.update_network_entry(entry, form.to_input(), by=staff),
            _("The network map has been updated.")):
        return redirect("plans:network", reference=reference)
    return render(request, "plans/edit.html", {
        "household": household, "form": form, "title": _("Change %(name)s") % {
            "name": entry.name}, "back": "network",
        "errors_summary": error_summary(form),
    }, status=400 if form.errors else 200)


@require_POST
@casework_view
def end_entry(request: HttpRequest, staff: StaffProfile, reference: str, pk: int) -> HttpResponse:
    household = household_for(staff, reference)
    entry = get_object_or_404(NetworkEntry, pk=pk, household=household)
    try:
        services.end_network_entry(entry, by=staff)
    except CaseError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("%(name)s is no longer on the map.") % {"name": entry.name})
    return redirect("plans:network", reference=reference)
