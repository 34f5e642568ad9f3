"""Covenants: the data-sharing agreements a municipality has with its partners."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from schakel.privacy.consents import add_covenant
from schakel.privacy.forms import CovenantForm
from schakel.privacy.legal import LEGAL_TASKS
from schakel.privacy.models import Covenant
from schakel.privacy.views.common import officer_view
from schakel.tenancy.models import Organisation, StaffProfile
from schakel.web.forms.base import add_service_errors, error_summary


@officer_view
def covenants(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    organisations = Organisation.objects.filter(
        Q(municipality=staff.municipality) | Q(municipality__isnull=True)).order_by("name")
    form = CovenantForm(request.POST if request.method == "POST" else None,
                        organisations=organisations)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            add_covenant(staff.municipality, by=staff, name=d["name"], parties=list(d["parties"]),
                         purposes=d["purposes"], categories=d["categories"],
                         valid_from=d["valid_from"], valid_until=d["valid_until"],
                         document_reference=d["document_reference"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Covenant recorded."))
            return redirect("privacy:covenants")
    return render(request, "privacy/covenants.html", {
        "nav": "privacy", "form": form, "errors_summary": error_summary(form),
        "covenants": Covenant.objects.filter(municipality=staff.municipality)
        .prefetch_related("parties"),
        "legal_tasks": LEGAL_TASKS,
    }, status=400 if form.is_bound and form.errors else 200)
