import datetime as dt

from django.urls import reverse
from django.utils import timezone

from schakel.cases import services
from schakel.privacy.models import AccessLog
from schakel.tenancy.constants import Role, UnitKind
from tests.conftest import make_staff, sign_in


def login(client, staff):
    sign_in(client, staff.user)


def test_team_leader_sees_the_waiting_list_of_the_own_team(client, episode, leader):
    login(client, leader)
    response = client.get(reverse("insight:figures"))
    assert response.status_code == 200
    assert response.context["waiting"]["werkvoorraad"] == 1
    assert "Team Oost" in response.context["waiting"]["by_team"]


def test_policy_sees_figures_but_a_team_member_does_not(client, episode, municipality, worker):
    policy = make_staff(municipality, None, "beleid", roles=[Role.POLICY])
    login(client, policy)
    response = client.get(reverse("insight:figures"), {"unit": UnitKind.YOUTH})
    assert response.status_code == 200
    assert response.context["waiting"]["total"] == 1
    assert b"Bakker" not in response.content
    client.logout()
    login(client, worker)
    assert client.get(reverse("insight:figures")).status_code == 403


def test_a_period_ending_before_it_starts_is_refused_with_a_message(client, leader):
    login(client, leader)
    response = client.get(reverse("insight:figures"), {"start": "2026-05-01",
                                                       "end": "2026-04-01"})
    assert "waiting" not in response.context
    assert response.context["form"].errors["end"]


def test_team_leader_sees_the_team_signal_list(client, episode, leader, worker):
    services.assign(episode, worker, by=worker)
    login(client, leader)
    response = client.get(reverse("norms:team_signals"))
    assert response.status_code == 200
    # Referrer contact is due within 48 hours of registration: due soon right away.
    refs = [s.episode.household.reference for _, sig in response.context["sections"] for s in sig]
    assert episode.household.reference in refs
    assert AccessLog.objects.filter(staff=leader, action="team_signals").exists()


def test_functional_administrator_changes_a_norm_from_a_date(client, municipality):
    admin = make_staff(municipality, None, "beheer", roles=[Role.ADMIN])
    login(client, admin)
    url = reverse("norms:admin")
    assert client.get(url).status_code == 200
    later = timezone.localdate() + dt.timedelta(days=30)
    response = client.post(url, {
        "norm_form": "plan", "plan-code": "plan", "plan-valid_from": later.isoformat(),
        "plan-length": "8", "plan-unit": "weeks", "plan-extension_length": "0",
        "plan-note": "raadsbesluit",
    })
    assert response.status_code == 302
    assert municipality.norms.get(code="plan").length == 8
    response = client.post(url, {"date": later.isoformat(), "name": "Brugdag"})
    assert response.status_code == 302
    assert municipality.closing_days.count() == 1


def test_norm_administration_is_refused_to_team_members(client, worker):
    login(client, worker)
    assert client.get(reverse("norms:admin")).status_code == 403


def test_caseload_page_shows_my_overdue_and_due_soon_deadlines(client, episode, worker):
    services.assign(episode, worker, by=worker)
    login(client, worker)
    response = client.get(reverse("web:caseload"))
    codes = {s.obligation.norm.code for s in response.context["signals"]}
    # Registered just now: the referrer must be called back within 48 hours (due soon).
    assert "referrer_contact" in codes
    assert episode.household.reference.encode() in response.content


def test_rayon_manager_filters_figures_by_rayon(client, episode, municipality, team):
    team.rayon = "Noord"
    team.save()
    policy = make_staff(municipality, None, "beleid", roles=[Role.POLICY])
    login(client, policy)
    north = client.get(reverse("insight:figures"), {"rayon": "Noord"})
    assert north.context["waiting"]["by_rayon"] == {
        "Noord": {"werkvoorraad": 1, "assigned_not_started": 0, "total": 1}
    }
