"""Who may set goals for a minor, and who may sign a plan.

Youth work requires a valid SKJ or BIG registration, so goals for a member
under 18 are set only by staff with one. A plan is signed by a team leader of
the episode's unit in the episode's team: a leader on the adults side may not
sign a youth plan unless they also hold a (deputy) leader membership on the
youth unit.
"""

from __future__ import annotations

import datetime as dt

from django.utils.translation import gettext as _

from schakel.cases.models import Episode
from schakel.people.constants import HouseholdRole
from schakel.people.models import Household, Person
from schakel.tenancy.constants import Role, UnitKind
from schakel.tenancy.models import StaffProfile


def is_minor(person: Person, household: Household, today: dt.date) -> bool:
    """Under 18 on ``today``; a child of the household without a birth date counts as one."""
    age = person.age_on(today)
    if age is not None:
        return person.is_youth_on(today)
    return household.members.filter(person=person, role=HouseholdRole.CHILD).exists()


def goal_for_minor_refusal(
    staff: StaffProfile, person: Person | None, household: Household, today: dt.date
) -> str | None:
    """Why ``staff`` may not set this goal, or None when they may."""
    if person is None or not is_minor(person, household, today):
        return None
    if staff.registration_valid_on(today):
        return None
    return _(
        "%(person)s is a minor: only staff with a valid SKJ or BIG registration set goals "
        "for a minor. Ask a colleague from the youth unit."
    ) % {"person": person.full_name}


def may_sign(staff: StaffProfile, episode: Episode) -> bool:
    return staff.memberships.filter(
        team_id=episode.team_id, role=Role.TEAM_LEADER, unit__kind=episode.unit
    ).exists()


def sign_refusal(staff: StaffProfile, episode: Episode) -> str | None:
    if may_sign(staff, episode):
        return None
    return _(
        "Only a team leader of the %(unit)s unit of %(team)s, or their deputy, may sign this "
        "plan."
    ) % {"unit": UnitKind(episode.unit).label.lower(), "team": episode.team.name}
