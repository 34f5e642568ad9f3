"""Signal lists and the norm administration page (thin views)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.cases.services import CaseError
from schakel.insight.access import led_teams
from schakel.norms.forms import ClosingDayForm, NormVersionForm
from schakel.norms.models import ClosingDay, Norm
from schakel.norms.queries import norm_book, team_signals
from schakel.norms.services import add_closing_day, add_norm_version
from schakel.privacy.access import log_read
from schakel.tenancy.constants import Role
from schakel.web.permissions import no_access, staff_of


@login_required
def team_signal_list(request: HttpRequest) -> HttpResponse:
    """The team leader's list of every overdue and due-soon deadline in the team."""
    staff = staff_of(request)
    teams = led_teams(staff) if staff else []
    if staff is None or not teams:
        return no_access(request, staff)
    sections = [(team, team_signals(team)) for team in teams]
    log_read(staff, "team_signals", detail=", ".join(t.name for t in teams))
    return render(request, "norms/team_signals.html",
                  {"sections": sections, "nav": "signals", "now": timezone.now()})


def _handle_post(request: HttpRequest, staff: object) -> HttpResponse | None:
    from schakel.tenancy.models import StaffProfile

    assert isinstance(staff, StaffProfile)
    if "norm_form" in request.POST:
        prefix = request.POST["norm_form"]
        form: NormVersionForm | ClosingDayForm = NormVersionForm(request.POST, prefix=prefix)
        if form.is_valid():
            d = form.cleaned_data
            try:
                add_norm_version(staff.municipality, d["code"], by=staff,
                                 valid_from=d["valid_from"], note=d["note"], length=d["length"],
                                 unit=d["unit"], extension_length=d["extension_length"])
            except CaseError as exc:
                messages.error(request, " ".join(exc.messages))
                return None
            messages.success(request, _("The new version of the norm has been saved."))
            return redirect("norms:admin")
    else:
        form = ClosingDayForm(request.POST)
        if form.is_valid():
            try:
                add_closing_day(staff.municipality, form.cleaned_data["date"],
                                form.cleaned_data["name"], by=staff)
            except CaseError as exc:
                messages.error(request, " ".join(exc.messages))
                return None
            messages.success(request, _("The closing day has been saved."))
            return redirect("norms:admin")
    problems = [f"{name}: {' '.join(str(e) for e in errs)}" for name, errs in form.errors.items()]
    messages.error(request, " ".join(problems))
    return None


@login_required
def norm_admin(request: HttpRequest) -> HttpResponse:
    """Norms in force today with their history; a new version applies from a date."""
    staff = staff_of(request)
    if staff is None or not staff.has_role(Role.ADMIN):
        return no_access(request, staff)
    if request.method == "POST":
        response = _handle_post(request, staff)
        if response is not None:
            return response
    today = timezone.localdate()
    book = norm_book(staff.municipality_id)
    rows = []
    for code in book.codes():
        current = book.in_force(code, today)
        if current is None:
            continue
        history = Norm.objects.filter(municipality=staff.municipality, code=code)
        rows.append({"norm": current, "history": history,
                     "form": NormVersionForm(prefix=code, initial={
                         "code": code, "valid_from": today, "length": current.length,
                         "unit": current.unit, "extension_length": current.extension_length})})
    closing = ClosingDay.objects.filter(municipality=staff.municipality, date__gte=today)
    return render(request, "norms/admin.html", {
        "rows": rows, "closing_days": closing, "closing_form": ClosingDayForm(), "nav": "norms",
    })
