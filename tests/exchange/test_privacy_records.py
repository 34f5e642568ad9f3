"""Sensitive flags and consents in the exchange format, and the audit of imports and exports."""

from __future__ import annotations

import json

import pytest

from schakel.exchange.importer import ImportFailed, LineError, import_lines
from schakel.privacy import audit
from schakel.privacy.models import AccessLog, Consent, SensitiveFlag
from tests.exchange.builders import (
    at,
    consent,
    flag,
    line_of,
    lines,
    sample,
    with_privacy,
)
from tests.exchange.history import exported


def refused(records) -> list[LineError]:
    with pytest.raises(ImportFailed) as exc:
        import_lines(lines(records))
    return exc.value.errors


def nothing_written() -> None:
    assert not SensitiveFlag.objects.exists() and not Consent.objects.exists()
    assert not AccessLog.objects.exists()


@pytest.mark.django_db
def test_flags_and_consents_are_imported_with_every_field():
    result = import_lines(lines(with_privacy(sample(), flag(), flag(
        "f2", person=None, kind="secret_address", note="", set_by="s2", ended_by="s1",
        ended_at=at(6)), consent(), consent(
        "k2", household=None, categories=["case"], method="verbal", valid_until=None,
        withdrawn_at=at(5), withdrawn_by="s2", withdrawal_note="wil het niet meer"))))
    assert (result["sensitive_flag"].created, result["consent"].created) == (2, 2)
    f1, f2 = SensitiveFlag.objects.order_by("external_id")
    assert (f1.household.external_id, f1.person.external_id, f1.kind, f1.set_by.external_id,
            f1.ended_at) == ("h1", "p2", "do_not_contact_parents", "s1", None)
    assert (f2.person, f2.ended_by.external_id, f2.ended_at.isoformat()) == (
        None, "s1", "2025-03-06T09:00:00.123456+00:00")
    k1, k2 = Consent.objects.order_by("external_id")
    assert (k1.person.external_id, k1.household.external_id, k1.recipient.external_id,
            k1.categories, str(k1.valid_until)) == ("p1", "h1", "org", ["contact", "finances"],
                                                    "2026-03-03")
    assert (k2.household, k2.withdrawn_by.external_id, k2.withdrawal_note) == (
        None, "s2", "wil het niet meer")
    assert not k2.valid_at(k2.withdrawn_at)


@pytest.mark.django_db
def test_a_flag_for_an_unknown_household_is_refused_and_the_error_names_the_line():
    records = with_privacy(sample(), flag(household="h-unknown"))
    errors = refused(records)
    assert errors == [LineError(
        line_of(records, "f1", "sensitive_flag"),
        "field 'household': unknown household 'h-unknown' (it must appear earlier in the file "
        "or already be in the database)",
    )]
    nothing_written()


@pytest.mark.django_db
def test_a_consent_for_an_unknown_recipient_or_staff_member_is_refused():
    records = with_privacy(sample(), consent(recipient="org-x", recorded_by="s9"))
    line = line_of(records, "k1", "consent")
    assert [(e.line, e.message.split(":")[0]) for e in refused(records)] == [
        (line, "field 'recipient'"), (line, "field 'recorded_by'")]
    nothing_written()


@pytest.mark.django_db
def test_a_flag_on_someone_outside_the_household_is_refused():
    records = with_privacy(sample(), flag(person="p3"))
    at_person = next(i for i, r in enumerate(records) if r["type"] == "household")
    records.insert(at_person - 1, {**records[at_person - 1], "id": "p3", "bsn": ""})
    [error] = refused(records)
    assert error == LineError(line_of(records, "f1", "sensitive_flag"),
                              "field 'person': 'p3' is not a member of household 'h1'")


@pytest.mark.django_db
def test_a_flag_on_a_member_of_a_stored_household_is_accepted_in_a_later_file():
    import_lines(lines(sample()))
    result = import_lines(lines([flag(), flag("f2", person="p1")]))
    assert result["sensitive_flag"].created == 2
    [error] = refused([flag("f3", person="p-unknown")])
    assert error.message.startswith("field 'person': unknown person 'p-unknown'")


@pytest.mark.django_db
@pytest.mark.parametrize("record, field, words", [
    (flag(ended_by="s2"), "ended_by", "only given together with ended_at"),
    (flag(ended_at=at(1), ended_by="s2"), "ended_at", "lies before set_at"),
    (flag(kind="geheim"), "kind", "is not one of"),
    (flag(set_at="2025-03-02T11:00:00"), "set_at", "has no UTC offset"),
    (consent(categories=[]), "categories", "at least one category"),
    (consent(categories=["case", "case"]), "categories[1]", "listed twice"),
    (consent(categories=["gezondheid"]), "categories[0]", "is not one of"),
    (consent(withdrawal_note="toch niet"), "withdrawal_note", "only given together"),
    (consent(withdrawn_at=at(2), withdrawn_by="s1"), "withdrawn_at", "lies before given_at"),
    (consent(valid_until="2025-03-02"), "valid_until", "lies before the consent was given"),
    (consent(purpose="marketing"), "purpose", "is not one of"),
])
def test_bad_flags_and_consents_are_refused_with_line_and_field(record, field, words):
    records = with_privacy(sample(), record)
    [error] = refused(records)
    assert error.line == line_of(records, record["id"], record["type"])
    assert error.message.startswith(f"field '{field}': ")
    assert words in error.message
    nothing_written()


