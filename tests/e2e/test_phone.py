"""On a phone during a home visit: the pages used there fit a 360-pixel-wide screen.

Household page, notes (the kitchen-table conversation's note field), the ZRM,
the support plan and the agreements with the resident open at 360 × 740 without
horizontal scrolling (wide tables scroll inside their own frame, which the
keyboard can reach) and without WCAG 2.1 AA violations at that width. The
household page and the plan are saved as screenshots for ``docs/usability.md``
(see ``IMAGES``); the notes are a plain text field, so the phone's dictation
fills them, and the page is used with the keyboard alone.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import Browser, Page, expect

from schakel.assessment.constants import ZRM
from tests.e2e.conftest import log_in
from tests.e2e.test_accessibility import WCAG_AA, readable
from tests.privacy import others
from tests.privacy.conftest import world  # noqa: F401  (fixture)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

WIDTH = 360
ROOT = Path(__file__).resolve().parents[2]
# The screenshots in docs/usability.md are refreshed with SCHAKEL_UPDATE_DOCS=1;
# an ordinary run writes them to var/img, so the repository stays as it is.
IMAGES = ROOT / ("docs" if os.environ.get("SCHAKEL_UPDATE_DOCS") else "var") / "img"
HOME_VISIT_PAGES: dict[str, Callable[[str], str]] = {
    "household": lambda ref: reverse("web:household", args=[ref]),
    "zrm": lambda ref: reverse("assessment:new", args=[ref, ZRM]),
    "needs": lambda ref: reverse("assessment:overview", args=[ref]),
    "plan": lambda ref: reverse("plans:plan", args=[ref]),
    "agreements": lambda ref: reverse("plans:resident", args=[ref]),
    "network": lambda ref: reverse("plans:network", args=[ref]),
}
SCREENSHOTS = ("household", "plan")


@pytest.fixture
def phone(browser: Browser, live_server) -> Iterator[Page]:
    context = browser.new_context(base_url=live_server.url, locale="nl-NL",
                                  viewport={"width": WIDTH, "height": 740},
                                  is_mobile=True, has_touch=True, device_scale_factor=1)
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def page_width(page: Page) -> int:
    return int(page.evaluate("document.documentElement.scrollWidth"))


# The outermost elements sticking out on the right: what to fix when a page is too wide.
STICKING_OUT = """width => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > width + 1
    && el.parentElement.getBoundingClientRect().right <= width + 1)
  .slice(0, 5)
  .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
    + ' ' + Math.round(el.getBoundingClientRect().right) + 'px: '
    + el.outerHTML.slice(0, 120))"""


def test_home_visit_pages_fit_a_360_pixel_screen_without_scrolling_sideways(phone, world):  # noqa: F811
    others.build(world)
    reference = world.household.reference
    log_in(phone, world["director"].user.username)
    too_wide, violations = {}, []
    for name, url in HOME_VISIT_PAGES.items():
        response = phone.goto(url(reference))
        assert response is not None and response.ok, name
        expect(phone.locator("main h1").first).to_be_visible()
        found = Axe().run(phone, options={"runOnly": {"type": "tag", "values": WCAG_AA},
                                          "resultTypes": ["violations"]})
        if found.response["violations"]:
            violations.append(readable(name, phone.url, found.response["violations"]))
        if page_width(phone) > WIDTH:
            too_wide[name] = (page_width(phone), phone.evaluate(STICKING_OUT, WIDTH))
        if name in SCREENSHOTS:
            IMAGES.mkdir(parents=True, exist_ok=True)
            phone.screenshot(path=str(IMAGES / f"phone-{name}.png"), full_page=True)
    assert not violations, "WCAG 2.1 AA violations at 360 px:\n" + "\n".join(violations)
    assert not too_wide, f"wider than {WIDTH}px (horizontal scrolling): " + "\n".join(
        f"{name}: {width}px, {elements}" for name, (width, elements) in too_wide.items())


def test_a_note_is_dictated_into_a_plain_text_field_and_saved_with_the_keyboard_only(
        phone, world):  # noqa: F811
    reference = world.household.reference
    log_in(phone, world["director"].user.username)
    phone.goto(f"/huishouden/{reference}/")
    step = phone.locator("#action-kitchen_table")
    step.locator("> summary").focus()
    phone.keyboard.press("Enter")  # opens the step without a mouse
    note = step.locator("textarea[name$='-note']")
    expect(note).to_be_visible()
    # Dictation types into the field like a keyboard does: a plain textarea, no editor.
    assert note.evaluate("el => el.tagName") == "TEXTAREA"
    assert note.get_attribute("contenteditable") is None
    note.focus()
    phone.keyboard.insert_text("Gesprek aan de keukentafel. Moeder wil hulp bij de post.")
    assert page_width(phone) <= WIDTH
    button = step.get_by_role("button", name="Keukentafelgesprek vastleggen")
    button.focus()
    phone.keyboard.press("Enter")
    expect(phone.locator(".messages")).to_contain_text("Keukentafelgesprek vastgelegd")
    expect(phone.get_by_text("Moeder wil hulp bij de post.")).to_be_visible()
    assert page_width(phone) <= WIDTH
