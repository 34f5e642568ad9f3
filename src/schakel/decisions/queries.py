"""The read side: deadlines, waiting for specialist care, figures, budget, referrer feedback.

Deadlines are computed by the norm rules (``schakel.norms.rules.add_length``)
on the municipality's working-day calendar, with the norm version in force on
the start day, exactly as the caseload signals do.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import DecimalField, ExpressionWrapper, F, QuerySet, Sum
from django.utils import timezone

from schakel.cases.constants import EventKind
from schakel.cases.models import Event
from schakel.decisions.constants import (
    GRANTING,
    MEDIATION_WORKING_DAYS,
    DecisionStage,
    Law,
    ReferralStatus,
)
from schakel.decisions.models import (
    Budget,
    Complaint,
    Decision,
    Objection,
    Product,
    Referral,
    Spend,
)
from schakel.norms.queries import norm_book, working_calendar
from schakel.norms.rules import add_length
from schakel.people.models import Household
from schakel.privacy.bases import DisclosureRefused, check_disclosure
from schakel.privacy.constants import DataCategory, Purpose
from schakel.tenancy.models import Organisation, Team


@dataclass(frozen=True)
class Deadline:
    code: str
    name: str
    started_at: dt.datetime
    due_at: dt.datetime  # exclusive: the first instant after the last day
    met_at: dt.datetime | None
    extended: bool

    @property
    def last_day(self) -> dt.date:
        return timezone.localdate(self.due_at - dt.timedelta(microseconds=1))

    def late(self, at: dt.datetime | None = None) -> bool:
        return (self.met_at or at or timezone.now()) >= self.due_at


def due_at(municipality_id: int, code: str, start: dt.datetime, *, extended: bool = False
           ) -> tuple[str, dt.datetime] | None:
    """The norm's name and the instant by which the step must be done."""
    norm = norm_book(municipality_id).in_force(code, timezone.localdate(start))
    if norm is None:
        return None
    calendar = working_calendar(municipality_id)
    due = add_length(start, norm.length, norm.unit, calendar, norm.roll_to_working_day)
    if extended and norm.extension_length:
        due = add_length(due - dt.timedelta(microseconds=1), norm.extension_length,
                         norm.extension_unit or norm.unit, calendar, norm.roll_to_working_day)
    return norm.name, due


def _deadline(mid: int, code: str, start: dt.datetime | None, met: dt.datetime | None,
              extended: bool = False) -> Deadline | None:
    if start is None:
        return None
    found = due_at(mid, code, start, extended=extended)
    if found is None:
        return None
    return Deadline(code, found[0], start, found[1], met, extended)


def decision_deadlines(decision: Decision) -> list[Deadline]:
    """The statutory terms of one decision: investigation and decision (Wmo), decision (youth)."""
    mid = decision.team.municipality_id
    extended = bool(decision.extension_reason)
    found: list[Deadline | None] = []
    if decision.law == Law.WMO:
        found.append(_deadline(mid, "wmo_investigation", decision.melding_at,
                               decision.investigated_at or decision.aanvraag_at,
                               extended and decision.aanvraag_at is None))
        found.append(_deadline(mid, "wmo_decision", decision.aanvraag_at, decision.decided_at,
                               extended and decision.aanvraag_at is not None))
    else:
        found.append(_deadline(mid, "youth_decision", decision.aanvraag_at, decision.decided_at,
                               extended))
    return [d for d in found if d is not None]


def objection_deadline(objection: Objection) -> Deadline | None:
    code = "objection_committee" if objection.committee else "objection"
    return _deadline(objection.team.municipality_id, code, objection.received_at,
                     objection.decided_at, bool(objection.extension_reason))


def objection_term_end(decision: Decision) -> dt.date | None:
    """Last day to lodge an objection: 6 weeks after the decision (Awb 6:7, Atw art. 1)."""
    if decision.decided_at is None:
        return None
    calendar = working_calendar(decision.team.municipality_id)
    due = add_length(decision.decided_at, 6, "weeks", calendar, True)
    return timezone.localdate(due - dt.timedelta(microseconds=1))


def complaint_deadline(complaint: Complaint) -> Deadline | None:
    code = "complaint_committee" if complaint.committee else "complaint"
    return _deadline(complaint.municipality_id, code, complaint.received_at,
                     complaint.handled_at, bool(complaint.extension_reason))


def mediation_due(complaint: Complaint) -> dt.date:
    """Mediation within 2 weeks: 10 working days after receipt."""
    calendar = working_calendar(complaint.municipality_id)
    return calendar.add_working_days(timezone.localdate(complaint.received_at),
                                     MEDIATION_WORKING_DAYS)


