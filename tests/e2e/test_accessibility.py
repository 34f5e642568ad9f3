"""Every page passes an automated WCAG 2.1 AA check (axe-core) in the browser, in Dutch.

The pages are enumerated from the URL resolver, like the authorisation test:
a page added later without a declaration in ``VISITS`` fails
``test_every_page_declares_how_the_accessibility_check_opens_it``. Declaring a
page is one line: the user who opens it (``Visit("director")``), or why it has
no HTML page of its own (``NOT_HTML``). The URL is built as in the
authorisation test's ``PAGES`` unless the declaration gives its own arguments.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import Browser, Page
from playwright.sync_api import Error as PlaywrightError

from tests.e2e.conftest import log_in
from tests.privacy.conftest import world  # noqa: F401  (fixture)
from tests.privacy.test_authorisation import PAGES, Args, context, url_names  # noqa: F401

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# WCAG 2.0 and 2.1, levels A and AA: what Dutch government web applications must meet.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@dataclass(frozen=True)
class Visit:
    user: str  # a role in the privacy tests' world (tests/privacy/conftest.py)
    args: Args | None = None  # defaults to the authorisation test's arguments
    status: int = 200  # a refusal page (404, 403) must be accessible too


# Pages that answer with a file, JSON or a redirect after a POST: nothing to check here.
NOT_HTML = None
# The second step of signing in is only shown half-way through a login: its own test below.
SIGN_IN_STEP = None

VISITS: dict[str, Visit | None] = {
    "set_language": NOT_HTML,  # POST only, redirects back
    "login": Visit("anonymous"),
    "logout": NOT_HTML,  # POST only, redirects to the login page
    "insight:figures": Visit("policy"),
    "norms:team_signals": Visit("leader"),
    "norms:admin": Visit("admin"),
    "web:home": Visit("admin"),  # what you may do here (casework users go to their caseload)
    "web:caseload": Visit("director"),
    "web:werkvoorraad": Visit("director"),
    "web:waiting": Visit("director"),
    "web:register": Visit("director"),
    "web:short_contact": Visit("director"),
    "web:search": Visit("director"),
    "web:glossary": Visit("partner_consent"),
    "web:household": Visit("director"),
    "web:end_involvement": NOT_HTML,  # a button on the household page
    "web:merge_households": Visit("leader"),
    "web:merge_persons": Visit("director"),
    "web:give_consent": NOT_HTML,  # a form on the household page
    "web:withdraw_consent": NOT_HTML,
    "web:set_flag": NOT_HTML,
    "web:end_flag": NOT_HTML,
    "privacy:home": Visit("privacy_officer"),
    "privacy:audit": Visit("privacy_officer"),
    "privacy:audit_export": NOT_HTML,  # a CSV file
    "privacy:emergency_queue": Visit("privacy_officer"),
    "privacy:emergency_request": NOT_HTML,  # a form on the "not involved" page
    "privacy:emergency_review": NOT_HTML,  # a form in the emergency queue
    "privacy:persons": Visit("privacy_officer"),
    "privacy:person": Visit("privacy_officer"),
    "privacy:inzage": Visit("privacy_officer"),
    "privacy:inzage_json": NOT_HTML,  # JSON
    "privacy:correction": NOT_HTML,  # a form on the person page
    "privacy:objection": NOT_HTML,
    "privacy:handle_correction": NOT_HTML,
    "privacy:decide_objection": NOT_HTML,
    "privacy:covenants": Visit("privacy_officer"),
    "privacy:retention": Visit("privacy_officer"),
    "privacy:shared": Visit("partner_consent"),
    "privacy:shared_person": Visit("partner_consent"),
    "assessment:overview": Visit("director"),
    "assessment:new": Visit("director"),
    "assessment:measurement": Visit("director"),
    "assessment:progress": Visit("director"),
    "assessment:safety": NOT_HTML,  # a form on the overview page
    "assessment:admin_list": Visit("admin"),
    "assessment:admin_add": Visit("admin"),
    "assessment:admin_revise": Visit("admin"),
    "assessment:admin_version": Visit("admin"),
    "plans:plan": Visit("director"),
    "plans:edit_goal": Visit("director"),
    "plans:edit_action": Visit("director"),
    "plans:action_status": NOT_HTML,  # a form on the plan page
    "plans:remove": NOT_HTML,
    "plans:version": Visit("director"),
    "plans:resident": Visit("director"),
    "plans:resident_pdf": NOT_HTML,  # a PDF
    "plans:network": Visit("director"),
    "plans:edit_entry": Visit("director"),
    "plans:end_entry": NOT_HTML,
    "decisions:household": Visit("director"),
    "decisions:letter": NOT_HTML,  # a PDF
    "decisions:catalogue": Visit("director"),
    "decisions:complaints": Visit("leader"),
    "decisions:figures": Visit("policy"),
    "decisions:budget": Visit("policy"),
    "decisions:feedback": Visit("partner_consent"),
    "tables:index": Visit("leader"),
    "tables:create": Visit("leader"),
    "tables:learnings": Visit("leader"),
    "tables:table": Visit("leader"),
    "tables:bring": Visit("director"),
    "tables:new_meeting": NOT_HTML,  # POST only, a form on the table page
    "tables:case": Visit("leader"),
    "tables:agreement_result": NOT_HTML,  # a form on the case page
    "tables:meeting": Visit("leader"),
    "tables:pack": Visit("leader"),
    "tables:pack_pdf": NOT_HTML,  # a PDF
    "handovers:household": Visit("director"),
    "handovers:incoming": Visit("leader"),
    "handovers:answer": NOT_HTML,  # POST only, a form on the incoming list
    "insight:durations": Visit("policy"),
    "insight:caseload": Visit("policy"),
    "insight:norms": Visit("policy"),
    "insight:quality": Visit("policy"),
    "insight:forecast": Visit("policy"),
    "insight:export": NOT_HTML,  # CSV, XLSX or JSON
    "insight:monitor": NOT_HTML,  # a PDF
    "security:verify": SIGN_IN_STEP,  # checked in test_the_sign_in_steps_pass_the_wcag_aa_check
    "security:enrol": SIGN_IN_STEP,
    "security:logout_everywhere": NOT_HTML,  # POST only, a button in the header
    "security:health": NOT_HTML,  # JSON for monitoring
    "security:ready": NOT_HTML,
    "api_v1:api-root": NOT_HTML,  # JSON (partner API)
    "api_v1:openapi-json": NOT_HTML,
    "api_v1:signals": NOT_HTML,
    "api_v1:referrals": NOT_HTML,
    "api_v1:submissions": NOT_HTML,
    "api_v1:submission": NOT_HTML,
    "api_v1:teams": NOT_HTML,
    "partner:submit": Visit("partner_consent"),
    "partner:submissions": Visit("partner_consent"),
    "partner:tokens": Visit("admin"),
    "socialmap:public": Visit("anonymous"),
    "socialmap:public_json": NOT_HTML,  # JSON for residents' apps
    "socialmap:manage": Visit("director"),
    "socialmap:organisation_new": Visit("director"),
    "socialmap:organisation": Visit("director"),
    "socialmap:contact_new": Visit("director"),
    "socialmap:offer_new": Visit("director"),
    "socialmap:offer": Visit("director"),
    "socialmap:link": Visit("director"),
    "socialmap:districts": Visit("policy"),
    "socialmap:district": Visit("policy"),
}

# The same URL opened by someone else shows another page: checked as well.
OTHER_VIEWS: list[tuple[str, Visit]] = [
    ("web:household", Visit("colleague", status=404)),  # "not involved": emergency-access form
    ("web:household", Visit("glass")),  # the household under emergency access (other team)
]


def test_every_page_declares_how_the_accessibility_check_opens_it():
    undeclared = sorted(set(url_names()) - set(VISITS))
    assert not undeclared, (
        f"pages without an accessibility declaration: {undeclared}; add one line to VISITS "
        "in tests/e2e/test_accessibility.py: Visit(<user who opens it>) or NOT_HTML")
    assert not set(VISITS) - set(url_names()), "declared pages that no longer exist"


def readable(name: str, url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{name} ({url}):"]
    for violation in violations:
        lines.append(f"  [{violation['impact']}] {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"      {' '.join(node['target'])}: {node['html'][:160]}")
    return "\n".join(lines)


def pages_for_users(browser: Browser, base_url: str, users: dict[str, str]) -> dict[str, Page]:
    """One logged-in browser context per user, reused for all of that user's pages."""
    pages = {}
    for user, username in sorted(users.items()):
        browser_context = browser.new_context(base_url=base_url, locale="nl-NL",
                                              viewport={"width": 1280, "height": 900})
        browser_context.set_default_timeout(15_000)
        page = browser_context.new_page()
        if user != "anonymous":
            log_in(page, username, lands_on=lambda url: "/login/" not in url)
        pages[user] = page
    return pages


