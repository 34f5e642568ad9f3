"""Werkvoorraad and Wachtend are two lists, never merged; my caseload shows next steps."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.cases import services
from schakel.privacy.models import AccessLog
from tests.web.conftest import new_episode

pytestmark = pytest.mark.django_db


def rows(html: str) -> list[str]:
    return re.findall(r"<tr[^>]*>\s*<td>(.*?)</tr>", html, flags=re.S)


def test_assigned_but_not_started_leaves_werkvoorraad_and_shows_under_wachtend(
    login, worker, team
):
    new_episode(team, worker, "Aydin")
    waiting = new_episode(team, worker, "Bos")
    services.assign(waiting, worker, by=worker)
    client = login(worker)
    stock = client.get(reverse("web:werkvoorraad")).content.decode()
    wait = client.get(reverse("web:waiting")).content.decode()
    assert "Aydin" in stock and "Bos" not in stock
    assert "Bos" in wait and "Aydin" not in wait
    assert "Coach Jansen" in wait  # who it is assigned to


def test_help_started_leaves_wachtend(login, worker, team):
    episode = new_episode(team, worker, "Bos")
    services.assign(episode, worker, by=worker)
    services.start_help(episode, by=worker)
    page = login(worker).get(reverse("web:waiting")).content.decode()
    assert "Bos" not in page
    assert "Niemand wacht" in page


def test_werkvoorraad_lists_urgent_first_then_the_longest_waiting(login, worker, team):
    now = timezone.now()
    for name, days, urgency in [("Recent", 1, "normal"), ("Oud", 9, "normal"),
                                ("Spoed", 0, "urgent")]:
        services.register(
            worker,
            services.RegistrationInput(
                team=team, unit="volwassenen", source="gp", channel="phone", urgency=urgency,
                occurred_at=now - dt.timedelta(days=days),
                backdate_reason="later ingevoerd" if days else "",
            ),
            household_name=name,
            members=[services.PersonInput(given_name="A", family_name=name, role="parent")],
        )
    page = login(worker).get(reverse("web:werkvoorraad")).content.decode()
    order = [name for row in rows(page) for name in ("Spoed", "Oud", "Recent") if name in row]
    assert order == ["Spoed", "Oud", "Recent"]
    oud = next(row for row in rows(page) if "Oud" in row)
    assert re.search(r'class="num">9<', oud)  # days waiting since registration


def test_werkvoorraad_shows_25_per_page(login, worker, team):
    for i in range(26):
        new_episode(team, worker, f"Gezin{i:02d}")
    client = login(worker)
    first = client.get(reverse("web:werkvoorraad")).content.decode()
    second = client.get(reverse("web:werkvoorraad") + "?page=2").content.decode()
    assert len(rows(first)) == 25
    assert len(rows(second)) == 1
    assert "Pagina 1 van 2" in first


def test_a_member_of_two_teams_chooses_the_team(login, municipality, team, other_team, worker):
    from schakel.tenancy.models import Membership

    Membership.objects.create(staff=worker, team=other_team, role="team_member")
    new_episode(team, worker, "Oostgezin")
    new_episode(other_team, worker, "Westgezin")
    client = login(worker)
    default = client.get(reverse("web:werkvoorraad")).content.decode()
    west = client.get(reverse("web:werkvoorraad") + f"?team={other_team.pk}").content.decode()
    assert "Oostgezin" in default and "Westgezin" not in default
    assert "Westgezin" in west and "Oostgezin" not in west


def test_the_lists_are_logged_as_reads(login, worker, team):
    new_episode(team, worker)
    client = login(worker)
    client.get(reverse("web:werkvoorraad"))
    client.get(reverse("web:waiting"))
    client.get(reverse("web:caseload"))
    actions = set(AccessLog.objects.values_list("action", flat=True))
    assert actions == {"werkvoorraad_view", "waiting_view", "caseload_view"}


def test_my_caseload_shows_my_households_with_their_next_step(login, worker, second_worker, team):
    mine = new_episode(team, worker, "Mijngezin")
    other = new_episode(team, worker, "Andergezin")
    services.assign(mine, worker, by=worker)
    services.assign(other, second_worker, by=worker)
    services.record(mine, "referrer_contacted", by=worker)
    page = login(worker).get(reverse("web:caseload")).content.decode()
    assert "Mijngezin" in page and "Andergezin" not in page
    assert mine.reference in page
    assert "Contact opnemen met de inwoner" in page
    assert "#action-resident_contacted" in page


def test_an_empty_caseload_says_so(login, worker):
    page = login(worker).get(reverse("web:caseload")).content.decode()
    assert "Je bent van geen enkel open huishouden casusregisseur." in page


def test_an_empty_werkvoorraad_says_so(login, worker):
    page = login(worker).get(reverse("web:werkvoorraad")).content.decode()
    assert "De werkvoorraad is leeg" in page
