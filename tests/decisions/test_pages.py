"""The pages: referral from the plan to decision, letter, objection and outcome."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.decisions.models import Decision, Objection, Referral
from tests.conftest import sign_in
from tests.decisions.conftest import product, provider

pytestmark = pytest.mark.django_db


def _client(staff) -> Client:
    client = Client()
    sign_in(client, staff.user)
    return client


def test_referral_to_decision_letter_objection_and_outcome_through_the_pages(planned):
    client = _client(planned.worker)
    url = reverse("decisions:household", kwargs={"reference": planned.household.reference})
    today = timezone.localdate().isoformat()
    response = client.post(url, {
        "action": "refer", "referral-product": product("J-OPV-01").pk,
        "referral-person": planned.mila.pk, "referral-volume": "20",
        "referral-period_start": today, "referral-period_end": today,
        "referral-provider": provider("prov-jeugdzorg-zuid").pk,
        "referral-reason": "Opvoedhulp"})
    assert response.status_code == 302
    referral = Referral.objects.get()
    client.post(url, {"action": "start", "start-law": "youth", "start-person": planned.mila.pk,
                      "start-referral": referral.pk, "start-decided_by_part": "team"})
    decision = Decision.objects.get()
    page = client.get(url).content.decode()
    assert "Mila" in page and "8 weken" in page
    response = client.post(url, {"action": "decide", "pk": decision.pk,
                                 "decide-outcome": "granted",
                                 "decide-motivation": "Hulp is nodig"})
    assert response.status_code == 302
    letter = client.get(reverse("decisions:letter", kwargs={
        "reference": planned.household.reference, "pk": decision.pk}))
    assert letter["Content-Type"] == "application/pdf"
    client.post(url, {"action": "object", "pk": decision.pk, "objection-grounds": "Te weinig"})
    objection = Objection.objects.get()
    client.post(url, {"action": "objection_outcome", "pk": objection.pk,
                      "outcome-outcome": "partly"})
    objection.refresh_from_db()
    assert objection.outcome == "partly" and objection.system_part == "team"


def test_refused_referral_comes_back_with_the_reason(unplanned):
    client = _client(unplanned.worker)
    url = reverse("decisions:household", kwargs={"reference": unplanned.household.reference})
    today = timezone.localdate().isoformat()
    response = client.post(url, {
        "action": "refer", "referral-product": product("J-OPV-01").pk,
        "referral-person": unplanned.mila.pk, "referral-volume": "20",
        "referral-period_start": today, "referral-period_end": today,
        "referral-reason": "Opvoedhulp"})
    assert response.status_code == 400
    assert not Referral.objects.exists()


def test_catalogue_and_figures_pages_show_no_residents(planned):
    client = _client(planned.worker)
    assert "Ambulante opvoedhulp" in client.get(reverse("decisions:catalogue")).content.decode()
    assert client.get(reverse("decisions:figures")).status_code == 200
    assert client.get(reverse("decisions:complaints")).status_code == 200


def test_a_refused_decision_comes_back_next_to_that_decision_with_the_reason(planned):
    from schakel.decisions import services

    decision = services.receive_youth_aanvraag(planned.household, by=planned.worker,
                                               person=planned.mila)
    client = _client(planned.worker)
    url = reverse("decisions:household", kwargs={"reference": planned.household.reference})
    response = client.post(url, {"action": "decide", "pk": decision.pk,
                                 "decide-outcome": "granted", "decide-motivation": "Nodig"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Choose what is granted from the catalogue." in page or "voorzieningenboek" in page
    assert f'id="id_decide-outcome_{decision.pk}"' not in page  # the bound form is shown
