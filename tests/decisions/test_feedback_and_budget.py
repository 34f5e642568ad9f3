"""Feedback to the referrer only with consent; the budget page adds up the decisions."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from schakel.decisions import queries, services
from schakel.decisions.constants import ReferralStatus
from schakel.decisions.models import Budget, Spend
from schakel.privacy import consents
from schakel.tenancy.constants import Role
from schakel.tenancy.models import StaffProfile
from tests.conftest import make_staff, sign_in
from tests.decisions.conftest import product, refer_youth

pytestmark = pytest.mark.django_db


def _consent(planned, person, categories=("identity", "case")):
    return consents.give_consent(by=planned.worker, person=person, purpose="referral",
                                 recipient=planned.gp, categories=list(categories),
                                 method="written", household=planned.household)


def _started(planned):
    from schakel.cases import services as cases
    cases.record(planned.episode, "resident_contacted", by=planned.worker)
    referral = refer_youth(planned)
    services.move_referral(referral, ReferralStatus.DECIDED, by=planned.worker)
    services.move_referral(referral, ReferralStatus.STARTED, by=planned.worker)
    return referral


def test_referrer_sees_nothing_without_the_residents_consent(planned):
    _started(planned)
    assert queries.referrer_feedback(planned.gp) == []


def test_referrer_sees_contacted_started_and_ended_after_consent(planned):
    referral = _started(planned)
    _consent(planned, planned.mila)
    (row,) = queries.referrer_feedback(planned.gp)
    today = timezone.localdate()
    assert (row.name, row.contacted_on, row.started_on, row.ended_on) == (
        planned.mila.full_name, today, today, None)
    services.move_referral(referral, ReferralStatus.ENDED, by=planned.worker)
    assert queries.referrer_feedback(planned.gp)[0].ended_on == today
    assert set(vars(row)) == {"referral_id", "name", "contacted_on", "started_on", "ended_on",
                              "handover_on"}


def test_consent_for_case_progress_only_shows_the_status_without_a_name(planned):
    _started(planned)
    _consent(planned, planned.mila, categories=("case",))
    (row,) = queries.referrer_feedback(planned.gp)
    assert row.name == "" and row.started_on is not None


def test_withdrawn_consent_stops_the_feedback(planned):
    _started(planned)
    consent = _consent(planned, planned.mila)
    consents.withdraw_consent(consent, by=planned.worker)
    assert queries.referrer_feedback(planned.gp) == []


def _granted(planned, code, volume, person):
    decision = services.receive_youth_aanvraag(planned.household, by=planned.worker,
                                               person=person) if code.startswith("J") else (
        services.receive_wmo_melding(planned.household, by=planned.worker, person=person))
    if code.startswith("W"):
        services.receive_wmo_aanvraag(decision, by=planned.worker)
    year = timezone.localdate().year
    return services.decide(decision, by=planned.leader, outcome="granted", motivation="Nodig",
                           product=product(code), volume=Decimal(volume),
                           period_start=dt.date(year, 1, 1), period_end=dt.date(year, 12, 31))


def test_budget_page_shows_committed_equal_to_volume_times_tariff(planned, municipality):
    year = timezone.localdate().year
    first = _granted(planned, "J-OPV-01", "40", planned.mila)      # 40 × 78.50 = 3140.00
    _granted(planned, "J-OPV-01", "12.5", planned.mila)            # 12.5 × 78.50 = 981.25
    _granted(planned, "W-HH-01", "100", planned.sanne)             # 100 × 31.20 = 3120.00
    refused = services.receive_youth_aanvraag(planned.household, by=planned.worker,
                                              person=planned.mila)
    services.decide(refused, by=planned.leader, outcome="refused", motivation="Niet nodig")
    Budget.objects.create(team=planned.episode.team, product=product("J-OPV-01"), year=year,
                          amount=Decimal("10000"))
    Spend.objects.create(decision=first, booked_on=timezone.localdate(), amount=Decimal("500"))
    rows = {r.product.code: r for r in queries.budget(municipality.pk, year)}
    assert rows["J-OPV-01"].committed == Decimal("4121.25")
    assert rows["W-HH-01"].committed == Decimal("3120.00")
    assert rows["J-OPV-01"].actual == Decimal("500")
    assert rows["J-OPV-01"].budget == Decimal("10000")
    policy = make_staff(municipality, None, "beleid", roles=[Role.POLICY])
    client = Client()
    sign_in(client, StaffProfile.objects.get(pk=policy.pk).user)
    page = client.get(reverse("decisions:budget")).content.decode()
    total = re.search(r'data-cell="total-committed">([^<]+)<', page)
    assert total is not None
    assert re.sub(r"\D", "", total.group(1)) == "724125"  # 7,241.25 in any locale
    assert "Sanne" not in page and "Mila" not in page


def test_forecast_extrapolates_actual_spend_to_year_end():
    assert queries.forecast(Decimal("100"), 2026, dt.date(2026, 1, 10)) == Decimal("3650.00")
    assert queries.forecast(Decimal("100"), 2025, dt.date(2026, 1, 10)) == Decimal("100")


def test_the_gp_sees_the_status_change_on_the_feedback_page_only_after_consent(
        planned, municipality):
    referral = _started(planned)
    gp_user = make_staff(municipality, None, "huisarts", roles=[Role.PARTNER])
    StaffProfile.objects.filter(pk=gp_user.pk).update(organisation=planned.gp)
    client = Client()
    sign_in(client, gp_user.user)
    url = reverse("decisions:feedback")
    assert "Mila" not in client.get(url).content.decode()
    _consent(planned, planned.mila)
    before = client.get(url).content.decode()
    assert "Mila" in before and referral.product.name not in before
    services.move_referral(referral, ReferralStatus.ENDED, by=planned.worker)
    rows = queries.referrer_feedback(planned.gp)
    assert rows[0].ended_on is not None


def test_the_administrator_sets_a_budget_and_books_spend_on_the_budget_page(
        planned, municipality):
    year = timezone.localdate().year
    decision = _granted(planned, "J-OPV-01", "10", planned.mila)
    admin = make_staff(municipality, None, "beheer", roles=[Role.ADMIN])
    client = Client()
    sign_in(client, admin.user)
    url = reverse("decisions:budget")
    team, opv = planned.episode.team, product("J-OPV-01")
    response = client.post(url, {"action": "budget", "budget-team": team.pk,
                                 "budget-product": opv.pk, "budget-amount": "12000"})
    assert response.status_code == 302
    response = client.post(url, {"action": "spend", "spend-decision": decision.pk,
                                 "spend-booked_on": timezone.localdate().isoformat(),
                                 "spend-amount": "250.50"})
    assert response.status_code == 302
    row = {r.product.code: r for r in queries.budget(municipality.pk, year)}["J-OPV-01"]
    assert (row.budget, row.actual) == (Decimal("12000"), Decimal("250.50"))
    refused = client.post(url, {"action": "spend", "spend-decision": decision.pk,
                                "spend-booked_on": timezone.localdate().isoformat(),
                                "spend-amount": "-5"})
    assert refused.status_code == 400
    assert Spend.objects.count() == 1


def test_only_the_administrator_sets_budgets(planned):
    with pytest.raises(services.CaseError, match="functional administrator"):
        services.set_budget(planned.episode.team, product("J-OPV-01"), 2026, Decimal("1"),
                            by=planned.worker)
