import datetime as dt

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from schakel.cases import services
from schakel.cases.constants import EventKind, InvolvementKind, Source, State
from schakel.cases.lifecycle import fold
from schakel.cases.models import Episode, Event
from schakel.cases.projection import derived_fields
from schakel.tenancy.constants import UnitKind
from tests.conftest import family_members, make_staff


def test_a_household_holds_a_parent_and_a_child_with_one_director(episode, worker):
    services.assign(episode, worker, by=worker)
    episode.refresh_from_db()
    roles = sorted(m.role for m in episode.household.members.all())
    assert roles == ["child", "parent"]
    assert episode.director == worker
    assert episode.state == State.WAITING


def test_a_second_director_at_the_same_time_is_refused_with_a_message(
    episode, worker, second_worker
):
    services.assign(episode, worker, by=worker)
    with pytest.raises(services.CaseError, match="already has a case director"):
        services.assign(episode, second_worker, by=worker)
    episode.refresh_from_db()
    assert episode.director == worker
    assert episode.events.count() == 2


def test_handover_is_an_event_and_moves_direction(episode, worker, second_worker):
    services.assign(episode, worker, by=worker)
    services.change_director(episode, second_worker, by=worker, note="verlof")
    episode.refresh_from_db()
    assert episode.director == second_worker
    assert episode.events.last().kind == EventKind.DIRECTOR_CHANGED


def test_the_database_refuses_two_open_episodes_for_one_household(episode):
    clone = Episode.objects.get(pk=episode.pk)
    clone.pk = None
    clone.number = 2
    clone.external_id = "dup"
    with pytest.raises(IntegrityError), transaction.atomic():
        clone.save()


def test_a_new_signal_for_a_household_with_an_open_episode_is_refused(episode, worker, team):
    reg = services.RegistrationInput(team=team, unit=UnitKind.ADULTS, source=Source.POLICE,
                                     channel="phone")
    with pytest.raises(services.CaseError, match="already has an open episode"):
        services.register(worker, reg, household=episode.household)


def test_a_return_links_to_the_earlier_episode(episode, worker, team):
    services.close(episode, by=worker, reason="no_help_needed", destination="none_needed")
    reg = services.RegistrationInput(team=team, unit=UnitKind.ADULTS, source=Source.HOUSING,
                                     channel="phone")
    second = services.register(worker, reg, household=episode.household)
    assert second.previous == episode
    assert second.number == 2
    kinds = list(second.events.values_list("kind", flat=True))
    assert kinds == [EventKind.REGISTERED, EventKind.RETURNED]


def test_closing_demands_reason_and_destination(episode, worker):
    with pytest.raises(services.CaseError) as exc:
        services.close(episode, by=worker, reason="", destination="")
    assert set(exc.value.message_dict) == {"reason", "destination"}
    assert episode.events.count() == 1


def test_backdating_needs_a_reason(team, worker):
    reg = services.RegistrationInput(
        team=team, unit=UnitKind.ADULTS, source=Source.GP, channel="phone",
        occurred_at=timezone.now() - dt.timedelta(days=3),
    )
    with pytest.raises(services.CaseError) as exc:
        services.register(worker, reg, household_name="X", members=family_members())
    assert "backdate_reason" in exc.value.message_dict
    reg.backdate_reason = "aanmelding per post binnengekomen"
    episode = services.register(worker, reg, household_name="X", members=family_members())
    yesterday = timezone.now() - dt.timedelta(days=1)
    with pytest.raises(services.CaseError) as exc:
        services.record(episode, EventKind.RESIDENT_CONTACTED, by=worker, occurred_at=yesterday)
    assert "backdate_reason" in exc.value.message_dict
    event = services.record(episode, EventKind.RESIDENT_CONTACTED, by=worker,
                            occurred_at=yesterday, backdate_reason="telefoon gisteren")
    assert event.occurred_at == yesterday
    assert event.recorded_at > event.occurred_at


def test_an_event_cannot_precede_the_registration(episode, worker):
    earlier = timezone.now() - dt.timedelta(days=2)
    with pytest.raises(services.CaseError, match="before the registration"):
        services.record(episode, EventKind.RESIDENT_CONTACTED, by=worker, occurred_at=earlier,
                        backdate_reason="vergeten")


def test_an_event_cannot_lie_in_the_future(episode, worker):
    later = timezone.now() + dt.timedelta(hours=2)
    with pytest.raises(services.CaseError, match="future"):
        services.record(episode, EventKind.RESIDENT_CONTACTED, by=worker, occurred_at=later)


def test_youth_work_needs_a_valid_professional_registration(episode, municipality, team, worker):
    unregistered = make_staff(municipality, team, "stagiair")
    with pytest.raises(services.CaseError, match="SKJ or BIG"):
        services.assign(episode, unregistered, by=worker)


def test_only_members_of_the_team_can_be_assigned(episode, municipality, other_team, worker):
    outsider = make_staff(municipality, other_team, "buiten", registration_kind="skj",
                          registration_number="1")
    with pytest.raises(services.CaseError, match="not a member of team"):
        services.assign(episode, outsider, by=worker)


def test_full_path_from_signal_to_aftercare(episode, worker):
    services.record(episode, EventKind.REFERRER_CONTACTED, by=worker)
    services.record(episode, EventKind.RESIDENT_CONTACTED, by=worker)
    services.record(episode, EventKind.TRIAGED, by=worker, urgency="normal")
    services.record(episode, EventKind.KITCHEN_TABLE, by=worker)
    services.assign(episode, worker, by=worker)
    services.start_help(episode, by=worker)
    services.record(episode, EventKind.PLAN_AGREED, by=worker)
    services.record(episode, EventKind.SCALED_UP, by=worker)
    services.close(episode, by=worker, reason="goals_met", destination="own_network")
    services.record(episode, EventKind.AFTERCARE_ENDED, by=worker)
    episode.refresh_from_db()
    assert episode.state == State.ENDED
    assert episode.closed_at is not None


def test_stored_state_always_equals_the_fold_of_the_events(episode, worker, second_worker):
    services.assign(episode, worker, by=worker)
    services.start_help(episode, by=worker)
    services.change_director(episode, second_worker, by=worker)
    episode.refresh_from_db()
    events = list(Event.objects.filter(episode=episode).order_by("seq"))
    folded = fold((e.kind, e.fold_data()) for e in events)
    assert episode.state == folded.state
    assert episode.director_id == folded.director_id
    derived = derived_fields(events)
    assert episode.help_started_at == derived["help_started_at"]


def test_involved_people_are_recorded_as_events(episode, worker, second_worker):
    services.add_involvement(episode, by=worker, kind=InvolvementKind.EXTERNAL,
                             name="J. Visser", organisation="GGZ Delfland", role="POH-GGZ")
    services.add_involvement(episode, by=worker, kind=InvolvementKind.TEAM, staff=second_worker)
    names = sorted(episode.household.involvements.values_list("name", flat=True))
    assert names == ["Coach de Vries", "J. Visser"]
    inv = episode.household.involvements.get(name="J. Visser")
    services.end_involvement(inv, by=worker)
    inv.refresh_from_db()
    assert inv.ended_at is not None


def test_a_short_contact_opens_no_case(team, worker):
    before = Episode.objects.count()
    services.record_short_contact(worker, team=team, category="money", source="self",
                                  channel="walk_in", note="vraag over toeslag")
    assert Episode.objects.count() == before
