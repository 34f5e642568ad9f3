"""What a partner may learn about its own submissions: received, and with consent a little more.

Without a basis to share case progress with the partner (the resident's
consent for referral, or a covenant or legal task that covers it, checked by
``privacy.bases.check_disclosure``) the partner only learns its submission
was received. With it: resident contacted, help started, closed. Nothing else.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import QuerySet

from schakel.api.constants import PartnerStatus, SubmissionKind
from schakel.api.models import Submission
from schakel.cases.constants import EventKind
from schakel.privacy.bases import DisclosureRefused, check_disclosure
from schakel.privacy.constants import DataCategory, Purpose
from schakel.privacy.legal import LEGAL_TASKS
from schakel.privacy.models import Consent, Covenant
from schakel.tenancy.models import Organisation


@dataclass(frozen=True)
class PartnerView:
    id: str
    kind: str
    submitted_at: dt.datetime
    team: str
    status: str

    @property
    def kind_label(self) -> str:
        return str(SubmissionKind(self.kind).label)

    @property
    def status_label(self) -> str:
        return str(PartnerStatus(self.status).label)


def _candidates(organisation: Organisation) -> set[int] | None:
    """Subjects that may have a basis: those with a consent row for ``organisation``.

    None when a covenant or a legal task could cover anyone; a cheap filter
    before the full check, so a long list costs a few queries, not a few per row.
    """
    wanted = {str(DataCategory.CASE)}
    if Covenant.objects.filter(parties=organisation).exists() or any(
            task.covers(Purpose.REFERRAL, wanted, organisation.kind) for task in LEGAL_TASKS):
        return None
    return set(Consent.objects.filter(recipient=organisation, purpose=Purpose.REFERRAL)
               .values_list("person_id", flat=True))


def may_see_progress(submission: Submission, candidates: set[int] | None = None) -> bool:
    if submission.subject_id is None:
        return False
    if candidates is not None and submission.subject_id not in candidates:
        return False
    assert submission.subject is not None
    try:
        check_disclosure(submission.subject, submission.organisation, Purpose.REFERRAL,
                         [DataCategory.CASE])
    except DisclosureRefused:
        return False
    return True


def status_of(submission: Submission, candidates: set[int] | None = None) -> str:
    if not may_see_progress(submission, candidates):
        return PartnerStatus.REGISTERED
    episode = submission.episode
    if episode.closed_at is not None:
        return PartnerStatus.CLOSED
    if episode.help_started_at is not None:
        return PartnerStatus.HELP_STARTED
    if episode.events.filter(kind=EventKind.RESIDENT_CONTACTED).exists():
        return PartnerStatus.CONTACTED
    return PartnerStatus.REGISTERED


def view(submission: Submission, candidates: set[int] | None = None) -> PartnerView:
    return PartnerView(submission.public_id, submission.kind, submission.submitted_at,
                       submission.episode.team.name, status_of(submission, candidates))


def views(organisation: Organisation, limit: int) -> list[PartnerView]:
    candidates = _candidates(organisation)
    return [view(s, candidates) for s in own(organisation)[:limit]]


def own(organisation: Organisation) -> QuerySet[Submission]:
    return (Submission.objects.filter(organisation=organisation)
            .select_related("episode__team", "subject", "organisation"))
