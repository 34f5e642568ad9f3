"""Consents and sensitive flags, recorded from the household page (thin views)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.people.models import Household, Person
from schakel.privacy import consents, flags
from schakel.privacy.access import Access, involvement
from schakel.privacy.models import Consent, SensitiveFlag
from schakel.tenancy.models import StaffProfile
from schakel.web import privacy_context
from schakel.web.forms.base import add_service_errors
from schakel.web.forms.privacy import ConsentForm, FlagForm, WithdrawForm
from schakel.web.permissions import casework_view
from schakel.web.views.household import may_manage_privacy, page_for


def _managed(staff: StaffProfile, reference: str) -> tuple[Household, Access]:
    household = get_object_or_404(Household, reference=reference, merged_into__isnull=True)
    access = involvement(staff, household)
    if access is None or not may_manage_privacy(access):
        raise Http404
    return household, access



@require_POST
@casework_view
def give_consent(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    household, _access = _managed(staff, reference)
    form = ConsentForm(request.POST, persons=Person.objects.filter(
        memberships__household=household), organisations=privacy_context.recipients(staff))
    if form.is_valid():
        d = form.cleaned_data
        try:
            consents.give_consent(
                by=staff, person=d["person"], purpose=d["purpose"], recipient=d["recipient"],
                categories=d["categories"], method=d["method"], household=household,
                valid_until=d["valid_until"], note=d["note"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Consent recorded."))
            return redirect(f"{household_url(reference)}#privacy")
    return page_for(request, staff, household, status=400, consent_form=form)


@require_POST
@casework_view
def withdraw_consent(request: HttpRequest, staff: StaffProfile, reference: str,
                     pk: int) -> HttpResponse:
    household, _access = _managed(staff, reference)
    consent = get_object_or_404(Consent, pk=pk, person__memberships__household=household)
    form = WithdrawForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        consents.withdraw_consent(consent, by=staff, note=note)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Consent withdrawn: it no longer allows any disclosure."))
    return redirect(f"{household_url(reference)}#privacy")


@require_POST
@casework_view
def set_flag(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    household, _access = _managed(staff, reference)
    form = FlagForm(request.POST, persons=Person.objects.filter(
        memberships__household=household))
    if form.is_valid():
        d = form.cleaned_data
        try:
            flags.set_flag(household, d["kind"], by=staff, person=d["person"], note=d["note"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Flag set. It is shown on every page about "
                                        "this household."))
            return redirect(household_url(reference))
    return page_for(request, staff, household, status=400, flag_form=form)


@require_POST
@casework_view
def end_flag(request: HttpRequest, staff: StaffProfile, reference: str, pk: int) -> HttpResponse:
    household, _access = _managed(staff, reference)
    flag = get_object_or_404(SensitiveFlag, pk=pk, household=household)
    try:
        flags.end_flag(flag, by=staff)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Flag ended."))
    return redirect(f"{household_url(reference)}#privacy")


def household_url(reference: str) -> str:
    from django.urls import reverse

    return reverse("web:household", args=[reference])
