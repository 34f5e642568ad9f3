"""In a real browser: a household moves to another district and is transferred there.

The case director of Team Oost asks Team West to take the household over; the
leader of Team West accepts and names a director. The household's timeline and
support plan are intact in Team West, and the sending director no longer sees it.
Selectors are ids and classes, so the test holds in every interface language.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import log_in, snap
from tests.handovers.conftest import west_coach, west_leader  # noqa: F401 (fixtures)
from tests.plans.helpers import draft_with_goal

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_household_transferred_to_another_team_keeps_its_timeline_and_plan(
        new_page, active_episode, worker, west_leader, west_coach, other_team):  # noqa: F811
    draft_with_goal(active_episode.household, worker)
    reference = active_episode.household.reference

    director = new_page()
    log_in(director, "coach")
    director.goto(f"/huishouden/{reference}/")
    director.locator(f'a[href="/overdracht/huishouden/{reference}/"]').click()
    director.locator("#handover-transfer > summary").click()
    director.locator("#id_transfer-to_team").select_option(label="Team West")
    director.locator("#id_transfer-reason").fill("Verhuisd naar de wijk West")
    director.locator("#handover-transfer form > button[type=submit]").click()
    expect(director.locator(".messages")).to_be_visible()
    expect(director.locator(".timeline-item--transfer_requested")).to_be_visible()

    leader = new_page()
    log_in(leader, "leiderwest")
    leader.goto("/overdracht/inkomend/")
    expect(leader.get_by_text(active_episode.reference)).to_be_visible()
    snap(leader, "/tmp/incoming_transfers.png")
    leader.locator(f"#id_accept-worker_{active_episode.pk}").select_option(label="Coach West")
    leader.locator(f'form:has(#id_accept-worker_{active_episode.pk}) button[type=submit]')\
        .click()
    leader.wait_for_url(f"**/huishouden/{reference}/")
    accepted = leader.locator(".timeline-item--transfer_accepted")
    expect(accepted).to_contain_text("Team West")
    expect(accepted).to_contain_text("Coach West")
    for kind in ("registered", "assigned", "help_started", "transfer_requested"):
        expect(leader.locator(f".timeline-item--{kind}")).to_have_count(1)
    snap(leader, "/tmp/household_after_transfer.png")
    leader.goto(f"/huishouden/{reference}/plan/")
    expect(leader.get_by_text("Schulden op een rij").first).to_be_visible()

    response = director.goto(f"/huishouden/{reference}/")
    assert response is not None and response.status == 404
    expect(director.get_by_text("Verhuisd naar de wijk West")).to_have_count(0)
