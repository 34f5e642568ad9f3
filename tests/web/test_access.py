"""Who gets in: login, casework roles only, and never a person for partner or policy."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from schakel.privacy.models import AccessLog
from tests.conftest import sign_in

pytestmark = pytest.mark.django_db

PAGES = ["web:caseload", "web:werkvoorraad", "web:waiting", "web:register", "web:search",
         "web:short_contact"]


@pytest.mark.parametrize("name", PAGES)
def test_every_page_asks_to_log_in_first(name):
    response = Client().get(reverse(name))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_the_household_page_asks_to_log_in_first(episode):
    url = reverse("web:household", args=[episode.household.reference])
    response = Client().get(url)
    assert response.status_code == 302
    assert AccessLog.objects.count() == 0


def test_logging_in_with_the_form_leads_to_my_caseload(worker):
    from tests.conftest import PASSWORD, authenticator, fresh_code

    client = Client()
    device = authenticator(worker.user)
    response = client.post(reverse("login"), {"username": "coach", "password": PASSWORD},
                           follow=True)
    assert response.redirect_chain[-1][0].startswith(reverse("security:verify"))
    response = client.post(response.redirect_chain[-1][0], {"code": fresh_code(device)},
                           follow=True)
    assert response.redirect_chain[-1][0] == reverse("web:caseload")
    assert "Mijn caseload" in response.content.decode()


def test_a_wrong_password_is_refused_with_a_message(worker):
    response = Client().post(reverse("login"), {"username": "coach", "password": "fout"})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()


def test_logging_out_is_a_post_form(login, worker):
    client = login(worker)
    page = client.get(reverse("web:caseload")).content.decode()
    assert f'action="{reverse("logout")}"' in page
    client.post(reverse("logout"))
    assert client.get(reverse("web:caseload")).status_code == 302


@pytest.mark.parametrize("who", ["partner", "policy"])
def test_partner_and_policy_users_see_no_persons(request, login, episode, who):
    client = login(request.getfixturevalue(who))
    home = client.get(reverse("web:home"))
    assert home.status_code == 200
    assert "Geen toegang tot dossiers van inwoners" in home.content.decode()
    for name in PAGES:
        response = client.get(reverse(name))
        assert response.status_code == 403
        assert "Bakker" not in response.content.decode()
    household = client.get(reverse("web:household", args=[episode.household.reference]))
    assert household.status_code == 403
    assert "Sanne" not in household.content.decode()
    assert AccessLog.objects.count() == 0


def test_the_partner_page_explains_what_a_partner_can_do(login, partner):
    page = login(partner).get(reverse("web:home")).content.decode()
    assert "partner-API" in page
    assert "Mijn caseload" not in page  # no casework navigation


def test_an_account_without_staff_profile_gets_an_explanation(db):
    user = get_user_model().objects.create_user("los", password="x")
    client = Client()
    sign_in(client, user, password="x")
    response = client.get(reverse("web:caseload"))
    assert response.status_code == 403
    assert "niet gekoppeld aan een medewerkersprofiel" in response.content.decode()


def test_a_household_of_another_team_does_not_exist_for_me(login, outsider, episode):
    response = login(outsider).get(reverse("web:household", args=[episode.household.reference]))
    assert response.status_code == 404
    assert AccessLog.objects.count() == 0


def test_every_view_of_a_household_is_logged(login, worker, episode):
    client = login(worker)
    url = reverse("web:household", args=[episode.household.reference])
    client.get(url)
    client.get(url)
    logs = AccessLog.objects.filter(action="household_view", household=episode.household)
    assert logs.count() == 2
    assert set(logs.values_list("staff", flat=True)) == {worker.pk}


def test_every_page_has_language_skip_link_and_navigation(login, worker):
    page = login(worker).get(reverse("web:caseload")).content.decode()
    assert '<html lang="nl">' in page
    assert 'href="#main"' in page
    for label in ["Mijn caseload", "Werkvoorraad", "Wachtend", "Nieuwe aanmelding", "Zoeken"]:
        assert label in page
    assert 'aria-current="page"' in page


def test_a_policy_user_is_pointed_to_the_figures(login, policy):
    figures = reverse("insight:figures")
    page = login(policy).get(reverse("web:home")).content.decode()
    assert f'href="{figures}"' in page


def test_a_team_leader_gets_the_signals_in_the_menu(login, leader):
    signals = reverse("norms:team_signals")
    page = login(leader).get(reverse("web:caseload")).content.decode()
    assert f'href="{signals}"' in page
