"""The handover pages: request, accept or refuse, warm handover, youth protection, at 18."""

from __future__ import annotations

import pytest
from django.urls import reverse

from schakel.cases.constants import EventKind
from schakel.decisions import queries as decision_queries
from schakel.decisions import services as decision_services
from schakel.decisions.constants import ReferralStatus
from schakel.privacy import consents
from schakel.tenancy.constants import OrganisationKind
from schakel.tenancy.services import create_organisation
from tests.decisions.conftest import gp, planned, refer_youth  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db


def page(episode):
    return reverse("handovers:household", args=[episode.household.reference])


def test_a_director_requests_a_transfer_and_the_receiving_leader_accepts_it(
        login, active_episode, other_team, worker, west_leader, west_coach):
    client = login(worker)
    response = client.post(page(active_episode), {
        "action": "transfer", "transfer-to_team": other_team.pk,
        "transfer-reason": "Verhuisd naar West"})
    assert response.status_code == 302
    incoming = login(west_leader).get(reverse("handovers:incoming"))
    assert active_episode.reference in incoming.content.decode()
    assert "Bakker" not in incoming.content.decode()  # a reference, never a name
    response = login(west_leader).post(
        reverse("handovers:answer", args=[active_episode.pk]),
        {"action": "accept", "accept-worker": west_coach.pk})
    assert response.status_code == 302
    timeline = login(west_coach).get(reverse("web:household",
                                             args=[active_episode.household.reference]))
    body = timeline.content.decode()
    assert "Transfer accepted by the receiving team" in body and "Team West" in body
    assert client.get(page(active_episode)).status_code == 404


def test_accepting_without_a_director_says_which_field(
        login, active_episode, other_team, worker, west_leader):
    login(worker).post(page(active_episode), {
        "action": "transfer", "transfer-to_team": other_team.pk, "transfer-reason": "Verhuisd"})
    response = login(west_leader).post(reverse("handovers:answer", args=[active_episode.pk]),
                                       {"action": "accept"})
    assert response.status_code == 400
    assert "Name the case director in the receiving team." in response.content.decode()


def test_a_transfer_without_a_reason_is_refused_with_the_field_named(
        login, active_episode, other_team, worker):
    response = login(worker).post(page(active_episode), {
        "action": "transfer", "transfer-to_team": other_team.pk, "transfer-reason": ""})
    assert response.status_code == 400
    assert "Give the reason for the transfer." in response.content.decode()
    assert not active_episode.events.filter(kind=EventKind.TRANSFER_REQUESTED).exists()


def test_youth_protection_is_recorded_and_shown_as_director(login, active_episode, worker):
    institution = create_organisation("Jeugdbescherming Regio", OrganisationKind.CARE,
                                      external_id="gi")
    client = login(worker)
    response = client.post(page(active_episode), {
        "action": "protection", "protection-measure": "dwang",
        "protection-institution": institution.pk, "protection-team_role": "pilot_light"})
    assert response.status_code == 302
    body = client.get(reverse("web:household",
                              args=[active_episode.household.reference])).content.decode()
    assert "Jeugdbescherming Regio" in body and "Certified institution" in body
    assert "Pilot light" in body


def test_the_referrer_learns_of_the_warm_handover_only_with_consent(login, planned):  # noqa: F811
    from schakel.cases import services as cases

    cases.record(planned.episode, "resident_contacted", by=planned.worker)
    referral = refer_youth(planned)
    decision_services.move_referral(referral, ReferralStatus.DECIDED, by=planned.worker)
    response = login(planned.worker).post(page(planned.episode), {
        "action": "meeting", "meeting-participants": "Huisarts Smit, Coach Jansen",
        "meeting-resident_present": "on"})
    assert response.status_code == 302
    assert decision_queries.referrer_feedback(planned.gp) == []
    consents.give_consent(by=planned.worker, person=planned.mila, purpose="referral",
                          recipient=planned.gp, categories=["case"], method="written",
                          household=planned.household)
    (row,) = decision_queries.referrer_feedback(planned.gp)
    assert row.handover_on is not None


def test_the_caseload_signals_a_child_turning_18_until_the_transition_step_is_recorded(
        login, active_episode, worker):
    from django.utils import timezone

    from schakel.norms.calendar import add_months
    from schakel.people.constants import HouseholdRole
    from schakel.people.models import HouseholdMember
    from schakel.people.services import PersonInput, create_person

    birthday = add_months(timezone.localdate(), 4)
    daan = create_person(PersonInput(given_name="Daan", family_name="Bakker",
                                     role=HouseholdRole.CHILD,
                                     birth_date=birthday.replace(year=birthday.year - 18)))
    HouseholdMember.objects.create(household=active_episode.household, person=daan,
                                   role=HouseholdRole.CHILD)
    client = login(worker)
    caseload = client.get(reverse("web:caseload")).content.decode()
    assert "Turning 18: plan the step to adult help" in caseload and "Daan Bakker" in caseload
    response = client.post(page(active_episode), {
        "action": "transition", "transition-person": daan.pk,
        "transition-adult_unit_takes_over": "on"})
    assert response.status_code == 302
    assert "Daan Bakker" not in client.get(reverse("web:caseload")).content.decode()
    timeline = client.get(reverse("web:household", args=[active_episode.household.reference]))
    assert "Transition to adult help planned (18th birthday)" in timeline.content.decode()


def test_a_refused_transfer_stays_with_the_sending_team(
        login, active_episode, other_team, worker, west_leader):
    login(worker).post(page(active_episode), {
        "action": "transfer", "transfer-to_team": other_team.pk, "transfer-reason": "Verhuisd"})
    answer = reverse("handovers:answer", args=[active_episode.pk])
    response = login(west_leader).post(answer, {"action": "refuse", "refuse-reason": ""})
    assert response.status_code == 400
    assert "Give the reason for refusing." in response.content.decode()
    response = login(west_leader).post(answer, {"action": "refuse",
                                                "refuse-reason": "Adres ligt in Oost"})
    assert response.status_code == 302
    body = login(worker).get(reverse("web:household",
                                     args=[active_episode.household.reference])).content.decode()
    assert "Transfer refused by the receiving team" in body and "Adres ligt in Oost" in body
    assert login(west_leader).post(answer, {"action": "refuse",
                                            "refuse-reason": "x"}).status_code == 404
