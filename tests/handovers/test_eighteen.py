"""The 18th birthday: the director is signalled months ahead; parents' consent is renewed."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from schakel.cases.constants import EventKind
from schakel.handovers import queries, services
from schakel.norms.calendar import add_months
from schakel.norms.models import Norm
from schakel.people.constants import HouseholdRole
from schakel.people.models import HouseholdMember
from schakel.people.services import PersonInput, create_person
from schakel.privacy.consents import give_consent
from schakel.privacy.constants import ConsentMethod, DataCategory, Purpose
from schakel.tenancy.constants import OrganisationKind
from schakel.tenancy.services import create_organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def teenager(active_episode):
    """Daan turns 18 four months from today."""
    birthday = add_months(timezone.localdate(), 4)
    person = create_person(PersonInput(
        given_name="Daan", family_name="Bakker", role=HouseholdRole.CHILD,
        birth_date=birthday.replace(year=birthday.year - 18)))
    HouseholdMember.objects.create(household=active_episode.household, person=person,
                                   role=HouseholdRole.CHILD)
    return person


@pytest.fixture
def school():
    return create_organisation("Het Lyceum", OrganisationKind.SCHOOL, external_id="school-1")


def test_a_child_turning_18_in_four_months_shows_up_in_the_directors_signals(
        active_episode, teenager, worker, second_worker):
    signals = queries.coming_of_age(worker)
    assert [(s.person.pk, s.turns_18_on) for s in signals] == [
        (teenager.pk, add_months(timezone.localdate(), 4))]
    assert queries.coming_of_age(second_worker) == []


def test_consent_the_parents_gave_is_flagged_for_renewal(
        active_episode, teenager, worker, school):
    by_parent = give_consent(by=worker, person=teenager, purpose=Purpose.REFERRAL,
                             recipient=school, categories=[DataCategory.CASE],
                             method=ConsentMethod.REPRESENTATIVE,
                             household=active_episode.household)
    give_consent(by=worker, person=teenager, purpose=Purpose.REFERRAL, recipient=school,
                 categories=[DataCategory.IDENTITY], method=ConsentMethod.WRITTEN)
    renewals = queries.consents_to_renew(active_episode.household)
    assert [r.consent.pk for r in renewals] == [by_parent.pk]
    assert queries.coming_of_age(worker)[0].consents_to_renew == 1


def test_the_months_ahead_are_configurable(active_episode, teenager, worker, municipality):
    Norm.objects.create(municipality=municipality, code=queries.TRANSITION_NORM,
                        name="18 jaar", kind="guideline", length=3, unit="months",
                        valid_from=dt.date(2000, 1, 1))
    assert queries.coming_of_age(worker) == []


def test_a_planned_transition_with_the_adult_unit_ends_the_signal_and_the_episode_goes_on(
        active_episode, teenager, worker, second_worker):
    services.plan_adult_transition(active_episode, teenager, by=worker,
                                   adult_worker=second_worker, adult_unit_takes_over=True)
    active_episode.refresh_from_db()
    assert queries.coming_of_age(worker) == []
    assert active_episode.unit == "volwassenen"
    assert active_episode.closed_at is None
    event = active_episode.events.get(kind=EventKind.ADULT_TRANSITION_PLANNED)
    assert event.data["turns_18_on"] == add_months(timezone.localdate(), 4).isoformat()
