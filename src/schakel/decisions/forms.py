"""Forms of the decision pages; the services do the checking that matters."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakel.decisions.constants import (
    DECIDERS,
    ComplaintOutcome,
    DecisionOutcome,
    Law,
    ObjectionOutcome,
    ReferralStatus,
    SystemPart,
)
from schakel.decisions.models import Product, Provider, Referral
from schakel.people.models import Household, Person
from schakel.tenancy.constants import OrganisationKind
from schakel.tenancy.models import Organisation, StaffProfile, Team

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")  # what a date field reads
REFERRERS = (OrganisationKind.GP, OrganisationKind.SCHOOL, OrganisationKind.POLICE,
             OrganisationKind.HOUSING, OrganisationKind.WELFARE, OrganisationKind.FRONT_DOOR,
             OrganisationKind.CARE, OrganisationKind.OTHER)


def _catalogue(municipality_id: int) -> Q:
    return Q(municipality__isnull=True) | Q(municipality_id=municipality_id)


class _HouseholdForm(forms.Form):
    def __init__(self, *args: Any, household: Household, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        mid = household.team.municipality_id
        if "person" in self.fields:
            field = self.fields["person"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = Person.objects.filter(memberships__household=household)
        if "product" in self.fields:
            field = self.fields["product"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = Product.objects.filter(_catalogue(mid), active=True)
        if "provider" in self.fields:
            field = self.fields["provider"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = Provider.objects.filter(_catalogue(mid))
        if "referrer" in self.fields:
            field = self.fields["referrer"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = Organisation.objects.filter(municipality_id=mid,
                                                         kind__in=REFERRERS)
        if "referral" in self.fields:
            field = self.fields["referral"]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = Referral.objects.filter(household=household)


class ReferralForm(_HouseholdForm):
    product = forms.ModelChoiceField(Product.objects.none(), label=_("What (catalogue)"))
    person = forms.ModelChoiceField(Person.objects.none(), label=_("For whom"))
    volume = forms.DecimalField(label=_("Volume (in the product's unit)"), min_value=0,
                                max_digits=9, decimal_places=2)
    period_start = forms.DateField(label=_("From"), widget=DATE)
    period_end = forms.DateField(label=_("Until"), widget=DATE)
    provider = forms.ModelChoiceField(Provider.objects.none(), label=_("Provider"),
                                      required=False)
    referrer = forms.ModelChoiceField(Organisation.objects.none(), required=False,
                                      label=_("Who referred the household (gets feedback "
                                              "with consent)"))
    reason = forms.CharField(label=_("Why this care is needed"), widget=forms.Textarea(
        attrs={"rows": 2}))


class ReferralStepForm(forms.Form):
    status = forms.ChoiceField(label=_("Next step"), choices=[
        (s.value, s.label) for s in (ReferralStatus.DECIDED, ReferralStatus.WAITING,
                                     ReferralStatus.STARTED, ReferralStatus.ENDED)])
    on = forms.DateField(label=_("Date"), widget=DATE)
    bridging_help = forms.CharField(label=_("Bridging help while waiting"), required=False,
                                    max_length=240)


class StartDecisionForm(_HouseholdForm):
    law = forms.ChoiceField(label=_("Route"), choices=[
        (Law.WMO.value, _("Wmo: melding, investigation, request, decision")),
        (Law.YOUTH.value, _("Jeugdwet: request and decision"))])
    person = forms.ModelChoiceField(Person.objects.none(), label=_("For whom"))
    referral = forms.ModelChoiceField(Referral.objects.none(), label=_("From referral"),
                                      required=False)
    decided_by_part = forms.ChoiceField(label=_("Who decides"), choices=[
        (p.value, p.label) for p in DECIDERS])


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason for the extension"), max_length=240)


class DecideForm(_HouseholdForm):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=DecisionOutcome.choices)
    product = forms.ModelChoiceField(Product.objects.none(), label=_("What is granted"),
                                     required=False)
    volume = forms.DecimalField(label=_("Volume"), min_value=0, max_digits=9,
                                decimal_places=2, required=False)
    period_start = forms.DateField(label=_("From"), widget=DATE, required=False)
    period_end = forms.DateField(label=_("Until"), widget=DATE, required=False)
    provider = forms.ModelChoiceField(Provider.objects.none(), label=_("Provider"),
                                      required=False)
    motivation = forms.CharField(label=_("Motivation (quoted in the letter)"),
                                 widget=forms.Textarea(attrs={"rows": 3}))


class ObjectionForm(forms.Form):
    grounds = forms.CharField(label=_("What the objection is about"),
                              widget=forms.Textarea(attrs={"rows": 2}))
    committee = forms.BooleanField(label=_("Advice of the objections committee"),
                                   required=False)


class ObjectionOutcomeForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ObjectionOutcome.choices)


class ComplaintForm(forms.Form):
    system_part = forms.ChoiceField(label=_("Part of the system"), choices=SystemPart.choices)
    team = forms.ModelChoiceField(Team.objects.none(), label=_("Team"), required=False)
    worker = forms.ModelChoiceField(StaffProfile.objects.none(), required=False,
                                    label=_("Worker it is about (optional)"))
    subject = forms.CharField(label=_("What the complaint is about"),
                              widget=forms.Textarea(attrs={"rows": 2}))
    committee = forms.BooleanField(label=_("Handled by the complaints committee"),
                                   required=False)

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["team"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Team.objects.filter(municipality_id=municipality_id)
        field = self.fields["worker"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = StaffProfile.objects.filter(
            municipality_id=municipality_id, memberships__isnull=False).distinct()


class MediationForm(forms.Form):
    on = forms.DateField(label=_("Mediation conversation on"), widget=DATE)


class FormalForm(forms.Form):
    hearing_on = forms.DateField(label=_("Hearing on"), widget=DATE, required=False)
    extension_reason = forms.CharField(label=_("Reason for extension (optional)"),
                                       required=False, max_length=240)


class HandleComplaintForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=ComplaintOutcome.choices)
    measures = forms.CharField(label=_("Measures taken"), required=False,
                               widget=forms.Textarea(attrs={"rows": 2}))


class BudgetForm(forms.Form):
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none())
    product = forms.ModelChoiceField(label=_("Product"), queryset=Product.objects.none())
    amount = forms.DecimalField(label=_("Budget (EUR)"), max_digits=12, decimal_places=2)

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"].queryset = Team.objects.filter(  # type: ignore[attr-defined]
            municipality_id=municipality_id)
        self.fields["product"].queryset = Product.objects.filter(  # type: ignore[attr-defined]
            Q(municipality__isnull=True) | Q(municipality_id=municipality_id))


class SpendForm(forms.Form):
    decision = forms.IntegerField(label=_("Decision number"), min_value=1)
    booked_on = forms.DateField(label=_("Booked on"),
                                widget=forms.DateInput(attrs={"type": "date"}))
    amount = forms.DecimalField(label=_("Amount (EUR)"), max_digits=12, decimal_places=2)
