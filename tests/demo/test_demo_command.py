"""``schakel demo`` loads the municipality through the importer and opens the logins."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command

from schakel.cases.constants import OPEN_STATES
from schakel.cases.models import Episode
from schakel.demo.logins import DEMO_PASSWORD, LOGINS
from schakel.tenancy.models import Team

pytestmark = pytest.mark.django_db


def run_demo(tmp_path, *extra: str, **options) -> str:
    out = StringIO()
    call_command("demo", "--households", "300", "--output", str(tmp_path / "demo.jsonl"),
                 *extra, stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


def test_the_demo_loads_open_episodes_in_every_open_state_and_every_login_works(tmp_path):
    output = run_demo(tmp_path)
    for state in OPEN_STATES:
        assert Episode.objects.filter(state=state).exists(), state
    assert Team.objects.count() == 6
    for username, _role in LOGINS:
        assert authenticate(username=username, password=DEMO_PASSWORD) is not None, username
        assert username in output
    assert DEMO_PASSWORD in output
    assert "http://127.0.0.1:8000/" in output


def test_the_coach_directs_households_in_a_team_with_werkvoorraad_and_waiting(tmp_path):
    run_demo(tmp_path)
    coach = authenticate(username="coach", password=DEMO_PASSWORD)
    assert coach is not None
    directed = Episode.objects.filter(director=coach.staff, state__in=[str(s) for s in OPEN_STATES])
    assert directed.exists()
    team = directed.first().team
    assert Episode.objects.filter(team=team, state="registered").exists()
    assert Episode.objects.filter(team=team, state="waiting").exists()


def test_a_second_run_finds_the_demo_and_imports_nothing(tmp_path):
    run_demo(tmp_path)
    episodes = Episode.objects.count()
    output = run_demo(tmp_path)
    assert "already in the database" in output
    assert Episode.objects.count() == episodes


def test_json_summary_reports_timings_counts_and_logins(tmp_path):
    out = StringIO()
    call_command("demo", households=300, output=str(tmp_path / "d.jsonl"), json=True,
                 stdout=out, stderr=StringIO())
    summary = json.loads(out.getvalue())
    assert summary["imported"] is True
    assert summary["generated"]["households"] == 300
    assert summary["seconds_import"] > 0
    assert summary["open_episodes"] == Episode.objects.filter(
        state__in=[str(s) for s in OPEN_STATES]).count()
    assert {x["username"] for x in summary["logins"]} == {u for u, _ in LOGINS}


def test_no_import_only_writes_the_file(tmp_path):
    output = run_demo(tmp_path, "--no-import")
    assert (tmp_path / "demo.jsonl").stat().st_size > 0
    assert not Episode.objects.exists()
    assert "not imported" in output


@pytest.mark.django_db(transaction=True)
def test_reset_starts_again_from_an_empty_database(tmp_path):
    run_demo(tmp_path)
    first = set(Episode.objects.values_list("external_id", flat=True))
    out = StringIO()
    call_command("demo", households=200, seed=99, output=str(tmp_path / "again.jsonl"),
                 reset=True, stdout=out, stderr=StringIO())
    assert "imported" in out.getvalue()
    again = set(Episode.objects.values_list("external_id", flat=True))
    assert again and again != first
    assert authenticate(username="coach", password=DEMO_PASSWORD) is not None
