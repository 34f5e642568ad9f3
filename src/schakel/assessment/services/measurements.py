"""Recording a measurement: the core set answered, each deep-dive answered or skipped."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.assessment.access import may_record, works_in_team
from schakel.assessment.constants import QuestionKind
from schakel.assessment.models import (
    Answer,
    InstrumentVersion,
    Measurement,
    Question,
    SkippedPart,
)
from schakel.assessment.queries import current_version, version_with_definition
from schakel.cases.services import CaseError
from schakel.people.models import Household, Person
from schakel.people.services import new_external_id
from schakel.tenancy.models import StaffProfile

AnswerValue = int | str | bool | None


def answer_key(question_id: int) -> str:
    """The form field (and error key) of a question."""
    return f"q{question_id}"


def skip_key(domain_id: int) -> str:
    """The form field (and error key) of the reason for skipping a domain's deep-dive."""
    return f"skip{domain_id}"


def _is_blank(value: AnswerValue) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _answer(question: Question, value: AnswerValue, errors: dict[str, str]) -> Answer | None:
    if _is_blank(value):
        return None
    if question.kind == QuestionKind.TEXT:
        return Answer(question=question, text=str(value).strip())
    if question.kind == QuestionKind.YES_NO:
        if str(value) not in {"0", "1", "True", "False"}:
            errors[answer_key(question.pk)] = _("Answer yes or no.")
            return None
        return Answer(question=question, value=int(str(value) in {"1", "True"}))
    assert question.scale is not None
    allowed = {level.value for level in question.scale.levels.all()}
    try:
        number = int(str(value))
    except ValueError:
        number = None
    if number not in allowed:
        errors[answer_key(question.pk)] = _("Choose one of the levels.")
        return None
    return Answer(question=question, value=number)


def _check_answers(
    version: InstrumentVersion,
    answers: Mapping[str, AnswerValue],
    skips: Mapping[str, str],
) -> tuple[list[Answer], list[SkippedPart]]:
    """The answers and skipped parts to store, or a CaseError naming every problem."""
    errors: dict[str, str] = {}
    kept: list[Answer] = []
    skipped: list[SkippedPart] = []
    for domain in version.domains.all():
        deep_answered = False
        for question in domain.questions.all():
            answer = _answer(question, answers.get(answer_key(question.pk)), errors)
            if answer is not None:
                kept.append(answer)
                deep_answered = deep_answered or not question.core
            elif question.core and question.kind != QuestionKind.TEXT and not errors.get(
                answer_key(question.pk)
            ):
                errors[answer_key(question.pk)] = _(
                    "%(domain)s is part of the core set: answer this question."
                ) % {"domain": domain.name}
        has_deep = any(not q.core for q in domain.questions.all())
        reason = (skips.get(skip_key(domain.pk)) or "").strip()
        if not has_deep:
            continue
        if deep_answered and reason:
            errors[skip_key(domain.pk)] = _(
                "You answered part of the deep-dive on %(domain)s and gave a reason to skip it: "
                "clear the answers or the reason."
            ) % {"domain": domain.name}
        elif not deep_answered and not reason:
            errors[skip_key(domain.pk)] = _(
                "Answer the deep-dive on %(domain)s, or give a reason for skipping it."
            ) % {"domain": domain.name}
        elif reason:
            skipped.append(SkippedPart(domain=domain, reason=reason[:300]))
    if errors:
        raise CaseError(errors)
    return kept, skipped


@transaction.atomic
def record_measurement(
    household: Household,
    person: Person,
    version: InstrumentVersion,
    *,
    by: StaffProfile,
    assessor: StaffProfile,
    taken_on: dt.date,
    answers: Mapping[str, AnswerValue],
    skips: Mapping[str, str] | None = None,
) -> Measurement:
    """A measurement of one person with the version in force: core set, deep-dives or reasons."""
    if not may_record(by, household):
        raise CaseError(_("Only the team that handles this household records its analysis."))
    if not household.members.filter(person=person).exists():
        raise CaseError({"person": _("This person is not a member of the household.")})
    if not works_in_team(assessor, household.team_id):
        raise CaseError({"assessor": _("%(name)s is not a member of team %(team)s.")
                         % {"name": assessor.display_name, "team": household.team.name}})
    if taken_on > timezone.localdate():
        raise CaseError({"taken_on": _("The date lies in the future.")})
    if person.birth_date and taken_on < person.birth_date:
        raise CaseError({"taken_on": _("The date lies before the person's birth date.")})
    current = current_version(version.instrument, household.team.municipality_id)
    if current is None or current.pk != version.pk:
        raise CaseError(
            _("%(name)s has been revised: new measurements use version %(number)s. "
              "Open the form again.") % {"name": version.name,
                                         "number": current.number if current else "?"}
        )
    loaded = version_with_definition(version.pk)
    kept, skipped = _check_answers(loaded, answers, skips or {})
    measurement = Measurement.objects.create(
        household=household, person=person, version=version, taken_on=taken_on,
        assessor=assessor, recorded_by=by, external_id=new_external_id("measurement"),
    )
    for answer in kept:
        answer.measurement = measurement
    Answer.objects.bulk_create(kept)
    for part in skipped:
        part.measurement = measurement
    SkippedPart.objects.bulk_create(skipped)
    return measurement
