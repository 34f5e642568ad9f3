"""Nieuwe aanmelding (with a duplicate check first) and the kortdurend contact."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from schakel.cases import services
from schakel.cases.models import Episode
from schakel.people.models import Household
from schakel.privacy.access import (
    can_view_household,
    log_read,
    visible_households,
)
from schakel.privacy.steps import record_step_privacy
from schakel.tenancy.models import StaffProfile
from schakel.web import duplicates
from schakel.web.forms.base import add_service_errors, error_summary
from schakel.web.forms.registration import (
    BasePersonFormSet,
    PersonFormSet,
    RegistrationForm,
    ShortContactForm,
)
from schakel.web.permissions import casework_view
from schakel.web.views.common import unbound_copy

PREFIX = "persons"


def _existing(request: HttpRequest, staff: StaffProfile) -> Household | None:
    """The household a return is registered for (``?household=REF``), if any."""
    ref = request.POST.get("for_household") or request.GET.get("household")
    if not ref:
        return None
    return visible_households(staff).filter(reference=ref, merged_into__isnull=True).first()


def _render(
    request: HttpRequest, form: RegistrationForm, persons: BasePersonFormSet | None,
    existing: Household | None, found: duplicates.Duplicates | None = None, status: int = 200,
) -> HttpResponse:
    staff = getattr(request.user, "staff", None)
    if staff is not None and found is not None and found.matches:
        log_read(staff, "duplicate_check", fields="names and birth dates of likely duplicates",
                 detail=f"households={len(found.matches)}")
    if staff is not None and existing is not None:
        log_read(staff, "household_view", household=existing,
                 fields="registration form: household name")
    context: dict[str, Any] = {
        "nav": "register", "form": form, "persons": persons, "existing": existing,
        "duplicates": found, "errors_summary": error_summary(form, persons),
    }
    return render(request, "web/register.html", context, status=status)


def _done(request: HttpRequest, staff: StaffProfile, episode: Episode) -> HttpResponse:
    household = episode.household
    messages.success(request, _(
        "Household %(ref)s registered; it is in the werkvoorraad of %(team)s."
    ) % {"ref": household.reference, "team": episode.team.name})
    if can_view_household(staff, household):
        return redirect("web:household", reference=household.reference)
    return redirect("web:register")


def _register(staff: StaffProfile, form: RegistrationForm, **kwargs: Any) -> Episode:
    """The registration, the category of its signal text and the audit record: one transaction."""
    with transaction.atomic():
        episode = services.register(staff, form.registration_input(), **kwargs)
        record_step_privacy(staff, episode.household, episode.events.order_by("seq").first(),
                            category=form.cleaned_data.get("category") or "",
                            action="registration", fields="household, persons, registration")
    return episode


@casework_view
def register(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    existing = _existing(request, staff)
    if request.method != "POST":
        persons = None if existing else PersonFormSet(prefix=PREFIX)
        return _render(request, RegistrationForm(staff=staff), persons, existing)
    form = RegistrationForm(request.POST, staff=staff)
    persons = None if existing else PersonFormSet(request.POST, prefix=PREFIX)
    if persons is not None and "add_person" in request.POST:
        copy = unbound_copy(form, staff=staff)
        assert isinstance(copy, RegistrationForm)
        return _render(request, copy, persons.with_extra_row(), existing)
    if not form.is_valid() or (persons is not None and not persons.is_valid()):
        return _render(request, form, persons, existing, status=400)
    try:
        if existing is not None:
            episode = _register(staff, form, household=existing)
            return _done(request, staff, episode)
        assert persons is not None
        inputs = persons.person_inputs()
        visible = visible_households(staff)
        found = duplicates.find(inputs, visible, staff.municipality_id)
        chosen = request.POST.get("use_household")
        if chosen:
            household = visible.filter(reference=chosen, merged_into__isnull=True).first() or next(
                (h for h in found.archived if h.reference == chosen), None)
            if household is None:
                raise ValidationError(_("You cannot register on that household."))
            episode = _register(staff, form, household=household,
                                members=duplicates.new_members(inputs, household))
            return _done(request, staff, episode)
        if found.any and "confirm_new" not in request.POST:
            return _render(request, form, persons, existing, found)
        episode = _register(staff, form, household_name=form.cleaned_data["household_name"],
                            members=inputs)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return _render(request, form, persons, existing, status=400)
    return _done(request, staff, episode)


@casework_view
def short_contact(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    form = ShortContactForm(request.POST or None, staff=staff)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.record_short_contact(
                staff, team=d["team"], category=d["category"], source=d["source"],
                channel=d["channel"], note=d["note"], occurred_at=d["occurred_at"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Short contact recorded. No case was opened."))
            return redirect("web:short_contact")
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request, "web/short_contact.html",
        {"nav": "register", "form": form, "errors_summary": error_summary(form)},
        status=status,
    )
