"""Template context: the signed-in staff profile and which menu items they get."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from schakel.insight.access import may_see_figures
from schakel.tenancy.constants import Role
from schakel.web.permissions import is_team_leader, staff_of, works_with_persons


def staff(request: HttpRequest) -> dict[str, Any]:
    profile = staff_of(request)
    context: dict[str, Any] = {
        "staff_profile": profile,
        "works_with_persons": works_with_persons(profile),
        "menu_figures": False,
        "menu_signals": False,
        "menu_norms": False,
    }
    if profile is not None:
        context.update(
            menu_figures=may_see_figures(profile),
            menu_signals=is_team_leader(profile),
            menu_norms=profile.has_role(Role.ADMIN),
        )
    return context
