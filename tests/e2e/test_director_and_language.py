"""In the browser: one case director at a time, and the English interface."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from schakel.cases.models import Episode
from tests.e2e.conftest import log_in, nav

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_a_second_director_is_refused_with_a_visible_message(new_page, episode, worker,
                                                              second_worker):
    from schakel.cases.services import add_involvement

    add_involvement(episode, by=worker, kind="team", staff=second_worker)  # both involved
    url = f"/huishouden/{episode.household.reference}/"
    first, second = new_page(), new_page()
    log_in(first, "coach")
    log_in(second, "coach2")
    first.goto(url)
    second.goto(url)  # both see a household without a director

    first.locator("summary", has_text="Professional toewijzen").click()
    first.get_by_label("Professional").select_option(label="Coach Jansen")
    first.get_by_role("button", name="Toewijzen").click()
    expect(first.get_by_text("Het huishouden wacht nu tot de hulp start.")).to_be_visible()

    second.locator("summary", has_text="Professional toewijzen").click()
    second.get_by_label("Professional").select_option(label="Coach de Vries")
    second.get_by_role("button", name="Toewijzen").click()
    alert = second.get_by_role("alert")
    expect(alert).to_contain_text("Dit huishouden heeft al een casusregisseur.")
    expect(alert).to_be_focused()
    expect(second.locator(".area-summary")).to_contain_text("Coach Jansen")
    assert Episode.objects.get().director == worker


def test_the_interface_switches_to_english_and_back(page, episode, worker):
    log_in(page, "coach")
    expect(nav(page, "Werkvoorraad")).to_be_visible()
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(nav(page, "My caseload")).to_be_visible()
    nav(page, "Work stock").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Work stock")
    expect(page.get_by_role("row", name="Bakker")).to_contain_text("Contact the referrer")
    page.get_by_role("link", name="Bakker").click()
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    page.get_by_role("button", name="Nederlands").click()
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", name="Tijdlijn")).to_be_visible()


def test_the_skip_link_jumps_to_the_content(page, worker):
    log_in(page, "coach")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Direct naar de inhoud")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
