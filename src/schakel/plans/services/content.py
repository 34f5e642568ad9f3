"""Drafting a plan: versions, the household's own words, goals and actions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schakel.assessment.constants import LifeArea
from schakel.cases.services import CaseError
from schakel.people.models import Household, Person
from schakel.people.services import new_external_id
from schakel.plans.authority import goal_for_minor_refusal
from schakel.plans.constants import (
    ActionStatus,
    Resource,
    VersionStatus,
)
from schakel.plans.models import (
    Goal,
    NetworkEntry,
    PlanAction,
    PlanVersion,
    SupportPlan,
)
from schakel.plans.services.common import check_may_record, editable, open_episode
from schakel.security.concurrency import Seen, bump, check_revision
from schakel.tenancy.models import StaffProfile


@transaction.atomic
def new_version(household: Household, *, by: StaffProfile) -> PlanVersion:
    """The first draft of the plan, or a new draft copied from the latest version."""
    check_may_record(by, household)
    episode = open_episode(household)
    plan, _created = SupportPlan.objects.get_or_create(
        household=household, defaults={"external_id": new_external_id("plan")}
    )
    plan = SupportPlan.objects.select_for_update().get(pk=plan.pk)
    if plan.versions.filter(status=VersionStatus.DRAFT).exists():
        raise CaseError(_("There is a draft already: change that one."))
    latest = plan.versions.order_by("-number").first()
    version = PlanVersion.objects.create(
        plan=plan, number=(latest.number + 1) if latest else 1, episode=episode,
        summary=latest.summary if latest else "",
        internal_note=latest.internal_note if latest else "", created_by=by,
    )
    if latest is not None:
        _copy_content(latest, version)
    return version


def _copy_content(source: PlanVersion, target: PlanVersion) -> None:
    for goal in source.goals.prefetch_related("actions"):
        actions = list(goal.actions.all())
        goal.pk, goal.version = None, target
        goal.save()
        for action in actions:
            action.pk, action.goal = None, goal
            action.save()


SUMMARY_FIELDS = {"summary": gettext_lazy("what the household wants to achieve"),
                  "internal_note": gettext_lazy("internal note")}


@transaction.atomic
def update_summary(version: PlanVersion, *, by: StaffProfile, summary: str,
                   internal_note: str, seen: Seen | None = None) -> PlanVersion:
    """Save the draft's text; refused when someone else saved it after ``seen``."""
    version = editable(version, by)
    check_revision(version, seen, SUMMARY_FIELDS)
    version.summary, version.internal_note = summary.strip(), internal_note.strip()
    bump(version)
    version.save(update_fields=["summary", "internal_note", "revision"])
    return version


@dataclass
class GoalInput:
    life_area: str
    text: str
    person: Person | None = None
    internal_note: str = ""


def _check_goal(version: PlanVersion, data: GoalInput, by: StaffProfile) -> None:
    household = version.plan.household
    errors: dict[str, str] = {}
    if data.life_area not in LifeArea.values:
        errors["life_area"] = _("Choose the life area of the goal.")
    if not data.text.strip():
        errors["text"] = _("Describe the goal.")
    if data.person is not None and not household.members.filter(person=data.person).exists():
        errors["person"] = _("This person is not a member of the household.")
    if errors:
        raise CaseError(errors)
    _check_minor(by, data.person, household)


def _check_minor(by: StaffProfile, person: Person | None, household: Household) -> None:
    refusal = goal_for_minor_refusal(by, person, household, timezone.localdate())
    if refusal:
        raise CaseError(refusal)


@transaction.atomic
def add_goal(version: PlanVersion, data: GoalInput, *, by: StaffProfile) -> Goal:
    version = editable(version, by)
    _check_goal(version, data, by)
    top = version.goals.aggregate(top=Max("position"))["top"]
    return Goal.objects.create(
        version=version, life_area=data.life_area, person=data.person, text=data.text.strip(),
        internal_note=data.internal_note.strip(), position=(top or 0) + 1,
    )


@transaction.atomic
def update_goal(goal: Goal, data: GoalInput, *, by: StaffProfile) -> Goal:
    version = editable(goal.version, by)
    _check_minor(by, goal.person, version.plan.household)
    _check_goal(version, data, by)
    goal.life_area, goal.person, goal.text = data.life_area, data.person, data.text.strip()
    goal.internal_note = data.internal_note.strip()
    goal.save()
    return goal


@transaction.atomic
def remove_goal(goal: Goal, *, by: StaffProfile) -> None:
    version = editable(goal.version, by)
    _check_minor(by, goal.person, version.plan.household)
    goal.delete()


@dataclass
class ActionInput:
    text: str
    resource: str
    owner: str
    evaluate_on: dt.date | None
    status: str = ActionStatus.PLANNED
    network_entry: NetworkEntry | None = None
    internal_note: str = ""


def _check_action(goal: Goal, data: ActionInput, by: StaffProfile) -> None:
    household = goal.version.plan.household
    _check_minor(by, goal.person, household)
    errors: dict[str, str] = {}
    if not data.text.strip():
        errors["text"] = _("Describe what will be done.")
    if data.resource not in Resource.values:
        errors["resource"] = _("Choose who carries this action: own strength first.")
    if not data.owner.strip():
        errors["owner"] = _("Say who does it.")
    if data.evaluate_on is None:
        errors["evaluate_on"] = _("Choose when the action is evaluated.")
    if data.status not in ActionStatus.values:
        errors["status"] = _("Choose a status.")
    if data.network_entry is not None and data.network_entry.household_id != household.pk:
        errors["network_entry"] = _("Choose someone from this household's network map.")
    if errors:
        raise CaseError(errors)


@transaction.atomic
def add_action(goal: Goal, data: ActionInput, *, by: StaffProfile) -> PlanAction:
    editable(goal.version, by)
    _check_action(goal, data, by)
    assert data.evaluate_on is not None
    top = goal.actions.aggregate(top=Max("position"))["top"]
    return PlanAction.objects.create(
        goal=goal, text=data.text.strip(), resource=data.resource, owner=data.owner.strip(),
        network_entry=data.network_entry, evaluate_on=data.evaluate_on, status=data.status,
        internal_note=data.internal_note.strip(), position=(top or 0) + 1,
    )


@transaction.atomic
def update_action(action: PlanAction, data: ActionInput, *, by: StaffProfile) -> PlanAction:
    editable(action.goal.version, by)
    _check_action(action.goal, data, by)
    assert data.evaluate_on is not None
    action.text, action.resource, action.owner = data.text.strip(), data.resource, \
        data.owner.strip()
    action.network_entry, action.evaluate_on, action.status = data.network_entry, \
        data.evaluate_on, data.status
    action.internal_note = data.internal_note.strip()
    action.save()
    return action


@transaction.atomic
def remove_action(action: PlanAction, *, by: StaffProfile) -> None:
    editable(action.goal.version, by)
    _check_minor(by, action.goal.person, action.goal.version.plan.household)
    action.delete()


@transaction.atomic
def set_action_status(action: PlanAction, status: str, *, by: StaffProfile) -> PlanAction:
    """Progress on the current plan (or a draft): only the status, never the agreed content."""
    version = action.goal.version
    check_may_record(by, version.plan.household)
    if version.status == VersionStatus.SUPERSEDED:
        raise CaseError(_("This version has been replaced; update the current one."))
    if status not in ActionStatus.values:
        raise CaseError({"status": _("Choose a status.")})
    action.status = status
    action.save(update_fields=["status"])
    return action
