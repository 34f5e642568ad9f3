"""Case-table pages. Thin: parse input, call a service, render.

Every page is for members (and the chair) of the table only; a case is always
named through ``queries.label`` so nothing identifying reaches a viewer
without a basis.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from schakel.people.models import Household
from schakel.privacy.access import log_read
from schakel.tables import queries, services
from schakel.tables.constants import STEP_QUESTIONS, CaseStatus, StepKind
from schakel.tables.forms import (
    AgreementForm,
    BringForm,
    CloseForm,
    DormantForm,
    HandoverForm,
    MeetingForm,
    MemberForm,
    MinutesForm,
    MoveForm,
    ResultForm,
    StepForm,
    TableForm,
)
from schakel.tables.models import Agreement, CaseTable, Meeting, TableCase
from schakel.tenancy.constants import TEAM_ROLES, Role
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import add_service_errors, error_summary
from schakel.web.permissions import no_access, staff_of

View = Callable[..., HttpResponse]


def may_create_table(staff: StaffProfile) -> bool:
    wanted = {str(r) for r in (*TEAM_ROLES, Role.PARTNER)}
    return any(staff.has_role(r) for r in wanted)


def table_staff(view: View) -> View:
    """Login and a staff profile; the view itself checks the seat at the table."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        staff = staff_of(request)
        if staff is None:
            return no_access(request, staff)
        return view(request, staff, *args, **kwargs)

    return wrapper


def _table(staff: StaffProfile, pk: int) -> CaseTable | None:
    table = get_object_or_404(CaseTable.objects.select_related("chair", "covenant"), pk=pk)
    return table if queries.sits_at(staff, table) else None


def _case(staff: StaffProfile, pk: int) -> TableCase | None:
    case = get_object_or_404(TableCase.objects.select_related("table", "household"), pk=pk)
    return case if queries.sits_at(staff, case.table) else None


def _members(table: CaseTable) -> Any:
    return StaffProfile.objects.filter(table_seats__table=table).order_by("display_name")


