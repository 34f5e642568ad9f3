"""Sociale kaart: public without login and without personal data; search; links counted."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from schakel.socialmap import services
from schakel.socialmap.models import ActivityLink
from tests.socialmap.builders import build_map

pytestmark = pytest.mark.django_db


def test_the_public_page_works_without_login_and_shows_no_personal_data(worker, episode):
    build_map(worker)
    resident = episode.household.members.first().person
    for url in (reverse("socialmap:public"), reverse("socialmap:public_json")):
        response = Client().get(url)
        assert response.status_code == 200
        text = response.content.decode()
        assert "Koffieochtend" in text and "Opbouwwerker" in text
        for personal in (resident.given_name, resident.family_name, "Petra Contactpersoon",
                         "06-11112222", worker.display_name):
            assert personal not in text, personal


def test_search_by_need_and_target_group(worker):
    build_map(worker)
    found = Client().get(reverse("socialmap:public_json"),
                         {"need": "finances", "target_group": "elderly"}).json()["offers"]
    assert [o["title"] for o in found] == ["Formulierenhulp"]  # "everyone" includes the elderly
    found = Client().get(reverse("socialmap:public_json"), {"need": "social_network"}).json()
    assert [o["title"] for o in found["offers"]] == ["Koffieochtend"]


def test_an_unknown_need_is_refused_naming_the_field():
    response = Client().get(reverse("socialmap:public_json"), {"need": "flying"})
    assert response.status_code == 400 and "need" in response.json()["errors"]


def test_an_offer_needs_a_need_and_a_target_group(worker, login):
    club = build_map(worker)["club"]
    response = login(worker).post(reverse("socialmap:offer_new", args=[club.pk]),
                                  {"kind": "activity", "title": "Wandelen"})
    assert response.status_code == 400
    assert "Needs it helps with" in response.content.decode()


def test_staff_add_an_organisation_which_is_verified_today_and_kept_by_them(worker, login):
    client = login(worker)
    response = client.post(reverse("socialmap:organisation_new"),
                           {"name": "Voedselbank Oost", "active": "on"})
    assert response.status_code == 302
    page = client.get(reverse("socialmap:manage")).content.decode()
    assert "Voedselbank Oost" in page and worker.display_name in page


def test_linking_from_the_plan_is_counted_per_organisation(active_episode, worker, login):
    offers = build_map(worker)
    household = active_episode.household
    client = login(worker)
    url = reverse("socialmap:link", args=[household.reference])
    assert client.get(url).status_code == 200
    response = client.post(url, {"offer": offers["coffee"].pk, "note": "Eerst samen gaan"})
    assert response.status_code == 302
    services.link_activity(household, offers["debts"], by=worker)
    assert ActivityLink.objects.count() == 2
    page = client.get(reverse("socialmap:manage")).content.decode()
    assert "Buurthuis De Brug" in page
    assert "<td>Buurthuis De Brug</td><td>2</td><td>1</td>" in page


def test_someone_not_involved_cannot_open_the_link_page(episode, other_team, municipality,
                                                         login):
    from tests.conftest import make_staff

    stranger = make_staff(municipality, other_team, "vreemde")
    url = reverse("socialmap:link", args=[episode.household.reference])
    assert login(stranger).get(url).status_code == 404
