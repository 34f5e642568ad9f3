"""Child-safety checks of a youth episode: planned after a change, recorded when done."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.assessment.access import may_record
from schakel.assessment.constants import SafetyOccasion, SafetyOutcome
from schakel.assessment.models import ChildSafetyCheck
from schakel.cases import services as cases_services
from schakel.cases.constants import OPEN_STATES, EventKind
from schakel.cases.models import Episode
from schakel.cases.services import CaseError
from schakel.people.services import new_external_id
from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import StaffProfile


def _youth_episode(episode: Episode) -> Episode:
    locked = Episode.objects.select_for_update().select_related("team", "household").get(
        pk=episode.pk
    )
    if locked.unit != UnitKind.YOUTH:
        raise CaseError(_("Child-safety checks belong to youth cases."))
    if locked.state not in OPEN_STATES:
        raise CaseError(_("The episode is closed; a check can no longer be recorded."))
    return locked


@transaction.atomic
def plan_safety_check(
    episode: Episode, *, by: StaffProfile, due_on: dt.date, reason: str
) -> ChildSafetyCheck:
    """A change of situation: a child-safety check becomes due on ``due_on``."""
    episode = _youth_episode(episode)
    if not may_record(by, episode.household):
        raise CaseError(_("Only the team that handles this household records its analysis."))
    errors: dict[str, str] = {}
    if not reason.strip():
        errors["reason"] = _("Say what changed in the situation.")
    if due_on < timezone.localdate(episode.registered_at):
        errors["due_on"] = _("The date lies before the registration.")
    if errors:
        raise CaseError(errors)
    return ChildSafetyCheck.objects.create(
        episode=episode, occasion=SafetyOccasion.CHANGE, due_on=due_on,
        reason=reason.strip()[:300], planned_by=by, external_id=new_external_id("safety"),
    )


def _occurred_at(episode: Episode, done_on: dt.date) -> dt.datetime | None:
    """When the check counts as done: now if today, else midday of that day (local)."""
    if done_on == timezone.localdate():
        return None
    midday = dt.datetime.combine(done_on, dt.time(12), tzinfo=timezone.get_current_timezone())
    return max(midday, episode.registered_at)


@transaction.atomic
def record_safety_check(
    episode: Episode, *, by: StaffProfile, occasion: str, done_on: dt.date, outcome: str,
    note: str = "", backdate_reason: str = "",
) -> ChildSafetyCheck:
    """A child-safety check done; also an event on the episode, so the norm counts it."""
    episode = _youth_episode(episode)
    if not may_record(by, episode.household):
        raise CaseError(_("Only the team that handles this household records its analysis."))
    errors: dict[str, str] = {}
    if occasion not in SafetyOccasion.values:
        errors["occasion"] = _("Choose why the check is done.")
    if outcome not in SafetyOutcome.values:
        errors["outcome"] = _("Choose the outcome of the check.")
    if done_on > timezone.localdate():
        errors["done_on"] = _("The date lies in the future.")
    elif done_on < timezone.localdate(episode.registered_at):
        errors["done_on"] = _("The date lies before the registration.")
    if errors:
        raise CaseError(errors)
    pending = None
    if occasion == SafetyOccasion.CHANGE:  # fills the earliest planned check after a change
        pending = ChildSafetyCheck.objects.filter(
            episode=episode, occasion=occasion, done_on__isnull=True
        ).order_by("due_on", "pk").first()
    check = pending or ChildSafetyCheck(
        episode=episode, occasion=occasion, external_id=new_external_id("safety")
    )
    check.done_on, check.outcome, check.note, check.done_by = done_on, outcome, note.strip(), by
    check.save()
    kind = getattr(EventKind, "CHILD_SAFETY_CHECK", None)
    if kind is not None:  # counted by the child_safety_check norm once the kind exists
        cases_services.record(
            episode, kind, by=by, occurred_at=_occurred_at(episode, done_on),
            backdate_reason=backdate_reason, note=note.strip(), occasion=occasion,
            outcome=outcome, check=check.external_id,
        )
    return check
