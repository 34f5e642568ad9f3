"""Rows in the models of the assessment and plans apps, for the world's household.

The inzage and authorisation tests need every kind of data the product holds
about a person; these build the kinds those apps hold, through their services.
"""

from __future__ import annotations

import datetime as dt

from schakel.assessment import services as assessment
from schakel.assessment.constants import NEEDS_ANALYSIS
from schakel.assessment.definitions import install_shipped
from schakel.assessment.services import MODELS
from schakel.cases import services as cases
from schakel.plans import services as plans
from schakel.plans.constants import Influence, NetworkKind
from schakel.plans.services import NetworkInput
from tests.api.builders import build as api_rows
from tests.assessment.fixtures import core_answers, skip_all, version_of
from tests.decisions.builders import build as decision_rows
from tests.plans.helpers import agree_and_sign, draft_with_goal
from tests.socialmap.builders import build as socialmap_rows
from tests.tables.builders import build as table_rows


def build(world) -> dict[str, object]:
    """A needs analysis with a skipped part, a safety check, a signed plan, network, referral."""
    install_shipped(MODELS)
    household, director = world.household, world["director"]
    world.episode.refresh_from_db()
    if world.episode.state == "waiting":
        cases.start_help(world.episode, by=director)
    version = version_of(NEEDS_ANALYSIS, household.team.municipality_id)
    measurement = assessment.record_measurement(
        household, world.sanne, version, by=director, assessor=director,
        taken_on=dt.date.today(), answers=core_answers(version), skips=skip_all(version))
    check = assessment.plan_safety_check(world.episode, by=director, due_on=dt.date.today(),
                                         reason="Nieuwe partner in huis")
    plan = draft_with_goal(household, director, person_name="Sanne")
    agree_and_sign(plan, director, world["leader"])
    entry = plans.add_network_entry(household, NetworkInput(
        kind=NetworkKind.PERSON, name="Oma Ria", role="oma", influence=Influence.SUPPORTS,
        related_to=world.mila), by=director)
    referral = plans.request_specialist_referral(
        household, by=director, care="youth", provider="Jeugdzorg Zuid",
        reason="Traumabehandeling")
    goal = plan.goals.first()
    return {"measurement": measurement, "check": check, "plan": plan, "goal": goal,
            "action": goal.actions.first() if goal else None, "entry": entry,
            "referral": referral, **decision_rows(world), **table_rows(world),
            **socialmap_rows(world), **api_rows(world)}
