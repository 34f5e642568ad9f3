"""Template context: the signed-in staff profile, if any."""

from __future__ import annotations

from django.http import HttpRequest

from schakel.tenancy.models import StaffProfile


def staff(request: HttpRequest) -> dict[str, StaffProfile | None]:
    user = getattr(request, "user", None)
    profile = getattr(user, "staff", None) if user and user.is_authenticated else None
    return {"staff_profile": profile}
