"""Catalogue, referral from the plan, the Wmo and Jeugdwet routes, deadlines and the letter."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from schakel.cases.services import CaseError
from schakel.decisions import letter, queries, services
from schakel.decisions.constants import Law, ReferralStatus, SystemPart
from schakel.decisions.models import Decision, Product
from schakel.norms.queries import obligations_for_episodes
from tests.decisions.conftest import product, refer_youth

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


def at(y: int, m: int, d: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(y, m, d, hour, tzinfo=AMS)


def test_catalogue_holds_youth_and_wmo_services_with_tariff_and_explanation():
    youth = Product.objects.filter(law=Law.YOUTH)
    wmo = Product.objects.filter(law=Law.WMO)
    assert {p.category for p in youth} >= {"youth_parenting", "youth_disability",
                                          "youth_mental_health", "youth_protection",
                                          "youth_pgb"}
    assert wmo.exists()
    assert all(p.tariff > 0 and p.explanation and p.unit for p in Product.objects.all())


def test_referral_without_a_current_plan_is_refused(unplanned):
    with pytest.raises(CaseError, match="current support plan"):
        refer_youth(unplanned)


def test_referral_from_the_plan_records_what_for_whom_volume_period_and_provider(planned):
    referral = refer_youth(planned)
    assert referral.status == ReferralStatus.REQUESTED
    assert (referral.person, referral.volume, referral.provider.code) == (
        planned.mila, Decimal("40"), "prov-jeugdzorg-zuid")
    assert referral.plan_referral.plan_version.status == "current"


def test_provider_that_does_not_offer_the_product_is_refused(planned):
    with pytest.raises(CaseError):
        services.refer(planned.household, by=planned.worker, product=product("J-OPV-01"),
                       person=planned.mila, volume=Decimal("4"),
                       period_start=dt.date(2026, 1, 1), period_end=dt.date(2026, 2, 1),
                       reason="x", provider=product("W-HH-01").providers.first())


def test_waiting_at_the_provider_is_visible_until_care_starts(planned):
    referral = refer_youth(planned)
    decision = services.receive_youth_aanvraag(planned.household, by=planned.worker,
                                               person=planned.mila, referral=referral)
    services.decide(decision, by=planned.leader, outcome="granted", motivation="Nodig")
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.DECIDED
    services.move_referral(referral, ReferralStatus.WAITING, by=planned.worker,
                           bridging_help="Wekelijks gesprek met de jeugdcoach")
    waiting = queries.waiting_for_care([planned.episode.team_id])
    assert [r.pk for r, _days in waiting] == [referral.pk]
    services.move_referral(referral, ReferralStatus.STARTED, by=planned.worker)
    assert queries.waiting_for_care([planned.episode.team_id]) == []
    with pytest.raises(CaseError, match="only moves forward"):
        services.move_referral(referral, ReferralStatus.WAITING, by=planned.worker)


def test_decision_events_create_the_statutory_norm_obligations(planned):
    wmo = services.receive_wmo_melding(planned.household, by=planned.worker,
                                       person=planned.sanne, product=product("W-HH-01"))
    services.complete_investigation(wmo, by=planned.worker)
    services.receive_wmo_aanvraag(wmo, by=planned.worker)
    services.receive_youth_aanvraag(planned.household, by=planned.worker, person=planned.mila)
    codes = {o.obligation.norm.code for o in obligations_for_episodes([planned.episode])}
    assert {"wmo_investigation", "wmo_decision", "youth_decision"} <= codes
    services.decide(wmo, by=planned.worker, outcome="granted", motivation="Nodig",
                    volume=Decimal("3"), period_start=dt.date(2026, 1, 1),
                    period_end=dt.date(2026, 12, 31))
    met = {o.obligation.norm.code: o.obligation.met_at
           for o in obligations_for_episodes([planned.episode])}
    assert met["wmo_investigation"] is not None and met["wmo_decision"] is not None
    assert met["youth_decision"] is None


def test_youth_decision_term_of_8_weeks_rolls_past_christmas_and_extends_by_8(planned):
    mid = planned.episode.team.municipality_id
    # 30 Oct 2026 + 8 weeks = Friday 25 Dec (Christmas) -> Monday 28 Dec 2026
    name, due = queries.due_at(mid, "youth_decision", at(2026, 10, 30))
    assert "8 weken" in name
    assert due == dt.datetime(2026, 12, 29, tzinfo=AMS)
    _name, extended = queries.due_at(mid, "youth_decision", at(2026, 10, 30), extended=True)
    assert extended == dt.datetime(2027, 2, 23, tzinfo=AMS)  # 28 Dec + 8 weeks = 22 Feb


def test_wmo_terms_roll_past_kings_day_and_weekends(planned):
    mid = planned.episode.team.municipality_id
    # aanvraag Tue 13 Apr 2027 + 2 weeks = Tue 27 Apr (King's Day) -> Wed 28 Apr
    assert queries.due_at(mid, "wmo_decision", at(2027, 4, 13))[1] == dt.datetime(
        2027, 4, 29, tzinfo=AMS)
    # melding Sat 14 Nov 2026 + 6 weeks = Sat 26 Dec -> Mon 28 Dec
    assert queries.due_at(mid, "wmo_investigation", at(2026, 11, 14))[1] == dt.datetime(
        2026, 12, 29, tzinfo=AMS)


def test_a_decision_term_is_extended_once_and_only_with_a_reason(planned):
    decision = services.receive_youth_aanvraag(planned.household, by=planned.worker,
                                               person=planned.mila)
    with pytest.raises(CaseError):
        services.extend_decision(decision, by=planned.worker, reason="  ")
    services.extend_decision(decision, by=planned.worker, reason="Advies gedragswetenschapper")
    decision.refresh_from_db()
    (deadline,) = queries.decision_deadlines(decision)
    assert deadline.extended
    assert deadline.due_at - deadline.started_at > dt.timedelta(weeks=16)
    with pytest.raises(CaseError, match="already been extended"):
        services.extend_decision(decision, by=planned.worker, reason="Nog een keer")


def test_wmo_decision_terms_are_not_extendable(planned):
    decision = services.receive_wmo_melding(planned.household, by=planned.worker,
                                            person=planned.sanne)
    with pytest.raises(CaseError, match="cannot be extended"):
        services.extend_decision(decision, by=planned.worker, reason="Drukte")


def test_a_granted_decision_needs_a_product_and_a_period(planned):
    decision = services.receive_youth_aanvraag(planned.household, by=planned.worker,
                                               person=planned.mila)
    with pytest.raises(CaseError):
        services.decide(decision, by=planned.worker, outcome="granted", motivation="Nodig")
    assert Decision.objects.get(pk=decision.pk).stage == "aanvraag"


def test_decision_letter_is_plain_dutch_and_names_the_objection_route_and_deadline(planned):
    referral = refer_youth(planned)
    decision = services.receive_youth_aanvraag(planned.household, by=planned.worker,
                                               person=planned.mila, referral=referral)
    decision = services.decide(decision, by=planned.leader, outcome="granted",
                               motivation="Mila heeft hulp nodig bij het naar school gaan.")
    text = "\n".join(t for _style, t in letter.lines(decision))
    until = queries.objection_term_end(decision)
    assert "bezwaar" in text and "binnen 6 weken" in text
    assert letter.dutch_date(until) in text
    assert "Ambulante opvoedhulp, 40 uur" in text
    assert "Mila heeft hulp nodig" in text
    assert letter.render(decision).startswith(b"%PDF")


def test_objection_is_linked_to_the_decision_and_to_who_decided(planned):
    decision = services.receive_wmo_melding(planned.household, by=planned.worker,
                                            person=planned.sanne,
                                            decided_by_part=SystemPart.WMO_ADVISER)
    services.receive_wmo_aanvraag(decision, by=planned.worker)
    services.decide(decision, by=planned.worker, outcome="refused", motivation="Eigen kracht")
    objection = services.lodge_objection(decision, by=planned.worker, grounds="Te weinig",
                                         committee=True)
    assert (objection.decision, objection.system_part) == (decision, SystemPart.WMO_ADVISER)
    deadline = queries.objection_deadline(objection)
    assert deadline is not None and deadline.code == "objection_committee"
    assert deadline.due_at - objection.received_at >= dt.timedelta(weeks=12)
    services.decide_objection(objection, by=planned.worker, outcome="unfounded")
    codes = {o.obligation.norm.code: o.obligation.met_at
             for o in obligations_for_episodes([planned.episode])}
    assert codes["objection_committee"] is not None


def test_figures_count_who_waits_for_specialist_care_per_team(planned):
    referral = refer_youth(planned)
    services.move_referral(referral, ReferralStatus.DECIDED, by=planned.worker)
    (row,) = queries.waiting_per_team(planned.episode.team.municipality_id)
    assert row == ("Team Oost", 1, 0)
