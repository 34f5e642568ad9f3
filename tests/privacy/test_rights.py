"""Data-subject rights: corrections and objections are logged with their handling."""

import pytest
from django.urls import reverse

from schakel.privacy.models import AccessLog, CorrectionRequest, Objection

pytestmark = pytest.mark.django_db


def test_the_privacy_officer_finds_a_person_by_bsn_and_records_a_correction(login, world):
    client = login(world["privacy_officer"])
    found = client.post(reverse("privacy:persons"), {"q": "999990019"}).content.decode()
    assert "Sanne Oudewater" in found
    url = reverse("privacy:correction", args=[world.sanne.pk])
    assert client.post(url, {"correction-request": ""}).status_code == 400
    assert client.post(url, {"correction-request": "Geboortedatum klopt niet"}).status_code == 302
    item = CorrectionRequest.objects.get()
    handle = reverse("privacy:handle_correction", args=[item.pk])
    assert client.post(handle, {f"c{item.pk}-status": "granted"}).status_code == 400
    client.post(handle, {f"c{item.pk}-status": "granted",
                         f"c{item.pk}-response": "Aangepast naar 3-4-1988"})
    item.refresh_from_db()
    assert item.status == "granted" and item.handled_by == world["privacy_officer"]
    page = client.get(reverse("privacy:person", args=[world.sanne.pk])).content.decode()
    assert "Aangepast naar 3-4-1988" in page
    actions = set(AccessLog.objects.values_list("action", flat=True))
    assert {"change:correction_requested", "change:correction_handled"} <= actions


def test_an_objection_is_recorded_and_decided(login, world):
    client = login(world["privacy_officer"])
    client.post(reverse("privacy:objection", args=[world.sanne.pk]), {
        "objection-purpose": "case_table", "objection-grounds": "Niet bespreken in overleg"})
    item = Objection.objects.get()
    client.post(reverse("privacy:decide_objection", args=[item.pk]), {
        f"o{item.pk}-status": "granted", f"o{item.pk}-response": "Toegekend"})
    item.refresh_from_db()
    assert item.upheld


def test_rights_pages_are_for_the_privacy_officer_only(login, world):
    url = reverse("privacy:person", args=[world.sanne.pk])
    for name in ("director", "leader", "policy", "admin", "partner_consent"):
        assert login(world[name]).get(url).status_code == 403
