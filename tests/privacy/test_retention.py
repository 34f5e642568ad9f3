"""Retention: a dossier past its term is erased, and the figures stay the same."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.utils import timezone

from schakel.cases import services
from schakel.cases.models import Event, Involvement
from schakel.insight.compliance import norm_compliance
from schakel.insight.filters import Scope
from schakel.insight.times import waiting_times
from schakel.insight.waiting import waiting_on
from schakel.people.models import Household, Person
from schakel.privacy import consents, flags, retention
from schakel.privacy.constants import ERASED
from schakel.privacy.errors import PrivacyError
from schakel.privacy.models import AccessLog, Consent, Erasure, RetentionRule, SensitiveFlag

pytestmark = pytest.mark.django_db


def ended_long_ago(world, team, *, years_ago: int, unit: str = "volwassenen", name="Verleden"):
    """A household helped and closed ``years_ago`` years ago (backdated, as imports do)."""
    now = timezone.now()
    start = now - dt.timedelta(days=365 * years_ago + 60)
    episode = services.register(
        world["director"],
        services.RegistrationInput(team=team, unit=unit, source="gp", channel="phone",
                                   referrer_name="Dr. Smit", referrer_contact="010-1234567",
                                   description="Schulden en eenzaamheid", occurred_at=start,
                                   backdate_reason="historie"),
        household_name=name,
        members=[services.PersonInput(given_name="Piet", family_name=name, bsn="111222333",
                                      birth_date=dt.date(1950, 1, 1), phone="0101234567",
                                      street="Dijk", house_number="1", postcode="3111AA")],
    )
    later = {"backdate_reason": "historie"}
    services.record(episode, "resident_contacted", by=world["director"],
                    occurred_at=start + dt.timedelta(days=2), note="Piet gesproken", **later)
    services.assign(episode, world["director"], by=world["director"],
                    occurred_at=start + dt.timedelta(days=5), note="Naar mij", **later)
    services.start_help(episode, by=world["director"], occurred_at=start + dt.timedelta(days=9),
                        **later)
    services.add_involvement(episode, by=world["director"], kind="network", name="Buurvrouw Els",
                             contact="06-99999999")
    services.close(episode, by=world["director"], reason="goals_met", destination="own_network",
                   occurred_at=start + dt.timedelta(days=50), note="Gaat goed", **later)
    services.record(episode, "aftercare_ended", by=world["director"],
                    occurred_at=start + dt.timedelta(days=55), **later)
    return episode


def figures(municipality):
    """The insight figures over the whole history, without the moment they were computed."""
    scope = Scope(municipality.pk)
    today = timezone.localdate()
    start = today - dt.timedelta(days=365 * 20)
    result = [waiting_on(day, scope) for day in (start + dt.timedelta(days=400), today)] + [
        norm_compliance(start, today, scope), waiting_times(start, today, scope)]
    for figure in result:
        figure.pop("at", None)
    return result


def test_the_scheduler_lists_what_is_due_per_unit_term(world, team):
    old_adult = ended_long_ago(world, team, years_ago=16, name="Oud")
    young_adult = ended_long_ago(world, team, years_ago=3, name="Recent")
    old_youth = ended_long_ago(world, team, years_ago=16, unit="jeugd", name="Jeugd")
    due = {d.household.pk for d in retention.due()}
    assert old_adult.household_id in due
    assert young_adult.household_id not in due
    assert old_youth.household_id not in due  # youth: 20 years (Jeugdwet art. 7.3.8)
    assert world.household.pk not in due  # open
    RetentionRule.objects.create(municipality=team.municipality, unit="jeugd", years=15,
                                 legal_reference="test")
    assert old_youth.household_id in {d.household.pk for d in retention.due()}


def test_erasing_an_expired_dossier_leaves_the_figures_unchanged(world, team, municipality):
    episode = ended_long_ago(world, team, years_ago=16)
    household = episode.household
    piet = household.members.get().person
    consents.give_consent(by=world["director"], person=piet, purpose="referral",
                          recipient=world.gp, categories=["identity"], method="verbal")
    flags.set_flag(household, "danger_home_visit", by=world["director"])
    before = figures(municipality)
    kinds = list(Event.objects.filter(episode=episode).values_list("kind", "occurred_at"))
    erasure = retention.erase(household, by=world["privacy_officer"])
    assert figures(municipality) == before
    assert list(Event.objects.filter(episode=episode).values_list("kind", "occurred_at")) == kinds
    piet.refresh_from_db()
    household.refresh_from_db()
    assert (piet.given_name, piet.family_name, piet.bsn, piet.phone, piet.birth_date) == (
        ERASED, ERASED, "", "", None)
    assert household.name == ERASED
    texts = " ".join(str(e.data) + e.backdate_reason for e in Event.objects.filter(episode=episode))
    for secret in ("Schulden", "Piet", "Dr. Smit", "010-1234567", "Naar mij", "Gaat goed",
                   "historie", "Els"):
        assert secret not in texts
    assert Involvement.objects.get(household=household).name == ERASED
    assert not Consent.objects.filter(person=piet).exists()
    assert not SensitiveFlag.objects.filter(household=household).exists()
    assert erasure.persons == 1 and Erasure.objects.get().reference == household.reference
    assert AccessLog.objects.filter(action="change:erasure", household=household).exists()
    assert household.pk not in {d.household.pk for d in retention.due()}


def test_a_dossier_that_is_not_due_cannot_be_erased(world):
    with pytest.raises(PrivacyError):
        retention.erase(world.household, by=world["privacy_officer"])


def test_a_person_also_in_a_living_dossier_keeps_their_data(world, team):
    episode = ended_long_ago(world, team, years_ago=16)
    piet = episode.household.members.get().person
    world.household.members.create(person=piet, role="other")
    retention.erase(episode.household, by=None, actor="test")
    piet.refresh_from_db()
    assert piet.given_name == "Piet"


def test_the_commands_list_and_erase_only_with_confirmation(world, team, capsys):
    episode = ended_long_ago(world, team, years_ago=16)
    call_command("retention", "due")
    assert episode.household.reference in capsys.readouterr().out
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="--confirm"):
        call_command("retention", "erase")
    assert Household.objects.get(pk=episode.household_id).name != ERASED
    call_command("retention", "erase", "--confirm")
    assert Household.objects.get(pk=episode.household_id).name == ERASED
    assert Person.objects.filter(given_name="Piet").count() == 0


def test_the_privacy_officer_erases_from_the_retention_page(login, world, team):
    from django.urls import reverse

    episode = ended_long_ago(world, team, years_ago=16)
    client = login(world["privacy_officer"])
    page = client.get(reverse("privacy:retention")).content.decode()
    assert episode.household.reference in page and "Verleden" not in page
    assert client.post(reverse("privacy:retention"), {}).status_code == 400
    assert client.post(reverse("privacy:retention"), {"confirm": "on"}).status_code == 302
    assert Erasure.objects.filter(household=episode.household).exists()


def test_erasure_reaches_plans_network_and_measurements(world, team):
    from schakel.assessment.models import Answer, SkippedPart
    from schakel.plans.models import Goal, NetworkEntry, PlanVersion, SpecialistReferral
    from tests.privacy.others import build

    build(world)
    household = world.household
    erased = sum(eraser(household) for eraser in retention._erasers)
    assert erased > 0
    assert set(Goal.objects.filter(version__plan__household=household)
               .values_list("text", flat=True)) == {ERASED}
    assert not PlanVersion.objects.filter(plan__household=household).exclude(
        internal_note="").exists()
    assert set(NetworkEntry.objects.filter(household=household)
               .values_list("name", flat=True)) == {ERASED}
    assert set(SpecialistReferral.objects.filter(household=household)
               .values_list("reason", flat=True)) == {ERASED}
    assert set(SkippedPart.objects.filter(measurement__household=household)
               .values_list("reason", flat=True)) == {ERASED}
    assert not Answer.objects.filter(measurement__household=household).exclude(
        text__in=["", ERASED]).exists()
