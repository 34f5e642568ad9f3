"""The demo exchange file is valid and looks like a real municipality's."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from schakel.cases import lifecycle
from schakel.cases.constants import OPEN_STATES, EventKind, State
from schakel.demo import calibration as cal
from schakel.demo.generate import generate
from schakel.demo.tenant import team_count
from schakel.people.bsn import passes_eleven_test
from schakel.tenancy.constants import UnitKind
from tests.demo.conftest import NOW


def by_type(lines, kind):
    return [x for x in lines if x["type"] == kind]


def test_the_file_passes_every_rule_the_importer_enforces(checked):
    assert checked.problems == []
    assert checked.types["episode"] > 600
    assert checked.types["short_contact"] > 50


def test_every_episode_folds_with_the_strict_lifecycle(lines):
    staff = {s["id"]: i for i, s in enumerate(by_type(lines, "staff"), start=1)}
    events = defaultdict(list)
    for e in by_type(lines, "event"):
        events[e["episode"]].append(e)
    assert len(events) == len(by_type(lines, "episode"))
    for episode_events in events.values():
        assert [e["seq"] for e in episode_events] == list(range(1, len(episode_events) + 1))
        folded = lifecycle.fold(
            (e["kind"], {**e["data"], "worker": staff.get(e["worker"])}) for e in episode_events
        )
        assert folded.state is not None


def test_a_household_never_has_two_open_episodes(lines):
    closed = {e["episode"] for e in by_type(lines, "event") if e["kind"] == EventKind.CLOSED}
    open_per_household = Counter(
        ep["household"] for ep in by_type(lines, "episode") if ep["id"] not in closed
    )
    assert open_per_household
    assert max(open_per_household.values()) == 1


def test_bsns_are_test_numbers_that_pass_the_eleven_test_and_are_unique(lines):
    persons = by_type(lines, "person")
    bsns = [p["bsn"] for p in persons if p["bsn"]]
    assert 0.4 * len(persons) < len(bsns) < 0.8 * len(persons)  # only some persons have one
    assert all(b.startswith("9999") and passes_eleven_test(b) for b in bsns)
    assert len(set(bsns)) == len(bsns)


def test_postcodes_are_schiedam_style(lines):
    persons = by_type(lines, "person")
    local = [p["postcode"] for p in persons if p["city"] == "Schiedam"]
    assert len(local) > 0.9 * len(persons)
    assert all(pc[:2] == "31" and len(pc) == 6 and pc[4:].isalpha() for pc in local)


def test_youth_episodes_are_directed_only_by_workers_with_a_valid_registration(lines):
    registration = {s["id"]: s["registration"] for s in by_type(lines, "staff")}
    youth = {
        e["episode"] for e in by_type(lines, "event")
        if e["kind"] == EventKind.REGISTERED and e["data"]["unit"] == UnitKind.YOUTH
    }
    directed = [
        e for e in by_type(lines, "event")
        if e["episode"] in youth and e["kind"] in (EventKind.ASSIGNED, EventKind.DIRECTOR_CHANGED)
    ]
    assert directed
    for e in directed:
        reg = registration[e["worker"]]
        assert reg["kind"] in ("skj", "big") and reg["number"]
        assert reg["expires"] is None or reg["expires"] >= e["occurred_at"][:10]


def test_every_team_has_werkvoorraad_waiting_and_active_households(checked):
    assert len(checked.states) == 6
    for team, states in checked.states.items():
        for state in OPEN_STATES:
            assert states[state] > 0, (team, state)


def test_returns_link_to_the_household_s_earlier_episode(lines):
    episodes = {ep["id"]: ep for ep in by_type(lines, "episode")}
    returned = [e for e in by_type(lines, "event") if e["kind"] == EventKind.RETURNED]
    assert 0.08 < len(returned) / len(episodes) < 0.22  # Schiedam: 15% return
    for event in returned:
        episode = episodes[event["episode"]]
        previous = episodes[event["data"]["previous_episode"]]
        assert episode["previous"] == previous["id"]
        assert previous["household"] == episode["household"]
        assert episode["number"] == previous["number"] + 1


def test_every_closure_has_a_reason_and_an_outflow_destination(lines):
    closures = [e for e in by_type(lines, "event") if e["kind"] == EventKind.CLOSED]
    assert closures
    assert all(e["data"]["reason"] and e["data"]["destination"] for e in closures)
    assert len({e["data"]["destination"] for e in closures}) >= 8


def test_aftercare_ends_within_three_months_of_closure(lines):
    closed, ended = {}, {}
    for e in by_type(lines, "event"):
        if e["kind"] == EventKind.CLOSED:
            closed[e["episode"]] = dt.datetime.fromisoformat(e["occurred_at"])
        elif e["kind"] == EventKind.AFTERCARE_ENDED:
            ended[e["episode"]] = dt.datetime.fromisoformat(e["occurred_at"])
    assert ended
    assert all(dt.timedelta(0) <= ended[ep] - closed[ep] <= dt.timedelta(days=93) for ep in ended)


def test_events_recorded_on_a_later_day_carry_a_reason(lines):
    backdated = [
        e for e in by_type(lines, "event") if e["recorded_at"][:10] > e["occurred_at"][:10]
    ]
    assert backdated
    assert all(e["backdate_reason"] for e in backdated)
    assert all(e["occurred_at"] <= e["recorded_at"] for e in by_type(lines, "event"))


def test_the_coach_login_directs_households_in_a_team_with_werkvoorraad_and_waiting(
    small_demo, checked, lines
):
    staff = {s["username"]: s for s in by_type(lines, "staff")}
    assert {x.username for x in small_demo.logins} <= set(staff)
    coach = staff["coach"]
    team = coach["places"][0]["team"]
    assert coach["places"][0]["role"] == "team_member"
    assert checked.states[team][State.REGISTERED] > 0
    assert checked.states[team][State.WAITING] > 0
    assert small_demo.report["open_episodes"] == sum(
        sum(checked.open_in(t).values()) for t in checked.states
    )
    assert any(e["worker"] == coach["id"] for e in by_type(lines, "event")
               if e["kind"] == EventKind.ASSIGNED)


def test_the_same_seed_gives_the_same_file_and_another_seed_another(tmp_path, small_demo):
    again = generate(tmp_path / "again.jsonl", households=600, seed=7, now=NOW)
    other = generate(tmp_path / "other.jsonl", households=600, seed=8, now=NOW)
    assert again.path.read_bytes() == small_demo.path.read_bytes()
    assert other.path.read_bytes() != small_demo.path.read_bytes()


def test_the_default_demo_is_schiedam_sized_with_realistic_service_norms(tmp_path):
    demo = generate(tmp_path / "default.jsonl", now=NOW)
    report = demo.report
    assert demo.teams == 6
    assert 45 <= demo.staff <= 65
    assert 850 <= report["open_episodes"] <= 1150  # Schiedam: 1,010 open cases
    per_team = report["open_per_team"].values()
    assert all(8 <= t["registered"] <= 45 and 8 <= t["waiting"] <= 45 for t in per_team)
    assert 0.07 <= report["urgent_share"] <= 0.13
    assert 0.10 <= report["return_share"] <= 0.20
    norms = report["norms"]
    assert 0.70 <= norms["referrer_contacted_within_2_days"] <= 0.86  # Rotterdam 78%
    assert 0.33 <= norms["resident_contacted_within_5_working_days"] <= 0.49  # 41%
    assert 0.28 <= norms["kitchen_table_within_10_days"] <= 0.44  # 36%
    assert 0.05 <= norms["plan_within_6_weeks"] <= 0.16  # 10%
    durations = report["closed_last_year"]
    assert 120 <= durations["adults_median_days"] <= 180  # ~5 months
    assert 0.30 <= durations["adults_over_6_months"] <= 0.46  # 38%
    assert 0.30 <= durations["youth_over_9_months"] <= 0.50  # 40%
    assert 0.4 <= report["long_cases_with_more_than_one_worker"] <= 0.65  # 54%
    assert 250 <= report["short_contacts"] <= 800


def test_more_households_add_teams_at_a_realistic_load():
    assert team_count(cal.DEFAULT_HOUSEHOLDS) == 6
    assert team_count(300) == 6
    assert team_count(200_000) == round(200_000 / cal.HOUSEHOLDS_PER_TEAM)
