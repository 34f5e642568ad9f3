"""Building plans in tests through the services, as the pages do."""

from __future__ import annotations

import datetime as dt

from schakel.plans import services
from schakel.plans.constants import AgreementMethod, Resource
from schakel.plans.services import ActionInput, GoalInput
from tests.assessment.fixtures import member

EVALUATE = dt.date(2027, 1, 15)


def draft_with_goal(household, by, *, person_name="Sanne", note="Intern: let op beslag"):
    version = services.new_version(household, by=by)
    person = member(household, person_name) if person_name else None
    goal = services.add_goal(version, GoalInput(
        life_area="finances", text="Schulden op een rij", person=person,
        internal_note=note), by=by)
    services.add_action(goal, ActionInput(
        text="Aanmelden bij schuldhulpmaatje", resource=Resource.VOLUNTEER,
        owner="Sanne met vrijwilliger", evaluate_on=EVALUATE,
        internal_note="Intern: ex-partner dreigt"), by=by)
    return version


def agree_and_sign(version, worker, leader):
    services.record_agreement(version, by=worker, agreed_on=dt.date.today(),
                              how=AgreementMethod.IN_PERSON)
    return services.sign(version, by=leader)
