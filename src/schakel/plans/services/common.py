"""Checks shared by the plan services."""

from __future__ import annotations

from django.utils.translation import gettext as _

from schakel.assessment.access import may_record
from schakel.cases.models import Episode
from schakel.cases.services import CaseError
from schakel.people.models import Household
from schakel.plans.constants import VersionStatus
from schakel.plans.models import PlanVersion
from schakel.tenancy.models import StaffProfile


def check_may_record(by: StaffProfile, household: Household) -> None:
    if not may_record(by, household):
        raise CaseError(_("Only the team that handles this household works on its plan."))


def open_episode(household: Household) -> Episode:
    episode = household.episodes.filter(closed_at__isnull=True).select_related("team").first()
    if episode is None:
        raise CaseError(_("The household has no open episode: register a new signal first."))
    return episode


def editable(version: PlanVersion, by: StaffProfile) -> PlanVersion:
    version = PlanVersion.objects.select_for_update().select_related(
        "plan__household", "episode"
    ).get(pk=version.pk)
    check_may_record(by, version.plan.household)
    if version.status != VersionStatus.DRAFT or version.is_frozen:
        raise CaseError(_("This version has been agreed or signed and cannot change. "
                          "Start a new version to change the plan."))
    if version.episode.closed_at is not None:
        raise CaseError(_("The episode of this draft is closed; start a new version."))
    return version
