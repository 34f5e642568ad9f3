"""Who may see which household. The one place access to personal data is decided.

Current rule (foundation): a team member, team leader or behavioural scientist
sees the households of the teams they belong to; a front-door worker sees the
households whose registration they recorded; partner, policy and administrator
roles see no person at all. The privacy issue narrows this to involvement.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from schakel.people.models import Household
from schakel.privacy.models import AccessLog
from schakel.tenancy.constants import Role
from schakel.tenancy.models import StaffProfile

CASEWORK_ROLES = (Role.TEAM_MEMBER, Role.TEAM_LEADER, Role.BEHAVIOURAL_SCIENTIST)


def team_ids(staff: StaffProfile, roles: tuple[str, ...] = CASEWORK_ROLES) -> list[int]:
    return list(
        staff.memberships.filter(role__in=[str(r) for r in roles]).values_list(
            "team_id", flat=True
        )
    )


def visible_households(staff: StaffProfile) -> QuerySet[Household]:
    teams = team_ids(staff)
    front_door = Q(
        episodes__events__kind="registered", episodes__events__recorded_by=staff
    ) if staff.has_role(Role.FRONT_DOOR) else Q(pk__in=[])
    return Household.objects.filter(Q(team_id__in=teams) | front_door).distinct()


def can_view_household(staff: StaffProfile, household: Household) -> bool:
    return visible_households(staff).filter(pk=household.pk).exists()


def can_work_in_team(staff: StaffProfile, team_id: int) -> bool:
    return team_id in team_ids(staff)


def log_read(
    staff: StaffProfile,
    action: str,
    *,
    household: Household | None = None,
    purpose: str = "",
    detail: str = "",
) -> None:
    """Record a read of personal data (household page, search results, export)."""
    AccessLog.objects.create(
        staff=staff, household=household, action=action, purpose=purpose, detail=detail[:300]
    )
