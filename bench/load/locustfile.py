"""A realistic mix of staff actions against a running Schakel (demo database).

Each simulated staff member logs in with the password and a real TOTP code
(computed from the synthetic demo secret in accounts.json, see prepare.py),
then works: opens the caseload most often, the werkvoorraad, households from
the caseload, searches a family name, and sometimes records a contact with
the resident on one of their households. Every request that does not give
the expected answer counts as a failure.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import threading
import time
from pathlib import Path
from typing import Any

from django_otp.oath import hotp
from locust import HttpUser, between, task

ACCOUNTS = json.loads(Path(__file__).with_name("accounts.json").read_text())
_next_account = itertools.count()
_lock = threading.Lock()

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
HOUSEHOLD = re.compile(r'href="/huishouden/([A-Z0-9-]+)/"')
FAMILY = re.compile(r"<td[^>]*>\s*<a [^>]*>([A-Z][a-z]+)")


def code(key_hex: str) -> str:
    """The current TOTP code (30-second steps, six digits), as an authenticator app shows."""
    return str(hotp(bytes.fromhex(key_hex), int(time.time() // 30), 6)).zfill(6)


class Staff(HttpUser):
    wait_time = between(5, 15)  # reading a page, typing, talking between clicks

    def on_start(self) -> None:
        with _lock:
            account = ACCOUNTS["accounts"][next(_next_account) % len(ACCOUNTS["accounts"])]
        self.username, self.key = account["username"], account["key"]
        self.households: list[str] = []
        page = self.client.get("/login/", name="login page")
        self._post("/login/", {"username": self.username, "password": ACCOUNTS["password"]},
                   page.text, "login: password", expect="/")
        for _attempt in range(2):  # a person whose code ran out types the next one
            page = self.client.get("/inloggen/tweede-stap/", name="login: code page")
            if self._post("/inloggen/tweede-stap/", {"code": code(self.key)}, page.text,
                          "login: code", expect="/"):
                break
        self.caseload()

    def _post(self, url: str, data: dict[str, Any], page: str, name: str, expect: str) -> bool:
        token = CSRF.search(page)
        data = {**data, "csrfmiddlewaretoken": token.group(1) if token else ""}
        with self.client.post(url, data=data, name=name, catch_response=True,
                              allow_redirects=False) as response:
            if response.status_code != 302 or expect not in response.headers.get(
                    "Location", ""):
                response.failure(f"{name}: {response.status_code} "
                                 f"{response.headers.get('Location', '')}")
                return False
            return True

    def _get(self, url: str, name: str) -> str:
        with self.client.get(url, name=name, catch_response=True,
                             allow_redirects=False) as response:
            if response.status_code != 200:
                response.failure(f"{name}: {response.status_code}")
            return response.text or ""

    @task(5)
    def caseload(self) -> None:
        page = self._get("/caseload/", "caseload")
        found = HOUSEHOLD.findall(page)
        if found:
            self.households = sorted(set(found))

    @task(2)
    def werkvoorraad(self) -> None:
        self._get("/werkvoorraad/", "werkvoorraad")

    @task(1)
    def waiting(self) -> None:
        self._get("/wachtend/", "waiting list")

    @task(4)
    def household(self) -> None:
        if self.households:
            self._get(f"/huishouden/{random.choice(self.households)}/", "household page")

    @task(2)
    def search(self) -> None:
        page = self._get("/zoeken/", "search page")
        name = random.choice(["Jansen", "de Vries", "Bakker", "Visser", "Smit", "Mulder"])
        token = CSRF.search(page)
        with self.client.post("/zoeken/", data={
                "q": name, "csrfmiddlewaretoken": token.group(1) if token else ""},
                name="search", catch_response=True) as response:
            if response.status_code != 200:
                response.failure(f"search: {response.status_code}")

    @task(1)
    def record_contact(self) -> None:
        if not self.households:
            return
        url = f"/huishouden/{random.choice(self.households)}/"
        page = self._get(url, "household page")
        if 'id="action-resident_contacted"' not in page:
            return
        self._post(url, {"action": "resident_contacted",
                         "resident_contacted-note": "Gebeld; afspraak volgende week (load test)"},
                   page, "record contact with resident", expect=url)
