"""Child-safety checks per youth case: at start, periodically per the norm, on change, at end."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from schakel.assessment import queries, services
from schakel.assessment.constants import SafetyOccasion, SafetyOutcome
from schakel.assessment.safety import CheckFact, schedule
from schakel.cases import services as case_services
from schakel.cases.constants import EventKind
from schakel.cases.models import Event
from schakel.cases.services import CaseError
from schakel.norms.constants import ObligationStatus
from schakel.norms.queries import obligations_for_episodes
from tests.web.conftest import new_episode

START = dt.date(2026, 1, 12)


def by_occasion(items):
    return {(i.occasion, i.due_on): i for i in items}


def test_a_youth_case_owes_a_check_at_start_and_one_before_closing():
    items = schedule(registered_on=dt.date(2026, 1, 5), help_started_on=START, closed_on=None,
                     checks=[], today=dt.date(2026, 1, 20))
    occasions = [(i.occasion, i.status) for i in items]
    assert (SafetyOccasion.START, ObligationStatus.OVERDUE) in occasions
    assert (SafetyOccasion.PERIODIC, ObligationStatus.OPEN) in occasions
    assert (SafetyOccasion.END, ObligationStatus.OPEN) in occasions


def test_the_next_periodic_check_counts_from_the_latest_check():
    checks = [CheckFact(SafetyOccasion.START, None, START),
              CheckFact(SafetyOccasion.PERIODIC, None, dt.date(2026, 7, 1))]
    items = schedule(registered_on=dt.date(2026, 1, 5), help_started_on=START, closed_on=None,
                     checks=checks, today=dt.date(2026, 12, 30))
    periodic = next(i for i in items if i.occasion == SafetyOccasion.PERIODIC)
    assert periodic.due_on == dt.date(2027, 1, 1)
    assert periodic.status == ObligationStatus.DUE_SOON
    start = next(i for i in items if i.occasion == SafetyOccasion.START)
    assert start.status == ObligationStatus.MET_ON_TIME


def test_the_period_follows_the_norm():
    items = schedule(registered_on=START, help_started_on=START, closed_on=None, checks=[],
                     today=START, period=(3, "months"))
    assert next(i for i in items if i.occasion == SafetyOccasion.PERIODIC).due_on == \
        dt.date(2026, 4, 12)


def test_a_change_of_situation_makes_a_check_due_and_closing_without_an_end_check_is_missed():
    checks = [CheckFact(SafetyOccasion.START, None, START),
              CheckFact(SafetyOccasion.CHANGE, dt.date(2026, 3, 1), None, "Vader vertrokken", 7)]
    items = schedule(registered_on=START, help_started_on=START, closed_on=dt.date(2026, 4, 1),
                     checks=checks, today=dt.date(2026, 4, 2))
    change = next(i for i in items if i.occasion == SafetyOccasion.CHANGE)
    assert change.reason == "Vader vertrokken" and change.status == ObligationStatus.LAPSED
    end = next(i for i in items if i.occasion == SafetyOccasion.END)
    assert end.status == ObligationStatus.OVERDUE


@pytest.mark.django_db
def test_a_planned_check_after_a_change_is_filled_in_when_done(active_episode, worker):
    planned = services.plan_safety_check(active_episode, by=worker, due_on=dt.date.today(),
                                         reason="Nieuwe partner in huis")
    today = dt.date.today()
    open_items = [i for i in queries.safety_schedule(active_episode, today) if i.is_open]
    assert any(i.occasion == SafetyOccasion.CHANGE for i in open_items)
    done = services.record_safety_check(active_episode, by=worker,
                                        occasion=SafetyOccasion.CHANGE, done_on=today,
                                        outcome=SafetyOutcome.CONCERNS, note="Afspraken gemaakt")
    assert done.pk == planned.pk and done.done_on == today


@pytest.mark.django_db
def test_a_recorded_check_is_an_event_that_the_norm_counts(active_episode, worker):
    kind = EventKind.CHILD_SAFETY_CHECK
    services.record_safety_check(active_episode, by=worker, occasion=SafetyOccasion.START,
                                 done_on=dt.date.today(), outcome=SafetyOutcome.SAFE)
    event = Event.objects.get(episode=active_episode, kind=kind)
    assert event.data["occasion"] == "start" and event.data["outcome"] == "safe"
    norm = next(o for o in obligations_for_episodes([active_episode])
                if o.obligation.norm.code == "child_safety_check")
    assert norm.status == ObligationStatus.MET_ON_TIME


@pytest.mark.django_db
def test_checks_belong_to_youth_cases(team, worker):
    adults = new_episode(team, worker)
    with pytest.raises(CaseError, match="youth cases"):
        services.record_safety_check(adults, by=worker, occasion=SafetyOccasion.START,
                                     done_on=dt.date.today(), outcome=SafetyOutcome.SAFE)
    assert queries.safety_schedule(adults, dt.date.today()) == []


@pytest.mark.django_db
def test_a_closed_episode_takes_no_more_checks(active_episode, worker):
    case_services.close(active_episode, by=worker, reason="goals_met", destination="none_needed")
    with pytest.raises(CaseError, match="closed"):
        services.record_safety_check(active_episode, by=worker, occasion=SafetyOccasion.END,
                                     done_on=dt.date.today(), outcome=SafetyOutcome.SAFE)


@pytest.mark.django_db
def test_the_analysis_page_shows_the_checks_as_obligations(active_episode, worker, login):
    page = login(worker).get(
        reverse("assessment:overview", args=[active_episode.household.reference])
    ).content.decode()
    assert "Kindveiligheidschecks" in page
    assert "Bij de start van de hulp" in page and "Voor het afsluiten" in page