@pytest.mark.django_db
def test_flags_and_consents_must_come_after_households_and_before_episodes():
    records = sample()
    records.append(flag())
    [error] = refused(records)
    assert error.line == len(records) + 1
    assert "'sensitive_flag' records must come before 'short_contact' records" in error.message


@pytest.mark.django_db
def test_flags_and_consents_are_matched_on_their_external_id():
    records = with_privacy(sample())
    import_lines(lines(records))
    again = import_lines(lines(records))
    assert not again.changed
    assert (again["sensitive_flag"].unchanged, again["consent"].unchanged) == (1, 1)
    ended = with_privacy(sample(), flag(ended_at=at(6), ended_by="s2"),
                         consent(withdrawn_at=at(6), withdrawn_by="s1"))
    result = import_lines(lines(ended))
    assert (result["sensitive_flag"].updated, result["consent"].updated) == (1, 1)
    assert SensitiveFlag.objects.get().ended_by.external_id == "s2"
    assert Consent.objects.get().withdrawn_at is not None
    assert SensitiveFlag.objects.count() == Consent.objects.count() == 1


@pytest.mark.django_db
def test_an_old_file_cannot_make_a_withdrawn_consent_count_or_an_ended_flag_hold_again():
    import_lines(lines(with_privacy(sample(), flag(ended_at=at(6), ended_by="s2"),
                                    consent(withdrawn_at=at(6), withdrawn_by="s1"))))
    records = with_privacy(sample())
    errors = refused(records)
    assert [(e.line, e.message.split(":")[0]) for e in errors] == [
        (line_of(records, "f1", "sensitive_flag"), "field 'ended_at'"),
        (line_of(records, "k1", "consent"), "field 'withdrawn_at'"),
    ]
    assert Consent.objects.get().withdrawn_at is not None
    assert SensitiveFlag.objects.get().ended_at is not None


@pytest.mark.django_db
def test_an_import_is_one_audit_record_with_the_counts_and_a_refused_one_none():
    import_lines(lines(with_privacy(sample())))
    record = AccessLog.objects.get()
    assert (record.action, record.actor, record.role, record.staff) == (
        "change:import", "schakel import", "system", None)
    assert "records=19 " in record.detail
    assert "sensitive_flag=1/0/0 consent=1/0/0" in record.detail
    assert "event=6/0/0" in record.detail
    with pytest.raises(ImportFailed):
        import_lines(lines(with_privacy(sample(), flag(household="h-unknown"))))
    assert AccessLog.objects.count() == 1
    import_lines(lines(with_privacy(sample())), actor="migratie oud systeem")
    assert AccessLog.objects.order_by("seq").last().actor == "migratie oud systeem"
    assert audit.verify().ok


@pytest.mark.django_db
def test_an_export_carries_the_flags_and_is_one_audit_record():
    import_lines(lines(with_privacy(sample(), flag(), flag(
        "f2", person=None, kind="danger_home_visit", ended_at=at(6), ended_by="s2"))))
    written = exported()
    flags = [json.loads(line) for line in written if '"sensitive_flag"' in line]
    assert [(f["id"], f["kind"], f["ended_at"]) for f in flags] == [
        ("f1", "do_not_contact_parents", None),
        ("f2", "danger_home_visit", "2025-03-06T09:00:00.123456+00:00"),
    ]
    record = AccessLog.objects.order_by("seq").last()
    assert (record.action, record.actor, record.staff) == ("change:export", "schakel export",
                                                           None)
    assert record.detail.startswith(f"lines={len(written)} ")
    assert "household=1 sensitive_flag=2 episode=1" in record.detail
    assert audit.verify().ok


@pytest.mark.django_db
def test_one_flag_of_a_kind_is_in_force_per_person_or_household_as_the_application_allows():
    records = with_privacy(sample(), flag(), flag("f2"))
    [error] = refused(records)
    assert error.line == line_of(records, "f2", "sensitive_flag")
    assert error.message.startswith("field 'kind': flag 'f1' of this kind is already in force")
    # The same kind on the household as a whole, or an ended one, is another matter.
    import_lines(lines(with_privacy(sample(), flag(), flag("f2", person=None),
                                    flag("f3", ended_at=at(4), ended_by="s1"))))
    [error] = refused([flag("f4")])
    assert error.message.startswith("field 'kind': flag 'f1' of this kind")
    result = import_lines(lines([flag(ended_at=at(5), ended_by="s1"), flag("f4")]))
    assert (result["sensitive_flag"].updated, result["sensitive_flag"].created) == (1, 1)
