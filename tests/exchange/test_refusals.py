"""A bad file imports nothing, and every error names its line and field."""

from __future__ import annotations

import json

import pytest

from schakel.cases.models import Episode, Event, ShortContact
from schakel.exchange.importer import ImportFailed, LineError, import_lines
from schakel.people.models import Household, Person
from schakel.tenancy.models import Municipality, StaffProfile
from tests.exchange.builders import HEADER, event, line_of, lines, sample


def refused(records, header=HEADER) -> list[LineError]:
    with pytest.raises(ImportFailed) as exc:
        import_lines(lines(records, header))
    return exc.value.errors


def find(records, kind, record_id):
    return next(r for r in records if r["type"] == kind and r["id"] == record_id)


def assert_nothing_imported():
    for model in (Municipality, StaffProfile, Person, Household, Episode, Event, ShortContact):
        assert model.objects.count() == 0, model


@pytest.mark.django_db
def test_a_file_with_one_bad_line_imports_nothing_and_the_error_names_the_line():
    records = sample()
    find(records, "person", "p2")["birth_date"] = "2014-13-01"
    errors = refused(records)
    assert errors == [LineError(
        line_of(records, "p2", "person"),
        "field 'birth_date': '2014-13-01' is not a date (YYYY-MM-DD)",
    )]
    assert_nothing_imported()


@pytest.mark.django_db
def test_the_error_text_names_line_and_field_in_dutch_and_english():
    records = sample()
    find(records, "person", "p2")["birth_date"] = "2014-13-01"
    with pytest.raises(ImportFailed) as exc:
        import_lines(lines(records))
    line = line_of(records, "p2", "person")
    assert str(exc.value) == (
        f"regel {line} / line {line}: field 'birth_date': '2014-13-01' is not a date (YYYY-MM-DD)"
    )


@pytest.mark.django_db
def test_an_invalid_bsn_is_refused():
    records = sample()
    find(records, "person", "p1")["bsn"] = "123456789"
    [error] = refused(records)
    assert error.line == line_of(records, "p1", "person")
    assert error.message.startswith("field 'bsn': '123456789' is not a valid BSN")
    assert "11-test" in error.message
    assert_nothing_imported()


@pytest.mark.django_db
def test_an_unknown_reference_is_refused():
    records = sample()
    find(records, "household", "h1")["members"][1]["person"] = "p-unknown"
    [error] = refused(records)
    assert error.line == line_of(records, "h1", "household")
    assert error.message.startswith("field 'members[1].person': unknown person 'p-unknown'")


@pytest.mark.django_db
def test_a_reference_to_a_later_record_is_refused():
    records = sample()
    find(records, "team", "t1")["district"] = "wk-later"
    records.insert(5, {"type": "district", "id": "wk-later", "municipality": "gm",
                       "level": "wijk", "cbs_code": "WK999802", "name": "Later",
                       "parent": None})
    errors = refused(records)
    assert any(e.message.startswith("field 'district': unknown district 'wk-later'")
               for e in errors)
    assert any("'district' records must come before 'staff' records" in e.message
               for e in errors)


@pytest.mark.django_db
def test_a_value_outside_the_list_is_refused_with_the_allowed_values():
    records = sample()
    find(records, "organisation", "org")["kind"] = "bakery"
    [error] = refused(records)
    assert error.line == line_of(records, "org", "organisation")
    assert error.message.startswith("field 'kind': 'bakery' is not one of: ")
    assert "parent" in error.message


@pytest.mark.django_db
def test_a_bad_value_inside_event_data_is_refused():
    records = sample()
    find(records, "event", "e1-ev1")["data"]["unit"] = "senioren"
    [error] = refused(records)
    assert error.line == line_of(records, "e1-ev1", "event")
    assert error.message.startswith("field 'data.unit': 'senioren' is not one of: ")


@pytest.mark.django_db
def test_help_cannot_start_before_the_household_is_assigned():
    records = [r for r in sample() if r.get("id") != "e1-ev2"]
    for seq, r in enumerate((r for r in records if r["type"] == "event"), start=1):
        r["seq"] = seq
    [error] = refused(records)
    assert error.line == line_of(records, "e1-ev3", "event")
    assert error.message == (
        "field 'kind': 'help_started' (seq 2) cannot happen here: "
        "Help cannot start before the household is assigned to a professional."
    )


@pytest.mark.django_db
def test_an_assignment_without_a_worker_is_refused():
    records = sample()
    find(records, "event", "e1-ev2")["worker"] = None
    [error] = refused(records)
    assert error.line == line_of(records, "e1-ev2", "event")
    assert "needs: worker" in error.message


@pytest.mark.django_db
def test_a_gap_in_the_sequence_is_refused_once():
    records = sample()
    find(records, "event", "e1-ev3")["seq"] = 4
    [error] = refused(records)
    assert error.line == line_of(records, "e1-ev3", "event")
    assert error.message.startswith("field 'seq': expected 3 for episode 'e1', got 4")