@dataclass
class DecisionRow:
    decision: Decision
    deadlines: list[Deadline]
    objections: list[tuple[Objection, Deadline | None]]
    objection_until: dt.date | None


@dataclass
class HouseholdFile:
    referrals: list[Referral]
    decisions: list[DecisionRow] = field(default_factory=list)


def household_file(household: Household) -> HouseholdFile:
    referrals = list(Referral.objects.filter(household=household)
                     .select_related("product", "provider", "person"))
    result = HouseholdFile(referrals)
    decisions = (Decision.objects.filter(household=household)
                 .select_related("product", "provider", "person", "team", "referral"))
    for decision in decisions:
        objections = [(o, objection_deadline(o))
                      for o in decision.objections.select_related("team")]
        result.decisions.append(DecisionRow(decision, decision_deadlines(decision), objections,
                                            objection_term_end(decision)))
    return result


def waiting_for_care(team_ids: list[int], on: dt.date | None = None) -> list[tuple[Referral, int]]:
    """Referrals decided or waiting at the provider, with days since the decision."""
    on = on or timezone.localdate()
    rows = (Referral.objects.filter(team_id__in=team_ids, status__in=[
        ReferralStatus.DECIDED, ReferralStatus.WAITING]).select_related(
        "household", "product", "provider").order_by("decided_on"))
    return [(r, (on - (r.decided_on or r.requested_on)).days) for r in rows]


def waiting_per_team(municipality_id: int, on: dt.date | None = None
                     ) -> list[tuple[str, int, int]]:
    """(team, referrals waiting for specialist care, longest wait in days) per team."""
    teams = Team.objects.filter(municipality_id=municipality_id).order_by("name")
    result = []
    for team in teams:
        days = [d for _r, d in waiting_for_care([team.pk], on)]
        if days:
            result.append((team.name, len(days), max(days)))
    return result


# --- figures -------------------------------------------------------------------------------

OPEN = "open"


@dataclass(frozen=True)
class Split:
    total: int
    by_part: dict[str, int]
    by_team: dict[str, int]
    by_outcome: dict[str, int]
    by_part_and_outcome: dict[tuple[str, str], int]


def _split(rows: list[tuple[str, str, str]]) -> Split:
    return Split(
        total=len(rows),
        by_part=dict(Counter(part for part, _team, _outcome in rows)),
        by_team=dict(Counter(team for _part, team, _outcome in rows)),
        by_outcome=dict(Counter(outcome or OPEN for _part, _team, outcome in rows)),
        by_part_and_outcome=dict(Counter((part, outcome or OPEN)
                                         for part, _team, outcome in rows)),
    )


def _in_year(qs: QuerySet, field_name: str, year: int | None) -> QuerySet:
    return qs.filter(**{f"{field_name}__year": year}) if year else qs


def objection_figures(municipality_id: int, year: int | None = None) -> Split:
    """Objections by the part of the system that decided, by team and by outcome."""
    qs = _in_year(Objection.objects.filter(team__municipality_id=municipality_id),
                  "received_at", year)
    return _split([(p, t or "", o) for p, t, o in
                   qs.values_list("system_part", "team__name", "outcome")])


def complaint_figures(municipality_id: int, year: int | None = None) -> Split:
    """Complaints by the part of the system, the team and the outcome."""
    qs = _in_year(Complaint.objects.filter(municipality_id=municipality_id),
                  "received_at", year)
    return _split([(p, t or "", o) for p, t, o in
                   qs.values_list("system_part", "team__name", "outcome")])


# --- budget --------------------------------------------------------------------------------


@dataclass(frozen=True)
class BudgetRow:
    team: Team
    product: Product
    budget: Decimal
    committed: Decimal
    actual: Decimal
    forecast: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.budget - max(self.committed, self.forecast)


def committed_decisions(municipality_id: int, year: int) -> QuerySet[Decision]:
    return Decision.objects.filter(
        team__municipality_id=municipality_id, stage=DecisionStage.DECIDED,
        outcome__in=list(GRANTING), decided_at__year=year, product__isnull=False)


