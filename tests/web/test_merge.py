"""Merging duplicates: households by team leaders, persons within a household."""

import pytest
from django.urls import reverse

from schakel.cases import services
from schakel.people.models import Household, Person
from schakel.people.services import PersonInput, create_person
from tests.web.conftest import new_episode

pytestmark = pytest.mark.django_db


def test_a_team_leader_merges_a_duplicate_household_by_reference(
    login, leader, worker, episode, team
):
    services.close(episode, by=worker, reason="moved", destination="moved")
    duplicate = new_episode(team, worker, "Bakker (dubbel)")
    keep = episode.household
    url = reverse("web:merge_households", args=[keep.reference])
    client = login(leader)
    assert client.get(url).status_code == 200
    refused = client.post(url, {"reference": duplicate.household.reference})
    assert refused.status_code == 400  # the confirmation is required
    response = client.post(url, {"reference": duplicate.household.reference.lower(),
                                 "confirm": "on"})
    assert response.status_code == 302
    assert Household.objects.get(pk=duplicate.household.pk).merged_into == keep
    assert keep.episodes.count() == 2
    old = client.get(reverse("web:household", args=[duplicate.household.reference]))
    assert old.status_code == 302 and old.url.endswith(f"/{keep.reference}/")


def test_merging_two_open_households_is_refused_with_the_reason(login, leader, worker, episode,
                                                                 team):
    duplicate = new_episode(team, worker, "Bakker (dubbel)")
    url = reverse("web:merge_households", args=[episode.household.reference])
    response = login(leader).post(url, {"reference": duplicate.household.reference,
                                        "confirm": "on"})
    assert response.status_code == 400
    assert "Beide huishoudens hebben een open episode" in response.content.decode()


def test_only_a_team_leader_may_merge_households(login, worker, episode):
    url = reverse("web:merge_households", args=[episode.household.reference])
    assert login(worker).get(url).status_code == 403
    page = login(worker).get(reverse("web:household", args=[episode.household.reference]))
    assert url not in page.content.decode()


def test_an_unknown_reference_is_reported_next_to_the_field(login, leader, episode):
    url = reverse("web:merge_households", args=[episode.household.reference])
    response = login(leader).post(url, {"reference": "H-0000000", "confirm": "on"})
    assert response.status_code == 400
    assert 'id="id_reference_error"' in response.content.decode()


def test_duplicate_persons_in_a_household_are_merged(login, worker, episode):
    household = episode.household
    twin = create_person(PersonInput(given_name="Sanne", family_name="Bakker",
                                              phone="0612345678"))
    household.members.create(person=twin, role="parent")
    sanne = Person.objects.get(given_name="Sanne", bsn="999990019")
    url = reverse("web:merge_persons", args=[household.reference])
    response = login(worker).post(url, {"keep": sanne.pk, "drop": twin.pk, "confirm": "on"})
    assert response.status_code == 302
    sanne.refresh_from_db()
    assert sanne.phone == "0612345678"
    assert household.members.count() == 2


def test_a_front_door_worker_who_registered_may_read_but_not_merge_or_record(
    login, municipality, team, episode, worker
):
    from schakel.tenancy.constants import Role
    from tests.conftest import make_staff
    from tests.web.conftest import registration_data

    front = make_staff(municipality, team, "loket", Role.FRONT_DOOR)
    client = login(front)
    response = client.post("/aanmelding/", registration_data())
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Je kunt dit huishouden inzien maar geen stappen vastleggen" in page
    ref = response.url.rstrip("/").rsplit("/", 1)[1]
    assert client.get(reverse("web:merge_persons", args=[ref])).status_code == 403
    other = client.get(reverse("web:household", args=[episode.household.reference]))
    assert other.status_code == 404  # registered by someone else
