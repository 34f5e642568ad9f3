"""Every change to referrals, decisions, objections and complaints goes through here.

One public function is one user action and one transaction. A step that
touches a household is also recorded as an event on its episode, so the
statutory norms (norms/defaults.json) judge its deadline like any other step.
Errors are :class:`CaseError` with a message for the user.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.cases import services as cases_services
from schakel.cases.constants import EventKind
from schakel.cases.lifecycle import ALLOWED_FROM
from schakel.cases.models import Episode
from schakel.cases.services import CaseError
from schakel.decisions.constants import (
    GRANTING,
    REFERRAL_ORDER,
    ComplaintOutcome,
    DecisionOutcome,
    DecisionStage,
    Law,
    ObjectionOutcome,
    ReferralStatus,
    SystemPart,
)
from schakel.decisions.models import (
    Budget,
    Complaint,
    Decision,
    Objection,
    Product,
    Provider,
    Referral,
    Spend,
)
from schakel.people.models import Household, Person
from schakel.plans.services import request_specialist_referral
from schakel.plans.services.common import check_may_record, open_episode
from schakel.privacy.access import log_change
from schakel.tenancy.constants import Role
from schakel.tenancy.models import Municipality, Organisation, StaffProfile, Team


def _event(episode: Episode, kind: str, *, by: StaffProfile, occurred_at: dt.datetime | None,
           backdate_reason: str = "", **data: Any) -> None:
    """Record ``kind`` on the episode while it may still take events (open or in aftercare)."""
    episode.refresh_from_db()
    if episode.state in ALLOWED_FROM[kind]:
        cases_services.record(episode, kind, by=by, occurred_at=occurred_at,
                              backdate_reason=backdate_reason, **data)


def _check_member(household: Household, person: Person) -> None:
    if not household.members.filter(person=person).exists():
        raise CaseError({"person": _("Choose a member of this household.")})


def _check_amounts(volume: Decimal, start: dt.date | None, end: dt.date | None) -> None:
    errors: dict[str, str] = {}
    if volume is None or volume <= 0:
        errors["volume"] = _("Give a volume above zero.")
    if start is None or end is None:
        errors["period_end"] = _("Give the period: from and until.")
    elif end < start:
        errors["period_end"] = _("The period ends before it starts.")
    if errors:
        raise CaseError(errors)


def _check_provider(product: Product, provider: Provider | None) -> None:
    offered = list(product.providers.all())
    if provider is not None and offered and provider not in offered:
        raise CaseError({"provider": _("%(provider)s does not offer %(product)s.")
                         % {"provider": provider.name, "product": product.name}})


@transaction.atomic
def refer(
    household: Household, *, by: StaffProfile, product: Product, person: Person,
    volume: Decimal, period_start: dt.date, period_end: dt.date, reason: str,
    provider: Provider | None = None, referrer: Organisation | None = None,
) -> Referral:
    """A referral to specialist care from the household's plan; refused without a current plan."""
    _check_member(household, person)
    _check_amounts(volume, period_start, period_end)
    _check_provider(product, provider)
    care = "youth" if product.law == Law.YOUTH else "wmo"
    plan_referral = request_specialist_referral(
        household, by=by, care=care, reason=reason,
        provider=provider.name if provider else "")
    return Referral.objects.create(
        plan_referral=plan_referral, household=household, episode=plan_referral.episode,
        team=plan_referral.episode.team, person=person, product=product, provider=provider,
        referrer=referrer, volume=volume, period_start=period_start, period_end=period_end,
        requested_on=timezone.localdate())


