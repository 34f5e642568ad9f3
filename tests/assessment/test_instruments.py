"""Instruments are data: shipped as JSON, revised by the administrator without code."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from schakel.assessment import definitions, queries, services
from schakel.assessment.constants import NEEDS_ANALYSIS, ZRM, LifeArea
from schakel.assessment.models import InstrumentVersion
from schakel.cases.services import CaseError
from schakel.tenancy.models import Municipality
from tests.assessment.fixtures import core_answers, member, version_of
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db

ZRM_DOMAINS = [
    "Financiën", "Werk & opleiding", "Tijdsbesteding", "Huisvesting", "Huiselijke relaties",
    "Geestelijke gezondheid", "Lichamelijke gezondheid", "Middelengebruik", "Basale ADL",
    "Instrumentele ADL", "Sociaal netwerk", "Maatschappelijke participatie", "Justitie",
]
ZRM_LEVELS = [(1, "Acute problematiek"), (2, "Niet zelfredzaam"), (3, "Beperkt zelfredzaam"),
              (4, "Voldoende zelfredzaam"), (5, "Volledig zelfredzaam")]


def test_the_zrm_ships_its_thirteen_domains_with_five_named_levels(municipality):
    version = version_of(ZRM, municipality.pk)
    assert [d.name for d in version.domains.all()] == ZRM_DOMAINS
    for domain in version.domains.all():
        (question,) = domain.questions.all()  # one score per domain, no criteria texts
        assert question.core and question.kind == "scale"
        assert [(lv.value, lv.label) for lv in question.scale.levels.all()] == ZRM_LEVELS


def test_the_shipped_zrm_holds_no_copyrighted_cell_texts():
    raw = json.loads((definitions.SHIPPED_DIR / "zrm-2017.json").read_text(encoding="utf-8"))
    texts = {q["text"] for d in raw["domains"] for q in d["questions"]}
    assert texts == {"Niveau van zelfredzaamheid"}
    assert all(set(level) <= {"value", "label"} for level in raw["scales"][0]["levels"])


def test_the_needs_analysis_covers_every_life_area_with_a_core_and_an_optional_deep_dive(
    municipality,
):
    version = version_of(NEEDS_ANALYSIS, municipality.pk)
    areas = {d.life_area for d in version.domains.all() if d.life_area}
    assert areas == set(LifeArea.values)
    for domain in version.domains.all():
        if domain.life_area:
            kinds = {q.core for q in domain.questions.all()}
            assert kinds == {True, False}, domain.name


def test_a_definition_with_problems_is_refused_listing_every_problem():
    with pytest.raises(definitions.DefinitionError) as caught:
        definitions.parse({
            "code": "Bad Code", "name": "",
            "scales": [{"code": "s", "name": "S", "levels": [{"value": 1, "label": "a"},
                                                             {"value": 1, "label": "b"}]}],
            "domains": [{"code": "d", "name": "D", "questions": [
                {"code": "q", "text": "Q", "kind": "scale", "scale": "missing"}]}],
        })
    problems = " ".join(caught.value.messages)
    assert "Bad Code" in problems
    assert "'name' is missing" in problems
    assert "level 1 is used twice" in problems
    assert "scale 'missing' that is not defined" in problems


def revised_zrm(version) -> str:
    data = definitions.to_data(version)
    data["name"] = "Zelfredzaamheid-Matrix (ZRM 2017, Testgemeente)"
    data["domains"][0]["name"] = "Geld en schulden"
    data["domains"].append({"code": "opvoeding", "name": "Opvoeding", "questions": [
        {"code": "niveau", "text": "Niveau van zelfredzaamheid", "kind": "scale",
         "scale": "zrm"}]})
    return json.dumps(data)


def test_a_revised_instrument_applies_to_new_measurements_and_old_ones_keep_their_version(
    municipality, admin, worker, episode, login,
):
    household = episode.household
    sanne = member(household, "Sanne")
    v1 = version_of(ZRM, municipality.pk)
    old = services.record_measurement(household, sanne, v1, by=worker, assessor=worker,
                                      taken_on=dt.date(2026, 3, 1), answers=core_answers(v1, 2))

    v2 = services.revise_instrument(v1.instrument, revised_zrm(v1), by=admin,
                                    note="Opvoeding toegevoegd")
    assert v2.number == 2
    assert queries.current_version(v1.instrument, municipality.pk) == v2
    with pytest.raises(CaseError, match="new measurements use version 2"):
        services.record_measurement(household, sanne, v1, by=worker, assessor=worker,
                                    taken_on=dt.date(2026, 6, 1), answers=core_answers(v1))
    v2 = version_of(ZRM, municipality.pk)
    new = services.record_measurement(household, sanne, v2, by=worker, assessor=worker,
                                      taken_on=dt.date(2026, 6, 1), answers=core_answers(v2, 4))
    assert new.version == v2 and old.version == v1

    client = login(worker)
    old_page = client.get(reverse("assessment:measurement", args=[household.reference, old.pk]))
    text = old_page.content.decode()
    assert "Financiën" in text and "Geld en schulden" not in text
    assert "Opvoeding" not in text
    assert "versie 1" in text and "Nieuwe metingen gebruiken versie 2" in text
    new_page = client.get(reverse("assessment:measurement", args=[household.reference, new.pk]))
    assert "Geld en schulden" in new_page.content.decode()
    assert "Opvoeding" in new_page.content.decode()


def test_only_a_functional_administrator_revises_an_instrument(municipality, worker):
    v1 = version_of(ZRM, municipality.pk)
    with pytest.raises(CaseError, match="functional administrator"):
        services.revise_instrument(v1.instrument, revised_zrm(v1), by=worker, note="x")


def test_a_revision_in_one_municipality_leaves_the_other_on_the_shipped_version(
    municipality, admin,
):
    v1 = version_of(ZRM, municipality.pk)
    services.revise_instrument(v1.instrument, revised_zrm(v1), by=admin, note="eigen versie")
    other = Municipality.objects.create(name="Andere", cbs_code="GM9998", external_id="gm2")
    assert queries.current_version(v1.instrument, other.pk).number == 1
    assert queries.current_version(v1.instrument, municipality.pk).number == 2


def test_the_administrator_adds_an_instrument_of_their_own(municipality, admin):
    version = services.add_instrument(json.dumps({
        "code": "gezinsscan", "name": "Gezinsscan",
        "scales": [{"code": "ja-nee-soms", "name": "Frequentie", "levels": [
            {"value": 1, "label": "Vaak"}, {"value": 2, "label": "Soms"},
            {"value": 3, "label": "Nooit"}]}],
        "domains": [{"code": "ritme", "name": "Dagritme", "questions": [
            {"code": "te-laat", "text": "Komen de kinderen te laat op school?",
             "scale": "ja-nee-soms"},
            {"code": "toelichting", "text": "Toelichting", "kind": "text", "core": False}]}],
    }), by=admin)
    assert version.number == 1 and version.municipality == municipality
    assert [v.name for v in queries.current_versions(municipality.pk)] == [
        "Brede uitvraag", "Gezinsscan", "Zelfredzaamheid-Matrix (ZRM 2017)"]
    with pytest.raises(CaseError, match="exists already"):
        services.add_instrument(definitions.to_text(version), by=admin)


def test_the_revision_page_starts_from_the_version_in_use_and_saves_a_new_one(
    municipality, admin, login,
):
    v1 = version_of(ZRM, municipality.pk)
    client = login(admin)
    url = reverse("assessment:admin_revise", args=[v1.instrument.pk])
    page = client.get(url).content.decode()
    assert "Werk &amp; opleiding" in page
    response = client.post(url, {"definition": revised_zrm(v1), "note": "Opvoeding erbij"})
    assert response.status_code == 302
    assert InstrumentVersion.objects.filter(instrument=v1.instrument).count() == 2
    broken = client.post(url, {"definition": "{not json", "note": "x"})
    assert broken.status_code == 400
    assert "geen geldige JSON" in broken.content.decode()
    listing = client.get(reverse("assessment:admin_list")).content.decode()
    assert "Opvoeding erbij" in listing


def test_the_instrument_pages_are_for_administrators_only(municipality, worker, login):
    response = login(worker).get(reverse("assessment:admin_list"))
    assert response.status_code == 403


def test_a_partner_user_sees_no_analysis(municipality, episode, login):
    from schakel.tenancy.constants import Role

    partner = make_staff(municipality, None, "partner", roles=[Role.PARTNER])
    url = reverse("assessment:overview", args=[episode.household.reference])
    assert login(partner).get(url).status_code == 403
