"""The household page: who is involved, what happened, and the steps that may follow."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.cases import services
from schakel.cases.constants import State
from schakel.cases.models import Event, Involvement
from schakel.privacy.models import AccessLog

pytestmark = pytest.mark.django_db


def url(episode):
    return reverse("web:household", args=[episode.household.reference])


def test_the_page_shows_members_state_and_the_timeline(login, worker, episode):
    page = login(worker).get(url(episode)).content.decode()
    assert episode.household.reference in page
    assert "Sanne Bakker" in page and "Mila Bakker" in page
    assert "Ouder" in page and "Kind" in page
    assert "In werkvoorraad (niet toegewezen)" in page
    assert "Huisarts Smit" in page  # the referrer, in the timeline
    assert "Contact opnemen met de verwijzer" in page  # next step


def test_only_steps_the_lifecycle_allows_are_offered(login, worker, episode):
    client = login(worker)
    page = client.get(url(episode)).content.decode()
    assert 'id="action-assigned"' in page
    assert 'id="action-help_started"' not in page
    assert 'id="action-closed"' in page
    services.assign(episode, worker, by=worker)
    page = client.get(url(episode)).content.decode()
    assert 'id="action-assigned"' not in page
    assert 'id="action-help_started"' in page
    assert 'id="action-director_changed"' in page


def test_assigning_moves_the_household_to_waiting_with_a_message(login, worker, episode):
    client = login(worker)
    response = client.post(url(episode), {"action": "assigned", "assigned-worker": worker.pk})
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.state == State.WAITING
    assert episode.director == worker
    page = client.get(url(episode)).content.decode()
    assert "Toegewezen. Het huishouden wacht nu tot de hulp start." in page


def test_a_second_director_is_refused_with_the_message(login, worker, second_worker, episode):
    services.assign(episode, worker, by=worker)
    services.add_involvement(episode, by=worker, kind="team", staff=second_worker)
    response = login(second_worker).post(
        url(episode), {"action": "assigned", "assigned-worker": second_worker.pk}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "Dit huishouden heeft al een casusregisseur." in page
    assert "draag de regie over" in page
    episode.refresh_from_db()
    assert episode.director == worker
    assert episode.events.count() == 3


def test_closing_without_reason_or_destination_shows_field_errors_and_writes_nothing(
    login, worker, episode
):
    services.assign(episode, worker, by=worker)
    response = login(worker).post(url(episode), {
        "action": "closed", "closed-reason": "", "closed-destination": "",
        "closed-note": "Mijn notitie",
    })
    page = response.content.decode()
    assert response.status_code == 400
    assert 'id="id_closed-reason_error"' in page
    assert 'id="id_closed-destination_error"' in page
    assert "Kies een reden voor afsluiten." in page
    assert "uitstroombestemming" in page
    assert "Mijn notitie" in page  # the input is kept
    assert '<details class="action card" id="action-closed" open>' in page
    assert episode.events.count() == 2
    episode.refresh_from_db()
    assert episode.state == State.WAITING


def test_the_close_selects_start_empty(login, worker, episode):
    page = login(worker).get(url(episode)).content.decode()
    select = page.split('<select name="closed-reason"')[1].split("</select>")[0]
    assert '<option value="" selected>— kies —</option>' in select


def test_closing_with_reason_and_destination_starts_aftercare(login, worker, episode):
    client = login(worker)
    response = client.post(url(episode), {
        "action": "closed", "closed-reason": "no_help_needed",
        "closed-destination": "none_needed",
    })
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.state == State.AFTERCARE
    page = client.get(url(episode)).content.decode()
    assert "Toch geen hulp nodig" in page and "Geen verdere hulp nodig" in page
    assert 'id="action-aftercare_ended"' in page
    assert "Nieuw signaal aanmelden" in page


def test_a_step_from_an_earlier_day_shows_when_it_was_recorded_and_why(login, worker, team):
    now = timezone.localtime()
    episode = services.register(
        worker,
        services.RegistrationInput(team=team, unit="volwassenen", source="gp", channel="phone",
                                   occurred_at=now - dt.timedelta(days=3),
                                   backdate_reason="Aanmelding per post"),
        household_name="Smit",
        members=[services.PersonInput(given_name="Jan", family_name="Smit")],
    )
    client = login(worker)
    data = {"action": "resident_contacted",
            "resident_contacted-occurred_at": (now - dt.timedelta(days=1)).strftime(
                "%Y-%m-%dT%H:%M")}
    refused = client.post(url(episode), data)
    assert refused.status_code == 400
    assert 'id="id_resident_contacted-backdate_reason_error"' in refused.content.decode()
    data["resident_contacted-backdate_reason"] = "Telefoon lag eruit"
    assert client.post(url(episode), data).status_code == 302
    page = client.get(url(episode)).content.decode()
    assert "Reden voor later vastleggen: Telefoon lag eruit" in page
    assert "vastgelegd " in page


def test_a_step_cannot_happen_before_the_registration(login, worker, episode):
    earlier = timezone.localtime() - dt.timedelta(days=1)
    response = login(worker).post(url(episode), {
        "action": "resident_contacted",
        "resident_contacted-occurred_at": earlier.strftime("%Y-%m-%dT%H:%M"),
        "resident_contacted-backdate_reason": "vergeten",
    })
    assert response.status_code == 400
    assert 'id="id_resident_contacted-occurred_at_error"' in response.content.decode()
    assert Event.objects.count() == 1


def test_the_timeline_is_newest_first_with_who_recorded_it(login, worker, episode):
    services.assign(episode, worker, by=worker)
    services.start_help(episode, by=worker, note="Eerste afspraak gemaakt")
    page = login(worker).get(url(episode)).content.decode()
    timeline = page.split('id="timeline-title"')[1]
    assert timeline.index("Hulp gestart") < timeline.index("Toegewezen") < timeline.index(
        "Aangemeld")
    assert "door Coach Jansen" in timeline
    assert "Eerste afspraak gemaakt" in timeline


def test_triage_records_the_urgency(login, worker, episode):
    response = login(worker).post(url(episode), {"action": "triaged", "triaged-urgency": "urgent"})
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.urgency == "urgent"


def test_everyone_involved_is_listed_and_can_be_ended(login, worker, second_worker, episode):
    services.assign(episode, worker, by=worker)
    client = login(worker)
    client.post(url(episode), {"action": "involvement_added", "involvement_added-kind": "team",
                               "involvement_added-staff": second_worker.pk})
    client.post(url(episode), {"action": "involvement_added",
                               "involvement_added-kind": "external",
                               "involvement_added-name": "J. de Wit",
                               "involvement_added-role": "Schuldhulpverlener",
                               "involvement_added-organisation": "Schuldhulp Schiedam"})
    client.post(url(episode), {"action": "involvement_added", "involvement_added-kind": "network",
                               "involvement_added-name": "Oma Bakker"})
    page = client.get(url(episode)).content.decode()
    involved = page.split('id="involved-title"')[1].split("</section>")[0]
    for text in ["Coach Jansen", "Casusregisseur", "Coach de Vries", "J. de Wit",
                 "Schuldhulpverlener", "Oma Bakker", "Persoon uit het netwerk"]:
        assert text in involved
    oma = Involvement.objects.get(name="Oma Bakker")
    client.post(reverse("web:end_involvement", args=[episode.household.reference, oma.pk]))
    oma.refresh_from_db()
    assert oma.ended_at is not None


def test_an_involvement_without_a_name_is_refused_next_to_the_field(login, worker, episode):
    response = login(worker).post(url(episode), {
        "action": "involvement_added", "involvement_added-kind": "external",
    })
    assert response.status_code == 400
    assert 'id="id_involvement_added-name_error"' in response.content.decode()
    assert Involvement.objects.count() == 0


def test_a_handover_changes_the_director(login, worker, second_worker, episode):
    services.assign(episode, worker, by=worker)
    response = login(worker).post(url(episode), {
        "action": "director_changed", "director_changed-worker": second_worker.pk,
        "director_changed-note": "Verlof",
    })
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.director == second_worker


def test_an_unknown_action_changes_nothing(login, worker, episode):
    response = login(worker).post(url(episode), {"action": "delete_everything"})
    assert response.status_code == 302
    assert Event.objects.count() == 1


def test_someone_outside_the_team_cannot_record_steps(login, outsider, episode, worker):
    response = login(outsider).post(url(episode), {"action": "assigned",
                                                   "assigned-worker": worker.pk})
    assert response.status_code == 404
    assert Event.objects.count() == 1


def test_even_a_refused_action_is_a_logged_read(login, worker, episode):
    login(worker).post(url(episode), {"action": "closed"})
    assert AccessLog.objects.filter(action="household_view").count() == 1
