"""Who may see which figures: team leaders their own teams, policy the municipality.

Figures pages show counts only, never persons, so the policy role may use
them; the team signal list names households and is for team leaders only.
"""

from __future__ import annotations

from schakel.tenancy.constants import Role
from schakel.tenancy.models import StaffProfile, Team


def led_teams(staff: StaffProfile) -> list[Team]:
    return list(
        Team.objects.filter(
            memberships__staff=staff, memberships__role=Role.TEAM_LEADER
        ).distinct().order_by("name")
    )


def figure_teams(staff: StaffProfile) -> list[Team] | None:
    """Teams whose figures ``staff`` may see; ``None`` means the whole municipality."""
    if staff.has_role(Role.POLICY) or staff.has_role(Role.ADMIN):
        return None
    return led_teams(staff)


def may_see_figures(staff: StaffProfile | None) -> bool:
    if staff is None:
        return False
    return figure_teams(staff) != []
