"""Retention: erase the free text of a household's measurements and safety checks.

Scores, dates and instrument versions stay (they carry no identity once the
person is erased); written answers, skip reasons and notes are replaced.
"""

from __future__ import annotations

from schakel.assessment.models import Answer, ChildSafetyCheck, SkippedPart
from schakel.people.models import Household
from schakel.privacy.constants import ERASED


def erase_assessments(household: Household) -> int:
    touched = Answer.objects.filter(measurement__household=household).exclude(text="").update(
        text=ERASED
    )
    touched += SkippedPart.objects.filter(measurement__household=household).update(
        reason=ERASED
    )
    touched += ChildSafetyCheck.objects.filter(episode__household=household).update(
        reason="", note=""
    )
    return touched
