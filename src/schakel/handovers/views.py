"""Handover pages: a household's handovers, and a team leader's incoming transfers.

Thin views: one POST is one service call, named by the ``action`` field; a
refused step comes back on the same page with the reason next to its field.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from schakel.cases import queries as case_queries
from schakel.cases.constants import OPEN_STATES, State
from schakel.cases.models import Episode, Event
from schakel.handovers import forms, queries, services
from schakel.handovers.timeline import HANDOVER_KINDS
from schakel.norms.calendar import add_months
from schakel.people.models import Household, Person
from schakel.privacy.access import can_work_in_team, involvement, log_read
from schakel.privacy.steps import record_step_privacy
from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import Organisation, StaffProfile, Team
from schakel.web.forms.actions import EventForm
from schakel.web.forms.base import add_service_errors, error_summary
from schakel.web.permissions import casework_view


@dataclass(frozen=True)
class Step:
    action: str
    title: Promise
    button: Promise
    done: Promise


STEPS = {s.action: s for s in (
    Step("transfer", gettext_lazy("Transfer to another team"),
         gettext_lazy("Request transfer"),
         gettext_lazy("Transfer requested. Your team keeps direction until it is accepted.")),
    Step("meeting", gettext_lazy("Warm handover meeting"), gettext_lazy("Record meeting"),
         gettext_lazy("Handover meeting recorded.")),
    Step("protection", gettext_lazy("Youth protection (Jeugdbeschermingsplein)"),
         gettext_lazy("Record decision"), gettext_lazy("Decision recorded.")),
    Step("protection_end", gettext_lazy("Scale back from youth protection to the team"),
         gettext_lazy("Record scaling back"),
         gettext_lazy("Direction is back with the team.")),
    Step("transition", gettext_lazy("Transition to adult help (18th birthday)"),
         gettext_lazy("Record transition step"), gettext_lazy("Transition step recorded.")),
)}


def _young_people(household: Household, today: dt.date, months: int) -> Any:
    """Members who turn 18 within the signal window or did so in the past year."""
    horizon = add_months(today, months)
    ids = [p.pk for p in Person.objects.filter(memberships__household=household,
                                               birth_date__isnull=False)
           if p.birth_date is not None
           and today - dt.timedelta(days=366)
           <= services.eighteenth_birthday(p.birth_date) <= horizon]
    return Person.objects.filter(pk__in=ids).order_by("birth_date")


def _offered(episode: Episode, household: Household, months: int) -> list[str]:
    """The handover steps the episode's state allows now."""
    if episode.state == State.ENDED:
        return []
    if episode.state == State.AFTERCARE:
        return ["meeting"]
    pending = services.pending_request(episode) is not None
    steps = []
    if not pending and episode.director_organisation_id is None:
        steps.append("transfer")
    steps.append("meeting")
    if episode.unit == UnitKind.YOUTH and episode.state in (State.WAITING, State.ACTIVE):
        if episode.director_organisation_id is not None:
            steps.append("protection_end")
        elif not pending:
            steps.append("protection")
    if _young_people(household, timezone.localdate(), months).exists():
        steps.append("transition")
    return steps


def _form(action: str, episode: Episode, household: Household, months: int,
          data: Any = None) -> EventForm:
    staff = case_queries.assignable_staff(episode.team_id)
    common: dict[str, Any] = {"prefix": action, "team_staff": staff}
    if action == "transfer":
        teams = Team.objects.filter(municipality_id=episode.team.municipality_id).exclude(
            pk=episode.team_id)
        return forms.TransferForm(data, teams=teams, **common)
    if action == "meeting":
        return forms.MeetingForm(data, **common)
    if action == "protection":
        mid = episode.team.municipality_id
        orgs = Organisation.objects.filter(Q(municipality_id=mid) | Q(municipality__isnull=True))
        return forms.ProtectionForm(data, organisations=orgs.order_by("name"), **common)
    if action == "protection_end":
        return forms.WorkerBackForm(data, **common)
    return forms.TransitionForm(
        data, persons=_young_people(household, timezone.localdate(), months), **common)


def _perform(action: str, episode: Episode, form: EventForm, by: StaffProfile) -> Event:
    d, timing = form.cleaned_data, form.timing()
    note = d.get("note", "")
    if action == "transfer":
        return services.request_transfer(episode, d["to_team"], by=by, reason=d["reason"],
                                         note=note, **timing)
    if action == "meeting":
        return services.record_handover_meeting(
            episode, by=by, participants=d["participants"],
            resident_present=d["resident_present"], note=note, **timing)
    if action == "protection":
        return services.decide_youth_protection(
            episode, by=by, measure=d["measure"], institution=d["institution"],
            team_role=d["team_role"] or "none", note=note, **timing)
    if action == "protection_end":
        return services.end_youth_protection(episode, d["worker"], by=by, note=note, **timing)
    return services.plan_adult_transition(
        episode, d["person"], by=by, adult_worker=d["adult_worker"],
        adult_unit_takes_over=d["adult_unit_takes_over"], note=note, **timing)


