"""Every page answers with the security headers: CSP, frame protection, HSTS over TLS.

The pages are the ones the URL resolver knows, declared with their arguments
in tests/privacy/test_authorisation.py; a page added without a declaration
fails there and here.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from tests.conftest import sign_in
from tests.privacy.test_authorisation import PAGES, url_names

pytestmark = pytest.mark.django_db

SRC = Path(__file__).resolve().parents[2] / "src" / "schakel"


def check(response: Any, over_tls: bool) -> list[str]:
    problems = []
    csp = response.headers.get("Content-Security-Policy", "")
    for directive in ("default-src 'self'", "script-src 'self'", "style-src 'self'",
                      "frame-ancestors 'none'", "object-src 'none'"):
        if directive not in csp:
            problems.append(f"CSP lacks {directive}")
    if "unsafe-inline" in csp or "unsafe-eval" in csp:
        problems.append("CSP allows inline code")
    if response.headers.get("X-Frame-Options") != "DENY":
        problems.append("no X-Frame-Options: DENY")
    if response.headers.get("Referrer-Policy") != "same-origin":
        problems.append("no Referrer-Policy")
    if response.headers.get("X-Content-Type-Options") != "nosniff":
        problems.append("no nosniff")
    hsts = response.headers.get("Strict-Transport-Security", "")
    if over_tls and "max-age=31536000" not in hsts:
        problems.append("no HSTS over TLS")
    if not over_tls and hsts:
        problems.append("HSTS over plain HTTP")
    return problems


def test_every_page_sends_csp_frame_protection_and_hsts_over_tls(context, settings):
    settings.SECURE_HSTS_SECONDS = 31536000
    actors = context["world"]
    assert set(url_names()) == set(PAGES)
    clients = {"anonymous": Client(), "director": sign_in(Client(), actors["director"].user),
               "privacy_officer": sign_in(Client(), actors["privacy_officer"].user)}
    wrong = []
    for name, page in sorted(PAGES.items()):
        url = reverse(name, kwargs=page.args(context))
        for actor, client in clients.items():
            for over_tls in (False, True):
                response = client.get(url, secure=over_tls)
                wrong += [f"{name} as {actor} (TLS {over_tls}, {response.status_code}): {p}"
                          for p in check(response, over_tls)]
    assert not wrong, "\n".join(wrong)


def test_templates_and_scripts_hold_no_inline_code_or_style():
    inline = re.compile(r"<script(?![^>]*\bsrc=)[^>]*>|\sstyle=|<style|\son[a-z]+=|javascript:",
                        re.IGNORECASE)
    found = [f"{path.relative_to(SRC)}: {match.group(0).strip()}"
             for path in SRC.rglob("*.html") for match in inline.finditer(path.read_text())]
    assert not found, "\n".join(found)


def test_forms_without_the_csrf_token_are_refused(worker, login):
    client = login(worker)
    strict = Client(enforce_csrf_checks=True)
    strict.cookies = client.cookies
    response = strict.post(reverse("web:search"), {"q": "Bakker"})
    assert response.status_code == 403


def test_session_and_csrf_cookies_are_http_only(worker, login):
    client = login(worker)
    assert client.cookies["sessionid"]["httponly"]
    assert client.cookies["sessionid"]["samesite"] == "Lax"


def test_production_settings_make_cookies_secure_and_send_hsts():
    script = ("import json; from schakel.config import settings as s; print(json.dumps("
              "[s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, "
              "s.DEBUG, s.LOG_FORMAT]))")
    env = {**os.environ, "DEBUG": "0", "SECRET_KEY": "x" * 50,
           "DATABASE_URL": "sqlite:////tmp/unused.sqlite3"}
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, check=True).stdout
    assert json.loads(out) == [True, True, 31536000, False, "json"]