@transaction.atomic
def move_referral(referral: Referral, status: str, *, by: StaffProfile,
                  on: dt.date | None = None, bridging_help: str = "") -> Referral:
    """Move a referral one or more steps forward: decided, waiting, started, ended."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    check_may_record(by, referral.household)
    on = on or timezone.localdate()
    if status not in REFERRAL_ORDER or referral.status == ReferralStatus.REFUSED:
        raise CaseError(_("This step is not possible for this referral."))
    now_at, wanted = REFERRAL_ORDER.index(referral.status), REFERRAL_ORDER.index(status)
    if wanted <= now_at:
        raise CaseError(_("The referral is already '%(status)s'; it only moves forward.")
                        % {"status": ReferralStatus(referral.status).label})
    if on > timezone.localdate():
        raise CaseError({"on": _("The date lies in the future.")})
    previous = [referral.requested_on, referral.decided_on, referral.waiting_since,
                referral.started_on]
    if any(d is not None and on < d for d in previous):
        raise CaseError({"on": _("The date lies before an earlier step of this referral.")})
    fields = {ReferralStatus.DECIDED: "decided_on", ReferralStatus.WAITING: "waiting_since",
              ReferralStatus.STARTED: "started_on", ReferralStatus.ENDED: "ended_on"}
    setattr(referral, fields[ReferralStatus(status)], on)
    referral.status = status
    if bridging_help.strip():
        referral.bridging_help = bridging_help.strip()
    referral.save()
    return referral


def _new_decision(household: Household, *, by: StaffProfile, law: str, person: Person,
                  referral: Referral | None, product: Product | None,
                  decided_by_part: str) -> Decision:
    check_may_record(by, household)
    _check_member(household, person)
    if decided_by_part not in SystemPart.values:
        raise CaseError({"decided_by_part": _("Choose who decides.")})
    episode = open_episode(household)
    if referral is not None:
        product = product or referral.product
    return Decision(household=household, episode=episode, team=episode.team, person=person,
                    referral=referral, law=law, product=product,
                    provider=referral.provider if referral else None,
                    volume=referral.volume if referral else Decimal("0"),
                    period_start=referral.period_start if referral else None,
                    period_end=referral.period_end if referral else None,
                    decided_by_part=decided_by_part)


def _advance(decision: Decision, stage: str, stamp: str, kind: str, *, by: StaffProfile,
             occurred_at: dt.datetime | None, backdate_reason: str) -> Decision:
    """Move a decision to its next stage: timestamp on the row, event on the episode."""
    decision.stage = stage
    setattr(decision, stamp, occurred_at or timezone.now())
    decision.save()
    _event(decision.episode, kind, by=by, occurred_at=getattr(decision, stamp),
           backdate_reason=backdate_reason, decision=decision.pk)
    return decision


@transaction.atomic
def receive_wmo_melding(
    household: Household, *, by: StaffProfile, person: Person,
    referral: Referral | None = None, product: Product | None = None,
    decided_by_part: str = SystemPart.WMO_ADVISER,
    occurred_at: dt.datetime | None = None, backdate_reason: str = "",
) -> Decision:
    """A Wmo melding: the investigation must be completed within 6 weeks (art. 2.3.2)."""
    decision = _new_decision(household, by=by, law=Law.WMO, person=person, referral=referral,
                             product=product, decided_by_part=decided_by_part)
    return _advance(decision, DecisionStage.MELDING, "melding_at", EventKind.WMO_MELDING,
                    by=by, occurred_at=occurred_at, backdate_reason=backdate_reason)


def _locked(decision: Decision, by: StaffProfile) -> Decision:
    decision = Decision.objects.select_for_update(of=("self",)).select_related(
        "household", "episode", "product", "referral").get(pk=decision.pk)
    check_may_record(by, decision.household)
    return decision


@transaction.atomic
def complete_investigation(decision: Decision, *, by: StaffProfile,
                           occurred_at: dt.datetime | None = None,
                           backdate_reason: str = "") -> Decision:
    decision = _locked(decision, by)
    if decision.law != Law.WMO or decision.stage != DecisionStage.MELDING:
        raise CaseError(_("Only a Wmo melding under investigation can complete its investigation."))
    return _advance(decision, DecisionStage.INVESTIGATED, "investigated_at",
                    EventKind.WMO_INVESTIGATION_COMPLETED, by=by, occurred_at=occurred_at,
                    backdate_reason=backdate_reason)


@transaction.atomic
def receive_wmo_aanvraag(decision: Decision, *, by: StaffProfile,
                         occurred_at: dt.datetime | None = None,
                         backdate_reason: str = "") -> Decision:
    """The formal request: the decision must follow within 2 weeks (art. 2.3.5)."""
    decision = _locked(decision, by)
    if decision.law != Law.WMO or decision.stage not in (DecisionStage.MELDING,
                                                         DecisionStage.INVESTIGATED):
        raise CaseError(_("A Wmo request follows a melding and comes before the decision."))
    return _advance(decision, DecisionStage.AANVRAAG, "aanvraag_at", EventKind.WMO_AANVRAAG,
                    by=by, occurred_at=occurred_at, backdate_reason=backdate_reason)


@transaction.atomic
def receive_youth_aanvraag(
    household: Household, *, by: StaffProfile, person: Person,
    referral: Referral | None = None, product: Product | None = None,
    decided_by_part: str = SystemPart.TEAM,
    occurred_at: dt.datetime | None = None, backdate_reason: str = "",
) -> Decision:
    """A request for youth care: the team decides within 8 weeks (Jeugdwet, Awb 4:13)."""
    decision = _new_decision(household, by=by, law=Law.YOUTH, person=person, referral=referral,
                             product=product, decided_by_part=decided_by_part)
    return _advance(decision, DecisionStage.AANVRAAG, "aanvraag_at", EventKind.YOUTH_AANVRAAG,
                    by=by, occurred_at=occurred_at, backdate_reason=backdate_reason)


def running_norm(decision: Decision) -> str:
    """The code of the statutory norm that the decision's current stage runs against."""
    if decision.stage == DecisionStage.MELDING:
        return "wmo_investigation"
    if decision.stage == DecisionStage.AANVRAAG:
        return "wmo_decision" if decision.law == Law.WMO else "youth_decision"
    return ""


