"""Real-browser fixtures: Debian's Chromium driven by Playwright against live_server."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Error, Page, sync_playwright

from tests.conftest import PASSWORD, authenticator, fresh_code

# Playwright's sync API runs an event loop in this thread; Django would refuse
# database calls from the test code without this.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser: Browser, live_server) -> Iterator[Callable[[], Page]]:
    """Open a fresh browser context (its own cookies) on the live server, in Dutch."""
    contexts = []

    def _new_page() -> Page:
        context = browser.new_context(
            base_url=live_server.url, locale="nl-NL", viewport={"width": 1280, "height": 900}
        )
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield _new_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page: Callable[[], Page]) -> Page:
    return new_page()


def log_in(page: Page, username: str, lands_on: Any = "**/caseload/") -> None:
    """Password, then a real code from the user's authenticator device, as a person would.

    ``lands_on`` is the start page of the user's role.
    """
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.get(username=username)
    device = authenticator(user)
    page.goto("/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url("**/inloggen/tweede-stap/**")
    page.locator("#id_code").fill(fresh_code(device))
    page.locator("main form button[type=submit]").first.click()
    page.wait_for_url(lands_on)


def nav(page: Page, name: str):
    """A link in the main menu (the page body may hold links with similar names)."""
    return page.locator("nav.main-nav").get_by_role("link", name=name, exact=True)


def snap(page: Page, path: str) -> None:
    """Save a full-page screenshot for a person to look at; never fails the test.

    Headless Chromium occasionally cannot capture a very tall page; then the
    visible part is saved instead.
    """
    try:
        page.screenshot(path=path, full_page=True)
    except Error:
        page.screenshot(path=path)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test in this folder drives the real browser: mark it so CI can count them."""
    for item in items:
        if "/tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
