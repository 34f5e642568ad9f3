"""Erasing a household (privacy retention) takes its analysis, plan and network with it."""

from __future__ import annotations

import datetime as dt

import pytest

from schakel.assessment import services as assessment_services
from schakel.assessment.constants import ZRM
from schakel.assessment.models import Measurement
from schakel.plans import services
from schakel.plans.constants import Influence
from schakel.plans.models import NetworkEntry, PlanVersion, SpecialistReferral, SupportPlan
from schakel.plans.services import NetworkInput
from tests.assessment.fixtures import core_answers, member, version_of
from tests.plans.helpers import agree_and_sign, draft_with_goal

pytestmark = pytest.mark.django_db


def test_deleting_a_household_and_its_people_leaves_nothing_behind(
    active_episode, worker, youth_leader, municipality,
):
    household = active_episode.household
    version = version_of(ZRM, municipality.pk)
    assessment_services.record_measurement(
        household, member(household, "Sanne"), version, by=worker, assessor=worker,
        taken_on=dt.date(2026, 10, 1), answers=core_answers(version))
    services.add_network_entry(household, NetworkInput(
        kind="person", name="Oma", role="oma", influence=Influence.SUPPORTS), by=worker)
    agree_and_sign(draft_with_goal(household, worker), worker, youth_leader)
    services.request_specialist_referral(household, by=worker, care="youth", reason="Nodig")
    persons = [m.person for m in household.members.all()]
    household.delete()
    for person in persons:
        person.delete()
    for model in (Measurement, SupportPlan, PlanVersion, NetworkEntry, SpecialistReferral):
        assert not model.objects.exists(), model
