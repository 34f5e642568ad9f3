"""A GP practice and a housing corporation with API tokens, and a tiny HTTP client."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Any

import pytest

from schakel.api import tokens
from schakel.api.constants import Scope
from schakel.tenancy.constants import OrganisationKind
from schakel.tenancy.models import Organisation
from schakel.tenancy.services import create_organisation


@dataclass
class Reply:
    status: int
    body: Any
    headers: dict[str, str]


def call(base: str, method: str, path: str, token: str | None = None,
         body: Any = None, headers: dict[str, str] | None = None) -> Reply:
    """One real HTTP request to the live server."""
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    request.add_header("Accept-Language", "en")
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return Reply(response.status, json.loads(response.read() or b"null"),
                         dict(response.headers))
    except urllib.error.HTTPError as exc:
        return Reply(exc.code, json.loads(exc.read() or b"null"), dict(exc.headers))


@pytest.fixture
def gp(municipality) -> Organisation:
    return create_organisation("Huisartsenpraktijk De Linde", OrganisationKind.GP,
                               municipality=municipality, external_id="org-linde")


@pytest.fixture
def housing(municipality) -> Organisation:
    return create_organisation("Woonstichting Thuis", OrganisationKind.HOUSING,
                               municipality=municipality, external_id="org-thuis")


@pytest.fixture
def gp_token(gp) -> str:
    return tokens.create_token(gp, name="HIS koppeling", scopes=Scope.values)[1]


@pytest.fixture
def housing_token(housing) -> str:
    return tokens.create_token(housing, name="Huurachterstand", scopes=[Scope.SIGNALS])[1]


def referral(team, **extra: Any) -> dict[str, Any]:
    return {
        "team": team.external_id, "unit": "volwassenen", "criteria": ["social_questions"],
        "description": "Schulden en slecht slapen", "referrer_name": "Dokter Vis",
        "persons": [{"given_name": "Ria", "family_name": "Doorn", "birth_date": "1961-03-04",
                     "role": "parent", "postcode": "3111 AB"}],
        **extra,
    }