def forecast(actual: Decimal, year: int, today: dt.date) -> Decimal:
    """Actual spend extrapolated linearly to 31 December (the past year: the actual)."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if today >= end:
        return actual
    if today < start:
        return Decimal("0")
    elapsed = (today - start).days + 1
    total = (end - start).days + 1
    return (actual * total / elapsed).quantize(Decimal("0.01"))


def budget(municipality_id: int, year: int, today: dt.date | None = None) -> list[BudgetRow]:
    """Per team and product: budget, committed (volume × tariff of granted decisions),
    actual spend booked on decisions, and actual spend forecast to year end."""
    today = today or timezone.localdate()
    money: DecimalField[Decimal, Decimal] = DecimalField(max_digits=14, decimal_places=2)
    committed = {
        (r["team_id"], r["product_id"]): r["total"] or Decimal("0")
        for r in committed_decisions(municipality_id, year).values("team_id", "product_id")
        .annotate(total=Sum(ExpressionWrapper(F("volume") * F("product__tariff"),
                                              output_field=money)))
    }
    actual = {
        (r["decision__team_id"], r["decision__product_id"]): r["total"] or Decimal("0")
        for r in Spend.objects.filter(decision__team__municipality_id=municipality_id,
                                      booked_on__year=year)
        .values("decision__team_id", "decision__product_id").annotate(total=Sum("amount"))
    }
    budgets = {(b.team_id, b.product_id): b.amount for b in Budget.objects.filter(
        team__municipality_id=municipality_id, year=year)}
    keys = set(committed) | set(actual) | set(budgets)
    teams = Team.objects.in_bulk({k[0] for k in keys})
    products = Product.objects.in_bulk({k[1] for k in keys if k[1] is not None})
    rows = []
    for key in keys:
        if key[1] is None:
            continue
        spent = Decimal(actual.get(key, 0))
        rows.append(BudgetRow(teams[key[0]], products[key[1]],
                              Decimal(budgets.get(key, 0)), Decimal(committed.get(key, 0)),
                              spent, forecast(spent, year, today)))
    return sorted(rows, key=lambda r: (r.team.name, r.product.code))


# --- feedback to the referrer --------------------------------------------------------------


@dataclass(frozen=True)
class Feedback:
    """All a referrer may learn: contacted, help started, ended, a warm handover held."""

    referral_id: int
    name: str
    contacted_on: dt.date | None
    started_on: dt.date | None
    ended_on: dt.date | None
    handover_on: dt.date | None = None  # a warm handover meeting was held (handovers)


def referrer_feedback(partner: Organisation, at: dt.datetime | None = None) -> list[Feedback]:
    """Status of the referrals ``partner`` made, for the persons who consented to it.

    The basis is checked per person with ``privacy.bases.check_disclosure`` for the
    purpose referral and the category case progress; without a basis the
    referral is left out entirely. The name shows only if identity is covered too.
    """
    rows = []
    for referral in Referral.objects.filter(referrer=partner).select_related("person"):
        try:
            check_disclosure(referral.person, partner, Purpose.REFERRAL, [DataCategory.CASE],
                             at=at)
        except DisclosureRefused:
            continue
        try:
            check_disclosure(referral.person, partner, Purpose.REFERRAL,
                             [DataCategory.IDENTITY], at=at)
            name = referral.person.full_name
        except DisclosureRefused:
            name = ""
        contact = (Event.objects.filter(episode_id=referral.episode_id,
                                        kind=EventKind.RESIDENT_CONTACTED)
                   .order_by("occurred_at").values_list("occurred_at", flat=True).first())
        handover = (Event.objects.filter(episode_id=referral.episode_id,
                                         kind=EventKind.HANDOVER_MEETING)
                    .order_by("-occurred_at").values_list("occurred_at", flat=True).first())
        rows.append(Feedback(referral.pk, name,
                             timezone.localdate(contact) if contact else None,
                             referral.started_on, referral.ended_on,
                             timezone.localdate(handover) if handover else None))
    return rows


DECISION_FIGURES = ("objections", "complaints", "budget")


def figures(figure: str, municipality_id: int, year: int) -> dict[str, Any]:
    """Objection, complaint or budget figures for ``schakel report`` and the pages."""
    if figure == "budget":
        return {"figure": "budget", "year": year, "rows": [
            {"team": r.team.name, "product": r.product.code, "budget": str(r.budget),
             "committed": str(r.committed), "actual": str(r.actual),
             "forecast": str(r.forecast)}
            for r in budget(municipality_id, year)]}
    split = (objection_figures if figure == "objections" else complaint_figures)(
        municipality_id, year)
    data = asdict(split)
    data["by_part_and_outcome"] = {f"{p}/{o}": n for (p, o), n in
                                   split.by_part_and_outcome.items()}
    return {"figure": figure, "year": year, **data}
