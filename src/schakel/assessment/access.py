"""Who may read and who may record a household's needs analysis and plan.

Reading follows privacy.access (the one place that decides access to personal
data); recording is for the casework roles of the team that handles the
household, as on the household page.
"""

from __future__ import annotations

from schakel.people.models import Household
from schakel.privacy.access import can_view_household
from schakel.tenancy.constants import Role
from schakel.tenancy.models import StaffProfile

CASEWORK_ROLES = (Role.TEAM_MEMBER, Role.TEAM_LEADER, Role.BEHAVIOURAL_SCIENTIST)


def works_in_team(staff: StaffProfile, team_id: int) -> bool:
    return staff.memberships.filter(
        team_id=team_id, role__in=[str(r) for r in CASEWORK_ROLES]
    ).exists()


def may_read(staff: StaffProfile, household: Household) -> bool:
    return can_view_household(staff, household)


def may_record(staff: StaffProfile, household: Household) -> bool:
    return may_read(staff, household) and works_in_team(staff, household.team_id)
