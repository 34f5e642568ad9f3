"""Partner API and web form: scopes, validation naming the field, limits, tokens, the form."""

from __future__ import annotations

import json

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import Client

from schakel.api import tokens
from schakel.api.models import PartnerToken, Submission
from schakel.cases.constants import Channel, Source
from schakel.cases.models import Episode
from schakel.tenancy.constants import OrganisationKind, Role
from schakel.tenancy.models import StaffProfile
from schakel.tenancy.services import create_organisation
from tests.api.conftest import referral
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db


def post(path: str, token: str, body: object, **headers: str):
    return Client().post(path, json.dumps(body), content_type="application/json",
                         HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_ACCEPT_LANGUAGE="en",
                         **headers)


def signal(team, **extra):
    body = referral(team, topic="rent_arrears", rent_arrears_months=3)
    del body["criteria"]
    return {**body, **extra}


def test_housing_corporation_signals_rent_arrears_with_source_housing(team, housing_token):
    response = post("/api/v1/signals", housing_token, signal(team))
    assert response.status_code == 201, response.content
    episode = Episode.objects.get()
    assert episode.source == Source.HOUSING and episode.channel == Channel.API
    text = episode.events.get(kind="registered").data["description"]
    assert "Rent arrears: 3 months." in text


def test_a_token_without_the_referral_scope_cannot_refer(team, housing_token):
    response = post("/api/v1/referrals", housing_token, referral(team))
    assert response.status_code == 403
    assert "referrals:write" in response.json()["detail"]


def test_only_a_gp_practice_refers_on_gp_criteria(team, housing):
    plain = tokens.create_token(housing, name="x", scopes=["referrals:write"])[1]
    response = post("/api/v1/referrals", plain, referral(team))
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "kind"]


def test_an_invalid_bsn_is_refused_naming_the_person_and_field(team, gp_token):
    body = referral(team)
    body["persons"][0]["bsn"] = "123456789"
    response = post("/api/v1/referrals", gp_token, body)
    assert response.status_code == 422
    error = response.json()["detail"][0]
    assert error["loc"] == ["body", "persons", "1", "bsn"]
    assert "person 1" in error["msg"] and "11-test" in error["msg"]
    assert not Submission.objects.exists()


def test_a_team_of_another_municipality_cannot_be_addressed(team, gp_token):
    response = post("/api/v1/referrals", gp_token, {**referral(team), "team": "elsewhere"})
    assert response.status_code == 422
    assert response.json()["detail"][0]["loc"] == ["body", "team"]


def test_no_token_or_a_revoked_token_gets_401(team, gp_token):
    assert Client().get("/api/v1/submissions").status_code == 401
    tokens.revoke_token(gp_token[:12])
    assert post("/api/v1/referrals", gp_token, referral(team)).status_code == 401


def test_more_requests_than_the_rate_allows_get_429_with_retry_after(team, gp_token):
    cache.clear()
    PartnerToken.objects.update(rate_per_minute=2)
    client = Client(HTTP_AUTHORIZATION=f"Bearer {gp_token}")
    codes = [client.get("/api/v1/teams").status_code for _ in range(3)]
    assert codes[:2] == [200, 200]
    last = client.get("/api/v1/teams")
    assert last.status_code == 429 and int(last["Retry-After"]) >= 1


def test_only_a_digest_of_the_token_is_stored(gp, gp_token):
    stored = PartnerToken.objects.get(organisation=gp)
    assert gp_token not in (stored.digest, stored.prefix) and len(stored.digest) == 64
    assert not PartnerToken.objects.filter(digest=gp_token).exists()


def test_the_openapi_document_is_served():
    document = Client().get("/api/v1/openapi.json").json()
    assert document["openapi"].startswith("3.")
    assert "/api/v1/referrals" in document["paths"]


def test_partner_token_command_creates_lists_and_revokes(gp, capsys):
    call_command("partner-token", "create", "org-linde", "--name", "HIS")
    plain = capsys.readouterr().out.splitlines()[1]
    assert plain.startswith("skl_")
    call_command("partner-token", "list")
    assert "active" in capsys.readouterr().out
    call_command("partner-token", "revoke", plain[:12])
    assert PartnerToken.objects.get().revoked_at is not None


def test_a_care_provider_gets_no_partner_token(municipality):
    care = create_organisation("Zorg BV", OrganisationKind.CARE, municipality=municipality)
    with pytest.raises(Exception, match="Only GP practices"):
        tokens.create_token(care, name="x", scopes=["signals:write"])


@pytest.fixture
def gp_user(municipality, gp) -> StaffProfile:
    staff = make_staff(municipality, None, "dokter", roles=[Role.PARTNER])
    StaffProfile.objects.filter(pk=staff.pk).update(organisation=gp)
    staff.refresh_from_db()
    return staff


def form_data(team, **extra):
    return {
        "kind": "referral", "team": team.pk, "unit": "volwassenen", "criteria": ["addiction"],
        "urgency": "normal", "multiple_problems": "on", "description": "Drinkt veel",
        "persons-TOTAL_FORMS": "1", "persons-INITIAL_FORMS": "0",
        "persons-MIN_NUM_FORMS": "1", "persons-MAX_NUM_FORMS": "20",
        "persons-0-given_name": "Kees", "persons-0-family_name": "Molen",
        "persons-0-role": "parent", **extra,
    }


def test_a_gp_without_software_refers_by_web_form_and_sees_it_received(team, gp_user, login):
    client = login(gp_user)
    assert client.get("/partner/melden/").status_code == 200
    response = client.post("/partner/melden/", form_data(team))
    assert response.status_code == 302, response.content.decode()[:2000]
    episode = Episode.objects.get()
    assert episode.source == Source.GP and episode.channel == Channel.DIGITAL
    page = client.get("/partner/meldingen/").content.decode()
    assert "Received" in page and "Molen" not in page


def test_the_web_form_names_the_missing_criterion(team, gp_user, login):
    response = login(gp_user).post("/partner/melden/", form_data(team, criteria=[]))
    assert response.status_code == 400
    assert "Name at least one referral criterion." in response.content.decode()
    assert not Episode.objects.exists()


def test_team_members_cannot_use_the_partner_form(worker, login):
    assert login(worker).get("/partner/melden/").status_code == 403


def test_an_administrator_creates_a_token_shown_once_and_revokes_it(municipality, gp, login):
    admin = make_staff(municipality, None, "beheerder", roles=[Role.ADMIN])
    client = login(admin)
    page = client.post("/partner/tokens/", {"organisation": gp.pk, "name": "HIS",
                                            "scopes": ["referrals:write"], "rate": 30})
    text = page.content.decode()
    token = PartnerToken.objects.get()
    assert "it is not shown again" in text and f"{token.prefix}" in text
    assert "it is not shown again" not in client.get("/partner/tokens/").content.decode()
    client.post("/partner/tokens/", {"revoke": token.prefix})
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_partner_users_cannot_manage_tokens(gp_user, login):
    assert login(gp_user).get("/partner/tokens/").status_code == 403
