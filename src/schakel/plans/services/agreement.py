"""The resident's agreement and a leader's sign-off; together they make a version current."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from schakel.cases import services as cases_services
from schakel.cases.constants import EventKind, State
from schakel.cases.models import Episode
from schakel.cases.services import CaseError
from schakel.plans.authority import sign_refusal
from schakel.plans.constants import AgreementMethod, VersionStatus
from schakel.plans.models import PlanVersion
from schakel.plans.services.common import check_may_record
from schakel.tenancy.models import StaffProfile


def _complete(version: PlanVersion, by: StaffProfile) -> None:
    """Agreed and signed: the version becomes current and the episode records it."""
    if version.agreed_on is None or version.signed_at is None:
        return
    episode = Episode.objects.get(pk=version.episode_id)
    if episode.state != State.ACTIVE:
        raise CaseError(_("A plan is agreed once help has started: record the start of help "
                          "on the household page first."))
    PlanVersion.objects.filter(plan=version.plan, status=VersionStatus.CURRENT).update(
        status=VersionStatus.SUPERSEDED
    )
    version.status = VersionStatus.CURRENT
    version.save(update_fields=["status"])
    assert version.signed_by is not None
    cases_services.record(
        episode, EventKind.PLAN_AGREED, by=by,
        note=_("Support plan version %(n)d: agreed with the resident on %(day)s (%(how)s), "
               "signed by %(leader)s.") % {
            "n": version.number, "day": date_format(version.agreed_on, "SHORT_DATE_FORMAT"),
            "how": AgreementMethod(version.agreed_how).label,
            "leader": version.signed_by.display_name},
        plan_version=version.number,
    )


def _for_agreement(version: PlanVersion, by: StaffProfile) -> PlanVersion:
    version = PlanVersion.objects.select_for_update().select_related(
        "plan__household", "episode__team"
    ).get(pk=version.pk)
    check_may_record(by, version.plan.household)
    if version.status != VersionStatus.DRAFT:
        raise CaseError(_("Only a draft can be agreed and signed."))
    if version.episode.closed_at is not None:
        raise CaseError(_("The episode of this draft is closed; start a new version."))
    if not version.goals.exists():
        raise CaseError(_("A plan needs at least one goal."))
    return version


@transaction.atomic
def record_agreement(version: PlanVersion, *, by: StaffProfile, agreed_on: dt.date,
                     how: str) -> PlanVersion:
    """The resident agreed to this version: when, and how."""
    version = _for_agreement(version, by)
    errors: dict[str, str] = {}
    if how not in AgreementMethod.values:
        errors["how"] = _("Choose how the resident agreed.")
    if agreed_on > timezone.localdate():
        errors["agreed_on"] = _("The date lies in the future.")
    elif agreed_on < timezone.localdate(version.created_at):
        errors["agreed_on"] = _("The date lies before this version was made.")
    if version.agreed_on is not None:
        errors["agreed_on"] = _("The resident's agreement has been recorded already.")
    if errors:
        raise CaseError(errors)
    version.agreed_on, version.agreed_how, version.agreed_recorded_by = agreed_on, how, by
    version.save(update_fields=["agreed_on", "agreed_how", "agreed_recorded_by"])
    _complete(version, by)
    return version


@transaction.atomic
def sign(version: PlanVersion, *, by: StaffProfile) -> PlanVersion:
    """Sign-off by a team leader authorised for the episode's unit."""
    version = _for_agreement(version, by)
    refusal = sign_refusal(by, version.episode)
    if refusal:
        raise CaseError(refusal)
    if version.signed_at is not None:
        raise CaseError(_("This version has been signed already."))
    version.signed_by, version.signed_at = by, timezone.now()
    version.save(update_fields=["signed_by", "signed_at"])
    _complete(version, by)
    return version
