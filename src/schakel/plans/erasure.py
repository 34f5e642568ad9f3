"""Retention: erase the free text of a household's plans and network map.

Codes (life areas, resources, statuses, dates) stay, so figures on plans stay
the same; every text a person wrote about the household is replaced.
"""

from __future__ import annotations

from schakel.people.models import Household
from schakel.plans.models import Goal, NetworkEntry, PlanAction, PlanVersion, SpecialistReferral
from schakel.privacy.constants import ERASED


def erase_plans(household: Household) -> int:
    versions = PlanVersion.objects.filter(plan__household=household)
    touched = versions.update(summary=ERASED, internal_note="")
    goals = Goal.objects.filter(version__plan__household=household)
    touched += goals.update(text=ERASED, internal_note="")
    touched += PlanAction.objects.filter(goal__in=goals).update(
        text=ERASED, owner=ERASED, internal_note=""
    )
    touched += NetworkEntry.objects.filter(household=household).update(
        name=ERASED, role=ERASED, contact="", note=""
    )
    touched += SpecialistReferral.objects.filter(household=household).update(reason=ERASED)
    return touched
