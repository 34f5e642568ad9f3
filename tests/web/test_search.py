"""Search finds only households I may see, and logs how many, never what I typed."""

import pytest

from schakel.privacy.models import AccessLog
from tests.web.conftest import new_episode

pytestmark = pytest.mark.django_db
URL = "/zoeken/"


def test_search_finds_a_household_by_name_bsn_or_reference(login, worker, episode):
    client = login(worker)
    for query in ["Bakker", "sanne", "999990019", episode.household.reference]:
        page = client.post(URL, {"q": query}).content.decode()
        assert episode.household.reference in page, query
        assert "1 huishouden gevonden" in page


def test_search_only_finds_visible_households(login, worker, outsider, episode, other_team):
    new_episode(other_team, outsider, "Bakker-West")
    mine = login(worker).post(URL, {"q": "Bakker"}).content.decode()
    theirs = login(outsider).post(URL, {"q": "Bakker"}).content.decode()
    assert episode.household.reference in mine and "Bakker-West" not in mine
    assert "Bakker-West" in theirs and episode.household.reference not in theirs
    by_bsn = login(outsider).post(URL, {"q": "999990019"}).content.decode()
    assert "Geen huishouden gevonden dat je mag zien." in by_bsn
    assert "Sanne" not in by_bsn


def test_a_search_is_logged_with_the_number_of_results_not_the_query(login, worker, episode):
    client = login(worker)
    client.post(URL, {"q": "999990019"})
    client.post(URL, {"q": "Niemand"})
    logs = list(AccessLog.objects.filter(action="search").order_by("pk"))
    assert [log.detail for log in logs] == ["1", "0"]
    assert all("999990019" not in (log.detail + log.purpose) for log in logs)


def test_the_search_posts_so_a_bsn_never_lands_in_the_address(login, worker):
    page = login(worker).get(URL).content.decode()
    assert '<form method="post"' in page
    assert AccessLog.objects.count() == 0  # opening the page is no search


def test_an_empty_search_asks_for_a_query(login, worker):
    response = login(worker).post(URL, {"q": ""})
    assert response.status_code == 400
    assert 'id="id_q_error"' in response.content.decode()


def test_search_results_are_paginated(login, worker, team):
    for i in range(27):
        new_episode(team, worker, f"Visser{i:02d}")
    client = login(worker)
    first = client.post(URL, {"q": "Visser"}).content.decode()
    second = client.post(URL, {"q": "Visser", "page": "2"}).content.decode()
    assert "27 huishoudens gevonden" in first
    assert first.count('<li class="card">') == 25
    assert "Visser00" in first and "Visser26" not in first
    assert "Visser26" in second and "Pagina 2 van 2" in second
