"""Break-the-glass: a written reason, a limited time, an alert, and a review."""

import datetime as dt
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from schakel.privacy import glass
from schakel.privacy.access import involvement
from schakel.privacy.errors import PrivacyError
from schakel.privacy.models import AccessLog, EmergencyAccess

pytestmark = pytest.mark.django_db
REASON = "Politie meldt acute zorgen om de veiligheid van het kind"


@pytest.fixture
def mailboxes(world):
    for name in ("leader", "privacy_officer", "other_leader"):
        user = world[name].user
        user.email = f"{name}@gemeente.test"
        user.save()


def household_url(world):
    return reverse("web:household", args=[world.household.reference])


def test_the_refusal_page_offers_break_the_glass_whether_or_not_the_household_exists(
    login, world
):
    client = login(world["glass"])
    real = client.get(household_url(world))
    fake = client.get(reverse("web:household", args=["H-0000000"]))
    assert real.status_code == fake.status_code == 404
    assert 'id="break-the-glass"' in real.content.decode()
    assert "Oudewater" not in real.content.decode()
    assert same_page(real.content.decode().replace(world.household.reference, "REF"),
                     fake.content.decode().replace("H-0000000", "REF"))


def same_page(a: str, b: str) -> bool:
    token = re.compile(r'name="csrfmiddlewaretoken" value="[^"]+"')
    return token.sub("", a) == token.sub("", b)


def test_a_reason_is_required_and_must_say_something(login, world):
    client = login(world["glass"])
    url = reverse("privacy:emergency_request")
    response = client.post(url, {"reference": world.household.reference, "reason": "even kijken"})
    assert response.status_code == 404
    assert 'id="id_reason_error"' in response.content.decode()
    assert not EmergencyAccess.objects.exists()
    with pytest.raises(PrivacyError):
        glass.request_access(world["glass"], world.household, "te kort")


def test_break_the_glass_grants_time_limited_access_and_alerts_the_reviewers(
    login, world, mailboxes, django_capture_on_commit_callbacks
):
    client = login(world["glass"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("privacy:emergency_request"),
                               {"reference": world.household.reference, "reason": REASON})
    assert response.status_code == 302 and response.url == household_url(world)
    page = client.get(household_url(world)).content.decode()
    assert "Sanne Oudewater" in page and 'class="panel panel--danger"' in page
    grant = EmergencyAccess.objects.get()
    assert grant.expires_at - grant.granted_at == dt.timedelta(hours=4)
    assert AccessLog.objects.filter(action="change:break_the_glass", staff=world["glass"],
                                    purpose__contains=REASON).exists()
    assert len(mail.outbox) == 1
    assert sorted(mail.outbox[0].to) == ["leader@gemeente.test", "privacy_officer@gemeente.test"]
    assert world.household.reference in mail.outbox[0].subject
    assert "Oudewater" not in mail.outbox[0].body and REASON not in mail.outbox[0].body
    later = grant.expires_at + dt.timedelta(minutes=1)
    assert involvement(world["glass"], world.household, at=later) is None


def test_the_team_leader_and_the_privacy_officer_judge_it_in_the_review_queue(login, world):
    grant = glass.request_access(world["glass"], world.household, REASON)
    assert glass.pending_count(world["leader"]) == 1
    assert glass.pending_count(world["privacy_officer"]) == 1
    assert glass.pending_count(world["other_leader"]) == 0
    leader = login(world["leader"])
    queue = leader.get(reverse("privacy:emergency_queue")).content.decode()
    assert REASON in queue and "Coach Nood" in queue
    assert login(world["other_leader"]).get(
        reverse("privacy:emergency_queue")).content.decode().count(REASON) == 0
    refused = leader.post(reverse("privacy:emergency_review", args=[grant.pk]),
                          {f"g{grant.pk}-verdict": "not_justified"})
    assert refused.status_code == 400  # a note is required for "not justified"
    response = leader.post(reverse("privacy:emergency_review", args=[grant.pk]), {
        f"g{grant.pk}-verdict": "not_justified", f"g{grant.pk}-note": "Geen spoed"})
    assert response.status_code == 302
    grant.refresh_from_db()
    assert grant.verdict == "not_justified" and grant.reviewed_by == world["leader"]
    assert involvement(world["glass"], world.household) is None  # ended at once
    assert AccessLog.objects.filter(action="change:break_the_glass_reviewed").exists()


def test_nobody_reviews_their_own_emergency_access(world):
    grant = glass.request_access(world["leader"], world.household, REASON)
    assert glass.pending_count(world["leader"]) == 0
    with pytest.raises(PrivacyError):
        glass.review(grant, by=world["leader"], verdict="justified", note="")


def test_only_casework_staff_of_the_municipality_may_break_the_glass(login, world):
    for name in ("policy", "admin", "partner_consent", "front_door_other", "privacy_officer"):
        with pytest.raises(PrivacyError):
            glass.request_access(world[name], world.household, REASON)
    page = login(world["front_door_other"]).get(household_url(world)).content.decode()
    assert 'id="break-the-glass"' not in page


def test_a_justified_access_still_ends_when_its_time_is_up(world):
    grant = glass.request_access(world["glass"], world.household, REASON)
    glass.review(grant, by=world["privacy_officer"], verdict="justified", note="")
    assert involvement(world["glass"], world.household) is not None
    EmergencyAccess.objects.filter(pk=grant.pk).update(expires_at=timezone.now())
    assert involvement(world["glass"], world.household) is None
