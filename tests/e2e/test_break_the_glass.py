"""In the browser: break-the-glass asks a reason, grants time-limited access, and the team
leader judges it in the review queue."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from schakel.cases.services import assign
from schakel.privacy.models import AccessLog, EmergencyAccess
from schakel.tenancy.constants import Role, UnitKind
from tests.conftest import make_staff
from tests.e2e.conftest import log_in, nav, snap

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

REASON = "Politie belt: acute zorgen om de veiligheid van het kind vannacht"


def test_break_the_glass_is_reasoned_time_limited_and_reviewed_by_the_leader(
    new_page, episode, worker, municipality, team, other_team
):
    assign(episode, worker, by=worker)
    make_staff(municipality, team, "leider", Role.TEAM_LEADER, UnitKind.YOUTH,
               display_name="Leider Oost")
    make_staff(municipality, other_team, "west", display_name="Coach West")
    url = f"/huishouden/{episode.household.reference}/"

    outsider = new_page()
    log_in(outsider, "west")
    outsider.goto(url)
    expect(outsider.get_by_role("heading", name="Huishouden niet beschikbaar")).to_be_visible()
    expect(outsider.get_by_text("Sanne")).to_have_count(0)
    glass = outsider.locator("#break-the-glass")
    expect(glass).to_contain_text("4 uur")
    glass.get_by_role("button", name="Noodtoegang nemen").click()
    expect(outsider.locator(".error-summary")).to_contain_text(
        "Schrijf op waarom je toegang nodig hebt.")
    assert not EmergencyAccess.objects.exists()

    outsider.get_by_label("Waarom heb je nu toegang nodig?").fill(REASON)
    outsider.get_by_role("button", name="Noodtoegang nemen").click()
    expect(outsider.get_by_role("heading", name="Bakker", level=1)).to_be_visible()
    expect(outsider.locator(".messages")).to_contain_text(re.compile(r"Noodtoegang verleend tot"))
    expect(outsider.locator(".panel--danger")).to_contain_text("Noodtoegang (break-the-glass)")
    expect(outsider.locator(".area-members")).to_contain_text("Sanne Bakker")
    snap(outsider, "/tmp/break_the_glass.png")
    grant = EmergencyAccess.objects.get()
    assert (grant.expires_at - grant.granted_at).total_seconds() == 4 * 3600
    assert AccessLog.objects.filter(action="household_view", staff=grant.staff,
                                    purpose__startswith="emergency").exists()

    leader = new_page()
    log_in(leader, "leider")
    menu = nav(leader, re.compile("^Noodtoegang"))
    expect(menu).to_contain_text("1")
    menu.click()
    expect(leader.get_by_role("heading", name="Noodtoegang: beoordelingslijst")).to_be_visible()
    card = leader.locator(f"#grant-{grant.pk}")
    expect(card).to_contain_text("Coach West")
    expect(card).to_contain_text(REASON)
    expect(card).to_contain_text(episode.household.reference)
    card.get_by_label("Terecht", exact=True).check()
    card.get_by_role("button", name="Oordeel vastleggen").click()
    expect(leader.locator(".messages")).to_contain_text("Je oordeel is vastgelegd.")
    expect(leader.get_by_text("Niets te beoordelen.")).to_be_visible()
    expect(leader.locator("table.list")).to_contain_text("Terecht")
    snap(leader, "/tmp/review_queue.png")
    grant.refresh_from_db()
    assert grant.verdict == "justified" and grant.reviewed_by.display_name == "Leider Oost"