@casework_view
def household(request: HttpRequest, staff: StaffProfile, reference: str) -> HttpResponse:
    item = Household.objects.filter(reference=reference, merged_into__isnull=True).first()
    access = involvement(staff, item) if item is not None else None
    if item is None or access is None:
        raise Http404
    episode = case_queries.current_episode(item)
    may_act = episode is not None and can_work_in_team(staff, episode.team_id)
    months = queries.months_ahead(item.team.municipality_id, timezone.localdate())
    offered = _offered(episode, item, months) if episode is not None and may_act else []
    failed: tuple[str, EventForm] | None = None
    if request.method == "POST":
        action = request.POST.get("action", "")
        if episode is None or action not in offered:
            messages.error(request, _("This step is not possible now."))
            return redirect("handovers:household", reference=reference)
        form = _form(action, episode, item, months, request.POST)
        if form.is_valid():
            try:
                with transaction.atomic():
                    event = _perform(action, episode, form, staff)
                    record_step_privacy(staff, item, event,
                                        category=form.cleaned_data.get("category") or "",
                                        action=f"step:{action}", fields="episode events")
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, str(STEPS[action].done))
                return redirect("handovers:household", reference=reference)
        failed = (action, form)
    log_read(staff, "handovers_view", household=item, purpose=access.purpose,
             fields="household handovers: members turning 18, consents, handover events")
    step_forms = []
    for action in offered:
        if failed is not None and failed[0] == action:
            step_forms.append((STEPS[action], failed[1], True))
        elif episode is not None:
            step_forms.append((STEPS[action], _form(action, episode, item, months), False))
    events = (episode.events.filter(kind__in=HANDOVER_KINDS).order_by("seq")
              if episode is not None else Event.objects.none())
    context = {
        "household": item,
        "episode": episode,
        "may_act": may_act,
        "pending": services.pending_request(episode) if episode is not None else None,
        "step_forms": step_forms,
        "renewals": queries.consents_to_renew(item, months=months),
        "months": months,
        "events": events,
        "errors_summary": error_summary(failed[1] if failed else None),
    }
    return render(request, "handovers/household.html", context,
                  status=400 if failed else 200)


def _incoming_page(request: HttpRequest, staff: StaffProfile,
                   failed: tuple[int, str, Any] | None = None) -> HttpResponse:
    rows = []
    for item in queries.incoming_transfers(staff):
        pk = item.episode.pk
        team_id = services.receiving_team(item.request).pk
        accept = forms.AcceptForm(prefix="accept", auto_id=f"id_%s_{pk}",
                                  team_staff=case_queries.assignable_staff(team_id))
        refuse = forms.RefuseForm(prefix="refuse", auto_id=f"id_%s_{pk}")
        if failed is not None and failed[0] == pk:
            accept, refuse = (failed[2], refuse) if failed[1] == "accept" else (accept,
                                                                                 failed[2])
        rows.append((item, accept, refuse))
    log_read(staff, "incoming_transfers",
             detail=", ".join(r[0].episode.reference for r in rows))
    return render(request, "handovers/incoming.html", {
        "rows": rows, "nav": "incoming",
        "errors_summary": error_summary(failed[2] if failed else None),
    }, status=400 if failed else 200)


@casework_view
def incoming(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    """Transfers waiting for the teams this person leads: references, never names."""
    return _incoming_page(request, staff)


@require_POST
@casework_view
def answer(request: HttpRequest, staff: StaffProfile, pk: int) -> HttpResponse:
    episode = get_object_or_404(Episode, pk=pk, state__in=OPEN_STATES)
    request_event = services.pending_request(episode)
    if request_event is None:
        raise Http404
    team = services.receiving_team(request_event)
    if not services.leads(staff, team.pk):
        raise Http404
    action = request.POST.get("action", "")
    form: forms.AcceptForm | forms.RefuseForm
    if action == "accept":
        form = forms.AcceptForm(request.POST, prefix="accept", auto_id=f"id_%s_{pk}",
                                team_staff=case_queries.assignable_staff(team.pk))
    else:
        action = "refuse"
        form = forms.RefuseForm(request.POST, prefix="refuse", auto_id=f"id_%s_{pk}")
    if form.is_valid():
        d = form.cleaned_data
        try:
            with transaction.atomic():
                if action == "accept":
                    event = services.accept_transfer(episode, by=staff, worker=d["worker"],
                                                     note=d["note"])
                else:
                    event = services.refuse_transfer(episode, by=staff, reason=d["reason"])
                record_step_privacy(staff, episode.household, event, category="",
                                    action=f"step:transfer_{action}", fields="episode events")
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if action == "accept":
                messages.success(request, _("Transfer accepted: household %(ref)s is now "
                                            "with your team.") % {"ref": episode.reference})
                return redirect("web:household", reference=episode.household.reference)
            messages.success(request, _("Transfer refused; the sending team keeps the "
                                        "household."))
            return redirect("handovers:incoming")
    return _incoming_page(request, staff, (pk, action, form))
