"""The team's lists under access by involvement: nobody waits out of sight, nobody is named
to those not involved."""

import pytest
from django.urls import reverse

from schakel.cases import services
from tests.web.conftest import new_episode

pytestmark = pytest.mark.django_db


def test_the_waiting_list_names_a_household_only_to_those_involved(login, world, team):
    page = login(world["colleague"]).get(reverse("web:waiting")).content.decode()
    assert "Oudewater" not in page and world.household.reference not in page
    assert "Een huishouden waar je niet bij betrokken bent" in page
    assert "1 huishouden" in page  # counted, not hidden
    assert "Oudewater" in login(world["leader"]).get(reverse("web:waiting")).content.decode()


def test_the_werkvoorraad_shows_the_teams_unassigned_work_to_its_members(login, world, team):
    new_episode(team, world["front_door"], "Aydin")
    page = login(world["colleague"]).get(reverse("web:werkvoorraad")).content.decode()
    assert "Aydin" in page


def test_a_colleague_who_loses_the_race_for_a_household_is_told_so(login, world, team):
    stock = new_episode(team, world["front_door"], "Aydin")
    url = reverse("web:household", args=[stock.household.reference])
    assert login(world["colleague"]).get(url).status_code == 200
    services.assign(stock, world["director"], by=world["leader"])
    response = login(world["colleague"]).post(
        url, {"action": "assigned", "assigned-worker": world["colleague"].pk}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("web:werkvoorraad")
    assert "is net door iemand anders opgepakt" in response.content.decode()
    stock.refresh_from_db()
    assert stock.director == world["director"]
