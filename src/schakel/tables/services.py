"""Every change to a case table goes through here: one user action, one transaction.

Changes are audit-logged with ``privacy.access.log_change``; a change about a
household case is logged against the household (who brought it, who handed it on).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.cases import services as cases
from schakel.cases.constants import Channel, Source
from schakel.cases.models import Episode
from schakel.people.models import Household
from schakel.privacy.access import involvement, log_change
from schakel.privacy.models import Covenant
from schakel.privacy.pseudonyms import pseudonym
from schakel.tables.constants import (
    STEP_QUESTIONS,
    AgreementStatus,
    CaseStatus,
    Ring,
    StepKind,
    SubjectKind,
    TableKind,
)
from schakel.tables.models import (
    Agreement,
    CaseStep,
    CaseTable,
    Meeting,
    TableCase,
    TableMember,
)
from schakel.tables.queries import is_chair, member_organisations, org_may_know, sits_at
from schakel.tenancy.models import Organisation, StaffProfile, Team


class TableError(ValidationError):
    """A table action that cannot be carried out; the message says why (translated)."""


def _must_sit(staff: StaffProfile, table: CaseTable) -> None:
    if not sits_at(staff, table):
        raise TableError(_("You are not a member of this table."))


def _must_chair(staff: StaffProfile, table: CaseTable) -> None:
    if not is_chair(staff, table):
        raise TableError(_("Only the chair of the table can do this."))


def _open(case: TableCase) -> None:
    if case.status == CaseStatus.CLOSED:
        raise TableError(_("This case is closed."))


@dataclass
class TableInput:
    name: str
    kind: str
    chair: StaffProfile
    kind_other: str = ""
    cadence: str = ""
    area: str = ""
    target_group: str = ""
    handles: str = ""
    covenant: Covenant | None = None
    organisations: tuple[Organisation, ...] = ()


@transaction.atomic
def create_table(by: StaffProfile, data: TableInput) -> CaseTable:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = _("Give the table a name.")
    if data.kind not in TableKind.values:
        errors["kind"] = _("Choose the type of table.")
    elif data.kind == TableKind.OTHER and not data.kind_other.strip():
        errors["kind_other"] = _("Name the type the municipality defined.")
    if data.chair.municipality_id != by.municipality_id:
        errors["chair"] = _("The chair works for another municipality.")
    if data.covenant is not None and data.covenant.municipality_id != by.municipality_id:
        errors["covenant"] = _("This covenant belongs to another municipality.")
    if errors:
        raise TableError(errors)
    table = CaseTable.objects.create(
        municipality_id=by.municipality_id, name=data.name.strip(), kind=data.kind,
        kind_other=data.kind_other.strip(), chair=data.chair, cadence=data.cadence.strip(),
        area=data.area.strip(), target_group=data.target_group.strip(),
        handles=data.handles.strip(), covenant=data.covenant, key=secrets.token_hex(16))
    table.organisations.set(data.organisations)
    TableMember.objects.get_or_create(table=table, staff=data.chair,
                                      defaults={"ring": Ring.CORE})
    log_change(by, "table_created", fields="case_table", detail=f"table={table.pk}")
    return table


@transaction.atomic
def add_member(table: CaseTable, staff: StaffProfile, *, ring: str, by: StaffProfile) -> None:
    _must_chair(by, table)
    if staff.municipality_id != table.municipality_id:
        raise TableError({"staff": _("This person works for another municipality.")})
    if ring not in Ring.values:
        raise TableError({"ring": _("Choose the core or the second ring.")})
    TableMember.objects.update_or_create(table=table, staff=staff, defaults={"ring": ring})
    log_change(by, "table_member", fields="case_table",
               detail=f"table={table.pk} staff={staff.pk} ring={ring}")


def _basis(table: CaseTable, household: Household) -> str:
    """The member organisations a basis (table covenant or consent) lets know who it is.

    Empty: the case is pseudonymous for everyone. Otherwise each viewer is
    checked again on every page (a consent may since have been withdrawn).
    """
    orgs = [o.name for o in member_organisations(table) if org_may_know(table, household, o)]
    return ", ".join(orgs)[:300]


@transaction.atomic
def bring_case(
    table: CaseTable, *, by: StaffProfile, subject: str, household: Household | None = None,
    building: str = "", vulnerability: int | None = None, concern: str = "",
) -> TableCase:
    """An inbrenger puts a case on the table: identified only where a basis allows."""
    _must_sit(by, table)
    errors: dict[str, str] = {}
    basis = name = ""
    if subject == SubjectKind.HOUSEHOLD:
        if household is None:
            errors["household"] = _("Give the reference of the household.")
        elif (household.team.municipality_id != table.municipality_id
              or involvement(by, household) is None):
            errors["household"] = _("You are not involved with this household, so you cannot "
                                    "bring it to the table.")
        else:
            basis = _basis(table, household)
            name = pseudonym(table.key, household)
    elif subject == SubjectKind.BUILDING:
        if not building.strip():
            errors["building"] = _("Name the building or complex.")
        if vulnerability is not None and not 0 <= vulnerability <= 100:
            errors["vulnerability"] = _("A vulnerability score lies between 0 and 100.")
    else:
        errors["subject"] = _("Choose what the case is about.")
    if errors:
        raise TableError(errors)
    number = (table.cases.aggregate(n=Max("number"))["n"] or 0) + 1
    case = TableCase.objects.create(
        table=table, number=number, subject=subject,
        household=household if subject == SubjectKind.HOUSEHOLD else None,
        pseudonym=name, basis=basis, building=building.strip(), vulnerability=vulnerability,
        concern=concern.strip(), brought_by=by, brought_at=timezone.now())
    log_change(by, "table_case_brought", household=case.household, fields="case_table",
               detail=f"table={table.pk} case={case.pk} basis={'yes' if basis else 'no'}")
    return case


@transaction.atomic
def record_step(case: TableCase, kind: str, answers: dict[str, str], *, by: StaffProfile,
                meeting: Meeting | None = None) -> CaseStep:
    """One step of the signal model; every question is optional, empty answers are dropped."""
    _must_sit(by, case.table)
    _open(case)
    if kind not in StepKind.values:
        raise TableError(_("Choose a step of the signal model."))
    keys = {k for k, _label in STEP_QUESTIONS[kind]}
    kept = {k: str(v).strip()[:1000] for k, v in answers.items() if k in keys and str(v).strip()}
    if not kept:
        raise TableError(_("Answer at least one question."))
    step = CaseStep.objects.create(case=case, kind=kind, answers=kept, meeting=meeting,
                                   recorded_by=by, recorded_at=timezone.now())
    log_change(by, "table_step", household=case.household, fields="case_table",
               detail=f"case={case.pk} step={kind}")
    return step


@transaction.atomic
def make_agreement(case: TableCase, *, by: StaffProfile, what: str, owner: StaffProfile,
                   deadline: dt.date | None, meeting: Meeting | None = None) -> Agreement:
    _must_sit(by, case.table)
    _open(case)
    errors: dict[str, str] = {}
    if not what.strip():
        errors["what"] = _("Say what will be done.")
    if not sits_at(owner, case.table):
        errors["owner"] = _("The owner must be a member of the table.")
    if deadline is None:
        errors["deadline"] = _("Give a deadline.")
    if errors:
        raise TableError(errors)
    assert deadline is not None
    agreement = Agreement.objects.create(case=case, what=what.strip(), owner=owner,
                                         deadline=deadline, made_at=meeting, created_by=by)
    if case.status == CaseStatus.DORMANT:
        case.status, case.retry_on = CaseStatus.OPEN, None
        case.save(update_fields=["status", "retry_on"])
    log_change(by, "table_agreement", household=case.household, fields="case_table",
               detail=f"case={case.pk} agreement={agreement.pk} owner={owner.pk}")
    return agreement


@transaction.atomic
def record_result(agreement: Agreement, *, by: StaffProfile, status: str, result: str,
                  meeting: Meeting | None = None) -> Agreement:
    agreement = Agreement.objects.select_for_update().get(pk=agreement.pk)
    _must_sit(by, agreement.case.table)
    if status not in AgreementStatus.values:
        raise TableError({"status": _("Choose a status.")})
    if status == AgreementStatus.DONE and not result.strip():
        raise TableError({"result": _("Describe the result.")})
    agreement.status, agreement.result = status, result.strip()
    agreement.result_at = meeting
    agreement.save(update_fields=["status", "result", "result_at"])
    log_change(by, "table_result", household=agreement.case.household, fields="case_table",
               detail=f"agreement={agreement.pk} status={status}")
    return agreement


@transaction.atomic
def make_dormant(case: TableCase, *, by: StaffProfile, retry_on: dt.date | None) -> TableCase:
    """Not reachable yet: "in portefeuille" until the retry date brings it back on the docket."""
    _must_sit(by, case.table)
    _open(case)
    if retry_on is None or retry_on <= timezone.localdate():
        raise TableError({"retry_on": _("Give a retry date in the future.")})
    case.status, case.retry_on = CaseStatus.DORMANT, retry_on
    case.save(update_fields=["status", "retry_on"])
    log_change(by, "table_dormant", household=case.household, fields="case_table",
               detail=f"case={case.pk} retry={retry_on.isoformat()}")
    return case


@transaction.atomic
def hand_to_team(case: TableCase, team: Team, *, unit: str, by: StaffProfile) -> Episode:
    """Route a household case to a wijkteam: a registration with the table as source."""
    _must_chair(by, case.table)
    _open(case)
    if case.subject != SubjectKind.HOUSEHOLD or case.household is None:
        raise TableError(_("Only a case about a household can be handed to a team."))
    if team.municipality_id != case.table.municipality_id:
        raise TableError({"team": _("This team belongs to another municipality.")})
    steps = ", ".join(str(StepKind(s.kind).label) for s in case.steps.all())
    episode = cases.register(by, cases.RegistrationInput(
        team=team, unit=unit, source=Source.CASE_TABLE, channel=Channel.SECURE_MAIL,
        referrer_name=case.table.name, referrer_organisation=case.table.kind_label,
        referrer_contact=case.table.chair.display_name,
        description=_("Handed over by case table %(table)s, case %(number)d. "
                      "Discussed: %(steps)s. Concern: %(concern)s") % {
            "table": case.table.name, "number": case.number, "steps": steps or "-",
            "concern": case.concern or "-"}), household=case.household)
    case.handed_to, case.episode = team, episode
    case.save(update_fields=["handed_to", "episode"])
    log_change(by, "table_handed_over", household=case.household, fields="case_table",
               detail=f"case={case.pk} team={team.pk} episode={episode.pk}")
    return episode


def _history_may_travel(case: TableCase, target: CaseTable) -> bool:
    """Step texts go along unless they were written where the person was known and the
    target table's members may not all know who it is."""
    if case.household is None or not case.identified:
        return True
    orgs = member_organisations(target)
    return all(org_may_know(target, case.household, o) for o in orgs)