@transaction.atomic
def extend_decision(decision: Decision, *, by: StaffProfile, reason: str) -> Decision:
    """Use the norm's one extension (Jeugdwet: 8 weeks more), with the reason recorded."""
    decision = _locked(decision, by)
    code = running_norm(decision)
    if not code:
        raise CaseError(_("This decision has no running term to extend."))
    if decision.extension_reason:
        raise CaseError(_("This term has already been extended once."))
    cases_services.extend_deadline(decision.episode, code, by=by, reason=reason)
    decision.extension_reason = reason.strip()
    decision.save()
    return decision


@transaction.atomic
def decide(
    decision: Decision, *, by: StaffProfile, outcome: str, motivation: str,
    product: Product | None = None, volume: Decimal | None = None,
    period_start: dt.date | None = None, period_end: dt.date | None = None,
    provider: Provider | None = None,
    occurred_at: dt.datetime | None = None, backdate_reason: str = "",
) -> Decision:
    """The beschikking: what is granted, how much, for which period, and why."""
    decision = _locked(decision, by)
    if decision.stage != DecisionStage.AANVRAAG:
        raise CaseError(_("A decision follows a formal request; record the request first."))
    if outcome not in DecisionOutcome.values:
        raise CaseError({"outcome": _("Choose the outcome.")})
    if not motivation.strip():
        raise CaseError({"motivation": _("Write down the motivation; the letter quotes it.")})
    decision.product = product or decision.product
    decision.provider = provider or decision.provider
    decision.volume = volume if volume is not None else decision.volume
    decision.period_start = period_start or decision.period_start
    decision.period_end = period_end or decision.period_end
    if outcome in GRANTING:
        if decision.product is None:
            raise CaseError({"product": _("Choose what is granted from the catalogue.")})
        if decision.product.law != decision.law:
            raise CaseError({"product": _("This product falls under another law.")})
        _check_amounts(decision.volume, decision.period_start, decision.period_end)
        _check_provider(decision.product, decision.provider)
    decision.stage = DecisionStage.DECIDED
    decision.outcome = outcome
    decision.motivation = motivation.strip()
    decision.decided_at = occurred_at or timezone.now()
    decision.decided_by = by
    decision.save()
    kind = EventKind.WMO_DECISION if decision.law == Law.WMO else EventKind.YOUTH_DECISION
    _event(decision.episode, kind, by=by, occurred_at=decision.decided_at,
           backdate_reason=backdate_reason, decision=decision.pk, outcome=outcome)
    referral = decision.referral
    if referral is not None and referral.status == ReferralStatus.REQUESTED:
        referral.decided_on = timezone.localdate(decision.decided_at)
        referral.status = (ReferralStatus.DECIDED if outcome in GRANTING
                           else ReferralStatus.REFUSED)
        referral.save()
    return decision


