import datetime as dt

import pytest

from schakel.cases import services
from schakel.cases.constants import EventKind, Source
from schakel.people.models import Person
from schakel.people.services import PersonInput, find_duplicates
from schakel.tenancy.constants import UnitKind
from tests.conftest import family_members


def test_same_bsn_is_shown_as_a_likely_duplicate(episode):
    matches = find_duplicates(PersonInput(given_name="S.", family_name="Bakker-de Wit",
                                          bsn="999990019"))
    assert [m.reason for m in matches] == ["bsn"]


def test_same_name_birth_date_and_postcode_is_a_likely_duplicate(episode):
    matches = find_duplicates(PersonInput(given_name="mila", family_name="BAKKER",
                                          birth_date=dt.date(2014, 9, 15), postcode="3111ab"))
    assert len(matches) == 1
    assert matches[0].person.given_name == "Mila"


def test_a_different_person_is_not_a_duplicate(episode):
    assert find_duplicates(PersonInput(given_name="Mila", family_name="Bakker",
                                       birth_date=dt.date(2015, 9, 15), postcode="3111AB")) == []


def test_merging_households_keeps_the_whole_history(episode, worker, team):
    services.close(episode, by=worker, reason="moved", destination="moved")
    other = services.register(
        worker,
        services.RegistrationInput(team=team, unit=UnitKind.ADULTS, source=Source.POLICE,
                                   channel="phone"),
        household_name="Bakker (dubbel)",
        members=family_members()[:1],
    )
    keep = episode.household
    services.merge_households(keep, other.household, by=worker)
    other.refresh_from_db()
    assert other.household == keep
    assert other.number == 2
    assert keep.episodes.count() == 2
    assert other.events.filter(kind=EventKind.HOUSEHOLD_MERGED).exists()


def test_merging_persons_moves_memberships_and_marks_the_duplicate(episode, worker):
    keep = Person.objects.get(given_name="Sanne")
    drop = Person.objects.create(given_name="Sanne", family_name="Bakker",
                                 phone="0612345678", external_id="dup-sanne")
    episode.household.members.create(person=drop, role="other")
    services.merge_persons(keep, drop, by=worker)
    drop.refresh_from_db()
    keep.refresh_from_db()
    assert drop.merged_into == keep
    assert keep.phone == "0612345678"
    assert episode.household.members.filter(person=drop).count() == 0


def test_two_open_households_cannot_be_merged(episode, worker, team):
    other = services.register(
        worker,
        services.RegistrationInput(team=team, unit=UnitKind.ADULTS, source=Source.POLICE,
                                   channel="phone"),
        household_name="Ander", members=family_members()[1:],
    )
    with pytest.raises(services.CaseError, match="one case director"):
        services.merge_households(episode.household, other.household, by=worker)
