"""Specialist care only with a current plan."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from schakel.cases import services as cases_services
from schakel.cases.constants import EventKind
from schakel.cases.services import CaseError
from schakel.people.models import Household
from schakel.people.services import new_external_id
from schakel.plans.constants import CareKind, VersionStatus
from schakel.plans.models import PlanVersion, SpecialistReferral
from schakel.plans.services.common import check_may_record
from schakel.tenancy.models import StaffProfile


def require_current_plan(household: Household) -> PlanVersion:
    """The current plan of the household's open episode, or a CaseError saying what is missing.

    Specialist care is never used without a plan (DOMAIN.md §2, step 9): the
    referral services call this first.
    """
    episode = household.episodes.filter(closed_at__isnull=True).first()
    if episode is None:
        raise CaseError(_("The household has no open episode, so it has no current plan."))
    current = PlanVersion.objects.filter(
        plan__household=household, status=VersionStatus.CURRENT, episode=episode
    ).first()
    if current is not None:
        return current
    draft = PlanVersion.objects.filter(
        plan__household=household, status=VersionStatus.DRAFT
    ).first()
    if draft is not None:
        missing = []
        if draft.agreed_on is None:
            missing.append(_("the resident's agreement"))
        if draft.signed_at is None:
            missing.append(_("a team leader's signature"))
        raise CaseError(
            _("A referral to specialist care needs a current support plan. The draft plan "
              "still lacks %(missing)s.") % {"missing": _(" and ").join(missing)}
        )
    raise CaseError(
        _("A referral to specialist care needs a current support plan, and this household has "
          "none in this episode. Draft the plan, agree it with the resident and have it signed "
          "first.")
    )


@transaction.atomic
def request_specialist_referral(
    household: Household, *, by: StaffProfile, care: str, reason: str, provider: str = ""
) -> SpecialistReferral:
    """Scale up to specialist care: refused without a current plan."""
    check_may_record(by, household)
    plan = require_current_plan(household)
    errors: dict[str, str] = {}
    if care not in CareKind.values:
        errors["care"] = _("Choose the kind of care.")
    if not reason.strip():
        errors["reason"] = _("Say why this care is needed.")
    if errors:
        raise CaseError(errors)
    referral = SpecialistReferral.objects.create(
        household=household, episode=plan.episode, plan_version=plan, care=care,
        provider=provider.strip(), reason=reason.strip(), requested_by=by,
        external_id=new_external_id("referral"),
    )
    cases_services.record(
        plan.episode, EventKind.SCALED_UP, by=by,
        note=_("Referral to %(care)s requested%(provider)s.") % {
            "care": CareKind(care).label.lower(),
            "provider": f" ({provider.strip()})" if provider.strip() else ""},
        referral=referral.external_id,
    )
    return referral