@transaction.atomic
def lodge_objection(decision: Decision, *, by: StaffProfile, grounds: str,
                    committee: bool = False, received_at: dt.datetime | None = None,
                    backdate_reason: str = "") -> Objection:
    """Bezwaar against a decision; attributed to whoever decided it."""
    decision = _locked(decision, by)
    if decision.stage != DecisionStage.DECIDED:
        raise CaseError(_("An objection is lodged against a decision that has been taken."))
    if not grounds.strip():
        raise CaseError({"grounds": _("Write down what the objection is about.")})
    received_at = received_at or timezone.now()
    if decision.decided_at and received_at < decision.decided_at:
        raise CaseError({"received_at": _("The objection cannot precede the decision.")})
    objection = Objection.objects.create(
        decision=decision, team=decision.team, system_part=decision.decided_by_part,
        received_at=received_at, grounds=grounds.strip(), committee=committee)
    kind = (EventKind.OBJECTION_RECEIVED_COMMITTEE if committee
            else EventKind.OBJECTION_RECEIVED)
    _event(decision.episode, kind, by=by, occurred_at=received_at,
           backdate_reason=backdate_reason, objection=objection.pk)
    return objection


@transaction.atomic
def extend_objection(objection: Objection, *, by: StaffProfile, reason: str) -> Objection:
    objection = Objection.objects.select_for_update(of=("self",)).select_related(
        "decision__episode", "decision__household").get(pk=objection.pk)
    check_may_record(by, objection.decision.household)
    if objection.decided_at is not None:
        raise CaseError(_("The objection has been decided."))
    if objection.extension_reason:
        raise CaseError(_("This term has already been extended once."))
    if not reason.strip():
        raise CaseError({"reason": _("Give the reason for the extension.")})
    episode = objection.decision.episode
    code = "objection_committee" if objection.committee else "objection"
    if episode.state in ALLOWED_FROM[EventKind.DEADLINE_EXTENDED]:
        cases_services.extend_deadline(episode, code, by=by, reason=reason)
    objection.extension_reason = reason.strip()
    objection.save()
    return objection


@transaction.atomic
def decide_objection(objection: Objection, *, by: StaffProfile, outcome: str,
                     occurred_at: dt.datetime | None = None,
                     backdate_reason: str = "") -> Objection:
    objection = Objection.objects.select_for_update(of=("self",)).select_related(
        "decision__episode", "decision__household").get(pk=objection.pk)
    check_may_record(by, objection.decision.household)
    if objection.decided_at is not None:
        raise CaseError(_("The objection has already been decided."))
    if outcome not in ObjectionOutcome.values:
        raise CaseError({"outcome": _("Choose the outcome.")})
    objection.outcome = outcome
    objection.decided_at = occurred_at or timezone.now()
    objection.save()
    _event(objection.decision.episode, EventKind.OBJECTION_DECIDED, by=by,
           occurred_at=objection.decided_at, backdate_reason=backdate_reason,
           objection=objection.pk, outcome=outcome)
    return objection


@transaction.atomic
def register_complaint(
    municipality: Municipality, *, by: StaffProfile, system_part: str, subject: str,
    team: Team | None = None, worker: StaffProfile | None = None,
    household: Household | None = None, committee: bool = False,
    received_at: dt.datetime | None = None,
) -> Complaint:
    """A complaint, tagged to the part of the system, the team and the worker it is about."""
    errors: dict[str, str] = {}
    if system_part not in SystemPart.values:
        errors["system_part"] = _("Choose the part of the system the complaint is about.")
    if not subject.strip():
        errors["subject"] = _("Write down what the complaint is about.")
    if team is not None and team.municipality_id != municipality.pk:
        errors["team"] = _("Choose a team of this municipality.")
    if errors:
        raise CaseError(errors)
    complaint = Complaint.objects.create(
        municipality=municipality, household=household, system_part=system_part, team=team,
        worker=worker, subject=subject.strip(), committee=committee,
        received_at=received_at or timezone.now())
    episode = household.episodes.order_by("-number").first() if household else None
    if episode is not None:
        kind = (EventKind.COMPLAINT_RECEIVED_COMMITTEE if committee
                else EventKind.COMPLAINT_RECEIVED)
        _event(episode, kind, by=by, occurred_at=None, complaint=complaint.pk)
    return complaint


