"""Inzage: the export of a person holds every kind of data the product keeps about them.

The test enumerates every installed model with a chain of foreign keys to
Person or Household. A model added later fails here until the fixture below
creates a row of it for the person, so the export is proven to include it.
"""

import json

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from schakel.cases import services
from schakel.people.models import Person
from schakel.people.services import PersonInput, create_person
from schakel.privacy import consents, flags, glass, rights
from schakel.privacy.inzage import collect, label, subject_models
from schakel.privacy.models import AccessLog, EventCategory
from tests.privacy import others

pytestmark = pytest.mark.django_db


@pytest.fixture
def full(world, login):
    """Sanne with a row in every model that can hold data about her."""
    director = world["director"]
    login(director).get(reverse("web:household", args=[world.household.reference]))
    event = services.record(world.episode, "resident_contacted", by=director, note="Gesproken")
    EventCategory.objects.create(event=event, category="health")
    consents.give_consent(by=director, person=world.sanne, purpose="referral",
                          recipient=world.gp, categories=["identity"], method="written",
                          household=world.household)
    flags.set_flag(world.household, "danger_home_visit", by=director)
    glass.request_access(world["glass"], world.household, "Acute melding van de politie hier")
    rights.request_correction(world.sanne, by=world["privacy_officer"], request="Adres klopt niet")
    rights.object_to_processing(world.sanne, by=world["privacy_officer"], purpose="case_table",
                                grounds="Niet bespreken")
    twin = create_person(PersonInput(given_name="Sanne", family_name="Oudewater", phone="06"))
    world.household.members.create(person=twin, role="parent")
    services.merge_persons(world.sanne, twin, by=director)
    extra = others.build(world)
    return world, extra


def erased_elsewhere(world):
    """An Erasure row exists for erased households only: one of Sanne's, long closed."""
    from schakel.privacy.models import Erasure

    Erasure.objects.create(household=world.household, reference=world.household.reference,
                           erased_at=timezone.now(), erased_by="test", rule="test",
                           persons=0, events=0)


def test_the_inzage_export_holds_every_kind_of_data_about_the_person(full):
    world, _extra = full
    erased_elsewhere(world)
    export = collect(world.sanne)
    sections = {s.model: s for s in export.sections}
    models = {label(m) for m in subject_models()}
    assert models <= set(sections), "every model with a path to a person is a section"
    empty = sorted(m for m in models if not sections[m].rows)
    assert not empty, (
        f"no rows for {empty}: these models hold data about persons; create a row of each in "
        "the 'full' fixture of tests/privacy/test_inzage.py so the export proves it includes it")
    assert world.sanne.bsn in json.dumps(export.as_json())
    merged = sections["people.Person"].rows
    assert {r["id"] for r in merged} >= {world.sanne.pk}
    assert len(merged) == 2  # the duplicate merged into her is hers too


def test_the_core_models_are_all_known(world):
    """Guards the discovery itself: these must always be found."""
    found = {label(m) for m in subject_models()}
    assert {"people.Person", "people.Household", "people.HouseholdMember", "cases.Episode",
            "cases.Event", "cases.Involvement", "privacy.AccessLog", "privacy.Consent",
            "privacy.SensitiveFlag", "privacy.EmergencyAccess", "privacy.EventCategory",
            "privacy.CorrectionRequest", "privacy.Objection", "privacy.Erasure"} <= found


def test_the_inzage_page_and_json_are_for_the_privacy_officer_and_logged(login, full):
    world, _extra = full
    client = login(world["privacy_officer"])
    page = client.get(reverse("privacy:inzage", args=[world.sanne.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "Sanne Oudewater" in html and world.sanne.bsn in html
    data = client.get(reverse("privacy:inzage_json", args=[world.sanne.pk])).json()
    assert data["sections"]["privacy.Consent"]["count"] == 1
    assert AccessLog.objects.filter(action="inzage_export", person=world.sanne).count() == 2
    assert login(world["director"]).get(
        reverse("privacy:inzage", args=[world.sanne.pk])).status_code == 403


def test_the_inzage_command_writes_html_and_json(tmp_path, world):
    call_command("inzage", str(world.sanne.pk), "--out", str(tmp_path))
    data = json.loads((tmp_path / f"inzage-{world.sanne.pk}.json").read_text())
    assert data["sections"]["people.Person"]["rows"][0]["bsn"] == world.sanne.bsn
    assert "Sanne Oudewater" in (tmp_path / f"inzage-{world.sanne.pk}.html").read_text()


def test_another_persons_inzage_holds_nothing_of_hers_outside_the_household(world):
    stranger = Person.objects.create(given_name="Ander", family_name="Persoon", external_id="p")
    export = collect(stranger)
    assert all(not s.rows for s in export.sections if s.model != "people.Person")
