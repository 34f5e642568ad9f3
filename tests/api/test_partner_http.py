"""Done when: a GP's referral over real HTTP lands in the werkvoorraad; the status needs consent."""

from __future__ import annotations

import pytest

from schakel.api.models import Submission
from schakel.cases import queries, services
from schakel.cases.constants import Channel, Source
from schakel.privacy import consents
from tests.api.conftest import call, referral

pytestmark = pytest.mark.django_db(transaction=True)


def test_gp_referral_reaches_the_werkvoorraad_and_help_started_shows_only_after_consent(
    live_server, team, worker, leader, gp, gp_token,
):
    base = live_server.url
    sent = call(base, "POST", "/api/v1/referrals", gp_token, referral(team),
                {"Idempotency-Key": "ref-0001"})
    assert sent.status == 201, sent.body
    assert sent.body["status"] == "registered"

    stock = list(queries.werkvoorraad(team.pk))
    assert len(stock) == 1
    episode = stock[0]
    assert episode.source == Source.GP and episode.channel == Channel.API
    assert "Dokter Vis" in episode.events.get(kind="registered").data["referrer_name"]

    services.assign(episode, worker, by=leader)
    episode.refresh_from_db()
    services.start_help(episode, by=worker)
    path = f"/api/v1/submissions/{sent.body['id']}"
    assert call(base, "GET", path, gp_token).body["status"] == "registered"

    submission = Submission.objects.get(public_id=sent.body["id"])
    consents.give_consent(by=worker, person=submission.subject, purpose="referral",
                          recipient=gp, categories=["case"], method="written",
                          household=episode.household)
    seen = call(base, "GET", path, gp_token)
    assert seen.status == 200 and seen.body["status"] == "help_started"
    listed = call(base, "GET", "/api/v1/submissions", gp_token).body
    assert [s["status"] for s in listed] == ["help_started"]


def test_a_retry_with_the_same_idempotency_key_opens_no_second_case(
    live_server, team, gp_token,
):
    headers = {"Idempotency-Key": "retry-42"}
    first = call(live_server.url, "POST", "/api/v1/referrals", gp_token, referral(team), headers)
    again = call(live_server.url, "POST", "/api/v1/referrals", gp_token, referral(team), headers)
    assert first.status == again.status == 201
    assert first.body == again.body
    assert Submission.objects.count() == 1
    other = call(live_server.url, "POST", "/api/v1/referrals", gp_token,
                 referral(team, description="Iets anders"), headers)
    assert other.status == 422
    assert "Idempotency-Key was used before" in other.body["detail"]
