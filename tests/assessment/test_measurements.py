"""Measurements: a core set always asked, deep-dives optional with a reason for skipping."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from schakel.assessment import services
from schakel.assessment.constants import NEEDS_ANALYSIS, ZRM
from schakel.assessment.models import Measurement, SkippedPart
from schakel.assessment.services import answer_key, skip_key
from schakel.cases.services import CaseError
from schakel.people.models import Person
from tests.assessment.fixtures import core_answers, member, skip_all, version_of
from tests.conftest import make_staff
from tests.web.conftest import new_episode

pytestmark = pytest.mark.django_db
DAY = dt.date(2026, 10, 1)


def finances(version):
    return version.domains.get(code="financien")


def test_a_core_question_left_open_is_refused(episode, worker, municipality):
    version = version_of(ZRM, municipality.pk)
    answers = core_answers(version)
    question = finances(version).questions.get()
    del answers[answer_key(question.pk)]
    with pytest.raises(CaseError) as caught:
        services.record_measurement(episode.household, member(episode.household, "Sanne"),
                                    version, by=worker, assessor=worker, taken_on=DAY,
                                    answers=answers)
    assert caught.value.message_dict[answer_key(question.pk)] == [
        "Financiën is part of the core set: answer this question."]
    assert not Measurement.objects.exists()


def test_skipping_an_optional_deep_dive_needs_a_reason(episode, worker, municipality):
    version = version_of(NEEDS_ANALYSIS, municipality.pk)
    domain = version.domains.get(code="financien")
    with pytest.raises(CaseError) as caught:
        services.record_measurement(episode.household, member(episode.household, "Sanne"),
                                    version, by=worker, assessor=worker, taken_on=DAY,
                                    answers=core_answers(version), skips={})
    assert caught.value.message_dict[skip_key(domain.pk)] == [
        "Answer the deep-dive on Financiën en schulden, or give a reason for skipping it."]


def test_a_skipped_deep_dive_keeps_its_reason_and_an_answered_one_its_answers(
    episode, worker, municipality,
):
    version = version_of(NEEDS_ANALYSIS, municipality.pk)
    money = version.domains.get(code="financien")
    debts = money.questions.get(code="schulden")
    skips = skip_all(version, "Komt in het tweede gesprek")
    del skips[skip_key(money.pk)]
    answers = {**core_answers(version), answer_key(debts.pk): "1"}
    m = services.record_measurement(episode.household, member(episode.household, "Sanne"),
                                    version, by=worker, assessor=worker, taken_on=DAY,
                                    answers=answers, skips=skips)
    assert m.answers.get(question=debts).value == 1
    assert not m.skipped.filter(domain=money).exists()
    assert m.skipped.count() == len(skips)
    assert set(m.skipped.values_list("reason", flat=True)) == {"Komt in het tweede gesprek"}


def test_answering_and_skipping_the_same_deep_dive_is_refused(episode, worker, municipality):
    version = version_of(NEEDS_ANALYSIS, municipality.pk)
    money = version.domains.get(code="financien")
    debts = money.questions.get(code="schulden")
    with pytest.raises(CaseError) as caught:
        services.record_measurement(
            episode.household, member(episode.household, "Sanne"), version, by=worker,
            assessor=worker, taken_on=DAY,
            answers={**core_answers(version), answer_key(debts.pk): "1"},
            skips=skip_all(version))
    assert skip_key(money.pk) in caught.value.message_dict


def test_only_members_of_the_household_are_measured(episode, worker, municipality):
    stranger = Person.objects.create(given_name="Piet", family_name="Vreemd", external_id="p-x")
    version = version_of(ZRM, municipality.pk)
    with pytest.raises(CaseError, match="not a member of the household"):
        services.record_measurement(episode.household, stranger, version, by=worker,
                                    assessor=worker, taken_on=DAY, answers=core_answers(version))


def test_another_team_cannot_record_a_measurement(episode, municipality, other_team):
    outsider = make_staff(municipality, other_team, "west")
    version = version_of(ZRM, municipality.pk)
    with pytest.raises(CaseError, match="Only the team that handles this household"):
        services.record_measurement(episode.household, member(episode.household, "Sanne"),
                                    version, by=outsider, assessor=outsider, taken_on=DAY,
                                    answers=core_answers(version))


def test_a_measurement_in_the_future_is_refused(episode, worker, municipality):
    version = version_of(ZRM, municipality.pk)
    with pytest.raises(CaseError, match="future"):
        services.record_measurement(
            episode.household, member(episode.household, "Sanne"), version, by=worker,
            assessor=worker, taken_on=dt.date.today() + dt.timedelta(days=3),
            answers=core_answers(version))


def form_data(version, person, worker, **extra):
    data = {"person": str(person.pk), "taken_on": "2026-10-01", "assessor": str(worker.pk)}
    data.update({k: str(v) for k, v in core_answers(version, 4).items()})
    data.update(extra)
    return data


def test_the_form_records_a_needs_analysis_with_one_reason_for_all_skipped_deep_dives(
    episode, worker, municipality, login,
):
    household = episode.household
    version = version_of(NEEDS_ANALYSIS, municipality.pk)
    url = reverse("assessment:new", args=[household.reference, NEEDS_ANALYSIS])
    client = login(worker)
    page = client.get(url).content.decode()
    assert "Verdieping op Financiën en schulden (optioneel)" in page
    sanne = member(household, "Sanne")
    missing = client.post(url, form_data(version, sanne, worker))
    assert missing.status_code == 400
    assert "geef een reden om die over te slaan" in missing.content.decode()
    money = version.domains.get(code="financien")
    response = client.post(url, form_data(
        version, sanne, worker, skip_all="Eerst de kern; verdieping volgt",
        **{skip_key(money.pk): "Schuldhulp is al betrokken"}))
    assert response.status_code == 302
    m = Measurement.objects.get()
    assert m.skipped.get(domain=money).reason == "Schuldhulp is al betrokken"
    assert SkippedPart.objects.filter(reason="Eerst de kern; verdieping volgt").count() == 11
    shown = client.get(response.url).content.decode()
    assert "Verdieping overgeslagen. Reden: Schuldhulp is al betrokken" in shown


def test_the_household_overview_shows_every_member_and_their_latest_zrm(
    episode, worker, municipality, login,
):
    household = episode.household
    version = version_of(ZRM, municipality.pk)
    services.record_measurement(household, member(household, "Sanne"), version, by=worker,
                                assessor=worker, taken_on=DAY,
                                answers=core_answers(version, {"financien": 1}))
    page = login(worker).get(reverse("assessment:overview", args=[household.reference]))
    text = page.content.decode()
    assert "Sanne Bakker" in text and "Mila Bakker" in text
    assert "Acute problematiek" in text  # Financiën of Sanne
    assert '<span class="level level-1">1</span>' in text


def test_the_analysis_of_a_household_is_hidden_from_another_team(
    municipality, other_team, team, worker, login,
):
    episode = new_episode(team, worker)
    outsider = make_staff(municipality, other_team, "west")
    url = reverse("assessment:overview", args=[episode.household.reference])
    assert login(outsider).get(url).status_code == 404
