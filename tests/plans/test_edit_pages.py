"""Every plan, network and instrument page opens, and the edit pages change what they show."""

from __future__ import annotations

import pytest
from django.urls import reverse

from schakel.assessment.constants import NEEDS_ANALYSIS, ZRM
from schakel.assessment.queries import instrument_by_code
from schakel.plans import services
from schakel.plans.constants import Influence, NetworkKind
from schakel.plans.models import Goal, NetworkEntry, PlanAction
from schakel.plans.services import NetworkInput
from tests.plans.helpers import draft_with_goal

pytestmark = pytest.mark.django_db


def test_the_goal_and_action_edit_pages_change_the_draft(active_episode, worker, login):
    household = active_episode.household
    draft_with_goal(household, worker)
    goal, action = Goal.objects.get(), PlanAction.objects.get()
    client = login(worker)
    url = reverse("plans:edit_goal", args=[household.reference, goal.pk])
    assert "Schulden op een rij" in client.get(url).content.decode()
    response = client.post(url, {"life_area": "finances", "person": "",
                                 "text": "Vaste lasten op tijd betalen", "internal_note": ""})
    assert response.status_code == 302
    goal.refresh_from_db()
    assert goal.text == "Vaste lasten op tijd betalen" and goal.person is None
    url = reverse("plans:edit_action", args=[household.reference, action.pk])
    response = client.post(url, {"text": "Budgetcoach", "resource": "team", "owner": "Coach",
                                 "evaluate_on": "2027-02-01", "status": "in_progress"})
    assert response.status_code == 302
    action.refresh_from_db()
    assert (action.text, action.resource, action.status) == ("Budgetcoach", "team",
                                                             "in_progress")
    remove = reverse("plans:remove", args=[household.reference, "actie", action.pk])
    assert client.post(remove).status_code == 302
    assert not PlanAction.objects.exists()


def test_a_network_entry_is_changed_and_ended_from_its_pages(active_episode, worker, login):
    household = active_episode.household
    entry = services.add_network_entry(household, NetworkInput(
        kind=NetworkKind.PERSON, name="Oom Henk", role="oom", influence=Influence.NEUTRAL),
        by=worker)
    client = login(worker)
    url = reverse("plans:edit_entry", args=[household.reference, entry.pk])
    response = client.post(url, {"kind": "person", "name": "Oom Henk", "role": "oom",
                                 "influence": "burdens", "related_to": ""})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.influence == "burdens"
    client.post(reverse("plans:end_entry", args=[household.reference, entry.pk]))
    assert NetworkEntry.objects.get().ended_on is not None
    added = client.post(reverse("plans:network", args=[household.reference]), {
        "kind": "organisation", "name": "Voedselbank", "role": "pakket",
        "influence": "supports"})
    assert added.status_code == 302


def test_every_page_of_a_household_with_a_plan_opens(
    active_episode, worker, admin, municipality, login,
):
    household = active_episode.household
    draft_with_goal(household, worker)
    ref = household.reference
    sanne = household.members.get(person__given_name="Sanne").person
    client = login(worker)
    for url in [
        reverse("assessment:overview", args=[ref]),
        reverse("assessment:new", args=[ref, ZRM]),
        reverse("assessment:new", args=[ref, NEEDS_ANALYSIS]) + f"?persoon={sanne.pk}",
        reverse("assessment:progress", args=[ref, sanne.pk, ZRM]),
        reverse("plans:plan", args=[ref]),
        reverse("plans:version", args=[ref, 1]),
        reverse("plans:resident", args=[ref]),
        reverse("plans:network", args=[ref]),
    ]:
        assert client.get(url).status_code == 200, url
    zrm = instrument_by_code(ZRM, municipality.pk)
    version = zrm.versions.get()
    admin_client = login(admin)
    for url in [reverse("assessment:admin_list"), reverse("assessment:admin_add"),
                reverse("assessment:admin_revise", args=[zrm.pk]),
                reverse("assessment:admin_version", args=[version.pk])]:
        assert admin_client.get(url).status_code == 200, url
