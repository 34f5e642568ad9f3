"""A referral to specialist care without a current plan is refused with a clear message."""

from __future__ import annotations

import pytest
from django.urls import reverse

from schakel.cases.constants import EventKind
from schakel.cases.models import Event
from schakel.cases.services import CaseError
from schakel.plans import services
from schakel.plans.models import SpecialistReferral
from tests.plans.helpers import agree_and_sign, draft_with_goal

pytestmark = pytest.mark.django_db


def refer(household, by):
    return services.request_specialist_referral(
        household, by=by, care="youth", provider="Jeugdzorg Zuid", reason="Traumabehandeling")


def test_a_specialist_referral_without_a_plan_is_refused(active_episode, worker):
    with pytest.raises(CaseError) as caught:
        refer(active_episode.household, worker)
    assert "needs a current support plan" in caught.value.messages[0]
    assert "Draft the plan, agree it with the resident and have it signed" in \
        caught.value.messages[0]
    assert not SpecialistReferral.objects.exists()
    assert not Event.objects.filter(kind=EventKind.SCALED_UP).exists()


def test_a_draft_plan_is_not_enough_and_the_message_says_what_is_missing(
    active_episode, worker,
):
    draft_with_goal(active_episode.household, worker)
    with pytest.raises(CaseError, match="still lacks the resident's agreement and a team "
                                        "leader's signature"):
        refer(active_episode.household, worker)


def test_with_a_current_plan_the_referral_is_requested_and_scaling_up_recorded(
    active_episode, worker, youth_leader,
):
    version = agree_and_sign(draft_with_goal(active_episode.household, worker), worker,
                             youth_leader)
    assert services.require_current_plan(active_episode.household) == version
    referral = refer(active_episode.household, worker)
    assert referral.plan_version == version
    event = Event.objects.get(kind=EventKind.SCALED_UP)
    assert event.data["referral"] == referral.external_id


def test_the_plan_page_shows_the_refusal(active_episode, worker, login):
    url = reverse("plans:plan", args=[active_episode.household.reference])
    response = login(worker).post(url, {
        "action": "referral", "referral-care": "youth", "referral-reason": "Behandeling"})
    assert response.status_code == 400
    assert "heeft een actueel ondersteuningsplan nodig" in response.content.decode()