def _locked_complaint(complaint: Complaint) -> Complaint:
    complaint = Complaint.objects.select_for_update().get(pk=complaint.pk)
    if complaint.handled_at is not None:
        raise CaseError(_("The complaint has been handled."))
    return complaint


@transaction.atomic
def record_mediation(complaint: Complaint, *, by: StaffProfile, on: dt.date) -> Complaint:
    complaint = _locked_complaint(complaint)
    if on < timezone.localdate(complaint.received_at) or on > timezone.localdate():
        raise CaseError({"on": _("The date lies before the complaint or in the future.")})
    complaint.mediation_on = on
    complaint.save()
    return complaint


@transaction.atomic
def take_formal_route(complaint: Complaint, *, by: StaffProfile,
                      hearing_on: dt.date | None = None, extension_reason: str = ""
                      ) -> Complaint:
    complaint = _locked_complaint(complaint)
    complaint.formal = True
    complaint.hearing_on = hearing_on or complaint.hearing_on
    if extension_reason.strip():
        if complaint.extension_reason:
            raise CaseError(_("This term has already been extended once."))
        complaint.extension_reason = extension_reason.strip()
    complaint.save()
    return complaint


@transaction.atomic
def handle_complaint(complaint: Complaint, *, by: StaffProfile, outcome: str,
                     measures: str = "", occurred_at: dt.datetime | None = None) -> Complaint:
    complaint = _locked_complaint(complaint)
    if outcome not in ComplaintOutcome.values:
        raise CaseError({"outcome": _("Choose the outcome.")})
    if outcome == ComplaintOutcome.FOUNDED and not measures.strip():
        raise CaseError({"measures": _("A founded complaint needs the measures taken.")})
    complaint.outcome = outcome
    complaint.measures = measures.strip()
    complaint.handled_at = occurred_at or timezone.now()
    complaint.save()
    episode = (complaint.household.episodes.order_by("-number").first()
               if complaint.household else None)
    if episode is not None and episode.events.filter(
            kind__in=[EventKind.COMPLAINT_RECEIVED, EventKind.COMPLAINT_RECEIVED_COMMITTEE],
            data__complaint=complaint.pk).exists():
        _event(episode, EventKind.COMPLAINT_HANDLED, by=by, occurred_at=None,
               complaint=complaint.pk, outcome=outcome)
    return complaint



@transaction.atomic
def set_budget(team: Team, product: Product, year: int, amount: Decimal, *,
               by: StaffProfile) -> Budget:
    """The functional administrator sets (or corrects) a team's budget for a product."""
    if not by.has_role(Role.ADMIN) or team.municipality_id != by.municipality_id:
        raise CaseError(_("Only a functional administrator of the municipality sets budgets."))
    if amount < 0:
        raise CaseError({"amount": _("A budget cannot be negative.")})
    budget, _created = Budget.objects.update_or_create(
        team=team, product=product, year=year, defaults={"amount": amount})
    log_change(by, "budget", fields=f"{team.name} {product.code} {year}", detail=str(amount))
    return budget


@transaction.atomic
def book_spend(decision: Decision, booked_on: dt.date, amount: Decimal, *,
               by: StaffProfile) -> Spend:
    """An invoice line from the provider, booked on the decision it pays for."""
    if not by.has_role(Role.ADMIN):
        raise CaseError(_("Only a functional administrator books spend."))
    if decision.outcome not in GRANTING:
        raise CaseError({"decision": _("Spend can only be booked on a granted decision.")})
    if amount <= 0:
        raise CaseError({"amount": _("The amount must be more than zero.")})
    spend = Spend.objects.create(decision=decision, booked_on=booked_on, amount=amount)
    log_change(by, "spend", household=decision.household, fields=f"decision {decision.pk}",
               detail=str(amount))
    return spend
