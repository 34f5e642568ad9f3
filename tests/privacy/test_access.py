"""Access follows involvement: who sees a household, why, and for how long."""

import datetime as dt

import pytest
from django.utils import timezone

from schakel.cases import services
from schakel.privacy import glass
from schakel.privacy.access import involvement, visible_households
from schakel.privacy.constants import SENSITIVE_CATEGORIES
from schakel.tenancy.models import Municipality
from schakel.tenancy.services import create_team
from tests.conftest import make_staff
from tests.web.conftest import new_episode

pytestmark = pytest.mark.django_db

SEES = {"director", "leader", "scientist_consulted", "front_door"}


def sees(staff, household) -> bool:
    single = involvement(staff, household) is not None
    assert single == visible_households(staff).filter(pk=household.pk).exists()
    return single


def test_only_the_involved_see_an_assigned_household(world):
    seen = {name for name, staff in world.people.items() if sees(staff, world.household)}
    assert seen == SEES


def test_the_reason_is_the_strongest_involvement(world):
    reasons = {name: involvement(world[name], world.household).reason for name in SEES}
    assert reasons == {"director": "director", "leader": "team_leader",
                       "scientist_consulted": "involved", "front_door": "recorded"}


def test_only_those_who_take_part_in_the_help_see_sensitive_categories(world):
    assert involvement(world["director"], world.household).categories >= SENSITIVE_CATEGORIES
    assert involvement(world["scientist_consulted"], world.household).care
    for name in ("leader", "front_door"):
        assert not involvement(world[name], world.household).categories & SENSITIVE_CATEGORIES


def test_the_werkvoorraad_is_visible_to_the_team_until_it_is_assigned(world, team):
    stock = new_episode(team, world["front_door"], "Aydin")
    assert sees(world["colleague"], stock.household)
    assert involvement(world["colleague"], stock.household).reason == "werkvoorraad"
    assert not sees(world["front_door_other"], stock.household)  # not a casework role
    assert not sees(world["other_leader"], stock.household)
    services.assign(stock, world["colleague"], by=world["colleague"])
    assert sees(world["colleague"], stock.household)  # now as director
    assert not sees(world["scientist"], stock.household)


def test_ending_an_involvement_ends_the_access(world):
    row = world.household.involvements.get(staff=world["scientist_consulted"])
    services.end_involvement(row, by=world["director"])
    assert not sees(world["scientist_consulted"], world.household)


def test_a_handover_moves_direction_and_the_old_director_keeps_reading_while_open(world, team):
    new = make_staff(world.household.team.municipality, team, "nieuw", **{
        "registration_kind": "skj", "registration_number": "1",
        "registration_expires": dt.date(2035, 1, 1)})
    services.change_director(world.episode, new, by=world["leader"])
    assert involvement(new, world.household).reason == "director"
    assert involvement(world["director"], world.household).reason == "recorded"


def test_aftercare_keeps_the_last_director_and_ended_help_keeps_nobody(world):
    services.start_help(world.episode, by=world["director"])
    services.close(world.episode, by=world["director"], reason="goals_met",
                   destination="own_network")
    assert involvement(world["director"], world.household).reason == "director"
    assert sees(world["leader"], world.household)
    services.record(world.episode, "aftercare_ended", by=world["director"])
    assert {n for n, s in world.people.items() if sees(s, world.household)} == set()


def test_break_the_glass_gives_access_for_a_limited_time(world):
    grant = glass.request_access(world["glass"], world.household,
                                 "Politie belt over acute zorgen om het kind")
    assert involvement(world["glass"], world.household).reason == "emergency"
    later = grant.expires_at + dt.timedelta(seconds=1)
    assert involvement(world["glass"], world.household, at=later) is None
    assert timezone.now() < grant.expires_at <= timezone.now() + dt.timedelta(hours=4)


def test_another_municipality_never_sees_the_household(world):
    elsewhere = Municipality.objects.create(name="Elders", cbs_code="GM0001", external_id="x")
    their_team = create_team(elsewhere, "Team Elders")
    stranger = make_staff(elsewhere, their_team, "vreemd")
    assert not sees(stranger, world.household)


def test_a_merged_duplicate_follows_the_household_it_was_merged_into(world, team):
    services.close(world.episode, by=world["director"], reason="moved", destination="moved")
    duplicate = new_episode(team, world["director"], "Oudewater (dubbel)")
    services.merge_households(world.household, duplicate.household, by=world["leader"])
    duplicate.household.refresh_from_db()
    for name, staff in world.people.items():
        assert sees(staff, duplicate.household) == sees(staff, world.household), name
    assert sees(world["colleague"], duplicate.household)  # its episode is in the work stock
    assert not sees(world["other_leader"], duplicate.household)
