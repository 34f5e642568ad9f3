"""In a real browser: referral from the plan → decision with letter → objection → outcome."""

from __future__ import annotations

import pytest
from django.utils import formats, timezone, translation
from playwright.sync_api import Page, expect

from schakel.decisions import queries
from schakel.decisions.models import Decision, Objection
from schakel.tenancy.constants import OrganisationKind, Role, UnitKind
from schakel.tenancy.services import create_organisation
from tests.conftest import make_staff
from tests.decisions.conftest import SKJ, build_setting, product, provider
from tests.e2e.conftest import log_in, snap

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _open(page: Page, action: str) -> None:
    page.locator(f"details:has(input[name=action][value={action}]) > summary").first.click()


def _submit(page: Page, action: str) -> None:
    page.locator(f"form:has(input[name=action][value={action}]) button[type=submit]"
                 ).first.click()


def test_referral_decision_letter_objection_and_outcome(page: Page, episode, worker,
                                                        municipality, team):
    leader = make_staff(municipality, team, "leiderjeugd", Role.TEAM_LEADER, UnitKind.YOUTH,
                        **SKJ)
    gp = create_organisation("Huisarts Haven", OrganisationKind.GP, municipality=municipality,
                             external_id="org-gp-e2e")
    s = build_setting(episode, worker, leader, gp, plan=True)
    log_in(page, "coach")
    page.goto(f"/huishouden/{s.household.reference}/besluiten/")
    today = timezone.localdate().isoformat()

    _open(page, "refer")
    page.locator("select[name=referral-product]").select_option(str(product("J-OPV-01").pk))
    page.locator("select[name=referral-person]").select_option(str(s.mila.pk))
    page.locator("input[name=referral-volume]").fill("20")
    page.locator("input[name=referral-period_start]").fill(today)
    page.locator("input[name=referral-period_end]").fill(today)
    page.locator("select[name=referral-provider]").select_option(
        str(provider("prov-jeugdzorg-zuid").pk))
    page.locator("textarea[name=referral-reason]").fill("Opvoedhulp thuis")
    _submit(page, "refer")
    expect(page.locator("#referrals-title")).to_be_visible()
    expect(page.locator("table").first).to_contain_text("Mila")

    _open(page, "start")
    page.locator("select[name=start-law]").select_option("youth")
    page.locator("select[name=start-person]").select_option(str(s.mila.pk))
    page.locator("select[name=start-referral]").select_option(index=1)
    _submit(page, "start")
    decision = Decision.objects.get()
    (deadline,) = queries.decision_deadlines(decision)
    with translation.override("nl"):
        last_day = formats.date_format(deadline.last_day, "SHORT_DATE_FORMAT")
    expect(page.locator(f"#besluit-{decision.pk}")).to_contain_text(last_day)

    _open(page, "decide")
    page.locator("select[name=decide-outcome]").select_option("granted")
    page.locator("textarea[name=decide-motivation]").fill("Hulp thuis is nodig")
    _submit(page, "decide")
    letter = page.locator(f"a[href$='/besluiten/{decision.pk}/brief.pdf']")
    expect(letter).to_be_visible()
    response = page.request.get(letter.get_attribute("href") or "")
    assert response.headers["content-type"] == "application/pdf"
    assert response.body().startswith(b"%PDF")

    _open(page, "object")
    page.locator("textarea[name=objection-grounds]").fill("Twintig uur is te weinig")
    _submit(page, "object")
    objection = Objection.objects.get()
    expect(page.locator(f"#bezwaar-{objection.pk}")).to_contain_text("Twintig uur")
    page.locator("select[name=outcome-outcome]").select_option("partly")
    _submit(page, "objection_outcome")
    objection.refresh_from_db()
    assert objection.outcome == "partly"
    expect(page.locator(f"#bezwaar-{objection.pk} strong").last).to_have_text("Deels gegrond")
    snap(page, "/tmp/decision_flow.png")
