"""Nieuwe aanmelding: a household with several persons, a duplicate check, short contacts."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.cases.constants import State
from schakel.cases.models import Episode, Event, ShortContact
from schakel.people.models import Household, Person
from tests.conftest import family_members
from tests.web.conftest import new_episode, registration_data

pytestmark = pytest.mark.django_db
URL = "/aanmelding/"


def test_the_form_defaults_to_my_team_and_offers_a_parent_and_a_child(login, worker, team):
    page = login(worker).get(reverse("web:register")).content.decode()
    assert f'<option value="{team.pk}" selected>' in page
    assert 'name="persons-0-given_name"' in page
    assert 'name="persons-1-given_name"' in page
    assert 'name="persons-2-given_name"' not in page
    assert '<option value="parent" selected>' in page
    assert '<option value="child" selected>' in page
    assert "<details" in page  # address fields are folded away
    assert 'for="id_persons-0-bsn"' in page  # labels are tied to their fields


def test_registering_a_parent_and_child_puts_the_household_in_the_werkvoorraad(
    login, worker
):
    client = login(worker)
    response = client.post(URL, registration_data())
    household = Household.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("web:household", args=[household.reference])
    roles = sorted(household.members.values_list("role", flat=True))
    assert roles == ["child", "parent"]
    episode = Episode.objects.get()
    assert episode.state == State.REGISTERED
    assert episode.unit == "jeugd"
    registered = Event.objects.get()
    assert registered.data["referrer_name"] == "Huisarts Smit"
    assert registered.recorded_by == worker
    page = client.get(response.url).content.decode()
    assert "is aangemeld; het staat in de werkvoorraad van Team Oost" in page
    stock = client.get(reverse("web:werkvoorraad")).content.decode()
    assert "Veldkamp" in stock


def test_a_blank_second_person_is_ignored(login, worker):
    data = registration_data(**{"persons-1-given_name": "", "persons-1-family_name": "",
                                "persons-1-birth_date": ""})
    assert login(worker).post(URL, data).status_code == 302
    assert Person.objects.count() == 1


def test_missing_fields_are_shown_next_to_the_field_and_nothing_is_written(login, worker):
    data = registration_data(source="", **{"persons-0-given_name": ""})
    response = login(worker).post(URL, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert Household.objects.count() == 0
    assert 'id="id_source_error"' in page
    assert 'aria-describedby="id_source_helptext id_source_error"' in page
    assert 'aria-invalid="true"' in page
    assert 'id="id_persons-0-given_name_error"' in page
    assert 'href="#id_source"' in page  # the error summary links to the field
    assert 'value="Veldkamp"' in page  # what was typed is kept


def test_an_invalid_bsn_fails_the_eleven_test(login, worker):
    response = login(worker).post(URL, registration_data(**{"persons-0-bsn": "123456789"}))
    assert response.status_code == 400
    assert "elfproef" in response.content.decode()
    assert Household.objects.count() == 0


def test_adding_a_person_keeps_what_was_typed_without_showing_errors(login, worker):
    data = registration_data(add_person="1", source="")
    data.pop("check")
    response = login(worker).post(URL, data)
    page = response.content.decode()
    assert response.status_code == 200
    assert 'name="persons-2-given_name"' in page
    assert 'value="Daan"' in page
    assert "errorlist" not in page
    assert Household.objects.count() == 0


def test_a_third_person_can_be_registered(login, worker):
    data = registration_data(**{
        "persons-TOTAL_FORMS": "3", "persons-2-given_name": "Saar",
        "persons-2-family_name": "Veldkamp", "persons-2-role": "child",
    })
    assert login(worker).post(URL, data).status_code == 302
    assert Household.objects.get().members.count() == 3


def test_a_likely_duplicate_is_shown_before_anything_is_created(login, worker, episode):
    data = registration_data(**{
        "persons-0-given_name": "Sanne", "persons-0-family_name": "Bakker",
        "persons-0-bsn": "999990019",
    })
    response = login(worker).post(URL, data)
    page = response.content.decode()
    assert "Dit huishouden is mogelijk al bekend" in page
    assert episode.household.reference in page
    assert "Sanne Bakker" in page
    assert Household.objects.count() == 1


def test_someone_else_continues_with_a_new_household(login, worker, episode):
    data = registration_data(confirm_new="1", **{
        "persons-0-given_name": "Sanne", "persons-0-family_name": "Bakker",
        "persons-0-bsn": "999990019",
    })
    assert login(worker).post(URL, data).status_code == 302
    assert Household.objects.count() == 2


def test_registering_on_the_existing_household_adds_only_new_people(login, worker, episode):
    from schakel.cases import services

    services.close(episode, by=worker, reason="goals_met", destination="own_network")
    household = episode.household
    data = registration_data(use_household=household.reference, **{
        "persons-0-given_name": "Sanne", "persons-0-family_name": "Bakker",
        "persons-0-bsn": "999990019",
        "persons-1-given_name": "Noor", "persons-1-family_name": "Bakker",
    })
    response = login(worker).post(URL, data)
    assert response.status_code == 302
    assert Household.objects.count() == 1
    names = sorted(m.person.given_name for m in household.members.all())
    assert names == ["Mila", "Noor", "Sanne"]
    second = household.episodes.get(number=2)
    assert second.previous == episode
    assert list(second.events.values_list("kind", flat=True)) == ["registered", "returned"]


def test_a_household_with_an_open_episode_is_not_registered_twice(login, worker, episode):
    data = registration_data(use_household=episode.household.reference)
    response = login(worker).post(URL, data)
    assert response.status_code == 400
    assert "heeft al een open episode" in response.content.decode()
    assert Episode.objects.count() == 1


def test_matches_i_may_not_see_are_only_counted(login, outsider, episode):
    data = registration_data(**{
        "persons-0-given_name": "Sanne", "persons-0-family_name": "Bakker",
        "persons-0-bsn": "999990019",
    })
    page = login(outsider).post(URL, data).content.decode()
    assert "Er is 1 mogelijke overeenkomst in dossiers die je niet mag zien." in page
    assert episode.household.reference not in page
    assert "Sanne Bakker" not in page.split('id="duplicates"')[1].split("</section>")[0]
    assert 'name="use_household"' not in page


def test_a_household_i_may_not_see_cannot_be_chosen(login, outsider, episode):
    data = registration_data(use_household=episode.household.reference)
    response = login(outsider).post(URL, data)
    assert response.status_code == 400
    assert Episode.objects.count() == 1


def test_a_registration_from_an_earlier_day_needs_a_reason(login, worker):
    earlier = timezone.localtime() - dt.timedelta(days=3)
    data = registration_data(occurred_at=earlier.strftime("%Y-%m-%dT%H:%M"))
    response = login(worker).post(URL, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_backdate_reason_error"' in page
    assert Household.objects.count() == 0
    data["backdate_reason"] = "Aanmelding kwam per post"
    assert login(worker).post(URL, data).status_code == 302
    event = Event.objects.get()
    assert event.backdate_reason == "Aanmelding kwam per post"
    assert timezone.localtime(event.occurred_at).date() == earlier.date()


def test_a_new_signal_for_a_closed_household_links_to_the_earlier_episode(
    login, worker, episode
):
    from schakel.cases import services

    services.close(episode, by=worker, reason="goals_met", destination="own_network")
    ref = episode.household.reference
    client = login(worker)
    form = client.get(f"{URL}?household={ref}").content.decode()
    assert f"Nieuw signaal voor huishouden {ref}" in form
    assert "persons-0-given_name" not in form
    data = {k: v for k, v in registration_data().items() if not k.startswith("persons-")}
    response = client.post(URL, {**data, "for_household": ref})
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert f"Terugkeer: gekoppeld aan eerdere episode {ref}/1" in page


def test_a_short_contact_opens_no_case(login, worker, team):
    client = login(worker)
    assert "kortdurend contact" in client.get(URL).content.decode()
    response = client.post(reverse("web:short_contact"), {
        "team": team.pk, "category": "money", "source": "self", "channel": "walk_in",
        "note": "Vraag over toeslagen",
    }, follow=True)
    assert "Kortdurend contact vastgelegd" in response.content.decode()
    contact = ShortContact.objects.get()
    assert contact.recorded_by == worker
    assert Episode.objects.count() == 0


def test_a_short_contact_needs_a_category(login, worker, team):
    response = login(worker).post(reverse("web:short_contact"), {
        "team": team.pk, "category": "", "source": "self", "channel": "walk_in",
    })
    assert response.status_code == 400
    assert ShortContact.objects.count() == 0


def test_fixture_family_is_not_confused_with_new_people(login, worker, team):
    new_episode(team, worker, "Bakker", members=family_members())
    response = login(worker).post(URL, registration_data())
    assert response.status_code == 302
