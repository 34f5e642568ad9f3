"""Forms for measurements (built from the instrument version), checks and revisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.assessment.constants import QuestionKind, SafetyOccasion, SafetyOutcome
from schakel.assessment.models import Domain, InstrumentVersion, Question
from schakel.assessment.services import AnswerValue, answer_key, skip_key
from schakel.people.models import Person
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import SchakelForm, date_field, with_empty

YES_NO = [("1", _("Yes")), ("0", _("No"))]


@dataclass
class Section:
    """A domain on the form: its core questions, its deep-dive and the skip reason."""

    domain: Domain
    core: list[forms.BoundField]
    deep: list[forms.BoundField]
    skip: forms.BoundField | None

    @property
    def deep_open(self) -> bool:
        return any(f.value() or f.errors for f in self.deep)


def _question_field(question: Question, domain: Domain) -> forms.Field:
    required = question.core and question.kind != QuestionKind.TEXT
    messages = {"required": _("%(domain)s is part of the core set: answer this question.")
                % {"domain": domain.name}}
    if question.kind == QuestionKind.TEXT:
        return forms.CharField(label=question.text, help_text=question.help, required=False,
                               widget=forms.Textarea(attrs={"rows": 2}), max_length=4000)
    if question.kind == QuestionKind.YES_NO:
        choices: list[tuple[str, Any]] = list(YES_NO)
    else:
        assert question.scale is not None
        choices = [(str(lv.value), f"{lv.value} – {lv.label}" if lv.scored else lv.label)
                   for lv in question.scale.levels.all()]
    return forms.ChoiceField(label=question.text, help_text=question.help, required=required,
                             choices=choices, widget=forms.RadioSelect, error_messages=messages)


class MeasurementForm(SchakelForm):
    person = forms.TypedChoiceField(label=_("Who is it about?"), coerce=int)
    taken_on = date_field(_("Date of the measurement"), required=True)
    assessor = forms.ModelChoiceField(
        label=_("Assessor"), queryset=StaffProfile.objects.none(), empty_label=None
    )
    skip_all = forms.CharField(
        label=_("Reason for skipping every deep-dive left empty"), required=False,
        max_length=300,
        help_text=_("Optional: fill this in once instead of a reason per deep-dive."),
    )

    def __init__(
        self, *args: Any, version: InstrumentVersion, persons: list[Person],
        staff: QuerySet[StaffProfile], **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.version = version
        person = self.fields["person"]
        assert isinstance(person, forms.ChoiceField)
        person.choices = with_empty((p.pk, p.full_name) for p in persons)
        assessor = self.fields["assessor"]
        assert isinstance(assessor, forms.ModelChoiceField)
        assessor.queryset = staff
        self.layout: list[tuple[Domain, list[str], list[str], str | None]] = []
        has_deep = False
        for domain in version.domains.all():
            core: list[str] = []
            deep: list[str] = []
            for question in domain.questions.all():
                self.fields[answer_key(question.pk)] = _question_field(question, domain)
                (core if question.core else deep).append(answer_key(question.pk))
            skip = None
            if deep:
                has_deep = True
                skip = skip_key(domain.pk)
                self.fields[skip] = forms.CharField(
                    label=_("Reason for skipping the deep-dive on %(domain)s")
                    % {"domain": domain.name}, required=False, max_length=300,
                )
            self.layout.append((domain, core, deep, skip))
        if not has_deep:
            del self.fields["skip_all"]

    @property
    def sections(self) -> list[Section]:
        return [
            Section(domain, [self[n] for n in core], [self[n] for n in deep],
                    self[skip] if skip else None)
            for domain, core, deep, skip in self.layout
        ]

    def answers(self) -> dict[str, AnswerValue]:
        return {
            name: self.cleaned_data.get(name)
            for _d, core, deep, _s in self.layout for name in (*core, *deep)
        }

    def skips(self) -> dict[str, str]:
        """Each deep-dive's own reason; the shared reason for those left empty."""
        shared = (self.cleaned_data.get("skip_all") or "").strip()
        result: dict[str, str] = {}
        for _d, _core, deep, skip in self.layout:
            if skip is None:
                continue
            own = (self.cleaned_data.get(skip) or "").strip()
            answered = any(self.cleaned_data.get(n) not in (None, "") for n in deep)
            result[skip] = own or ("" if answered else shared)
        return result


class SafetyCheckForm(SchakelForm):
    occasion = forms.ChoiceField(label=_("Why is the check done?"),
                                 choices=with_empty(SafetyOccasion.choices))
    done_on = date_field(_("Date of the check"), required=True)
    outcome = forms.ChoiceField(label=_("Outcome"), choices=SafetyOutcome.choices,
                                widget=forms.RadioSelect)
    note = forms.CharField(label=_("Note"), required=False, widget=forms.Textarea(
        attrs={"rows": 2}))
    backdate_reason = forms.CharField(
        label=_("Reason for recording it later"), required=False, max_length=300,
        help_text=_("Required when the date lies on an earlier day."),
    )


class PlanCheckForm(SchakelForm):
    reason = forms.CharField(label=_("What changed in the situation?"), max_length=300)
    due_on = date_field(_("Check due by"), required=True)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"due_on": timezone.localdate() + dt.timedelta(days=5)})
        super().__init__(*args, **kwargs)


class DefinitionForm(SchakelForm):
    definition = forms.CharField(
        label=_("Definition (JSON)"), widget=forms.Textarea(attrs={"rows": 28, "spellcheck":
                                                                   "false"}),
        help_text=_("Domains, questions and scales. Mark deep-dive questions with "
                    "\"core\": false. See the user guide for the format."),
    )
    note = forms.CharField(label=_("What changed and why?"), max_length=300)
