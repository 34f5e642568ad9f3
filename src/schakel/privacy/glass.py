"""Break-the-glass: access outside involvement with a written reason, for a short time.

The grant alerts the team leaders of the household's team and the privacy
officers, and waits in a review queue until one of them judges it.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.people.models import Household
from schakel.privacy import notify
from schakel.privacy.access import (
    has_casework_role,
    is_privacy_officer,
    led_team_ids,
    log_change,
    privacy_officers,
)
from schakel.privacy.constants import (
    EMERGENCY_DURATION,
    EMERGENCY_REASON_MIN_LENGTH,
    Verdict,
)
from schakel.privacy.errors import PrivacyError
from schakel.privacy.models import EmergencyAccess
from schakel.tenancy.models import StaffProfile


def may_request(staff: StaffProfile) -> bool:
    return has_casework_role(staff)


def household_team_id(household: Household) -> int:
    latest = household.episodes.order_by("-number").first()
    return latest.team_id if latest else household.team_id


@transaction.atomic
def request_access(staff: StaffProfile, household: Household, reason: str) -> EmergencyAccess:
    """Grant time-limited access; the reason is required and reviewed later."""
    if not may_request(staff) or household.team.municipality_id != staff.municipality_id:
        raise PrivacyError(_("You cannot request emergency access to this household."))
    reason = reason.strip()
    if len(reason) < EMERGENCY_REASON_MIN_LENGTH:
        raise PrivacyError({"reason": _(
            "Write down why you need access now, in at least %(n)d characters."
        ) % {"n": EMERGENCY_REASON_MIN_LENGTH}})
    now = timezone.now()
    grant = EmergencyAccess.objects.create(
        staff=staff, household=household, reason=reason, granted_at=now,
        expires_at=now + EMERGENCY_DURATION,
    )
    log_change(staff, "break_the_glass", household=household, fields="household",
               purpose=f"emergency: {reason}", detail=f"grant={grant.pk}")
    transaction.on_commit(lambda: notify.emergency_granted(grant))
    return grant


def reviewers(household: Household) -> list[StaffProfile]:
    """Team leaders of the household's team and the municipality's privacy officers."""
    leaders = StaffProfile.objects.filter(
        memberships__team_id=household_team_id(household), memberships__role="team_leader"
    ).distinct()
    found = {s.pk: s for s in leaders}
    for officer in privacy_officers(household.team.municipality_id):
        found.setdefault(officer.pk, officer)
    return list(found.values())


def queue(staff: StaffProfile) -> QuerySet[EmergencyAccess]:
    """The grants ``staff`` reviews: all in the municipality for a privacy officer,
    those on their teams' households for a team leader."""
    grants = EmergencyAccess.objects.filter(
        household__team__municipality_id=staff.municipality_id
    ).select_related("staff", "household", "household__team", "reviewed_by")
    if is_privacy_officer(staff):
        return grants
    teams = led_team_ids(staff)
    if not teams:
        return grants.none()
    return grants.filter(
        Q(household__team_id__in=teams) | Q(household__episodes__team_id__in=teams)
    ).exclude(staff=staff).distinct()


def pending_count(staff: StaffProfile) -> int:
    return queue(staff).filter(verdict=Verdict.PENDING).count()


@transaction.atomic
def review(grant: EmergencyAccess, *, by: StaffProfile, verdict: str, note: str) -> EmergencyAccess:
    if not queue(by).filter(pk=grant.pk).exists():
        raise PrivacyError(_("You cannot review this access."))
    grant = EmergencyAccess.objects.select_for_update().get(pk=grant.pk)
    if grant.verdict:
        raise PrivacyError(_("This access has already been reviewed."))
    if verdict not in (Verdict.JUSTIFIED, Verdict.NOT_JUSTIFIED):
        raise PrivacyError({"verdict": _("Choose whether the access was justified.")})
    if verdict == Verdict.NOT_JUSTIFIED and not note.strip():
        raise PrivacyError({"note": _("Explain why the access was not justified.")})
    now = timezone.now()
    grant.verdict, grant.review_note, grant.reviewed_by, grant.reviewed_at = (
        verdict, note.strip(), by, now)
    if verdict == Verdict.NOT_JUSTIFIED and grant.expires_at > now:
        grant.expires_at = now  # an unjustified access ends at once
    grant.save()
    log_change(by, "break_the_glass_reviewed", household=grant.household, fields="review",
               purpose="review of emergency access", detail=f"grant={grant.pk} {verdict}")
    return grant