def test_every_page_passes_the_wcag_aa_check(browser, live_server, context):  # noqa: F811
    people = context["world"]
    visits = sorted((name, visit) for name, visit in VISITS.items() if visit is not None)
    visits += OTHER_VIEWS
    users = {visit.user: "" if visit.user == "anonymous" else people[visit.user].user.username
             for _name, visit in visits}
    pages = pages_for_users(browser, live_server.url, users)
    axe = Axe()
    failures, checked = [], 0
    try:
        for name, visit in visits:
            args = (visit.args or PAGES[name].args)(context)
            url = reverse(name, kwargs=args)
            page = pages[visit.user]
            try:
                response = page.goto(url)
            except PlaywrightError as error:  # e.g. 405: a POST-only URL declared as a page
                failures.append(f"{name} ({url}): {error.message.splitlines()[0]}")
                continue
            if response is None or response.status != visit.status or (
                    page.url.endswith("/login/") and visit.user != "anonymous"):
                failures.append(f"{name} ({url}): not opened as {visit.user}: "
                                f"{response.status if response else None}")
                continue
            assert page.locator("html").get_attribute("lang") == "nl", name
            result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA},
                                            "resultTypes": ["violations"]})
            checked += 1
            violations = result.response["violations"]
            if violations:
                failures.append(readable(name, url, violations))
    finally:
        for page in pages.values():
            page.context.close()
    assert not failures, "WCAG 2.1 AA violations:\n" + "\n".join(failures)
    assert checked == len(visits), "WCAG 2.1 AA violations:\n" + "\n".join(failures)


def test_the_sign_in_steps_pass_the_wcag_aa_check(page, municipality, team):
    """The code page (a user with an authenticator app) and the enrolment page (without)."""
    from tests.conftest import PASSWORD, authenticator, make_staff

    with_app = make_staff(municipality, team, "met-app").user
    without_app = make_staff(municipality, team, "zonder-app").user
    authenticator(with_app)
    axe = Axe()
    for user, step in ((with_app, "security:verify"), (without_app, "security:enrol")):
        page.context.clear_cookies()
        page.goto("/login/")
        page.locator("#id_username").fill(user.username)
        page.locator("#id_password").fill(PASSWORD)
        page.locator("main form button[type=submit]").first.click()
        page.wait_for_url(f"**{reverse(step)}**")
        assert page.locator("#id_code").is_visible(), step
        result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_AA},
                                        "resultTypes": ["violations"]})
        violations = result.response["violations"]
        assert not violations, readable(step, page.url, violations)
