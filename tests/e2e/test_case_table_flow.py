"""In a real browser: a chair creates a table and a meeting; a member brings a pseudonymous
case; an agreement with a deadline is made; at the next meeting its result is recorded;
the case closes with learnings.

Selectors use field ids and form actions, so the test holds in either language.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from playwright.sync_api import Page, expect

from schakel.tables.models import Agreement, CaseTable, TableCase
from tests.e2e.conftest import log_in, snap

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]
IDENTIFYING = ("Sanne", "Bakker", "999990019", "Teststraat", "1988")


def submit(page: Page, action: str) -> None:
    page.locator(f"form:has(input[name=action][value={action}]) button[type=submit]").click()


def plan_meeting(page: Page, table: CaseTable, day: dt.date) -> None:
    page.goto(f"/tafels/{table.pk}/")
    page.locator("#id_meeting-held_on").fill(day.isoformat())
    page.locator(f"form[action='/tafels/{table.pk}/overleg/'] button").click()
    page.wait_for_url("**/tafels/overleg/*/")


def test_case_table_flow(new_page: Callable[[], Page], episode, worker, leader) -> None:
    today = dt.date.today()
    chair = new_page()
    log_in(chair, "leider")
    chair.goto("/tafels/nieuw/")
    chair.locator("#id_name").fill("Wijkschakel Oost")
    chair.locator("#id_kind").select_option("wijkschakel")
    chair.locator("#id_cadence").fill("elke zes weken")
    chair.locator("#id_target_group").fill("EPA 1–2, overgang naar 3")
    chair.locator("main form button[type=submit]").click()
    chair.wait_for_url("**/tafels/*/")
    table = CaseTable.objects.get()
    expect(chair.locator("h1")).to_have_text("Wijkschakel Oost")
    chair.locator("#id_staff").select_option(str(worker.pk))
    chair.locator("#id_ring").select_option("core")
    chair.locator("form:has(#id_staff) button[type=submit]").click()
    expect(chair.locator("main")).to_contain_text("Coach Jansen")
    plan_meeting(chair, table, today)

    member = new_page()
    log_in(member, "coach")
    member.goto(f"/tafels/{table.pk}/")
    member.locator(f"a[href='/tafels/{table.pk}/inbrengen/']").click()
    member.locator("input[name=subject][value=household]").check()
    member.locator("#id_reference").fill(episode.household.reference)
    member.locator("#id_concern").fill("Verward gedrag in het portiek")
    member.locator("main form button[type=submit]").click()
    member.wait_for_url("**/tafels/casus/*/")
    case = TableCase.objects.get()
    expect(member.locator("h1")).to_contain_text(case.pseudonym)
    member.locator("#id_agreement-what").fill("Huisbezoek met de wijkagent")
    member.locator("#id_agreement-owner").select_option(str(worker.pk))
    member.locator("#id_agreement-deadline").fill((today + dt.timedelta(days=14)).isoformat())
    submit(member, "agreement")
    expect(member.locator("main table")).to_contain_text("Huisbezoek met de wijkagent")
    for text in IDENTIFYING:
        assert text not in member.content()
    snap(member, "/tmp/case_table_case.png")

    plan_meeting(chair, table, today + dt.timedelta(days=42))
    expect(chair.locator("main")).to_contain_text(case.pseudonym)
    chair.goto(f"/tafels/casus/{case.pk}/")
    agreement = Agreement.objects.get()
    form = chair.locator(f"form[action='/tafels/afspraak/{agreement.pk}/resultaat/']")
    form.locator("select").select_option("done")
    form.locator("textarea").fill("Bewoonster thuis getroffen, hulp geaccepteerd")
    form.locator("button").click()
    expect(chair.locator("main table")).to_contain_text("hulp geaccepteerd")
    agreement.refresh_from_db()
    assert agreement.status == "done"
    assert agreement.result_at == table.meetings.order_by("-held_on").first()

    close = chair.locator("details:has(input[name=action][value=close])")
    close.locator("summary").click()
    chair.locator("#id_close-problem_owner").fill("Wijkteam Oost")
    chair.locator("#id_close-what_worked").fill("Samen op huisbezoek")
    chair.locator("#id_close-learnings").fill("Wijkagent en coach samen laten gaan")
    submit(chair, "close")
    expect(chair.locator("#h-closure")).to_be_visible()
    chair.goto("/tafels/lessen/?q=samen")
    expect(chair.locator("main")).to_contain_text("Wijkagent en coach samen laten gaan")
    for text in IDENTIFYING:
        assert text not in chair.content()
    snap(chair, "/tmp/case_table_learnings.png")
