"""The functional administrator's instrument pages: list, revise, add, read a version."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from schakel.assessment import definitions, queries, services
from schakel.assessment.forms import DefinitionForm
from schakel.assessment.models import Instrument, InstrumentVersion
from schakel.cases.services import CaseError
from schakel.tenancy.constants import Role
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import add_service_errors, error_summary
from schakel.web.permissions import no_access, staff_of


def admin_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Login required and the functional administrator role; passes ``staff``."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        staff = staff_of(request)
        if staff is None or not staff.has_role(Role.ADMIN):
            return no_access(request, staff)
        return view(request, staff, *args, **kwargs)

    return wrapper


@admin_view
def instrument_list(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    rows = []
    for instrument in queries.instruments_of(staff.municipality_id):
        versions = list(queries.versions_of(instrument, staff.municipality_id)
                        .select_related("created_by"))
        current = queries.current_version(instrument, staff.municipality_id)
        rows.append({"instrument": instrument, "current": current, "versions": versions})
    return render(request, "assessment/admin_list.html", {"rows": rows, "nav": "instruments"})


def _definition_page(
    request: HttpRequest, staff: StaffProfile, *, instrument: Instrument | None,
    start: str,
) -> HttpResponse:
    form = DefinitionForm(request.POST or None, initial={"definition": start})
    if request.method == "POST" and form.is_valid():
        try:
            if instrument is None:
                version = services.add_instrument(form.cleaned_data["definition"], by=staff,
                                                  note=form.cleaned_data["note"])
            else:
                version = services.revise_instrument(
                    instrument, form.cleaned_data["definition"], by=staff,
                    note=form.cleaned_data["note"],
                )
        except CaseError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Version %(number)d of %(name)s has been saved; new "
                                        "measurements use it.")
                             % {"number": version.number, "name": version.name})
            return redirect("assessment:admin_list")
    return render(request, "assessment/admin_edit.html", {
        "form": form, "instrument": instrument, "nav": "instruments",
        "errors_summary": error_summary(form),
    }, status=400 if form.is_bound and form.errors else 200)


@admin_view
def revise(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    instrument = get_object_or_404(queries.instruments_of(staff.municipality_id), pk=pk)
    current = queries.current_version(instrument, staff.municipality_id)
    if current is None:
        raise Http404
    return _definition_page(request, staff, instrument=instrument,
                            start=definitions.to_text(current))


@admin_view
def add(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    example = InstrumentVersion.objects.filter(
        municipality__isnull=True, instrument__code="zrm"
    ).order_by("-number").first()
    start = definitions.to_text(example).replace('"zrm"', '"nieuw"', 1) if example else "{}"
    return _definition_page(request, staff, instrument=None, start=start)


@admin_view
def version_detail(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    version = get_object_or_404(
        InstrumentVersion.objects.filter(instrument__in=queries.instruments_of(
            staff.municipality_id)), pk=pk)
    if version.municipality_id not in (None, staff.municipality_id):
        raise Http404
    return render(request, "assessment/admin_version.html", {
        "version": queries.version_with_definition(version.pk),
        "definition": definitions.to_text(version), "nav": "instruments",
    })
