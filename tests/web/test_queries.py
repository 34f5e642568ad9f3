"""The read side: the next step follows the events recorded."""

import pytest

from schakel.cases import queries, services
from schakel.cases.constants import EventKind
from tests.web.conftest import new_episode

pytestmark = pytest.mark.django_db


def step(episode):
    episode.refresh_from_db()
    fresh = queries.current_episode(episode.household)
    return queries.next_step(fresh).kind


def test_the_next_step_walks_the_path_of_a_case(team, worker):
    episode = new_episode(team, worker)
    assert step(episode) == EventKind.REFERRER_CONTACTED
    services.record(episode, EventKind.REFERRER_CONTACTED, by=worker)
    assert step(episode) == EventKind.RESIDENT_CONTACTED
    services.record(episode, EventKind.RESIDENT_CONTACTED, by=worker)
    assert step(episode) == EventKind.KITCHEN_TABLE
    services.record(episode, EventKind.KITCHEN_TABLE, by=worker)
    assert step(episode) == EventKind.ASSIGNED
    services.assign(episode, worker, by=worker)
    assert step(episode) == EventKind.HELP_STARTED
    services.start_help(episode, by=worker)
    assert step(episode) == EventKind.PLAN_AGREED
    services.record(episode, EventKind.PLAN_AGREED, by=worker)
    assert step(episode) is None
    services.close(episode, by=worker, reason="goals_met", destination="own_network")
    assert step(episode) == EventKind.AFTERCARE_ENDED


def test_a_resident_who_came_themselves_has_no_referrer_to_call(team, worker):
    episode = services.register(
        worker,
        services.RegistrationInput(team=team, unit="volwassenen", source="self",
                                   channel="walk_in"),
        household_name="Zelf",
        members=[services.PersonInput(given_name="A", family_name="Zelf")],
    )
    assert step(episode) == EventKind.RESIDENT_CONTACTED


def test_only_steps_the_lifecycle_allows_are_offered(team, worker):
    episode = new_episode(team, worker)
    offered = queries.allowed_actions(queries.current_episode(episode.household))
    assert EventKind.ASSIGNED in offered
    assert EventKind.HELP_STARTED not in offered
    assert EventKind.DIRECTOR_CHANGED not in offered
    services.assign(episode, worker, by=worker)
    services.record(episode, EventKind.REFERRER_CONTACTED, by=worker)
    offered = queries.allowed_actions(queries.current_episode(episode.household))
    assert EventKind.ASSIGNED not in offered
    assert EventKind.REFERRER_CONTACTED not in offered  # recorded once per episode
    assert EventKind.HELP_STARTED in offered
    assert EventKind.DIRECTOR_CHANGED in offered


def test_search_by_name_bsn_and_reference(team, worker, episode):
    from schakel.people.models import Household

    visible = Household.objects.all()
    ref = episode.household.reference
    assert list(queries.search_households(visible, "sanne bakker")) == [episode.household]
    assert list(queries.search_households(visible, "9999.90.019")) == [episode.household]
    assert list(queries.search_households(visible, ref.lower())) == [episode.household]
    assert list(queries.search_households(visible, ref[2:])) == [episode.household]
    assert list(queries.search_households(visible, "Pietersen")) == []
