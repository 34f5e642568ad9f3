"""Youth protection: direction moves to a certified institution and back, one director always."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from schakel.cases import direction
from schakel.cases.constants import Channel, EventKind, ProtectionMeasure, Source, TeamRole
from schakel.cases.models import Episode
from schakel.cases.services import (
    CaseError,
    RegistrationInput,
    assign,
    change_director,
    register,
    start_help,
)
from schakel.handovers import services
from schakel.insight.filters import Scope
from schakel.insight.handovers import handover_figures
from schakel.tenancy.constants import OrganisationKind, UnitKind
from schakel.tenancy.services import create_organisation
from tests.conftest import family_members

pytestmark = pytest.mark.django_db
LATER = "Recorded afterwards from the file"


@pytest.fixture
def institution():
    return create_organisation("Jeugdbescherming Regio", OrganisationKind.CARE,
                               external_id="gi-regio")


def history(episode: Episode) -> list[direction.Fact]:
    return [direction.Fact(e.seq, e.kind, e.occurred_at, e.fold_data())
            for e in episode.events.order_by("seq")]


def ago(days: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=days)


def test_a_youth_case_passed_to_an_institution_and_back_has_one_director_on_every_date(
        team, worker, second_worker, institution):
    # Everything recorded today, dated back: the history is judged by when things happened.
    episode = register(worker, RegistrationInput(
        team=team, unit=UnitKind.YOUTH, source=Source.SCHOOL, channel=Channel.PHONE,
        occurred_at=ago(60), backdate_reason=LATER), household_name="Visser",
        members=family_members())
    assign(episode, worker, by=worker, occurred_at=ago(55), backdate_reason=LATER)
    start_help(episode, by=worker, occurred_at=ago(50), backdate_reason=LATER)
    services.decide_youth_protection(
        episode, by=worker, measure=ProtectionMeasure.DWANG, institution=institution,
        team_role=TeamRole.PILOT_LIGHT, occurred_at=ago(30), backdate_reason=LATER)
    episode.refresh_from_db()
    assert episode.director_id is None
    assert episode.director_organisation_id == institution.pk
    services.end_youth_protection(episode, second_worker, by=worker, occurred_at=ago(5),
                                  backdate_reason=LATER)
    episode.refresh_from_db()
    assert (episode.director_id, episode.director_organisation_id) == (second_worker.pk, None)

    spans = direction.timeline(history(episode))
    assert [s.director for s in spans] == [
        direction.Director("staff", worker.pk),
        direction.Director("institution", institution.external_id),
        direction.Director("staff", second_worker.pk),
    ]
    now = timezone.now()
    first = timezone.localdate(ago(55))
    for offset in range((timezone.localdate(now) - first).days + 1):
        day = first + dt.timedelta(days=offset)
        end_of_day = timezone.make_aware(dt.datetime.combine(day, dt.time(23, 59, 59)))
        at = min(end_of_day, now)
        assert len(direction.directors_on(spans, at)) == 1, day
    assert direction.without_director(spans) == []
    assert direction.faults(history(episode)) == []


def test_a_direction_step_cannot_be_dated_before_the_last_change_of_direction(
        active_episode, worker, institution):
    services.decide_youth_protection(
        active_episode, by=worker, measure=ProtectionMeasure.DRANG, institution=institution,
        team_role=TeamRole.BRIDGING)
    with pytest.raises(CaseError) as raised:
        services.end_youth_protection(active_episode, worker, by=worker, occurred_at=ago(3),
                                      backdate_reason=LATER)
    assert "before the last change of case direction" in str(raised.value)


def test_while_an_institution_directs_no_team_member_becomes_a_second_director(
        active_episode, worker, second_worker, institution):
    services.decide_youth_protection(
        active_episode, by=worker, measure=ProtectionMeasure.DWANG, institution=institution,
        team_role=TeamRole.PILOT_LIGHT)
    with pytest.raises(CaseError, match="certified institution directs"):
        change_director(active_episode, second_worker, by=worker)
    with pytest.raises(CaseError, match="already directs"):
        services.decide_youth_protection(
            active_episode, by=worker, measure=ProtectionMeasure.DRANG,
            institution=institution, team_role=TeamRole.BRIDGING)


def test_a_voluntary_decision_leaves_direction_with_the_team(active_episode, worker):
    services.decide_youth_protection(active_episode, by=worker,
                                     measure=ProtectionMeasure.VOLUNTARY)
    active_episode.refresh_from_db()
    assert active_episode.director_id == worker.pk
    assert active_episode.director_organisation_id is None
    with pytest.raises(CaseError, match="No certified institution directs"):
        services.end_youth_protection(active_episode, worker, by=worker)


def test_drang_or_dwang_needs_the_institution(active_episode, worker):
    with pytest.raises(CaseError) as raised:
        services.decide_youth_protection(active_episode, by=worker,
                                         measure=ProtectionMeasure.DRANG)
    assert "certified institution" in str(raised.value)


def test_an_imported_history_out_of_order_counts_as_a_household_without_director():
    t0 = dt.datetime(2026, 1, 5, 9, tzinfo=dt.UTC)
    day = dt.timedelta(days=1)
    facts = [
        direction.Fact(1, EventKind.REGISTERED, t0, {"unit": "jeugd"}),
        direction.Fact(2, EventKind.ASSIGNED, t0 + day, {"worker": 7}),
        direction.Fact(3, EventKind.HELP_STARTED, t0 + 2 * day, {}),
        # Scaled back dated before the decision it ends: the timeline has a fault.
        direction.Fact(4, EventKind.YOUTH_PROTECTION_DECIDED, t0 + 20 * day,
                       {"measure": "dwang", "institution": "gi-3"}),
        direction.Fact(5, EventKind.YOUTH_PROTECTION_ENDED, t0 + 10 * day, {"worker": 8}),
    ]
    assert direction.faults(facts)
    spans = direction.timeline(facts)
    gi = direction.Director("institution", "gi-3")
    assert direction.directors_on(spans, t0 + 30 * day) == [gi]
    closed = [*facts, direction.Fact(6, EventKind.CLOSED, t0 + 40 * day,
                                     {"reason": "goals_met", "destination": "none_needed"})]
    assert direction.directors_on(direction.timeline(closed), t0 + 41 * day) == []


def test_the_figures_count_no_household_without_a_director_when_the_rules_hold(
        episode, worker, second_worker, institution, municipality):
    assign(episode, worker, by=worker)
    start_help(episode, by=worker)
    services.decide_youth_protection(
        episode, by=worker, measure=ProtectionMeasure.DWANG, institution=institution,
        team_role=TeamRole.BRIDGING)
    services.end_youth_protection(episode, second_worker, by=worker)
    today = timezone.localdate()
    figures = handover_figures(today, today, Scope(municipality.pk))
    assert figures["households_without_director"] == 0
    assert figures["other_handovers"]["youth_protection_dwang"] == 1
    assert figures["other_handovers"][EventKind.YOUTH_PROTECTION_ENDED] == 1


def test_help_dated_before_the_assignment_is_no_direction_fault():
    """Only the direction rules are judged in time order; other steps may be dated freely."""
    t0 = dt.datetime(2026, 2, 2, 9, tzinfo=dt.UTC)
    day = dt.timedelta(days=1)
    history = [
        direction.Fact(1, EventKind.REGISTERED, t0, {"unit": "jeugd"}),
        direction.Fact(2, EventKind.ASSIGNED, t0 + 5 * day, {"worker": 7}),
        direction.Fact(3, EventKind.HELP_STARTED, t0 + 4 * day, {}),
    ]
    assert direction.faults(history) == []
    spans = direction.timeline(history)
    assert direction.without_director(spans) == []
    assert direction.directors_on(spans, t0 + 6 * day) == [direction.Director("staff", 7)]
