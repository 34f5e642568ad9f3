"""The plan page: draft, goals, actions, agreement and sign-off through the forms."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from schakel.plans.constants import VersionStatus
from schakel.plans.models import PlanVersion
from tests.assessment.fixtures import member
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db


def test_a_plan_is_drafted_agreed_and_signed_through_the_page(
    active_episode, worker, youth_leader, login,
):
    household = active_episode.household
    url = reverse("plans:plan", args=[household.reference])
    client = login(worker)
    assert "Plan opstellen" in client.get(url).content.decode()
    assert client.post(url, {"action": "new"}).status_code == 302
    response = client.post(url, {
        "action": "goal", "goal-life_area": "parenting",
        "goal-person": str(member(household, "Mila").pk), "goal-text": "Mila gaat elke dag "
        "naar school", "goal-internal_note": "Schoolverzuim gemeld door leerplicht"})
    assert response.status_code == 302
    goal = PlanVersion.objects.get().goals.get()
    response = client.post(url, {
        "action": f"action:{goal.pk}", f"action-{goal.pk}-text": "Wekker en vaste ochtend",
        f"action-{goal.pk}-resource": "own_strength", f"action-{goal.pk}-owner": "Sanne",
        f"action-{goal.pk}-evaluate_on": "2027-01-10", f"action-{goal.pk}-status": "planned"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Wekker en vaste ochtend" in page and "Eigen kracht" in page
    assert "Plan aftekenen" not in page  # a team member does not get the button
    assert client.post(url, {"action": "agree", "agree-agreed_on": dt.date.today().isoformat(),
                             "agree-how": "in_person"}).status_code == 302

    leader_page = login(youth_leader).get(url).content.decode()
    assert "Plan aftekenen" in leader_page
    assert login(youth_leader).post(url, {"action": "sign"}).status_code == 302
    assert PlanVersion.objects.get().status == VersionStatus.CURRENT


def test_an_incomplete_action_comes_back_with_its_errors(active_episode, worker, login):
    household = active_episode.household
    url = reverse("plans:plan", args=[household.reference])
    client = login(worker)
    client.post(url, {"action": "new"})
    client.post(url, {"action": "goal", "goal-life_area": "housing", "goal-text": "Woning"})
    goal = PlanVersion.objects.get().goals.get()
    response = client.post(url, {"action": f"action:{goal.pk}", f"action-{goal.pk}-text": "X"})
    assert response.status_code == 400
    assert 'class="error-summary"' in response.content.decode()


def test_the_adult_units_leader_sees_why_they_cannot_sign(
    active_episode, worker, leader, login,
):
    from tests.plans.helpers import draft_with_goal

    draft_with_goal(active_episode.household, worker)
    url = reverse("plans:plan", args=[active_episode.household.reference])
    response = login(leader).post(url, {"action": "sign"}, follow=True)
    assert "Alleen een teamleider van de unit jeugd en gezin" in response.content.decode()


def test_another_team_does_not_see_the_plan(active_episode, municipality, other_team, login):
    outsider = make_staff(municipality, other_team, "west")
    for name in ("plans:plan", "plans:network", "plans:resident", "plans:resident_pdf"):
        url = reverse(name, args=[active_episode.household.reference])
        assert login(outsider).get(url).status_code == 404, name
