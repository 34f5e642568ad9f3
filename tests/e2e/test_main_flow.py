"""The main flow in a real browser: from registration to closure, nothing out of sight."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from schakel.cases.constants import State
from schakel.cases.models import Episode, Event
from tests.e2e.conftest import log_in, nav, snap

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def register_family(page: Page) -> None:
    nav(page, "Nieuwe aanmelding").click()
    expect(page.get_by_role("heading", name="Nieuwe aanmelding", level=1)).to_be_visible()
    page.get_by_label("Bron").select_option("gp")
    page.get_by_label("Jeugd en gezin").check()
    page.get_by_label("Naam verwijzer").fill("Huisarts Smit")
    page.get_by_label("Waar gaat het signaal over?").fill("Zorgen over schoolverzuim en schulden.")
    page.locator("#id_persons-0-given_name").fill("Fenna")
    page.locator("#id_persons-0-family_name").fill("Veldkamp")
    page.locator("#id_persons-0-birth_date").fill("1987-03-12")
    page.locator("#id_persons-1-given_name").fill("Daan")
    page.locator("#id_persons-1-family_name").fill("Veldkamp")
    page.locator("#id_persons-1-birth_date").fill("2013-06-01")
    snap(page, "/tmp/registration.png")
    page.get_by_role("button", name="Aanmelden", exact=True).click()
    expect(page.get_by_role("heading", name="Veldkamp", level=1)).to_be_visible()
    expect(page.locator(".messages")).to_contain_text("het staat in de werkvoorraad")


def open_step(page: Page, title: str) -> None:
    page.locator("summary", has_text=title).click()


def test_a_family_goes_from_registration_through_waiting_to_closure(page: Page, worker):
    log_in(page, "coach")
    expect(page.locator("html")).to_have_attribute("lang", "nl")

    register_family(page)
    household_url = page.url
    nav(page, "Werkvoorraad").click()
    row = page.get_by_role("row", name=re.compile("Veldkamp"))
    expect(row).to_be_visible()
    expect(row).to_contain_text("Contact opnemen met de verwijzer")

    row.get_by_role("link", name="Veldkamp").click()
    open_step(page, "Professional toewijzen")
    page.get_by_label("Professional").select_option(label="Coach Jansen")
    page.get_by_role("button", name="Toewijzen").click()
    expect(page.get_by_text("Het huishouden wacht nu tot de hulp start.")).to_be_visible()

    nav(page, "Wachtend").click()
    expect(page.get_by_role("row", name=re.compile("Veldkamp"))).to_be_visible()
    nav(page, "Werkvoorraad").click()
    expect(page.get_by_text("De werkvoorraad is leeg")).to_be_visible()

    page.goto(household_url)
    open_step(page, "Hulp starten")
    page.get_by_role("button", name="Start van hulp vastleggen").click()
    expect(page.get_by_text("Hulp gestart.")).to_be_visible()

    nav(page, "Mijn caseload").click()
    row = page.get_by_role("row", name=re.compile("Veldkamp"))
    expect(row).to_contain_text("Hulp gestart")

    row.get_by_role("link", name="Veldkamp").click()
    open_step(page, "Episode afsluiten")
    page.get_by_role("button", name="Afsluiten", exact=True).click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Kies een reden voor afsluiten.")
    expect(summary).to_contain_text("Kies waar het huishouden naartoe gaat")
    expect(page.locator("#id_closed-reason")).to_have_attribute("aria-invalid", "true")
    assert Episode.objects.get().state == State.ACTIVE
    snap(page, "/tmp/household_close_error.png")

    page.get_by_label("Reden van afsluiten").select_option("goals_met")
    page.get_by_label("Uitstroombestemming").select_option("own_network")
    page.get_by_role("button", name="Afsluiten", exact=True).click()
    expect(page.get_by_text("Episode afgesloten; de nazorg is begonnen.")).to_be_visible()
    expect(page.locator(".area-summary")).to_contain_text("Afgesloten, in nazorg")
    snap(page, "/tmp/household.png")

    episode = Episode.objects.get()
    assert episode.state == State.AFTERCARE
    kinds = list(Event.objects.order_by("seq").values_list("kind", flat=True))
    assert kinds == ["registered", "assigned", "help_started", "closed"]
