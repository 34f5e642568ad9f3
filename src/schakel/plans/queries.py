"""The read side of plans: versions, goals grouped for display, the network map."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from schakel.cases.models import Episode
from schakel.norms.constants import ObligationStatus
from schakel.norms.queries import obligations_for_episodes
from schakel.people.models import Household
from schakel.plans.constants import ActionStatus, VersionStatus
from schakel.plans.models import Goal, NetworkEntry, PlanAction, PlanVersion

PLAN_NORM = "plan"


def versions(household: Household) -> QuerySet[PlanVersion]:
    return PlanVersion.objects.filter(plan__household=household).select_related(
        "created_by", "signed_by", "agreed_recorded_by", "episode"
    ).order_by("-number")


def version(household: Household, number: int) -> PlanVersion | None:
    return versions(household).filter(number=number).first()


def latest(household: Household) -> PlanVersion | None:
    return versions(household).first()


def current(household: Household) -> PlanVersion | None:
    return versions(household).filter(status=VersionStatus.CURRENT).first()


def for_resident(household: Household) -> PlanVersion | None:
    """The version the resident gets: the current one, else the latest draft."""
    return current(household) or latest(household)


def goals(plan_version: PlanVersion) -> QuerySet[Goal]:
    actions = PlanAction.objects.select_related("network_entry").order_by("position", "pk")
    return plan_version.goals.select_related("person").prefetch_related(
        Prefetch("actions", queryset=actions)
    ).order_by("position", "pk")


def previous(plan_version: PlanVersion) -> PlanVersion | None:
    return PlanVersion.objects.filter(
        plan_id=plan_version.plan_id, number__lt=plan_version.number
    ).order_by("-number").first()


def network(household: Household, *, include_ended: bool = True) -> QuerySet[NetworkEntry]:
    entries = NetworkEntry.objects.filter(household=household).select_related(
        "related_to"
    ).order_by(
        "ended_on", "kind", "name"
    )
    return entries if include_ended else entries.filter(ended_on__isnull=True)


def evaluations_due(plan_version: PlanVersion, today: dt.date) -> list[PlanAction]:
    """Open actions whose evaluation date has come."""
    return list(
        PlanAction.objects.filter(
            goal__version=plan_version, evaluate_on__lte=today,
            status__in=[ActionStatus.PLANNED, ActionStatus.IN_PROGRESS],
        ).select_related("goal").order_by("evaluate_on")
    )


@dataclass(frozen=True)
class PlanDeadline:
    due_at: dt.datetime
    status: ObligationStatus


def plan_deadline(episode: Episode) -> PlanDeadline | None:
    """The 6-week plan norm for this episode, as the deadline signals judge it."""
    for item in obligations_for_episodes([episode]):
        if item.obligation.norm.code == PLAN_NORM:
            return PlanDeadline(item.obligation.due_at, item.status)
    return None