@pytest.mark.django_db
@pytest.mark.parametrize("first", [
    "",
    json.dumps({"type": "municipality", "id": "gm", "name": "X", "cbs_code": "GM0001"}),
    "not json",
])
def test_a_file_without_a_header_is_refused(first):
    records = sample()
    text = [first] + lines(records, header=None) if first else lines(records, header=None)
    with pytest.raises(ImportFailed) as exc:
        import_lines(text)
    [error] = exc.value.errors
    assert error.line == 1
    assert "must start with a header" in error.message
    assert_nothing_imported()


@pytest.mark.django_db
def test_an_empty_file_is_refused():
    with pytest.raises(ImportFailed, match="empty"):
        import_lines([])


@pytest.mark.django_db
def test_another_version_of_the_format_is_refused():
    [error] = refused(sample(), header={**HEADER, "version": 2})
    assert error == LineError(
        1, "field 'version': version 2 is not supported (this Schakel reads version 1)"
    )


@pytest.mark.django_db
def test_unknown_and_missing_fields_are_named():
    records = sample()
    team = find(records, "team", "t1")
    team["colour"] = "blue"
    del team["name"]
    errors = refused(records)
    line = line_of(records, "t1", "team")
    assert LineError(line, "field 'colour': unknown field for type 'team'") in errors
    assert LineError(line, "field 'name': is required") in errors


@pytest.mark.django_db
def test_many_errors_are_reported_up_to_fifty():
    records = sample()
    persons = [{**find(records, "person", "p2"), "id": f"px{i}", "birth_date": "gisteren"}
               for i in range(80)]
    at = records.index(find(records, "person", "p2")) + 1
    records[at:at] = persons
    with pytest.raises(ImportFailed) as exc:
        import_lines(lines(records))
    assert len(exc.value.errors) == 50
    assert exc.value.truncated
    assert [e.line for e in exc.value.errors] == sorted({e.line for e in exc.value.errors})
    assert "stopped after 50 errors" in str(exc.value)


@pytest.mark.django_db
def test_a_duplicate_id_is_refused_with_the_first_line():
    records = sample()
    p1 = find(records, "person", "p1")
    records.insert(records.index(p1) + 1, dict(p1))
    [error] = refused(records)
    first = line_of(records, "p1", "person")
    assert error == LineError(first + 1, f"field 'id': duplicate person id 'p1' "
                                         f"(first on line {first})")


@pytest.mark.django_db
def test_a_household_cannot_get_two_open_episodes():
    records = sample()
    records = [r for r in records if r.get("id") not in ("e1-ev6",)]
    at = records.index(find(records, "short_contact", "c1"))
    records[at:at] = []
    episode2 = {"type": "episode", "id": "e2", "household": "h1", "team": "t1", "number": 2,
                "previous": "e1"}
    records.insert(records.index(find(records, "episode", "e1")) + 1, episode2)
    at = records.index(find(records, "short_contact", "c1"))
    records.insert(at, event("e2", 1, "registered", "2025-04-01T09:00:00+00:00", data={
        "source": "self", "channel": "phone", "urgency": "normal", "unit": "volwassenen"}))
    [error] = refused(records)
    assert error.line == line_of(records, "e2", "episode")
    assert "would have 2 open episodes" in error.message


@pytest.mark.django_db
def test_an_episode_without_events_is_refused():
    records = [r for r in sample() if r["type"] != "event"]
    [error] = refused(records)
    assert error.line == line_of(records, "e1", "episode")
    assert "has no events" in error.message


@pytest.mark.django_db
def test_a_timestamp_without_utc_offset_is_refused():
    records = sample()
    find(records, "event", "e1-ev2")["occurred_at"] = "2025-03-02T09:00:00"
    [error] = refused(records)
    assert error.message == ("field 'occurred_at': '2025-03-02T09:00:00' has no UTC offset "
                             "(add e.g. +00:00 or +01:00)")


@pytest.mark.django_db
def test_an_event_before_the_registration_is_refused():
    records = sample()
    find(records, "event", "e1-ev2")["occurred_at"] = "2025-02-01T09:00:00+00:00"
    [error] = refused(records)
    assert error.line == line_of(records, "e1-ev2", "event")
    assert error.message.startswith("field 'occurred_at': 2025-02-01T09:00:00+00:00 lies before")


@pytest.mark.django_db
def test_ending_an_unknown_involvement_is_refused():
    records = sample()
    find(records, "event", "e1-ev5")["data"]["involvement"] = "inv-x"
    [error] = refused(records)
    assert error == LineError(line_of(records, "e1-ev5", "event"),
                              "field 'data.involvement': unknown involvement 'inv-x'")


@pytest.mark.django_db
def test_a_username_taken_by_another_account_is_refused(django_user_model):
    django_user_model.objects.create_user(username="coach.een")
    records = sample()
    [error] = refused(records)
    assert error == LineError(line_of(records, "s1", "staff"),
                              "field 'username': 'coach.een' is already used by an account "
                              "that is not staff")
