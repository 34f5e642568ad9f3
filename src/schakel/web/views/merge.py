"""Merging a duplicate household (team leaders) and duplicate persons in a household."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from schakel.cases import services
from schakel.privacy.access import can_work_in_team, log_change, log_read, visible_households
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import add_service_errors, error_summary
from schakel.web.forms.search import MergeHouseholdForm, MergePersonsForm
from schakel.web.permissions import casework_view, is_team_leader, no_access
from schakel.web.views.household import visible_household


@casework_view
def merge_households(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    keep = visible_household(staff, reference)
    if not is_team_leader(staff):
        return no_access(request, staff)
    form = MergeHouseholdForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        drop = visible_households(staff).filter(
            reference=form.cleaned_data["reference"], merged_into__isnull=True
        ).first()
        if drop is None:
            form.add_error("reference", _("No household with this reference that you may see."))
        else:
            try:
                with transaction.atomic():
                    services.merge_households(keep, drop, by=staff)
                    log_change(staff, "households_merged", household=keep,
                               fields="household, episodes, members",
                               detail=f"merged={drop.reference}")
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("Household %(drop)s was merged into %(keep)s.")
                                 % {"drop": drop.reference, "keep": keep.reference})
                return redirect("web:household", reference=keep.reference)
    log_read(staff, "household_view", household=keep, purpose="merge")
    return render(
        request, "web/merge_households.html",
        {"household": keep, "form": form, "errors_summary": error_summary(form)},
        status=400 if form.is_bound and form.errors else 200,
    )


@casework_view
def merge_persons(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    household = visible_household(staff, reference)
    if not can_work_in_team(staff, household.team_id):
        return no_access(request, staff)
    form = MergePersonsForm(request.POST or None, household=household)
    if request.method == "POST" and form.is_valid():
        keep, drop = form.cleaned_data["keep"], form.cleaned_data["drop"]
        try:
            with transaction.atomic():
                services.merge_persons(keep, drop, by=staff)
                log_change(staff, "persons_merged", household=household, person=keep,
                           fields="person", detail=f"merged person={drop.pk}")
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("%(drop)s was merged into %(keep)s.")
                             % {"drop": drop.full_name, "keep": keep.full_name})
            return redirect("web:household", reference=household.reference)
    log_read(staff, "household_view", household=household, purpose="merge persons")
    return render(
        request, "web/merge_persons.html",
        {"household": household, "form": form, "errors_summary": error_summary(form)},
        status=400 if form.is_bound and form.errors else 200,
    )
