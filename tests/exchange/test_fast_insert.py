"""The import's fast path stores exactly what Django's own ``bulk_create`` stores."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.db import connection

from schakel.cases.models import Event
from schakel.exchange.fastinsert import Inserter, fast_instance
from schakel.tenancy.models import StaffProfile

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def raw(model, pk, leave_out=()):
    """The row as the database driver returns it, without Django's conversions."""
    quote = connection.ops.quote_name
    columns = [f.column for f in model._meta.concrete_fields
               if not f.primary_key and f.attname not in leave_out]
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {', '.join(map(quote, columns))} "
                       f"FROM {quote(model._meta.db_table)} WHERE id = %s", [pk])
        return dict(zip(columns, cursor.fetchone(), strict=True))


def test_events_are_stored_byte_for_byte_as_bulk_create_stores_them(episode, worker):
    values = dict(
        episode_id=episode.pk, kind="resident_contacted",
        occurred_at=dt.datetime(2025, 3, 30, 14, 30, 0, 123456, tzinfo=AMSTERDAM),
        recorded_at=dt.datetime(2025, 3, 30, 9, 0, 0, 0, tzinfo=dt.UTC),
        recorded_by_id=worker.pk, worker_id=None, backdate_reason="",
        data={"note": "één €", "nested": {"b": [1, 2.5, None], "a": True}},
    )
    ours = fast_instance(Event)(seq=90, external_id="fast", **values)
    Inserter().insert(Event, [ours])
    theirs = Event(seq=91, external_id="django", **values)
    Event.objects.bulk_create([theirs])
    assert ours.pk is not None and ours.pk != theirs.pk
    differ = ("seq", "external_id")
    assert raw(Event, ours.pk, differ) == raw(Event, theirs.pk, differ)
    assert Event.objects.get(pk=ours.pk).occurred_at == values["occurred_at"]


def test_decimals_dates_and_json_lists_are_stored_as_bulk_create_stores_them(
    worker, django_user_model
):
    def profile(username):
        return StaffProfile(
            user=django_user_model.objects.create_user(username=username),
            municipality_id=worker.municipality_id, organisation_id=worker.organisation_id,
            display_name="Kopie", roles=["team_member"], specialisms=["ggz"],
            fte=Decimal("0.89"), registration_kind="big", registration_number="1",
            registration_expires=dt.date(2031, 2, 3), external_id=username,
        )

    ours, theirs = profile("fast"), profile("django")
    Inserter().insert(StaffProfile, [ours])
    StaffProfile.objects.bulk_create([theirs])
    differ = ("user_id", "external_id")
    assert raw(StaffProfile, ours.pk, differ) == raw(StaffProfile, theirs.pk, differ)
