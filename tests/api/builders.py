"""For the privacy tests: a submission by the world's GP about Sanne's household."""

from __future__ import annotations

from django.utils import timezone

from schakel.api.models import Submission
from schakel.api.tokens import api_account


def build(world) -> dict[str, object]:
    submission = Submission.objects.create(
        public_id="sub-world", organisation=world.gp, submitted_by=api_account(world.gp),
        kind="referral", criteria=["youth_help"], episode=world.episode, subject=world.sanne,
        submitted_at=timezone.now())
    return {"submission_id": submission.public_id}
