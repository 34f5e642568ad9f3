"""The read side of case tables: who sits where, what each viewer may see of a case.

The one rule: a household case shows who it is about only when the case was
brought with a basis and a basis (consent or covenant) lets the viewer's
organisation see identity data for the case-table purpose today. Everyone
else sees the table's stable pseudonym and nothing that identifies.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from schakel.people.models import Household
from schakel.privacy.bases import DisclosureRefused, check_disclosure
from schakel.privacy.constants import BasisKind, DataCategory, Purpose
from schakel.tables.constants import AgreementStatus, CaseStatus, SubjectKind
from schakel.tables.models import Agreement, CaseTable, Meeting, TableCase
from schakel.tenancy.models import Organisation, StaffProfile

IDENTITY = [DataCategory.IDENTITY.value]


def my_tables(staff: StaffProfile) -> QuerySet[CaseTable]:
    return CaseTable.objects.filter(
        Q(chair=staff) | Q(members__staff=staff), municipality_id=staff.municipality_id
    ).distinct()


def sits_at(staff: StaffProfile | None, table: CaseTable) -> bool:
    if staff is None or table.municipality_id != staff.municipality_id:
        return False
    return table.chair_id == staff.pk or table.members.filter(staff=staff).exists()


def is_chair(staff: StaffProfile | None, table: CaseTable) -> bool:
    return staff is not None and table.chair_id == staff.pk


def member_organisations(table: CaseTable) -> list[Organisation]:
    orgs = {o.pk: o for o in table.organisations.all()}
    for seat in table.members.select_related("staff__organisation"):
        orgs[seat.staff.organisation_id] = seat.staff.organisation
    orgs[table.chair.organisation_id] = table.chair.organisation
    return sorted(orgs.values(), key=lambda o: o.name)


def org_may_know(table: CaseTable, household: Household, organisation: Organisation) -> bool:
    """A basis for ``organisation`` to know who this household is, at this table, today.

    Only two bases count here: the covenant the table works under, or every
    person's own consent for the case-table purpose. An upheld objection stops
    both (``check_disclosure``).
    """
    try:
        basis = check_disclosure(household, organisation, Purpose.CASE_TABLE, IDENTITY)
    except DisclosureRefused:
        return False
    return all(
        b.kind == BasisKind.CONSENT
        or (b.kind == BasisKind.COVENANT and b.covenant is not None
            and b.covenant.pk == table.covenant_id)
        for _person, b in basis.covers
    ) or _table_covenant_covers(table, organisation)


def _table_covenant_covers(table: CaseTable, organisation: Organisation) -> bool:
    covenant = table.covenant
    return bool(
        covenant is not None and covenant.valid_on(timezone.localdate())
        and Purpose.CASE_TABLE.value in covenant.purposes
        and set(IDENTITY) <= set(covenant.categories)
        and covenant.parties.filter(pk=organisation.pk).exists()
    )


def sees_identity(staff: StaffProfile, case: TableCase) -> bool:
    """May ``staff`` learn who this case is about (checked again on every view)?"""
    if case.subject != SubjectKind.HOUSEHOLD or case.household is None or not case.identified:
        return False
    return org_may_know(case.table, case.household, staff.organisation)


def label(staff: StaffProfile, case: TableCase) -> str:
    """How the case is named to ``staff``: household name, pseudonym or building."""
    if case.subject == SubjectKind.BUILDING:
        return case.building
    if sees_identity(staff, case) and case.household is not None:
        return f"{case.household.reference} {case.household.name}"
    return case.pseudonym


@dataclass(frozen=True)
class ShownCase:
    case: TableCase
    label: str
    identified: bool
    open_agreements: list[Agreement]


def shown(staff: StaffProfile, case: TableCase) -> ShownCase:
    return ShownCase(case, label(staff, case), sees_identity(staff, case),
                     list(case.agreements.filter(status=AgreementStatus.OPEN)
                          .select_related("owner")))


def docket(table: CaseTable) -> QuerySet[TableCase]:
    """Open cases stay on the docket until closed; dormant ones come back on their retry date."""
    today = timezone.localdate()
    return table.cases.filter(
        Q(status=CaseStatus.OPEN) | Q(status=CaseStatus.DORMANT, retry_on__lte=today)
    ).select_related("household", "brought_by")


def portfolio(table: CaseTable) -> QuerySet[TableCase]:
    return table.cases.filter(status=CaseStatus.DORMANT).select_related("household")


def agenda(meeting: Meeting) -> dict[str, list[TableCase]]:
    """Cases brought since the previous meeting are new; the rest of the docket follows up."""
    previous = meeting.table.meetings.filter(held_on__lt=meeting.held_on).order_by(
        "-held_on").first()
    cases = list(docket(meeting.table))
    since = previous.held_on if previous else None
    new = [c for c in cases if since is None or timezone.localdate(c.brought_at) > since]
    return {"new": new, "docket": [c for c in cases if c not in new]}


def open_agreements(table: CaseTable) -> QuerySet[Agreement]:
    return Agreement.objects.filter(case__table=table, status=AgreementStatus.OPEN).exclude(
        case__status=CaseStatus.CLOSED).select_related("owner", "case", "case__household")


@dataclass(frozen=True)
class Overlap:
    case: TableCase
    other: TableCase


def overlaps(staff: StaffProfile, table: CaseTable) -> list[Overlap]:
    """For the chair: the same household on another table, when both bases allow it.

    Both cases must have been brought with a basis, and a basis must let each
    chair's organisation know who the household is.
    """
    if not is_chair(staff, table):
        return []
    found = []
    for case in table.cases.exclude(status=CaseStatus.CLOSED).filter(
            household__isnull=False).exclude(basis="").select_related("household"):
        assert case.household is not None
        if not org_may_know(table, case.household, staff.organisation):
            continue
        others = TableCase.objects.filter(household=case.household).exclude(
            status=CaseStatus.CLOSED).exclude(table=table).exclude(basis="").select_related(
            "table__chair__organisation")
        for other in others:
            if org_may_know(other.table, case.household, other.table.chair.organisation):
                found.append(Overlap(case, other))
    return found


@dataclass(frozen=True)
class AgreementSignal:
    agreement: Agreement
    table: CaseTable
    case_label: str
    overdue: bool


def my_agreement_signals(staff: StaffProfile, *, today: dt.date | None = None,
                         within_days: int = 7) -> list[AgreementSignal]:
    """Open work agreements this person owns, due within a week or overdue.

    For the caseload page: the case is named by table and number (or the
    label the owner may see), never by data the owner may not know.
    """
    today = today or timezone.localdate()
    rows = Agreement.objects.filter(
        owner=staff, status=AgreementStatus.OPEN,
        deadline__lte=today + dt.timedelta(days=within_days),
    ).exclude(case__status=CaseStatus.CLOSED).select_related(
        "case", "case__table", "case__household").order_by("deadline")
    return [AgreementSignal(a, a.case.table, label(staff, a.case), a.deadline < today)
            for a in rows]


def learnings(staff: StaffProfile, q: str = "") -> QuerySet[TableCase]:
    """Closed cases with learnings, across every table of the municipality."""
    rows = TableCase.objects.filter(
        table__municipality_id=staff.municipality_id, status=CaseStatus.CLOSED,
    ).exclude(learnings="").select_related("table").order_by("-closed_at")
    if q:
        rows = rows.filter(Q(learnings__icontains=q) | Q(what_worked__icontains=q))
    return rows