@transaction.atomic
def hand_to_table(case: TableCase, target: CaseTable, *, by: StaffProfile) -> TableCase:
    """Escalate or hand a case to another table, with its history; the case closes here."""
    _must_chair(by, case.table)
    _open(case)
    if target.pk == case.table_id or target.municipality_id != case.table.municipality_id:
        raise TableError({"target": _("Choose another table of this municipality.")})
    household = case.household
    number = (target.cases.aggregate(n=Max("number"))["n"] or 0) + 1
    moved = TableCase.objects.create(
        table=target, number=number, subject=case.subject, household=household,
        pseudonym=pseudonym(target.key, household) if household is not None else "",
        basis=_basis(target, household) if household is not None else "",
        building=case.building, vulnerability=case.vulnerability, concern=case.concern,
        brought_by=by, brought_at=timezone.now())
    travels = _history_may_travel(case, target)
    CaseStep.objects.bulk_create(
        CaseStep(case=moved, kind=step.kind, answers=step.answers if travels else {},
                 recorded_by=step.recorded_by, recorded_at=step.recorded_at)
        for step in case.steps.all())
    case.status, case.closed_at = CaseStatus.CLOSED, timezone.now()
    case.problem_owner = target.name
    case.save(update_fields=["status", "closed_at", "problem_owner"])
    case.agreements.filter(status=AgreementStatus.OPEN).update(status=AgreementStatus.CANCELLED)
    log_change(by, "table_case_moved", household=household, fields="case_table",
               detail=f"case={case.pk} to={moved.pk} history={'yes' if travels else 'no'}")
    return moved


