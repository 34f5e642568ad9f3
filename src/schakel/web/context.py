"""Template context: the signed-in staff profile and which menu items they get."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from schakel.insight.access import may_see_figures
from schakel.privacy.access import is_privacy_officer
from schakel.privacy.glass import pending_count
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
        "menu_privacy": False,
        "menu_review": False,
        "menu_shared": False,
        "pending_reviews": 0,
    }
    if profile is not None:
        leader = is_team_leader(profile)
        officer = is_privacy_officer(profile)
        context.update(
            menu_figures=may_see_figures(profile),
            menu_signals=leader,
            menu_norms=profile.has_role(Role.ADMIN),
            menu_privacy=officer,
            menu_review=leader or officer,
            menu_shared=profile.has_role(Role.PARTNER),
            pending_reviews=pending_count(profile) if leader or officer else 0,
        )
    return context
