"""The resident's plan: a printable page and a PDF, plain Dutch, no internal notes."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from schakel.assessment.views import household_for
from schakel.plans import pdf, queries, resident
from schakel.plans.models import PlanVersion
from schakel.privacy.access import log_read
from schakel.tenancy.models import StaffProfile
from schakel.web.permissions import casework_view


def _version(request: HttpRequest, reference: str, staff: StaffProfile) -> PlanVersion:
    household = household_for(staff, reference)
    number = request.GET.get("versie", "")
    version = queries.version(household, int(number)) if number.isdigit() \
        else queries.for_resident(household)
    if version is None:
        raise Http404
    return version


@casework_view
def printable(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    version = _version(request, reference, staff)
    log_read(staff, "plan_print", household=version.plan.household,
             detail=f"version {version.number}")
    with translation.override(resident.RESIDENT_LANGUAGE):
        return render(request, "plans/resident.html", {
            "plan": resident.build(version), "labels": resident.labels(),
            "household": version.plan.household, "version": version,
        })


@casework_view
def plan_pdf(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    version = _version(request, reference, staff)
    log_read(staff, "plan_pdf", household=version.plan.household,
             detail=f"version {version.number}")
    content = pdf.render(resident.build(version), labels=resident.labels())
    response = HttpResponse(content, content_type="application/pdf")
    name = f"plan-{version.plan.household.reference}-v{version.number}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
