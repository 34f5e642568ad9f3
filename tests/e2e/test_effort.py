"""Measured effort: the main tasks done in the browser as a new user would, and counted.

A case director logs in and, starting from where she is and following only
links and buttons on the page (never typing an address), registers a family,
records a kitchen-table conversation, drafts a support plan and brings the
case to a case table. Per task the script reports the required fields (counted
from the page: fields marked ``aria-required``), the fields it filled in, its
keystrokes (characters typed) and clicks (its own actions), the page loads
(navigations of the main frame) and the scripted time. The figures are written
to ``var/usability.json``; ``docs/usability.md`` holds a copy of one run
(refreshed by running this test with ``SCHAKEL_UPDATE_DOCS=1``).

Target: a new registration asks at most 6 required fields and takes under 60
seconds of scripted time.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import log_in

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "var" / "usability.json"
DOCS = ROOT / "docs" / "usability.md"  # its JSON block is refreshed with SCHAKEL_UPDATE_DOCS=1
BLOCK = re.compile(r"(<!-- effort:start -->\n```json\n).*?(```\n<!-- effort:end -->)", re.S)
MAX_REGISTRATION_FIELDS = 6
MAX_REGISTRATION_SECONDS = 60.0

# Required fields in one form: named controls marked aria-required, and radio groups
# (their fieldset carries the mark), each counted once.
COUNT_REQUIRED = """form => {
  const names = new Set();
  form.querySelectorAll('[aria-required="true"]').forEach(el => {
    names.add(el.tagName === 'FIELDSET' ? 'group:' + el.querySelector('input').name : el.name);
  });
  return [...names];
}"""


@dataclass
class Task:
    name: str
    required_fields: list[str] = field(default_factory=list)
    fields_filled: int = 0
    keystrokes: int = 0
    clicks: int = 0
    page_loads: int = 0
    pages: list[str] = field(default_factory=list)
    seconds: float = 0.0


class Meter:
    """Performs the user's actions on a page and counts them for the current task."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.tasks: list[Task] = []
        self.task: Task | None = None
        self.started = 0.0
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame: Any) -> None:
        if self.task is not None and frame == self.page.main_frame:
            self.task.page_loads += 1
            self.task.pages.append(re.sub(r"^https?://[^/]+", "", frame.url))

    def start(self, name: str) -> None:
        self.task = Task(name)
        self.started = time.monotonic()

    def stop(self) -> Task:
        assert self.task is not None
        self.task.seconds = round(time.monotonic() - self.started, 2)
        self.tasks.append(self.task)
        task, self.task = self.task, None
        return task

    @property
    def current(self) -> Task:
        assert self.task is not None
        return self.task

    def form_of(self, control: Locator) -> None:
        """Count the required fields of the form this control submits."""
        names = control.evaluate(f"el => ({COUNT_REQUIRED})(el.form || el.closest('form'))")
        self.current.required_fields += [n for n in names if n not in self.current.required_fields]

    def click(self, target: Locator) -> None:
        target.click()
        self.current.clicks += 1

    def type(self, target: Locator, text: str) -> None:
        target.click()
        target.fill(text)
        self.current.clicks += 1
        self.current.fields_filled += 1
        self.current.keystrokes += len(text)

    def choose(self, target: Locator, **option: str) -> None:
        """Pick from a list: open it and click the option."""
        target.select_option(**option)
        self.current.clicks += 2
        self.current.fields_filled += 1

    def check(self, target: Locator) -> None:
        target.check()
        self.current.clicks += 1
        self.current.fields_filled += 1

    def submit(self, button: Locator) -> None:
        self.form_of(button)
        self.click(button)


def nav(page: Page, name: str) -> Locator:
    return page.locator("nav.main-nav").get_by_role("link", name=name, exact=True)


