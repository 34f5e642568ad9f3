"""Retention: the dossiers due for erasure, and erasing them (privacy officer)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from schakel.privacy import retention
from schakel.privacy.access import log_read
from schakel.privacy.forms import EraseForm
from schakel.privacy.models import Erasure
from schakel.privacy.views.common import officer_view
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import error_summary


@officer_view
def retention_page(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    due = retention.due(municipality_id=staff.municipality_id)
    form = EraseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        erased = 0
        try:
            for item in due:
                retention.erase(item.household, by=staff)
                erased += 1
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        messages.success(request, _("%(n)d dossiers erased; the figures are unchanged.")
                         % {"n": erased})
        return redirect("privacy:retention")
    log_read(staff, "retention_view", fields="household references due for erasure",
             detail=f"n={len(due)}")
    return render(request, "privacy/retention.html", {
        "nav": "privacy", "due": due, "form": form, "errors_summary": error_summary(form),
        "terms": retention.terms(staff.municipality_id),
        "erased": Erasure.objects.filter(
            household__team__municipality=staff.municipality)[:50],
    }, status=400 if form.is_bound and form.errors else 200)
