"""Every disclosure needs a basis; without one it is refused and says what is missing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.privacy import consents, rights
from schakel.privacy.bases import DisclosureRefused, check_disclosure
from schakel.privacy.constants import BasisKind
from schakel.privacy.models import AccessLog
from schakel.tenancy.services import create_organisation

pytestmark = pytest.mark.django_db
CASE_TABLE = "case_table"


def consent(world, categories=("identity", "case"), **kwargs):
    return consents.give_consent(
        by=world["director"], person=world.sanne, purpose=CASE_TABLE, recipient=world.gp,
        categories=list(categories), method="verbal", household=world.household, **kwargs)


def test_without_any_basis_the_refusal_names_each_missing_basis(world):
    with pytest.raises(DisclosureRefused) as refused:
        check_disclosure(world.sanne, world.gp, CASE_TABLE, ["identity"])
    message = refused.value.message
    assert "no consent of Sanne Oudewater for this recipient and purpose" in message
    assert "no valid covenant with Huisartsenpraktijk Kade" in message
    assert "no legal task" in message


def test_a_consent_is_a_basis_for_its_purpose_recipient_and_categories(world):
    given = consent(world)
    basis = check_disclosure(world.sanne, world.gp, CASE_TABLE, ["identity", "case"])
    assert basis.kind == BasisKind.CONSENT and basis.consent == given
    with pytest.raises(DisclosureRefused, match="does not cover health"):
        check_disclosure(world.sanne, world.gp, CASE_TABLE, ["health"])
    with pytest.raises(DisclosureRefused):
        check_disclosure(world.sanne, world.gp, "referral", ["identity"])


def test_a_withdrawn_consent_stops_the_next_disclosure_to_that_recipient(world):
    given = consent(world)
    assert check_disclosure(world.sanne, world.gp, CASE_TABLE, ["identity"])
    consents.withdraw_consent(given, by=world["director"], note="Wil het niet meer")
    with pytest.raises(DisclosureRefused) as refused:
        check_disclosure(world.sanne, world.gp, CASE_TABLE, ["identity"])
    assert "was withdrawn on" in refused.value.message
    assert AccessLog.objects.filter(action="change:consent_withdrawn").exists()


def test_a_withdrawn_consent_stops_the_partner_page_too(login, world):
    given = consent(world)
    client = login(world["partner_consent"])
    url = reverse("privacy:shared_person", args=[world.sanne.pk]) + f"?doel={CASE_TABLE}"
    shown = client.get(url)
    assert shown.status_code == 200 and "Sanne Oudewater" in shown.content.decode()
    assert AccessLog.objects.filter(action="disclosure", person=world.sanne).exists()
    consents.withdraw_consent(given, by=world["director"])
    refused = client.get(url)
    assert refused.status_code == 403
    page = refused.content.decode()
    assert "Sanne" not in page and "999990019" not in page
    assert "is ingetrokken op" in page  # the Dutch page names the missing basis
    listing = client.get(reverse("privacy:shared")).content.decode()
    assert "Sanne" not in listing


def test_an_expired_consent_is_no_basis(world):
    consent(world, given_at=timezone.now() - dt.timedelta(days=400),
            valid_until=timezone.localdate() - dt.timedelta(days=1))
    with pytest.raises(DisclosureRefused, match="has expired"):
        check_disclosure(world.sanne, world.gp, CASE_TABLE, ["identity"])


def test_a_valid_covenant_covers_its_parties_purposes_and_categories(world, municipality):
    police = create_organisation("Politie Basisteam", "police", municipality=municipality)
    today = timezone.localdate()
    consents.add_covenant(
        municipality, by=world["privacy_officer"], name="Convenant Wijkschakel",
        parties=[police, world.gp], purposes=[CASE_TABLE], categories=["identity", "safety"],
        valid_from=today - dt.timedelta(days=10), valid_until=today + dt.timedelta(days=10),
        document_reference="DMS 2026-0042",
    )
    basis = check_disclosure(world.household, police, CASE_TABLE, ["identity", "safety"])
    assert basis.kind == BasisKind.COVENANT and "DMS 2026-0042" in str(basis)
    assert len(basis.covers) == 2  # both members
    with pytest.raises(DisclosureRefused):
        check_disclosure(world.household, police, CASE_TABLE, ["health"])


def test_a_covenant_outside_its_validity_is_no_basis(world, municipality):
    police = create_organisation("Politie", "police", municipality=municipality)
    consents.add_covenant(
        municipality, by=world["privacy_officer"], name="Oud convenant", parties=[police, world.gp],
        purposes=[CASE_TABLE], categories=["identity"], valid_from=dt.date(2020, 1, 1),
        valid_until=dt.date(2021, 1, 1), document_reference="DMS 2020-1",
    )
    with pytest.raises(DisclosureRefused):
        check_disclosure(world.sanne, police, CASE_TABLE, ["identity"])


def test_a_legal_task_covers_youth_help_by_a_care_provider(world, municipality):
    care = create_organisation("Jeugdhulp Aanbieder", "care", municipality=municipality)
    basis = check_disclosure(world.mila, care, "youth_help", ["identity", "health"])
    assert basis.kind == BasisKind.LEGAL_TASK and "Jeugdwet" in str(basis)


def test_an_upheld_objection_stops_disclosure_for_its_purpose_whatever_the_basis(world):
    consent(world)
    objection = rights.object_to_processing(world.sanne, by=world["privacy_officer"],
                                            purpose=CASE_TABLE, grounds="Geen casusoverleg")
    assert check_disclosure(world.sanne, world.gp, CASE_TABLE, ["identity"])
    rights.decide_objection(objection, by=world["privacy_officer"], status="granted",
                            decision="Toegekend")
    with pytest.raises(DisclosureRefused, match="objected"):
        check_disclosure(world.sanne, world.gp, CASE_TABLE, ["identity"])


def test_consents_are_recorded_and_withdrawn_on_the_household_page(login, world):
    client = login(world["director"])
    url = reverse("web:give_consent", args=[world.household.reference])
    refused = client.post(url, {"consent-person": world.sanne.pk})
    assert refused.status_code == 400
    assert 'id="id_consent-purpose_error"' in refused.content.decode()
    response = client.post(url, {
        "consent-person": world.sanne.pk, "consent-purpose": CASE_TABLE,
        "consent-recipient": world.gp.pk, "consent-categories": ["identity", "case"],
        "consent-method": "written",
    })
    assert response.status_code == 302
    page = client.get(reverse("web:household", args=[world.household.reference]))
    html = page.content.decode()
    assert "Huisartsenpraktijk Kade" in html and "Geldig" in html
    given = world.sanne.consents.get()
    client.post(reverse("web:withdraw_consent", args=[world.household.reference, given.pk]))
    given.refresh_from_db()
    assert given.withdrawn_at is not None


def test_a_colleague_who_is_not_involved_cannot_record_a_consent(login, world):
    response = login(world["colleague"]).post(
        reverse("web:give_consent", args=[world.household.reference]), {})
    assert response.status_code == 404
