"""Short forms for case tables; everything optional that the signal model leaves optional."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.privacy.models import Covenant
from schakel.tables.constants import STEP_QUESTIONS, AgreementStatus, Ring, SubjectKind, TableKind
from schakel.tables.models import CaseTable
from schakel.tenancy.models import Organisation, StaffProfile, Team
from schakel.web.forms.base import SchakelForm

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")  # what a date field reads
SHORT = forms.Textarea(attrs={"rows": 2})


class TableForm(SchakelForm):
    name = forms.CharField(label=_("Name"), max_length=120)
    kind = forms.ChoiceField(label=_("Type"), choices=TableKind.choices)
    kind_other = forms.CharField(label=_("Type defined by the municipality"), required=False,
                                 max_length=80)
    chair = forms.ModelChoiceField(label=_("Chair"), queryset=StaffProfile.objects.none())
    organisations = forms.ModelMultipleChoiceField(
        label=_("Member organisations"), queryset=Organisation.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple)
    cadence = forms.CharField(label=_("Cadence"), required=False, max_length=80,
                              help_text=_("e.g. every six weeks"))
    area = forms.CharField(label=_("Area"), required=False, max_length=120)
    target_group = forms.CharField(label=_("Target group"), required=False, max_length=160,
                                   help_text=_("e.g. EPA 1–2 and the transition to 3"))
    handles = forms.CharField(label=_("What this table handles"), required=False,
                              max_length=400, widget=SHORT)
    covenant = forms.ModelChoiceField(label=_("Sharing basis (covenant)"), required=False,
                                      queryset=Covenant.objects.none(),
                                      help_text=_("Without a covenant, cases are discussed "
                                                  "under a pseudonym unless the person "
                                                  "consented."))

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        staff = StaffProfile.objects.filter(municipality_id=municipality_id)
        self.fields["chair"].queryset = staff  # type: ignore[attr-defined]
        self.fields["organisations"].queryset = Organisation.objects.filter(  # type: ignore[attr-defined]
            pk__in=staff.values("organisation_id")).order_by("name")
        self.fields["covenant"].queryset = Covenant.objects.filter(  # type: ignore[attr-defined]
            municipality_id=municipality_id)


class MemberForm(SchakelForm):
    staff = forms.ModelChoiceField(label=_("Member"), queryset=StaffProfile.objects.none())
    ring = forms.ChoiceField(label=_("Ring"), choices=Ring.choices)

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = StaffProfile.objects.filter(  # type: ignore[attr-defined]
            municipality_id=municipality_id)


class BringForm(SchakelForm):
    subject = forms.ChoiceField(label=_("What is the case about?"), choices=SubjectKind.choices,
                                widget=forms.RadioSelect, initial=SubjectKind.HOUSEHOLD)
    reference = forms.CharField(label=_("Household reference"), required=False, max_length=20,
                                help_text=_("Without a basis the table sees only a pseudonym."))
    building = forms.CharField(label=_("Building or complex"), required=False, max_length=160)
    vulnerability = forms.IntegerField(label=_("Vulnerability score (%)"), required=False,
                                       min_value=0, max_value=100)
    concern = forms.CharField(label=_("Concern in a few words"), required=False, max_length=300,
                              help_text=_("No names, addresses or dates of birth."))


class StepForm(SchakelForm):
    def __init__(self, *args: Any, kind: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for key, label in STEP_QUESTIONS[kind]:
            self.fields[key] = forms.CharField(label=label, required=False, max_length=1000,
                                               widget=SHORT)


class AgreementForm(SchakelForm):
    what = forms.CharField(label=_("What"), max_length=300)
    owner = forms.ModelChoiceField(label=_("Owner (actienemer)"),
                                   queryset=StaffProfile.objects.none())
    deadline = forms.DateField(label=_("Deadline"), widget=DATE)

    def __init__(self, *args: Any, owners: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = owners  # type: ignore[attr-defined]


class ResultForm(SchakelForm):
    status = forms.ChoiceField(label=_("Status"), choices=AgreementStatus.choices)
    result = forms.CharField(label=_("Result"), required=False, widget=SHORT)


class DormantForm(SchakelForm):
    retry_on = forms.DateField(label=_("Retry on"), required=False, widget=DATE)


class HandoverForm(SchakelForm):
    team = forms.ModelChoiceField(label=_("Wijkteam"), queryset=Team.objects.none())
    unit = forms.ChoiceField(label=_("Unit"), choices=[("volwassenen", _("Adults")),
                                                       ("jeugd", _("Youth and family"))])

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(  # type: ignore[attr-defined]
            municipality_id=municipality_id)


class MoveForm(SchakelForm):
    target = forms.ModelChoiceField(label=_("Table"), queryset=CaseTable.objects.none())

    def __init__(self, *args: Any, table: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = CaseTable.objects.filter(  # type: ignore[attr-defined]
            municipality_id=table.municipality_id).exclude(pk=table.pk)


class CloseForm(SchakelForm):
    problem_owner = forms.CharField(label=_("Who owns the problem now?"), max_length=200)
    what_worked = forms.CharField(label=_("What worked, and why?"), required=False,
                                  widget=SHORT)
    satisfied = forms.CharField(label=_("Is the person satisfied?"), required=False,
                                max_length=200)
    alert_who = forms.CharField(label=_("Must someone stay alert? Who, and how?"),
                                required=False, max_length=200)
    learnings = forms.CharField(label=_("What did we learn?"), required=False, widget=SHORT)


class MeetingForm(SchakelForm):
    held_on = forms.DateField(label=_("Date of the meeting"), widget=DATE)


class MinutesForm(SchakelForm):
    minutes = forms.CharField(label=_("Minutes"), required=False,
                              widget=forms.Textarea(attrs={"rows": 6}),
                              help_text=_("Refer to cases by their number, never by name."))
    present = forms.ModelMultipleChoiceField(label=_("Present"), required=False,
                                             queryset=StaffProfile.objects.none(),
                                             widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = members  # type: ignore[attr-defined]
