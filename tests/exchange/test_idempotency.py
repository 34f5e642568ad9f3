"""Records are matched on their external id: a repeated import changes nothing."""

from __future__ import annotations

import pytest

from schakel.cases.constants import State
from schakel.cases.models import Episode, Event, Involvement
from schakel.exchange.importer import ImportFailed, LineError, import_lines
from schakel.people.models import HouseholdMember, Person
from schakel.tenancy.models import Membership, Unit
from tests.exchange.builders import event, line_of, lines, sample
from tests.exchange.history import exported, make_history


def find(records, kind, record_id):
    return next(r for r in records if r["type"] == kind and r["id"] == record_id)


def table_counts():
    return [m.objects.count() for m in (Person, HouseholdMember, Episode, Event, Involvement,
                                        Membership, Unit)]


@pytest.mark.django_db
def test_importing_the_same_file_twice_changes_nothing_the_second_time():
    first = import_lines(lines(sample()))
    assert first["event"].created == 6
    counts = table_counts()
    second = import_lines(lines(sample()))
    assert not second.changed
    assert second["event"].unchanged == 6
    assert second["person"].unchanged == 2
    assert second["short_contact"].unchanged == 1
    assert table_counts() == counts


def test_reimporting_an_export_into_the_same_database_changes_nothing(
    team, worker, second_worker, episode
):
    make_history(team, worker, second_worker, episode)
    lines_before = exported()
    result = import_lines(lines_before)
    assert not result.changed
    assert exported()[1:] == lines_before[1:]


@pytest.mark.django_db
def test_changed_event_content_is_refused_naming_the_line():
    import_lines(lines(sample()))
    records = sample()
    find(records, "event", "e1-ev3")["occurred_at"] = "2025-03-03T10:00:00.123456+00:00"
    with pytest.raises(ImportFailed) as exc:
        import_lines(lines(records))
    assert exc.value.errors == [LineError(
        line_of(records, "e1-ev3", "event"),
        "field 'id': event 'e1-ev3' differs from the event stored as seq 3 of episode 'e1'; "
        "events are facts and cannot be changed",
    )]


@pytest.mark.django_db
def test_an_event_id_reused_for_another_event_is_refused():
    import_lines(lines(sample()))
    reused = {**event("e1", 7, "aftercare_ended", "2025-03-08T09:00:00+00:00"), "id": "e1-ev1"}
    with pytest.raises(ImportFailed) as exc:
        import_lines(lines([reused]))
    assert exc.value.errors == [LineError(
        2, "field 'id': event 'e1-ev1' is already stored with different content; events are "
           "facts and cannot be changed")]


@pytest.mark.django_db
def test_a_changed_entity_record_is_updated():
    import_lines(lines(sample()))
    records = sample()
    find(records, "person", "p1")["city"] = "Andere Stad"
    find(records, "staff", "s1")["username"] = "coach.1"
    find(records, "household", "h1")["members"].append({"person": "p3", "role": "other"})
    records.insert(records.index(find(records, "person", "p2")) + 1, {
        **find(records, "person", "p2"), "id": "p3", "given_name": "Oma"})
    result = import_lines(lines(records))
    assert result["person"].updated == 1 and result["person"].created == 1
    assert result["staff"].updated == 1
    assert result["household"].updated == 1
    assert result["event"].unchanged == 6
    assert Person.objects.get(external_id="p1").city == "Andere Stad"
    assert HouseholdMember.objects.filter(household__external_id="h1").count() == 3


@pytest.mark.django_db
def test_new_events_continue_a_stored_episode_and_refresh_its_state():
    records = [r for r in sample() if r.get("id") != "e1-ev6"]
    import_lines(lines(records))
    assert Episode.objects.get().state == State.ACTIVE
    later = [event("e1", 6, "closed", "2025-03-10T09:00:00+00:00",
                   data={"reason": "goals_met", "destination": "own_network"}),
             event("e1", 7, "aftercare_ended", "2025-04-10T09:00:00+00:00")]
    result = import_lines(lines(later))
    assert result["event"].created == 2
    assert result["episode"].updated == 1
    episode = Episode.objects.get()
    assert episode.state == State.ENDED
    assert episode.closed_at is not None


@pytest.mark.django_db
def test_new_events_must_continue_the_stored_sequence():
    import_lines(lines(sample()))
    with pytest.raises(ImportFailed) as exc:
        import_lines(lines([event("e1", 9, "aftercare_ended", "2025-04-10T09:00:00+00:00")]))
    assert exc.value.errors == [LineError(
        2, "field 'seq': expected 7 for episode 'e1', got 9: an episode's events are "
           "numbered 1, 2, 3… without gaps, in order")]


@pytest.mark.django_db
def test_a_later_file_may_refer_to_records_already_in_the_database():
    import_lines(lines(sample()))
    records = [
        {"type": "person", "id": "p9", "given_name": "Sam", "family_name": "Bos"},
        {"type": "household", "id": "h9", "reference": "H-1000009", "team": "t1",
         "name": "Bos", "members": [{"person": "p9", "role": "parent"}]},
        {"type": "episode", "id": "e9", "household": "h9", "team": "t1", "number": 1},
        event("e9", 1, "registered", "2025-05-01T09:00:00+00:00", data={
            "source": "self", "channel": "walk_in", "urgency": "normal",
            "unit": "volwassenen"}),
    ]
    result = import_lines(lines(records))
    assert result["episode"].created == 1
    assert Episode.objects.get(external_id="e9").state == State.REGISTERED


@pytest.mark.django_db
def test_a_merge_may_point_forward_to_a_later_person():
    records = sample()
    find(records, "person", "p1")["merged_into"] = "p2"
    import_lines(lines(records))
    assert Person.objects.get(external_id="p1").merged_into.external_id == "p2"
