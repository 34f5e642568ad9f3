import pytest

from schakel.cases import lifecycle
from schakel.cases.constants import EventKind, State

REG = (EventKind.REGISTERED, {"source": "gp", "channel": "phone", "urgency": "normal",
                              "unit": "jeugd"})


def test_assigned_but_not_started_is_waiting_not_out_of_sight():
    folded = lifecycle.fold([REG, (EventKind.ASSIGNED, {"worker": 7})])
    assert folded.state == State.WAITING
    assert folded.director_id == 7


def test_help_cannot_start_before_assignment():
    with pytest.raises(lifecycle.TransitionError, match="assigned"):
        lifecycle.fold([REG, (EventKind.HELP_STARTED, {})])


def test_a_second_assignment_is_refused_because_one_director_at_a_time():
    with pytest.raises(lifecycle.TransitionError, match="one director"):
        lifecycle.fold([REG, (EventKind.ASSIGNED, {"worker": 1}),
                        (EventKind.ASSIGNED, {"worker": 2})])


def test_director_handover_replaces_the_director():
    folded = lifecycle.fold([REG, (EventKind.ASSIGNED, {"worker": 1}),
                             (EventKind.DIRECTOR_CHANGED, {"worker": 2})])
    assert folded.director_id == 2


def test_closing_requires_reason_and_destination():
    with pytest.raises(lifecycle.TransitionError, match="reason, destination"):
        lifecycle.fold([REG, (EventKind.CLOSED, {})])


def test_closing_clears_the_director_and_starts_aftercare():
    folded = lifecycle.fold([REG, (EventKind.ASSIGNED, {"worker": 1}),
                             (EventKind.CLOSED, {"reason": "goals_met",
                                                 "destination": "own_network"})])
    assert folded.state == State.AFTERCARE
    assert folded.director_id is None
    ended = lifecycle.apply(folded, EventKind.AFTERCARE_ENDED, {})
    assert ended.state == State.ENDED


def test_nothing_but_aftercare_end_follows_closure():
    closed = lifecycle.fold([REG, (EventKind.CLOSED, {"reason": "refused",
                                                      "destination": "refused"})])
    with pytest.raises(lifecycle.TransitionError, match="closed"):
        lifecycle.check(closed, EventKind.PLAN_AGREED, {})


def test_an_episode_starts_with_registration():
    with pytest.raises(lifecycle.TransitionError, match="starts with its registration"):
        lifecycle.fold([(EventKind.ASSIGNED, {"worker": 1})])
