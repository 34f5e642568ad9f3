"""Retention: erase the free text of a household's referrals, decisions, objections, complaints.

Codes, amounts and dates stay, so the figures and the budget stay the same.
"""

from __future__ import annotations

from schakel.decisions.models import Complaint, Decision, Objection, Referral
from schakel.people.models import Household
from schakel.privacy.constants import ERASED


def erase_decisions(household: Household) -> int:
    touched = Referral.objects.filter(household=household).update(bridging_help="")
    decisions = Decision.objects.filter(household=household)
    touched += decisions.update(motivation=ERASED, extension_reason="")
    touched += Objection.objects.filter(decision__in=decisions).update(
        grounds=ERASED, extension_reason="")
    touched += Complaint.objects.filter(household=household).update(
        subject=ERASED, measures="", extension_reason="")
    return touched
