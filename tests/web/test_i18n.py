"""Dutch by default, English on request."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_interface_is_dutch_by_default(login, worker):
    page = login(worker).get(reverse("web:werkvoorraad")).content.decode()
    assert '<html lang="nl">' in page
    assert "Werkvoorraad" in page
    assert 'value="en"' in page  # the switch offers English


def test_switching_to_english_changes_the_whole_page(login, worker, episode):
    client = login(worker)
    response = client.post(reverse("set_language"),
                           {"language": "en", "next": reverse("web:werkvoorraad")}, follow=True)
    page = response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("web:werkvoorraad")
    assert '<html lang="en">' in page
    assert "Work stock" in page
    assert "My caseload" in page
    assert "Contact the referrer" in page  # the next step, from the read side
    assert "Mijn caseload" not in page
    switched_back = client.post(reverse("set_language"),
                                {"language": "nl", "next": reverse("web:caseload")}, follow=True)
    assert "Mijn caseload" in switched_back.content.decode()


def test_service_messages_are_translated_too(login, worker, second_worker, episode):
    from schakel.cases import services

    services.assign(episode, worker, by=worker)
    url = reverse("web:household", args=[episode.household.reference])
    response = login(worker).post(url, {"action": "assigned", "assigned-worker": second_worker.pk})
    assert "heeft al een casusregisseur" in response.content.decode()
