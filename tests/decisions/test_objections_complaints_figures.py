"""Complaints and objections, and their figures split by part of the system, team, outcome."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from schakel.cases.services import CaseError
from schakel.decisions import queries, services
from schakel.decisions.models import Complaint, Decision, Objection
from schakel.people.models import Person

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def when(m: int, d: int) -> dt.datetime:
    return dt.datetime(2026, m, d, 10, tzinfo=AMS)


def _decision(planned, part: str) -> Decision:
    return Decision.objects.create(
        household=planned.household, episode=planned.episode, team=planned.episode.team,
        person=Person.objects.get(given_name="Sanne"), law="wmo", stage="decided",
        outcome="refused", decided_by_part=part, decided_at=when(1, 5))


def test_objection_and_complaint_figures_split_by_part_team_and_outcome(planned, other_team):
    team = planned.episode.team
    crafted_objections = [  # (decided by, outcome)
        ("team", "founded"), ("team", "unfounded"), ("team", ""),
        ("wmo_adviser", "unfounded"), ("wmo_adviser", "unfounded"), ("gp", "partly")]
    for part, outcome in crafted_objections:
        decision = _decision(planned, part)
        Objection.objects.create(decision=decision, team=team, system_part=part,
                                 received_at=when(2, 1), grounds="x", outcome=outcome)
    Objection.objects.create(decision=_decision(planned, "team"), team=team,
                             system_part="team", received_at=dt.datetime(2025, 3, 1, tzinfo=AMS),
                             grounds="vorig jaar", outcome="founded")
    crafted_complaints = [  # (part, team, outcome)
        ("team", team, "founded"), ("team", other_team, "unfounded"),
        ("team", other_team, "founded"), ("front_door", None, "resolved"),
        ("provider", None, "")]
    for part, for_team, outcome in crafted_complaints:
        Complaint.objects.create(municipality=team.municipality, system_part=part,
                                 team=for_team, received_at=when(3, 1), subject="x",
                                 outcome=outcome)
    objections = queries.objection_figures(team.municipality_id, 2026)
    assert objections.total == 6
    assert objections.by_part == {"team": 3, "wmo_adviser": 2, "gp": 1}
    assert objections.by_team == {"Team Oost": 6}
    assert objections.by_outcome == {"founded": 1, "unfounded": 3, "open": 1, "partly": 1}
    assert objections.by_part_and_outcome[("wmo_adviser", "unfounded")] == 2
    assert queries.objection_figures(team.municipality_id).total == 7  # all years
    complaints = queries.complaint_figures(team.municipality_id, 2026)
    assert complaints.total == 5
    assert complaints.by_part == {"team": 3, "front_door": 1, "provider": 1}
    assert complaints.by_team == {"Team Oost": 1, "Team West": 2, "": 2}
    assert complaints.by_outcome == {"founded": 2, "unfounded": 1, "resolved": 1, "open": 1}


def test_complaint_mediation_is_due_within_two_weeks_of_working_days(planned):
    team = planned.episode.team
    # Received Thursday 23 April 2026: Mon 27 April is King's Day, Tue 5 May Liberation Day.
    complaint = Complaint.objects.create(municipality=team.municipality, system_part="team",
                                         team=team, received_at=when(4, 23), subject="x")
    assert queries.mediation_due(complaint) == dt.date(2026, 5, 11)  # 10th working day
    deadline = queries.complaint_deadline(complaint)
    assert deadline is not None and deadline.last_day == dt.date(2026, 6, 4)


def test_complaint_is_tagged_to_team_and_worker_and_founded_needs_measures(planned):
    team = planned.episode.team
    complaint = services.register_complaint(
        team.municipality, by=planned.worker, system_part="team", team=team,
        worker=planned.worker, subject="Niet teruggebeld", household=planned.household)
    assert (complaint.team, complaint.worker) == (team, planned.worker)
    assert planned.episode.events.filter(kind="complaint_received").exists()
    services.record_mediation(complaint, by=planned.leader, on=dt.date.today())
    with pytest.raises(CaseError, match="measures"):
        services.handle_complaint(complaint, by=planned.leader, outcome="founded")
    services.handle_complaint(complaint, by=planned.leader, outcome="founded",
                              measures="Terugbelafspraak in het teamoverleg")
    assert planned.episode.events.filter(kind="complaint_handled").exists()


def test_a_complaint_without_a_part_of_the_system_is_refused(planned):
    with pytest.raises(CaseError):
        services.register_complaint(planned.episode.team.municipality, by=planned.worker,
                                    system_part="", subject="x")


def test_report_command_prints_the_complaint_split_as_json(planned):
    import json
    from io import StringIO

    from django.core.management import call_command

    team = planned.episode.team
    Complaint.objects.create(municipality=team.municipality, system_part="gp", team=team,
                             received_at=when(3, 1), subject="x", outcome="unfounded")
    out = StringIO()
    call_command("report", "complaints", "--year", "2026", "--json", stdout=out)
    data = json.loads(out.getvalue())
    assert (data["total"], data["by_part"], data["by_outcome"]) == (
        1, {"gp": 1}, {"unfounded": 1})