@table_staff
def index(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    tables = list(queries.my_tables(staff).select_related("chair"))
    return render(request, "tables/index.html", {
        "tables": tables, "may_create": may_create_table(staff), "nav": "tables",
        "signals": queries.my_agreement_signals(staff)})


@table_staff
def create(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    if not may_create_table(staff):
        return no_access(request, staff)
    form = TableForm(request.POST or None, municipality_id=staff.municipality_id,
                     initial={"chair": staff})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            table = services.create_table(staff, services.TableInput(
                name=d["name"], kind=d["kind"], kind_other=d["kind_other"], chair=d["chair"],
                cadence=d["cadence"], area=d["area"], target_group=d["target_group"],
                handles=d["handles"], covenant=d["covenant"],
                organisations=tuple(d["organisations"])))
        except services.TableError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Table %(name)s created.") % {"name": table.name})
            return redirect("tables:table", pk=table.pk)
    return render(request, "tables/create.html", {
        "form": form, "errors_summary": error_summary(form) if form.is_bound else None,
        "nav": "tables"}, status=400 if form.is_bound else 200)


@table_staff
def table_page(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    table = _table(staff, pk)
    if table is None:
        return no_access(request, staff)
    member_form = MemberForm(request.POST or None, municipality_id=staff.municipality_id)
    meeting_form = MeetingForm(prefix="meeting")
    if request.method == "POST" and member_form.is_valid():
        try:
            services.add_member(table, member_form.cleaned_data["staff"],
                                ring=member_form.cleaned_data["ring"], by=staff)
        except services.TableError as exc:
            add_service_errors(member_form, exc)
        else:
            return redirect("tables:table", pk=table.pk)
    docket = [queries.shown(staff, c) for c in queries.docket(table)]
    portfolio = [queries.shown(staff, c) for c in queries.portfolio(table)]
    closed = [queries.shown(staff, c) for c in table.cases.filter(status=CaseStatus.CLOSED)]
    return render(request, "tables/table.html", {
        "table": table, "docket": docket, "portfolio": portfolio, "closed": closed,
        "members": table.members.select_related("staff__organisation"),
        "organisations": queries.member_organisations(table),
        "meetings": table.meetings.all(), "is_chair": queries.is_chair(staff, table),
        "overlaps": [(queries.label(staff, o.case), o.other)
                     for o in queries.overlaps(staff, table)],
        "member_form": member_form, "meeting_form": meeting_form, "nav": "tables",
        "errors_summary": error_summary(member_form) if member_form.is_bound else None,
    }, status=400 if member_form.errors else 200)


@table_staff
def bring(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    table = _table(staff, pk)
    if table is None:
        return no_access(request, staff)
    # From the household page the reference is known: never ask for it again.
    form = BringForm(request.POST or None,
                     initial={"reference": request.GET.get("household", "")[:20]})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        household = Household.objects.filter(reference=d["reference"].strip()).first() \
            if d["reference"] else None
        try:
            case = services.bring_case(table, by=staff, subject=d["subject"],
                                       household=household, building=d["building"],
                                       vulnerability=d["vulnerability"], concern=d["concern"])
        except services.TableError as exc:
            add_service_errors(form, exc)
            if "household" in form.errors:
                form.add_error("reference", form.errors.pop("household"))
        else:
            messages.success(request, _("Case %(number)d is on the docket.")
                             % {"number": case.number})
            return redirect("tables:case", pk=case.pk)
    return render(request, "tables/bring.html", {
        "table": table, "form": form, "nav": "tables",
        "errors_summary": error_summary(form) if form.is_bound else None,
    }, status=400 if form.is_bound else 200)


def _case_page(request: HttpRequest, staff: StaffProfile, case: TableCase,
               failed: tuple[str, forms.Form] | None = None) -> HttpResponse:
    table = case.table
    log_read(staff, "table_case", household=case.household, detail=f"case={case.pk}")
    members = _members(table)
    context: dict[str, Any] = {
        "table": table, "case": case, "shown": queries.shown(staff, case),
        "is_chair": queries.is_chair(staff, table),
        "steps": [(s, [(str(lbl), s.answers[k]) for k, lbl in STEP_QUESTIONS[s.kind]
                       if k in s.answers]) for s in case.steps.select_related("recorded_by")],
        "agreements": [(a, ResultForm(prefix=f"result-{a.pk}", initial={"status": a.status}))
                       for a in case.agreements.select_related("owner")],
        "step_kinds": StepKind.choices,
        "step_forms": {k: StepForm(prefix=f"step-{k}", kind=k) for k in StepKind.values},
        "agreement_form": AgreementForm(prefix="agreement", owners=members),
        "dormant_form": DormantForm(prefix="dormant"),
        "handover_form": HandoverForm(prefix="handover",
                                      municipality_id=table.municipality_id),
        "close_form": CloseForm(prefix="close"),
        "move_form": MoveForm(prefix="move", table=table),
        "meetings": table.meetings.all()[:1],
        "nav": "tables",
    }
    status = 200
    if failed is not None:
        name, form = failed
        if name.startswith("step-"):
            context["step_forms"][name[5:]] = form
            context["open_step"] = name[5:]
        else:
            context[f"{name}_form"] = form
        context["errors_summary"] = error_summary(form)
        status = 400
    context["step_forms"] = [(k, str(lbl), context["step_forms"][k])
                             for k, lbl in StepKind.choices]
    return render(request, "tables/case.html", context, status=status)


def _latest_meeting(case: TableCase) -> Meeting | None:
    return case.table.meetings.order_by("-held_on", "-pk").first()


@table_staff
def case_page(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    case = _case(staff, pk)
    if case is None:
        return no_access(request, staff)
    if request.method != "POST":
        return _case_page(request, staff, case)
    action = request.POST.get("action", "")
    form: forms.Form
    try:
        if action.startswith("step-") and action[5:] in StepKind.values:
            form = StepForm(request.POST, prefix=action, kind=action[5:])
            if form.is_valid():
                services.record_step(case, action[5:], form.cleaned_data, by=staff,
                                     meeting=_latest_meeting(case))
        elif action == "agreement":
            form = AgreementForm(request.POST, prefix="agreement", owners=_members(case.table))
            if form.is_valid():
                d = form.cleaned_data
                services.make_agreement(case, by=staff, what=d["what"], owner=d["owner"],
                                        deadline=d["deadline"], meeting=_latest_meeting(case))
        elif action == "dormant":
            form = DormantForm(request.POST, prefix="dormant")
            if form.is_valid():
                services.make_dormant(case, by=staff, retry_on=form.cleaned_data["retry_on"])
        elif action == "handover":
            form = HandoverForm(request.POST, prefix="handover",
                                municipality_id=case.table.municipality_id)
            if form.is_valid():
                services.hand_to_team(case, form.cleaned_data["team"],
                                      unit=form.cleaned_data["unit"], by=staff)
        elif action == "move":
            form = MoveForm(request.POST, prefix="move", table=case.table)
            if form.is_valid():
                moved = services.hand_to_table(case, form.cleaned_data["target"], by=staff)
                messages.success(request, _("The case is now case %(number)d at %(table)s.")
                                 % {"number": moved.number, "table": moved.table.name})
                return redirect("tables:case", pk=case.pk)
        elif action == "close":
            form = CloseForm(request.POST, prefix="close")
            if form.is_valid():
                services.close_case(case, services.Closure(**form.cleaned_data), by=staff)
        else:
            return _case_page(request, staff, case)
    except (services.TableError, services.cases.CaseError) as exc:
        add_service_errors(form, exc)
    name = "step-" + action[5:] if action.startswith("step-") else action
    if form.errors:
        return _case_page(request, staff, case, (name, form))
    messages.success(request, _("Saved."))
    return redirect("tables:case", pk=case.pk)


@require_POST
@table_staff
def agreement_result(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    agreement = get_object_or_404(Agreement.objects.select_related("case__table"), pk=pk)
    case = agreement.case
    if not queries.sits_at(staff, case.table):
        return no_access(request, staff)
    form = ResultForm(request.POST, prefix=f"result-{agreement.pk}")
    if form.is_valid():
        try:
            services.record_result(agreement, by=staff, status=form.cleaned_data["status"],
                                   result=form.cleaned_data["result"],
                                   meeting=_latest_meeting(case))
        except services.TableError as exc:
            add_service_errors(form, exc)
    if form.errors:
        return _case_page(request, staff, case, (f"result-{agreement.pk}", form))
    messages.success(request, _("Result recorded."))
    return redirect("tables:case", pk=case.pk)


@require_POST
@table_staff
def new_meeting(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    table = _table(staff, pk)
    if table is None:
        return no_access(request, staff)
    form = MeetingForm(request.POST, prefix="meeting")
    if form.is_valid():
        try:
            meeting = services.plan_meeting(table, form.cleaned_data["held_on"], by=staff)
        except services.TableError as exc:
            messages.error(request, "; ".join(exc.messages))
        else:
            return redirect("tables:meeting", pk=meeting.pk)
    else:
        messages.error(request, _("Give the date of the meeting."))
    return redirect("tables:table", pk=table.pk)


def _meeting(staff: StaffProfile, pk: int) -> Meeting | None:
    meeting = get_object_or_404(Meeting.objects.select_related("table"), pk=pk)
    return meeting if queries.sits_at(staff, meeting.table) else None


@table_staff
def meeting_page(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    meeting = _meeting(staff, pk)
    if meeting is None:
        return no_access(request, staff)
    table = meeting.table
    form = MinutesForm(request.POST or None, members=_members(table),
                       initial={"minutes": meeting.minutes,
                                "present": list(meeting.present.all())})
    if request.method == "POST" and form.is_valid():
        try:
            services.record_minutes(meeting, by=staff, minutes=form.cleaned_data["minutes"],
                                    present=list(form.cleaned_data["present"]))
        except services.TableError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Minutes saved."))
            return redirect("tables:meeting", pk=meeting.pk)
    agenda = queries.agenda(meeting)
    present = set(meeting.present.values_list("pk", flat=True))
    absent = [a for a in queries.open_agreements(table)
              if present and a.owner_id not in present]
    return render(request, "tables/meeting.html", {
        "meeting": meeting, "table": table, "form": form,
        "is_chair": queries.is_chair(staff, table),
        "new": [queries.shown(staff, c) for c in agenda["new"]],
        "docket": [queries.shown(staff, c) for c in agenda["docket"]],
        "absent": [(a, queries.label(staff, a.case)) for a in absent],
        "errors_summary": error_summary(form) if form.errors else None, "nav": "tables",
    }, status=400 if form.errors else 200)


def _pack(staff: StaffProfile, meeting: Meeting) -> dict[str, Any]:
    table = meeting.table
    cases = [queries.shown(staff, c) for c in queries.docket(table)]
    log_read(staff, "table_pack", detail=f"meeting={meeting.pk}")
    return {"meeting": meeting, "table": table, "cases": cases, "reader": staff,
            "agreements": [(a, queries.label(staff, a.case))
                           for a in queries.open_agreements(table)]}


@table_staff
def pack(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    """The progress pack for the reader: every open case and agreement, as they may see it."""
    meeting = _meeting(staff, pk)
    if meeting is None:
        return no_access(request, staff)
    return render(request, "tables/pack.html", {**_pack(staff, meeting), "nav": "tables"})


@table_staff
def pack_pdf(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    meeting = _meeting(staff, pk)
    if meeting is None:
        return no_access(request, staff)
    from schakel.tables.pdf import render_pack

    response = HttpResponse(render_pack(_pack(staff, meeting)), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="voortgang-{meeting.pk}.pdf"'
    return response


@table_staff
def learnings(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    if not queries.my_tables(staff).exists():
        return no_access(request, staff)
    q = request.GET.get("q", "").strip()
    return render(request, "tables/learnings.html", {
        "q": q, "rows": queries.learnings(staff, q), "nav": "tables"})