def register_a_family(meter: Meter) -> None:
    page = meter.page
    meter.click(nav(page, "Nieuwe aanmelding"))
    expect(page.get_by_role("heading", name="Nieuwe aanmelding", level=1)).to_be_visible()
    meter.choose(page.get_by_label("Bron"), value="gp")
    meter.check(page.get_by_label("Jeugd en gezin"))
    meter.type(page.get_by_label("Waar gaat het signaal over?"), "Zorgen over schoolverzuim.")
    meter.type(page.locator("#id_persons-0-given_name"), "Fenna")
    meter.type(page.locator("#id_persons-0-family_name"), "Veldkamp")
    meter.type(page.locator("#id_persons-0-birth_date"), "1987-03-12")
    meter.submit(page.get_by_role("button", name="Aanmelden", exact=True))
    expect(page.get_by_role("heading", name="Veldkamp", level=1)).to_be_visible()


def record_a_kitchen_table_conversation(meter: Meter) -> None:
    page = meter.page
    step = page.locator("#action-kitchen_table")
    meter.click(step.locator("> summary"))
    meter.type(step.locator("textarea[name$='-note']"),
               "Gesprek thuis met Fenna. Zorgen over schulden en over de school van Daan.")
    meter.submit(step.get_by_role("button", name="Keukentafelgesprek vastleggen"))
    expect(page.locator(".messages")).to_contain_text("Keukentafelgesprek vastgelegd")


def draft_a_plan(meter: Meter) -> None:
    page = meter.page
    meter.click(page.get_by_role("link", name="Ondersteuningsplan", exact=True))
    meter.submit(page.get_by_role("button", name="Plan opstellen"))
    expect(page.locator(".messages")).to_contain_text("Het conceptplan is gestart.")
    meter.click(page.locator("#add-goal summary"))
    meter.choose(page.get_by_label("Leefgebied"), value="finances")
    meter.type(page.get_by_label("Doel", exact=True), "Schulden op een rij")
    meter.submit(page.get_by_role("button", name="Doel toevoegen"))
    expect(page.get_by_role("heading", name="Schulden op een rij")).to_be_visible()


def bring_the_case_to_a_table(meter: Meter) -> None:
    page = meter.page
    meter.click(page.locator("main .eyebrow a"))  # back to the household
    meter.click(page.locator("main a[href*='/inbrengen/?household=']"))
    meter.type(page.get_by_label("Zorg in een paar woorden"), "Schulden en schoolverzuim")
    meter.submit(page.get_by_role("button", name="Inbrengen"))
    expect(page.locator(".messages")).to_contain_text("staat op de rol")


@pytest.fixture
def case_table(worker, leader):
    from schakel.tables import services as tables

    table = tables.create_table(leader, tables.TableInput(
        name="Wijkschakel Oost", kind="wijkschakel", chair=leader))
    tables.add_member(table, worker, ring="core", by=leader)
    return table


def test_the_main_tasks_take_little_effort_and_registration_meets_its_target(
        page: Page, worker, case_table):
    log_in(page, "coach")
    meter = Meter(page)
    for name, task in (("register a family", register_a_family),
                       ("record a kitchen-table conversation",
                        record_a_kitchen_table_conversation),
                       ("draft a support plan", draft_a_plan),
                       ("bring the case to a case table", bring_the_case_to_a_table)):
        meter.start(name)
        task(meter)
        meter.stop()
    report = {"tasks": [asdict(task) for task in meter.tasks],
              "targets": {"registration_required_fields": MAX_REGISTRATION_FIELDS,
                          "registration_seconds": MAX_REGISTRATION_SECONDS}}
    OUTPUT.parent.mkdir(exist_ok=True)
    text = json.dumps(report, indent=2, ensure_ascii=False) + "\n"
    OUTPUT.write_text(text)
    if os.environ.get("SCHAKEL_UPDATE_DOCS"):
        DOCS.write_text(BLOCK.sub(lambda m: m.group(1) + text + m.group(2), DOCS.read_text()))
    print(text)

    registration = meter.tasks[0]
    assert len(registration.required_fields) <= MAX_REGISTRATION_FIELDS, registration
    assert registration.seconds < MAX_REGISTRATION_SECONDS, registration
    for task in meter.tasks:  # every page came from a link or button, none was typed in
        assert task.page_loads == len(task.pages) > 0, task
