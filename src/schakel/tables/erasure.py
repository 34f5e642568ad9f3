"""Retention: erase what tables wrote about a household; numbers, dates and statuses stay."""

from __future__ import annotations

from schakel.people.models import Household
from schakel.privacy.constants import ERASED
from schakel.tables.models import Agreement, CaseStep, TableCase


def erase_table_cases(household: Household) -> int:
    cases = TableCase.objects.filter(household=household)
    touched = CaseStep.objects.filter(case__in=cases).update(answers={})
    touched += Agreement.objects.filter(case__in=cases).update(what=ERASED, result="")
    touched += cases.update(concern=ERASED, problem_owner=ERASED, what_worked="", satisfied="",
                            alert_who="", learnings="")
    return touched
