"""The secure web form for partners without their own software: the same input as the API."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.api.constants import GpCriterion, SubmissionKind, Topic
from schakel.api.services import SubmissionInput
from schakel.cases.constants import Urgency
from schakel.people.services import PersonInput
from schakel.tenancy.constants import OrganisationKind, UnitKind
from schakel.tenancy.models import StaffProfile, Team
from schakel.web.forms.base import SchakelForm, with_empty


class PartnerSubmissionForm(SchakelForm):
    kind = forms.ChoiceField(label=_("What do you send?"), choices=SubmissionKind.choices,
                             initial=SubmissionKind.SIGNAL, widget=forms.RadioSelect)
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none(),
                                  empty_label=_("— choose —"))
    unit = forms.ChoiceField(label=_("Unit"), choices=UnitKind.choices, widget=forms.RadioSelect)
    topic = forms.ChoiceField(label=_("What is the signal about?"), required=False,
                              choices=with_empty(Topic.choices))
    rent_arrears_months = forms.IntegerField(
        label=_("Months of rent arrears"), required=False, min_value=0, max_value=120,
        help_text=_("Only for a rent-arrears signal."))
    criteria = forms.MultipleChoiceField(
        label=_("Referral criteria"), required=False, choices=GpCriterion.choices,
        widget=forms.CheckboxSelectMultiple, help_text=_("For a GP referral: at least one."))
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices,
                                initial=Urgency.NORMAL, widget=forms.RadioSelect)
    multiple_problems = forms.BooleanField(label=_("Problems on more than one life area"),
                                           required=False, initial=True)
    description = forms.CharField(label=_("Your concern"), required=False, max_length=4000,
                                  widget=forms.Textarea(attrs={"rows": 4}))
    referrer_name = forms.CharField(label=_("Your name"), required=False, max_length=160)
    referrer_contact = forms.CharField(label=_("Your phone or email"), required=False,
                                       max_length=160)
    household_name = forms.CharField(label=_("Household name"), required=False, max_length=160)

    def __init__(self, *args: Any, staff: StaffProfile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        team = self.fields["team"]
        assert isinstance(team, forms.ModelChoiceField)
        team.queryset = Team.objects.filter(municipality_id=staff.municipality_id).order_by("name")
        if staff.organisation.kind != OrganisationKind.GP:
            del self.fields["criteria"]
            kind = self.fields["kind"]
            assert isinstance(kind, forms.ChoiceField)
            kind.choices = [(SubmissionKind.SIGNAL, SubmissionKind.SIGNAL.label)]

    def clean_description(self) -> str:
        value: str = self.cleaned_data["description"]
        if "\x00" in value:
            raise forms.ValidationError(_("The text contains a character that is not allowed."))
        return value

    def submission_input(self, persons: list[PersonInput]) -> SubmissionInput:
        d = self.cleaned_data
        return SubmissionInput(
            team=d["team"], unit=d["unit"], kind=d["kind"], persons=persons,
            topic=d["topic"] if d["kind"] == SubmissionKind.SIGNAL else "",
            criteria=list(d.get("criteria") or []), urgency=d["urgency"],
            multiple_problems=d["multiple_problems"], description=d["description"],
            referrer_name=d["referrer_name"], referrer_contact=d["referrer_contact"],
            household_name=d["household_name"], rent_arrears_months=d["rent_arrears_months"],
        )
