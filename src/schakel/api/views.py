"""Partner pages: send a signal or referral by web form, and follow what became of it."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from schakel.api import services, status
from schakel.api.forms import PartnerSubmissionForm
from schakel.privacy.access import log_read
from schakel.privacy.views.common import partner_view
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import add_service_errors, error_summary
from schakel.web.forms.registration import BasePersonFormSet, PersonFormSet
from schakel.web.views.common import unbound_copy

PREFIX = "persons"


@partner_view
def submit(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    form = PartnerSubmissionForm(request.POST or None, staff=staff)
    persons = PersonFormSet(request.POST or None, prefix=PREFIX)
    if request.method == "POST":
        if "add_person" in request.POST:
            copy = unbound_copy(form, staff=staff)
            assert isinstance(copy, PartnerSubmissionForm)
            return _render(request, copy, persons.with_extra_row())
        if form.is_valid() and persons.is_valid():
            try:
                submission = services.submit(
                    staff.organisation, staff,
                    form.submission_input(persons.person_inputs()), via_api=False)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _(
                    "Received: %(id)s. The team picks it up from its work stock; follow the "
                    "status under Your submissions.") % {"id": submission.public_id})
                return redirect("partner:submissions")
        return _render(request, form, persons, status_code=400)
    return _render(request, form, persons)


def _render(request: HttpRequest, form: PartnerSubmissionForm, persons: BasePersonFormSet,
            status_code: int = 200) -> HttpResponse:
    summary = error_summary(form, persons)
    return render(request, "api/partner_submit.html",
                  {"nav": "partner", "form": form, "persons": persons,
                   "errors_summary": summary}, status=status_code)


@partner_view
def submissions(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    rows = status.views(staff.organisation, 200)
    log_read(staff, "partner_submissions", fields="status of own submissions",
             purpose=f"feedback to {staff.organisation.name}", detail=f"n={len(rows)}")
    return render(request, "api/partner_submissions.html", {"nav": "partner", "rows": rows})
