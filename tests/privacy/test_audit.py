"""The audit log: every read and change recorded, append-only and chained by hash."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from schakel.privacy.audit import verify, write
from schakel.privacy.models import AccessLog
from schakel.privacy.models.audit import GENESIS, AppendOnly

pytestmark = pytest.mark.django_db


def household_url(world):
    return reverse("web:household", args=[world.household.reference])


def test_opening_a_household_page_writes_who_what_when_why_and_from_where(login, world):
    login(world["director"]).get(household_url(world))
    record = AccessLog.objects.get(action="household_view")
    assert record.staff == world["director"] and record.actor == "Coach Jansen"
    assert "team_member" in record.role
    assert record.organisation == world["director"].organisation.name
    assert record.household == world.household
    assert record.fields.startswith("household page")
    assert record.purpose.startswith("director; Jeugdwet")
    assert record.ip == "10.1.2.3"
    assert record.at is not None


def test_a_recorded_step_is_a_logged_change(login, world):
    response = login(world["director"]).post(household_url(world), {
        "action": "resident_contacted", "resident_contacted-note": "Gebeld"})
    assert response.status_code == 302
    change = AccessLog.objects.get(action="change:step:resident_contacted")
    assert change.household == world.household and change.staff == world["director"]


def test_records_are_chained_each_to_the_one_before(world):
    first = write("test", staff=world["director"])
    second = write("test", staff=world["leader"], household=world.household)
    assert first.prev_hash == GENESIS
    assert second.seq == first.seq + 1 and second.prev_hash == first.hash
    assert second.hash == second.compute_hash()
    assert verify().ok and verify().checked == 2


def test_records_cannot_be_changed_or_deleted_through_the_application(world):
    record = write("test", staff=world["director"])
    record.detail = "changed"
    with pytest.raises(AppendOnly):
        record.save()
    with pytest.raises(AppendOnly):
        record.delete()
    with pytest.raises(AppendOnly):
        AccessLog.objects.filter(pk=record.pk).update(detail="x")
    with pytest.raises(AppendOnly):
        AccessLog.objects.all().delete()


def _sql(statement: str, *params: object) -> None:
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


def test_verify_finds_a_record_altered_in_the_database(login, world):
    client = login(world["director"])
    for _ in range(3):
        client.get(household_url(world))
    call_command("audit", "verify")  # intact: no exit
    target = AccessLog.objects.order_by("seq")[1]
    _sql(f"UPDATE {AccessLog._meta.db_table} SET ip = %s WHERE id = %s", "192.0.2.66", target.pk)
    result = verify()
    assert not result.ok and result.broken_seq == target.seq
    assert "altered" in result.problem
    with pytest.raises(SystemExit) as exit_:
        call_command("audit", "verify")
    assert exit_.value.code == 1


def test_verify_reports_the_record_number_on_the_command_line(world, capsys):
    for _ in range(3):
        write("test", staff=world["director"])
    target = AccessLog.objects.order_by("seq")[2]
    _sql(f"UPDATE {AccessLog._meta.db_table} SET action = %s WHERE id = %s", "nothing", target.pk)
    with pytest.raises(SystemExit):
        call_command("audit", "verify")
    assert f"record {target.seq}" in capsys.readouterr().err


def test_verify_finds_a_removed_record_and_a_cut_off_end(world):
    records = [write("test", staff=world["director"]) for _ in range(4)]
    _sql(f"DELETE FROM {AccessLog._meta.db_table} WHERE id = %s", records[1].pk)
    assert verify().broken_seq == records[1].seq
    _sql(f"DELETE FROM {AccessLog._meta.db_table} WHERE id >= %s", records[1].pk)
    result = verify()
    assert not result.ok and "removed from the end" in result.problem


def test_the_export_command_prints_each_record_with_its_hash(world, capsys):
    write("test", staff=world["director"], detail="één")
    call_command("audit", "export")
    line = capsys.readouterr().out.strip().splitlines()[-1]
    assert '"hash"' in line and "één" in line


def test_the_privacy_officer_searches_and_exports_the_log(login, world):
    login(world["director"]).get(household_url(world))
    client = login(world["privacy_officer"])
    page = client.get(reverse("privacy:audit"), {"household": world.household.reference})
    assert page.status_code == 200
    html = page.content.decode()
    assert "household_view" in html and "Coach Jansen" in html and "10.1.2.3" in html
    by_bsn = client.get(reverse("privacy:audit"), {"bsn": "999990019"}).content.decode()
    assert "household_view" in by_bsn
    export = client.get(reverse("privacy:audit_export"), {"action": "household_view"})
    assert export["Content-Type"].startswith("text/csv")
    body = export.content.decode()
    assert body.splitlines()[0].startswith("seq,at,actor")
    assert "Coach Jansen" in body
    as_json = client.get(reverse("privacy:audit_export"), {"format": "json"})
    assert as_json.json()[0]["hash"]
    exports = AccessLog.objects.filter(action="audit_export", staff=world["privacy_officer"])
    assert exports.count() == 2


def test_only_the_privacy_officer_opens_the_audit_log(login, world):
    for name in ("director", "leader", "policy", "admin"):
        assert login(world[name]).get(reverse("privacy:audit")).status_code == 403
