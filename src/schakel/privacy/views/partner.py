"""What a partner organisation may see: only what a basis allows, each view logged.

A partner user sees the persons who consented to sharing with their
organisation, and of each person only the categories a basis covers. A
withdrawn consent stops the next disclosure; the page then says which basis is
missing.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from schakel.people.models import Person
from schakel.privacy.access import log_read
from schakel.privacy.bases import DisclosureRefused, allowed_categories, check_disclosure
from schakel.privacy.constants import DataCategory, Purpose
from schakel.privacy.disclosure import disclosed
from schakel.privacy.models import Consent
from schakel.privacy.pseudonyms import pseudonym
from schakel.privacy.views.common import partner_view
from schakel.tenancy.models import StaffProfile


@partner_view
def shared(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    now = timezone.now()
    consents = [c for c in Consent.objects.filter(recipient=staff.organisation)
                .select_related("person").order_by("person__family_name", "purpose")
                if c.valid_at(now)]
    rows = []
    for consent in consents:
        named = DataCategory.IDENTITY in consent.categories
        rows.append({"consent": consent, "named": named,
                     "pseudonym": pseudonym(f"org-{staff.organisation_id}", consent.person)})
    log_read(staff, "shared_list", fields="names of persons who consented",
             purpose=f"consents to {staff.organisation.name}", detail=f"n={len(rows)}")
    return render(request, "privacy/shared.html", {"nav": "shared", "rows": rows})


@partner_view
def shared_person(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    person = get_object_or_404(Person, pk=pk)
    purpose = request.GET.get("doel", "")
    if purpose not in Purpose.values:
        purpose = next(iter(Consent.objects.filter(person=person, recipient=staff.organisation)
                            .values_list("purpose", flat=True)), Purpose.REFERRAL.value)
    categories = allowed_categories(person, staff.organisation, purpose)
    wanted = categories or {DataCategory.IDENTITY.value}
    context: dict[str, Any] = {"nav": "shared", "purpose": Purpose(purpose).label}
    try:
        basis = check_disclosure(person, staff.organisation, purpose, wanted)
    except DisclosureRefused as refusal:
        log_read(staff, "disclosure_refused", person=person, purpose=purpose,
                 fields=",".join(sorted(wanted)), detail=refusal.public_message[:300])
        context["refusal"] = refusal.public_message
        return render(request, "privacy/shared_person.html", context, status=403)
    view = disclosed(person, categories)
    log_read(staff, "disclosure", person=person, purpose=str(basis),
             fields="categories: " + ",".join(sorted(view.categories)))
    context.update(basis=basis, view=view)
    return render(request, "privacy/shared_person.html", context)
