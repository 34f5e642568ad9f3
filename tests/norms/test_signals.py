import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from schakel.cases import services
from schakel.cases.constants import EventKind
from schakel.norms.constants import ObligationStatus
from schakel.norms.queries import my_signals, team_signals
from schakel.norms.services import add_closing_day, add_norm_version, send_digests
from schakel.tenancy.constants import Role
from tests.conftest import make_staff


def test_my_signals_show_overdue_deadlines_of_households_i_direct(episode, worker):
    services.assign(episode, worker, by=worker)
    later = timezone.now() + dt.timedelta(days=3)
    signals = my_signals(worker, at=later)
    codes = {s.obligation.norm.code: s.status for s in signals}
    assert codes["referrer_contact"] == ObligationStatus.OVERDUE
    services.record(episode, EventKind.REFERRER_CONTACTED, by=worker)
    assert "referrer_contact" not in {s.obligation.norm.code for s in my_signals(worker, at=later)}


def test_due_soon_is_signalled_before_the_deadline(episode, worker):
    services.assign(episode, worker, by=worker)
    soon = timezone.now() + dt.timedelta(hours=1)
    statuses = {s.obligation.norm.code: s.status for s in my_signals(worker, at=soon)}
    assert statuses["referrer_contact"] == ObligationStatus.DUE_SOON


def test_team_signals_list_unassigned_households_too(episode, team):
    later = timezone.now() + dt.timedelta(days=20)
    assert {s.episode.pk for s in team_signals(team, at=later)} == {episode.pk}


def test_the_daily_digest_mails_each_director_with_references_not_names(
    settings, episode, worker
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    worker.user.email = "coach@example.org"
    worker.user.save()
    services.assign(episode, worker, by=worker)
    sent = send_digests(at=timezone.now() + dt.timedelta(days=3))
    assert sent == 1
    assert mail.outbox[0].to == ["coach@example.org"]
    assert episode.household.reference in mail.outbox[0].body
    assert "Bakker" not in mail.outbox[0].body


def test_only_a_functional_administrator_changes_norms(municipality, worker):
    with pytest.raises(services.CaseError, match="functional administrator"):
        add_norm_version(municipality, "plan", by=worker, valid_from=dt.date(2027, 1, 1),
                         length=8, note="x")


def test_a_norm_change_keeps_the_old_version_for_history(municipality):
    admin = make_staff(municipality, None, "beheer", roles=[Role.ADMIN])
    add_norm_version(municipality, "plan", by=admin, valid_from=dt.date(2027, 1, 1), length=8,
                     note="meer tijd")
    from schakel.norms.queries import norm_book

    book = norm_book(municipality.pk)
    assert book.in_force("plan", dt.date(2026, 12, 31)).length == 6
    assert book.in_force("plan", dt.date(2027, 1, 1)).length == 8
    add_closing_day(municipality, dt.date(2027, 5, 7), "brugdag", by=admin)


def test_guideline_exceeded_asks_for_motivation_but_never_blocks(episode, worker):
    services.assign(episode, worker, by=worker)
    services.start_help(episode, by=worker)
    with pytest.raises(services.CaseError):
        services.motivate_deviation(episode, "duration_youth", by=worker, motivation="")
    services.motivate_deviation(episode, "duration_youth", by=worker,
                                motivation="OTS-traject loopt nog")
    services.close(episode, by=worker, reason="goals_met", destination="own_network")


def test_a_statutory_extension_is_allowed_once(episode, worker):
    services.extend_deadline(episode, "objection", by=worker, reason="advies nodig")
    with pytest.raises(services.CaseError, match="already been extended"):
        services.extend_deadline(episode, "objection", by=worker, reason="nog eens")
    with pytest.raises(services.CaseError, match="cannot be extended"):
        services.extend_deadline(episode, "plan", by=worker, reason="x")
