"""Break-the-glass: the request (from the refusal page) and the review queue."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.people.models import Household
from schakel.privacy import glass
from schakel.privacy.access import is_privacy_officer, led_team_ids, log_read
from schakel.privacy.constants import Verdict
from schakel.privacy.forms import ReviewForm
from schakel.privacy.views.common import staff_view
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import add_service_errors
from schakel.web.forms.privacy import EmergencyForm
from schakel.web.permissions import no_access
from schakel.web.views.household import not_involved


@require_POST
@staff_view
def emergency_request(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    if not glass.may_request(staff):
        return no_access(request, staff)
    form = EmergencyForm(request.POST)
    if not form.is_valid():
        return not_involved(request, staff, request.POST.get("reference", ""), form)
    reference = form.cleaned_data["reference"]
    household = Household.objects.filter(reference=reference, merged_into__isnull=True).first()
    if household is None or household.team.municipality_id != staff.municipality_id:
        form.add_error(None, _("There is no household with reference %(ref)s.")
                       % {"ref": reference})
        return not_involved(request, staff, reference, form)
    try:
        grant = glass.request_access(staff, household, form.cleaned_data["reason"])
    except ValidationError as exc:
        add_service_errors(form, exc)
        return not_involved(request, staff, reference, form)
    messages.warning(request, _(
        "Emergency access granted until %(until)s. Your team leader and the privacy officer "
        "have been alerted and will review it."
    ) % {"until": timezone.localtime(grant.expires_at).strftime("%H:%M")})
    return redirect("web:household", reference=household.reference)


def _may_review(staff: StaffProfile) -> bool:
    return is_privacy_officer(staff) or bool(led_team_ids(staff))


@staff_view
def emergency_queue(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    if not _may_review(staff):
        return no_access(request, staff)
    grants = glass.queue(staff)
    pending = list(grants.filter(verdict=Verdict.PENDING).order_by("granted_at"))
    judged = list(grants.exclude(verdict=Verdict.PENDING).order_by("-reviewed_at")[:50])
    log_read(staff, "emergency_queue", fields="emergency accesses: staff, reasons",
             detail=f"pending={len(pending)} judged={len(judged)}")
    return render(request, "privacy/emergency_queue.html", {
        "nav": "review", "pending": [(g, ReviewForm(prefix=f"g{g.pk}")) for g in pending],
        "judged": judged,
    })


@require_POST
@staff_view
def emergency_review(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    if not _may_review(staff):
        return no_access(request, staff)
    grant = get_object_or_404(glass.queue(staff), pk=pk)
    form = ReviewForm(request.POST, prefix=f"g{grant.pk}")
    if form.is_valid():
        try:
            glass.review(grant, by=staff, verdict=form.cleaned_data["verdict"],
                         note=form.cleaned_data["note"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Your judgement has been recorded."))
            return redirect("privacy:emergency_queue")
    grants = glass.queue(staff)
    pending = [(g, form if g.pk == grant.pk else ReviewForm(prefix=f"g{g.pk}"))
               for g in grants.filter(verdict=Verdict.PENDING).order_by("granted_at")]
    return render(request, "privacy/emergency_queue.html", {
        "nav": "review", "pending": pending,
        "judged": list(grants.exclude(verdict=Verdict.PENDING).order_by("-reviewed_at")[:50]),
        "errors_summary": [("", m) for errs in form.errors.values() for m in errs],
    }, status=400)