@dataclass
class Closure:
    problem_owner: str = ""
    what_worked: str = ""
    satisfied: str = ""
    alert_who: str = ""
    learnings: str = ""


@transaction.atomic
def close_case(case: TableCase, closure: Closure, *, by: StaffProfile) -> TableCase:
    _must_chair(by, case.table)
    _open(case)
    if not closure.problem_owner.strip():
        raise TableError({"problem_owner": _("Say who owns the problem now.")})
    for name in ("problem_owner", "what_worked", "satisfied", "alert_who", "learnings"):
        setattr(case, name, getattr(closure, name).strip())
    case.status, case.closed_at = CaseStatus.CLOSED, timezone.now()
    case.save()
    case.agreements.filter(status=AgreementStatus.OPEN).update(status=AgreementStatus.CANCELLED)
    log_change(by, "table_case_closed", household=case.household, fields="case_table",
               detail=f"case={case.pk}")
    return case


@transaction.atomic
def plan_meeting(table: CaseTable, held_on: dt.date | None, *, by: StaffProfile) -> Meeting:
    _must_chair(by, table)
    if held_on is None:
        raise TableError({"held_on": _("Give the date of the meeting.")})
    meeting = Meeting.objects.create(table=table, held_on=held_on)
    log_change(by, "table_meeting", fields="case_table", detail=f"meeting={meeting.pk}")
    return meeting


@transaction.atomic
def record_minutes(meeting: Meeting, *, by: StaffProfile, minutes: str,
                   present: list[StaffProfile]) -> Meeting:
    _must_chair(by, meeting.table)
    meeting.minutes = minutes.strip()
    meeting.save(update_fields=["minutes"])
    meeting.present.set([p for p in present if sits_at(p, meeting.table)])
    log_change(by, "table_minutes", fields="case_table", detail=f"meeting={meeting.pk}")
    return meeting
