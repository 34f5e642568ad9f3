"""Who may use the casework pages. Access to a household itself is privacy.access's call."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from schakel.privacy.access import team_ids
from schakel.tenancy.constants import TEAM_ROLES, Role
from schakel.tenancy.models import StaffProfile, Team

StaffView = Callable[..., HttpResponse]


def staff_of(request: HttpRequest) -> StaffProfile | None:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    return getattr(user, "staff", None)


def works_with_persons(staff: StaffProfile | None) -> bool:
    """Team roles work with residents' records; partner, policy and admin roles never do."""
    if staff is None:
        return False
    wanted = {str(role) for role in TEAM_ROLES}
    return bool(wanted & {str(r) for r in staff.roles}) or staff.memberships.filter(
        role__in=wanted
    ).exists()


def default_team(staff: StaffProfile) -> Team | None:
    ids = team_ids(staff, tuple(TEAM_ROLES))
    return Team.objects.filter(pk__in=ids).order_by("name").first()


def no_access(request: HttpRequest, staff: StaffProfile | None, status: int = 403) -> HttpResponse:
    roles = sorted(
        {str(r) for r in staff.roles} | set(staff.memberships.values_list("role", flat=True))
    ) if staff else []
    return render(
        request,
        "web/no_access.html",
        {
            "roles": [Role(r).label for r in roles if r in Role.values],
            "is_partner": "partner" in roles,
            "is_policy": "policy" in roles,
            "is_admin": "admin" in roles,
            "is_privacy_officer": "privacy_officer" in roles,
        },
        status=status,
    )


def casework_view(view: StaffView) -> Callable[..., HttpResponse]:
    """Login required, and a staff profile with a team role; passes ``staff`` to the view."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        staff = staff_of(request)
        if staff is None or not works_with_persons(staff):
            return no_access(request, staff)
        return view(request, staff, *args, **kwargs)

    return wrapper


def is_team_leader(staff: StaffProfile) -> bool:
    return staff.has_role(Role.TEAM_LEADER)
