"""In a real browser: a needs analysis with a skipped deep-dive, a plan drafted, signed, printed.

The youth worker records the broad needs analysis, skipping one optional
deep-dive with a reason, drafts the support plan with a goal and an action and
records the resident's agreement; the youth unit's leader signs; the resident's
PDF is downloaded and holds the goal but not the internal note.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from schakel.assessment.models import Measurement
from schakel.cases import services as case_services
from schakel.plans.constants import VersionStatus
from schakel.plans.models import PlanVersion
from tests.conftest import family_members
from tests.e2e.conftest import log_in, snap

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

LIFE_AREAS = ["opvoeding", "financien", "activering", "wonen", "netwerk", "participatie",
              "veiligheid", "psychisch", "lvb", "ouderdom", "verslaving", "lichamelijk"]


def record_needs_analysis(page: Page, reference: str) -> None:
    page.goto(f"/huishouden/{reference}/analyse/")
    expect(page.get_by_role("heading", name="Behoeftenanalyse", level=1)).to_be_visible()
    page.get_by_role("link", name="Nieuw: Brede uitvraag (Sanne Bakker)").click()
    expect(page.get_by_role("heading", name="Brede uitvraag", level=1)).to_be_visible()
    for code in LIFE_AREAS:
        page.locator(f"#domain-{code}").get_by_label("4 – Geen zorgen").check()
    money = page.locator("#domain-financien")
    money.get_by_label("2 – Zorgen").check()
    money.locator("summary").click()
    money.get_by_role("group", name="Zijn er schulden of betalingsachterstanden?") \
        .get_by_label("Ja").check()
    page.locator("#domain-opvoeding").get_by_label(
        "Reden om de verdieping op Opvoeding en jeugdhulp over te slaan"
    ).fill("Jeugdhulp loopt al via de school")
    page.get_by_label("Reden om elke lege verdieping over te slaan").fill(
        "Eerst de kern; verdieping in het tweede gesprek")
    snap(page, "/tmp/needs_analysis.png")
    page.get_by_role("button", name="Meting opslaan").click()
    expect(page.locator(".messages")).to_contain_text("De meting is opgeslagen.")
    expect(page.get_by_text("Verdieping overgeslagen. Reden: Jeugdhulp loopt al via de school"))\
        .to_be_visible()


def draft_plan(page: Page, reference: str) -> None:
    page.goto(f"/huishouden/{reference}/analyse/")
    page.get_by_role("link", name="Ondersteuningsplan").first.click()
    page.get_by_role("button", name="Plan opstellen").click()
    expect(page.locator(".messages")).to_contain_text("Het conceptplan is gestart.")
    page.locator("#add-goal summary").click()
    page.get_by_label("Leefgebied").select_option("finances")
    page.get_by_label("Voor wie?").select_option(label="Sanne Bakker")
    page.get_by_label("Doel", exact=True).fill("Schulden op een rij en geen nieuwe schulden")
    page.locator("#add-goal").get_by_label("Interne notitie").fill("Let op: beslag op loon")
    page.get_by_role("button", name="Doel toevoegen").click()
    expect(page.get_by_role("heading", name="Schulden op een rij en geen nieuwe schulden"))\
        .to_be_visible()
    add_action = page.locator("details[id^=add-action-]")
    add_action.locator("summary").click()
    add_action.get_by_label("Actie", exact=True).fill("Aanmelden bij het schuldhulpmaatje")
    add_action.get_by_label("Inzet").select_option("volunteer")
    add_action.get_by_label("Wie doet het").fill("Sanne, met een vrijwilliger")
    add_action.get_by_label("Evalueren op").fill("2027-02-01")
    add_action.get_by_role("button", name="Actie toevoegen").click()
    expect(page.get_by_role("cell", name=re.compile("^Aanmelden bij het schuldhulpmaatje")))\
        .to_be_visible()
    page.locator("#agreement summary").click()
    page.get_by_label("Persoonlijk").check()
    page.get_by_role("button", name="Akkoord vastleggen").click()
    expect(page.locator(".messages")).to_contain_text("Het akkoord van de inwoner is vastgelegd.")
    snap(page, "/tmp/plan_draft.png")


def test_a_needs_analysis_and_a_plan_from_draft_to_the_residents_pdf(
    new_page: Callable[[], Page], team, worker, youth_leader, shipped_instruments,
):
    episode = case_services.register(
        worker,
        case_services.RegistrationInput(team=team, unit="jeugd", source="school",
                                        channel="phone"),
        household_name="Bakker", members=family_members(),
    )
    case_services.assign(episode, worker, by=worker)
    case_services.start_help(episode, by=worker)
    reference = episode.household.reference

    page = new_page()
    log_in(page, "coach")
    record_needs_analysis(page, reference)
    assert Measurement.objects.get().skipped.count() == 11
    draft_plan(page, reference)

    leader = new_page()
    log_in(leader, "jeugdleider")
    leader.goto(f"/huishouden/{reference}/plan/")
    leader.get_by_role("button", name="Plan aftekenen").click()
    expect(leader.locator(".messages")).to_contain_text("Het plan is afgetekend.")
    expect(leader.locator(".plan-state")).to_have_text("Actueel (akkoord en afgetekend)")
    assert PlanVersion.objects.get().status == VersionStatus.CURRENT
    snap(leader, "/tmp/plan_signed.png")

    with leader.expect_download() as info:
        leader.get_by_role("link", name="PDF voor de inwoner downloaden").click()
    content = Path(info.value.path()).read_bytes()
    assert content.startswith(b"%PDF")
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert "Schulden op een rij en geen nieuwe schulden" in text
    assert "Een vrijwilliger helpt" in text
    assert "beslag" not in text
