"""The network map: who is around the household, supporting or burdening; plans point to it."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from schakel.cases.services import CaseError
from schakel.plans import services
from schakel.plans.constants import Influence, NetworkKind, Resource
from schakel.plans.ecogram import layout
from schakel.plans.services import ActionInput, GoalInput, NetworkInput
from tests.assessment.fixtures import member
from tests.plans.helpers import EVALUATE
from tests.web.conftest import new_episode

pytestmark = pytest.mark.django_db


def add(household, by, name, influence, kind=NetworkKind.PERSON, role="oma"):
    return services.add_network_entry(household, NetworkInput(
        kind=kind, name=name, role=role, influence=influence), by=by)


def test_the_map_shows_who_supports_and_who_burdens_in_the_svg_and_the_table(
    active_episode, worker, login,
):
    household = active_episode.household
    add(household, worker, "Oma Ria", Influence.SUPPORTS)
    add(household, worker, "Ex-partner Kees", Influence.BURDENS, role="vader van Mila")
    add(household, worker, "Basisschool De Linde", Influence.BOTH, NetworkKind.ORGANISATION,
        role="school van Mila")
    page = login(worker).get(reverse("plans:network", args=[household.reference]))
    text = page.content.decode()
    svg = re.search(r'<svg viewBox[^>]*role="img".*?</svg>', text, re.S).group(0)
    assert "Oma Ria" in svg and "<rect" in svg  # the school is drawn as an organisation
    assert 'stroke-dasharray="9 6"' in svg  # the burdening ex-partner: dashed
    assert "Ex-partner Kees (vader van Mila): belast." in svg  # in the description
    assert "<th scope=\"row\">Oma Ria" in text and "Steunt" in text


def test_an_action_in_the_plan_points_to_someone_on_the_map(active_episode, worker):
    household = active_episode.household
    oma = add(household, worker, "Oma Ria", Influence.SUPPORTS)
    version = services.new_version(household, by=worker)
    goal = services.add_goal(version, GoalInput(life_area="parenting", text="Rust in huis",
                                                person=member(household, "Mila")), by=worker)
    action = services.add_action(goal, ActionInput(
        text="Oma haalt Mila op woensdag op", resource=Resource.OWN_NETWORK, owner="Oma Ria",
        evaluate_on=EVALUATE, network_entry=oma), by=worker)
    assert list(oma.actions.all()) == [action]


def test_an_entry_from_another_household_cannot_be_used(active_episode, worker, team):
    other = new_episode(team, worker, "Jansen").household
    stranger = add(other, worker, "Buurman Joop", Influence.SUPPORTS)
    version = services.new_version(active_episode.household, by=worker)
    goal = services.add_goal(version, GoalInput(life_area="housing", text="Woning"), by=worker)
    with pytest.raises(CaseError):
        services.add_action(goal, ActionInput(
            text="Hulp", resource=Resource.OWN_NETWORK, owner="Joop", evaluate_on=EVALUATE,
            network_entry=stranger), by=worker)


def test_someone_no_longer_around_leaves_the_map_but_stays_listed(active_episode, worker):
    household = active_episode.household
    entry = add(household, worker, "Buurvrouw", Influence.SUPPORTS, role="buurvrouw")
    services.end_network_entry(entry, by=worker)
    entry.refresh_from_db()
    assert entry.ended_on is not None
    assert layout([entry]).nodes == []
