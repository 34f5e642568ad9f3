"""Sociale kaart pages: public search and JSON, staff upkeep, linking from the plan, districts."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.assessment.access import may_record
from schakel.assessment.views import household_for
from schakel.privacy.access import led_team_ids, log_read, team_ids
from schakel.socialmap import queries, services
from schakel.socialmap.forms import ContactForm, LinkForm, OfferForm, OrganisationForm, SearchForm
from schakel.socialmap.models import ActivityLink, DistrictProfile, MapOrganisation, Offer
from schakel.tenancy.constants import TEAM_ROLES, Role
from schakel.tenancy.models import District, Municipality, StaffProfile
from schakel.web.forms.base import add_service_errors, error_summary
from schakel.web.permissions import no_access, staff_of, works_with_persons

StaffView = Callable[..., HttpResponse]


def keeper_view(view: StaffView) -> StaffView:
    """Team roles and functional administrators keep the map current."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        staff = staff_of(request)
        if staff is None or not (works_with_persons(staff) or staff.has_role(Role.ADMIN)):
            return no_access(request, staff)
        return view(request, staff, *args, **kwargs)

    return wrapper


def figures_view(view: StaffView) -> StaffView:
    """Any staff account: district pages hold aggregates with small cells suppressed."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        staff = staff_of(request)
        if staff is None:
            return no_access(request, staff)
        return view(request, staff, *args, **kwargs)

    return wrapper


def _municipality(request: HttpRequest) -> Municipality | None:
    staff = staff_of(request)
    if staff is not None:
        return staff.municipality
    code = request.GET.get("gemeente", "")
    found = Municipality.objects.filter(cbs_code=code).first() if code else None
    return found or Municipality.objects.order_by("pk").first()


def _search(request: HttpRequest) -> tuple[SearchForm, list[Offer], Municipality | None]:
    municipality = _municipality(request)
    form = SearchForm(request.GET or None, municipality_id=municipality.pk if municipality
                      else None)
    if municipality is None:
        return form, [], None
    criteria: dict[str, Any] = {}
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        criteria = {"need": d["need"], "district": d["district"],
                    "target_group": d["target_group"], "text": d["q"].strip()}
    offers = list(queries.search(municipality.pk, **criteria).prefetch_related(
        "provider__contacts"))
    return form, offers, municipality


def public(request: HttpRequest) -> HttpResponse:
    """For residents, without login: what there is, where, when, for whom, at what cost."""
    form, offers, municipality = _search(request)
    return render(request, "socialmap/public.html", {
        "nav": "socialmap", "form": form, "municipality": municipality,
        "rows": [queries.public_offer(o) for o in offers]})


def public_json(request: HttpRequest) -> JsonResponse:
    form, offers, municipality = _search(request)
    if form.is_bound and not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    return JsonResponse({"municipality": municipality.name if municipality else None,
                         "offers": [queries.public_offer(o) for o in offers]})


@keeper_view
def manage(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    entries = MapOrganisation.objects.filter(municipality_id=staff.municipality_id) \
        .select_related("keeper").prefetch_related("offers")
    teams = team_ids(staff, tuple(TEAM_ROLES)) or led_team_ids(staff)
    since = timezone.now() - dt.timedelta(days=365)
    return render(request, "socialmap/manage.html", {
        "nav": "socialmap", "entries": entries,
        "due": {e.pk for e in entries if queries.due_for_check(e.last_verified)},
        "counts": queries.links_per_organisation(teams, since)})


def _entry(staff: StaffProfile, pk: int) -> MapOrganisation:
    return get_object_or_404(MapOrganisation, pk=pk, municipality_id=staff.municipality_id)


@keeper_view
def organisation(request: HttpRequest, staff: StaffProfile, pk: int | None = None
                 ) -> HttpResponse:
    entry = _entry(staff, pk) if pk else MapOrganisation(last_verified=timezone.localdate())
    form = OrganisationForm(request.POST or None, instance=entry)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_organisation(form.instance, by=staff)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved; marked as verified today."))
            return redirect("socialmap:organisation", pk=saved.pk)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "socialmap/organisation.html", {
        "nav": "socialmap", "entry": entry if pk else None, "form": form,
        "contact_form": ContactForm(), "errors_summary": error_summary(form)}, status=status)


@keeper_view
def contact_new(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    entry = _entry(staff, pk)
    form = ContactForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.provider = entry
        try:
            services.save_contact(form.instance, by=staff)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Contact added."))
            return redirect("socialmap:organisation", pk=entry.pk)
    return render(request, "socialmap/organisation.html", {
        "nav": "socialmap", "entry": entry, "form": OrganisationForm(instance=entry),
        "contact_form": form, "errors_summary": error_summary(form)},
        status=400 if form.is_bound else 200)


@keeper_view
def offer(request: HttpRequest, staff: StaffProfile, pk: int | None = None,
          organisation_pk: int | None = None) -> HttpResponse:
    if pk:
        item = get_object_or_404(Offer, pk=pk, provider__municipality_id=staff.municipality_id)
    else:
        assert organisation_pk is not None
        item = Offer(provider=_entry(staff, organisation_pk), last_verified=timezone.localdate())
    form = OfferForm(request.POST or None, instance=item, municipality_id=staff.municipality_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_offer(form.instance, by=staff)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Saved; marked as verified today."))
            return redirect("socialmap:organisation", pk=item.provider_id)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "socialmap/offer.html", {
        "nav": "socialmap", "offer": item, "form": form,
        "errors_summary": error_summary(form)}, status=status)


@keeper_view
def link(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    """From the plan: link the household, or one member, to a service or activity."""
    household = household_for(staff, reference)
    writable = may_record(staff, household)
    search, offers, _m = _search(request)
    form = LinkForm(request.POST or None, household=household,
                    offers=queries.search(staff.municipality_id))
    if request.method == "POST" and writable and form.is_valid():
        d = form.cleaned_data
        try:
            services.link_activity(household, d["offer"], by=staff, person=d["person"],
                                   note=d["note"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Linked to %(offer)s.") % {"offer": d["offer"].title})
            return redirect("socialmap:link", reference=reference)
    log_read(staff, "activity_links", household=household, fields="activity links")
    links = ActivityLink.objects.filter(household=household).select_related(
        "offer__provider", "person", "linked_by")
    return render(request, "socialmap/link.html", {
        "nav": "socialmap", "household": household, "search": search, "offers": offers,
        "form": form, "links": links, "may_record": writable,
        "errors_summary": error_summary(form)},
        status=400 if form.is_bound and form.errors else 200)


@figures_view
def districts(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    profiles = (DistrictProfile.objects.filter(district__municipality_id=staff.municipality_id)
                .select_related("district"))
    return render(request, "socialmap/districts.html",
                  {"nav": "districts", "profiles": profiles})


@figures_view
def district(request: HttpRequest, staff: StaffProfile, code: str) -> HttpResponse:
    place = get_object_or_404(District, cbs_code=code, municipality_id=staff.municipality_id)
    profiles = list(DistrictProfile.objects.filter(district=place).order_by("-year"))
    return render(request, "socialmap/district.html", {
        "nav": "districts", "district": place, "profile": profiles[0] if profiles else None,
        "earlier": profiles[1:], "figures": queries.case_figures(place),
        "teams": place.parent.team_set.all() if place.parent else place.team_set.all()})
