"""Two people editing the same plan draft: the second is told, nothing is overwritten."""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from schakel.plans import services
from schakel.plans.models import PlanVersion

pytestmark = pytest.mark.django_db


def seen_token(client: Client, url: str) -> str:
    page = client.get(url).content.decode()
    match = re.search(r'name="summary-seen" value="([^"]+)"', page)
    assert match, "the edit form carries the draft's revision"
    return match.group(1)


def save(client: Client, url: str, token: str, summary: str):
    return client.post(url, {"action": "summary", "summary-summary": summary,
                             "summary-internal_note": "", "summary-seen": token})


@pytest.fixture
def draft(active_episode, worker):
    return services.new_version(active_episode.household, by=worker)


def in_english(client: Client) -> Client:
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_the_second_of_two_editors_gets_a_conflict_and_nothing_is_overwritten(
        draft, worker, leader, login):
    url = reverse("plans:plan", args=[draft.plan.household.reference])
    coach, team_leader = in_english(login(worker)), in_english(login(leader))
    coach_token, leader_token = seen_token(coach, url), seen_token(team_leader, url)

    assert save(coach, url, coach_token, "We willen weer rust in huis.").status_code == 302
    response = save(team_leader, url, leader_token, "Schulden op orde.")

    assert response.status_code == 400
    page = response.content.decode()
    assert "Someone else saved this after you opened it" in page
    assert "what the household wants to achieve" in page  # the field that changed
    assert "internal note" not in page.split("Changed since then:")[1].split(".")[0]
    assert "Schulden op orde." in page  # the second editor's text is kept in the form
    version = PlanVersion.objects.get(pk=draft.pk)
    assert version.summary == "We willen weer rust in huis."
    assert version.revision == 1

    # Having seen the other text, the second editor saves again on purpose.
    token = re.search(r'name="summary-seen" value="([^"]+)"', page)
    assert token is not None
    assert save(team_leader, url, token.group(1), "Rust in huis; schulden op orde.").status_code \
        == 302
    assert PlanVersion.objects.get(pk=draft.pk).summary == "Rust in huis; schulden op orde."


def test_one_editor_saving_twice_in_a_row_is_no_conflict(draft, worker, login):
    url = reverse("plans:plan", args=[draft.plan.household.reference])
    coach = login(worker)
    assert save(coach, url, seen_token(coach, url), "Eerste versie.").status_code == 302
    assert save(coach, url, seen_token(coach, url), "Tweede versie.").status_code == 302
    assert PlanVersion.objects.get(pk=draft.pk).revision == 2


def test_an_altered_token_is_not_trusted_as_a_revision(draft, worker, login):
    from schakel.security.concurrency import read_seen

    assert read_seen("garbage") is None
    assert read_seen("") is None
