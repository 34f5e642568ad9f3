"""Data-subject rights: find a person, their inzage export, corrections, objections."""

from __future__ import annotations

import json
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.people.models import Person
from schakel.privacy import inzage, rights
from schakel.privacy.access import log_read
from schakel.privacy.forms import CorrectionForm, HandleForm, ObjectionForm, PersonSearchForm
from schakel.privacy.models import Consent, CorrectionRequest, Objection, SensitiveFlag
from schakel.privacy.queries import find_persons
from schakel.privacy.views.common import officer_view
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import error_summary, submit


def _person(staff: StaffProfile, pk: int) -> Person:
    return get_object_or_404(
        Person.objects.filter(memberships__household__team__municipality=staff.municipality)
        .distinct(), pk=pk)


@officer_view
def persons(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    form = PersonSearchForm(request.POST if request.method == "POST" else None)
    context: dict[str, Any] = {"nav": "privacy", "form": form}
    status = 200
    if form.is_bound and form.is_valid():
        found = list(find_persons(staff.municipality, form.cleaned_data["q"])[:50])
        log_read(staff, "person_search", fields="names, birth dates",
                 purpose="data-subject rights", detail=str(len(found)))
        context.update(found=found, searched=True)
    elif form.is_bound:
        status = 400
    context["errors_summary"] = error_summary(form)
    return render(request, "privacy/persons.html", context, status=status)


def _person_page(request: HttpRequest, staff: StaffProfile, person: Person,
                 status: int = 200, **forms: Any) -> HttpResponse:
    log_read(staff, "person_rights_view", person=person, purpose="data-subject rights",
             fields="identity, rights requests, consents")
    corrections = list(CorrectionRequest.objects.filter(person=person))
    objections = list(Objection.objects.filter(person=person))
    context: dict[str, Any] = {
        "nav": "privacy", "person": person,
        "households": person.memberships.select_related("household", "household__team"),
        "consents": Consent.objects.filter(person=person).select_related("recipient"),
        "flags": SensitiveFlag.objects.filter(person=person, ended_at__isnull=True),
        "corrections": [(c, forms.get(f"c{c.pk}") or HandleForm(prefix=f"c{c.pk}"))
                        for c in corrections],
        "objections": [(o, forms.get(f"o{o.pk}") or HandleForm(prefix=f"o{o.pk}"))
                       for o in objections],
        "correction_form": forms.get("correction") or CorrectionForm(prefix="correction"),
        "objection_form": forms.get("objection") or ObjectionForm(prefix="objection"),
        "errors_summary": error_summary(*forms.values()),
    }
    return render(request, "privacy/person.html", context, status=status)


@officer_view
def person(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    return _person_page(request, staff, _person(staff, pk))


@require_POST
@officer_view
def correction(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    item = _person(staff, pk)
    form = CorrectionForm(request.POST, prefix="correction")
    if submit(request, form, lambda d: rights.request_correction(
            item, by=staff, request=d["request"]), _("Correction request recorded.")):
        return redirect("privacy:person", pk=item.pk)
    return _person_page(request, staff, item, status=400, correction=form)


@require_POST
@officer_view
def handle_correction(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    item = get_object_or_404(CorrectionRequest, pk=pk)
    person_ = _person(staff, item.person_id)
    form = HandleForm(request.POST, prefix=f"c{item.pk}")
    if submit(request, form, lambda d: rights.handle_correction(
            item, by=staff, status=d["status"], response=d["response"]),
            _("The handling of the correction request is recorded.")):
        return redirect("privacy:person", pk=person_.pk)
    return _person_page(request, staff, person_, status=400, **{f"c{item.pk}": form})


@require_POST
@officer_view
def objection(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    item = _person(staff, pk)
    form = ObjectionForm(request.POST, prefix="objection")
    if submit(request, form, lambda d: rights.object_to_processing(
            item, by=staff, purpose=d["purpose"], grounds=d["grounds"]),
            _("Objection recorded.")):
        return redirect("privacy:person", pk=item.pk)
    return _person_page(request, staff, item, status=400, objection=form)


@require_POST
@officer_view
def decide_objection(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    item = get_object_or_404(Objection, pk=pk)
    person_ = _person(staff, item.person_id)
    form = HandleForm(request.POST, prefix=f"o{item.pk}")
    if submit(request, form, lambda d: rights.decide_objection(
            item, by=staff, status=d["status"], decision=d["response"]),
            _("The decision on the objection is recorded.")):
        return redirect("privacy:person", pk=person_.pk)
    return _person_page(request, staff, person_, status=400, **{f"o{item.pk}": form})


@officer_view
def inzage_page(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    """A readable page to print or save as PDF for the person."""
    item = _person(staff, pk)
    export = inzage.collect(item)
    log_read(staff, "inzage_export", person=item, purpose="data-subject right of access",
             fields="everything held about the person (html)")
    return render(request, "privacy/inzage.html", {"inzage": export, "person": item})


@officer_view
def inzage_json(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    item = _person(staff, pk)
    export = inzage.collect(item)
    log_read(staff, "inzage_export", person=item, purpose="data-subject right of access",
             fields="everything held about the person (json)")
    response = HttpResponse(json.dumps(export.as_json(), ensure_ascii=False, indent=1),
                            content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="inzage-{item.pk}.json"'
    return response
