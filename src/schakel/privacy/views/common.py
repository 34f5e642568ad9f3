"""Who may use the privacy pages."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from schakel.privacy.access import is_privacy_officer
from schakel.tenancy.constants import Role
from schakel.tenancy.models import StaffProfile
from schakel.web.permissions import no_access, staff_of

StaffView = Callable[..., HttpResponse]


def _gate(allowed: Callable[[StaffProfile], bool]) -> Callable[[StaffView], StaffView]:
    def decorator(view: StaffView) -> StaffView:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            staff = staff_of(request)
            if staff is None or not allowed(staff):
                return no_access(request, staff)
            return view(request, staff, *args, **kwargs)

        return wrapper

    return decorator


officer_view = _gate(is_privacy_officer)
partner_view = _gate(lambda staff: staff.has_role(Role.PARTNER))
staff_view = _gate(lambda staff: True)
