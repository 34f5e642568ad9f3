"""The start page: casework users go to their caseload, others learn what they can do."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from schakel.web.permissions import no_access, staff_of, works_with_persons


@login_required
def home(request: HttpRequest) -> HttpResponse:
    staff = staff_of(request)
    if works_with_persons(staff):
        return redirect("web:caseload")
    return no_access(request, staff, status=200)
