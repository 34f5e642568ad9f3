"""Forms of the sociale kaart: search, entries, and linking a resident to an offer."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.people.models import Household, Person
from schakel.socialmap.constants import Need, TargetGroup
from schakel.socialmap.models import ContactPerson, MapOrganisation, Offer
from schakel.tenancy.models import District
from schakel.web.forms.base import RENDERER, SchakelErrorList, SchakelForm, with_empty


class SchakelModelForm(forms.ModelForm):
    default_renderer = RENDERER
    use_required_attribute = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("error_class", SchakelErrorList)
        super().__init__(*args, **kwargs)


def districts(municipality_id: int) -> Any:
    return District.objects.filter(municipality_id=municipality_id).order_by("cbs_code")


class SearchForm(SchakelForm):
    need = forms.ChoiceField(label=_("Need"), required=False,
                             choices=with_empty(Need.choices, _("— any —")))
    district = forms.ModelChoiceField(label=_("District"), required=False,
                                      queryset=District.objects.none(),
                                      empty_label=_("— any —"))
    target_group = forms.ChoiceField(label=_("For whom"), required=False,
                                     choices=with_empty(TargetGroup.choices, _("— any —")))
    q = forms.CharField(label=_("Words"), required=False, max_length=100)

    def __init__(self, *args: Any, municipality_id: int | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["district"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (districts(municipality_id) if municipality_id
                          else District.objects.all().order_by("cbs_code"))


class OrganisationForm(SchakelModelForm):
    website = forms.URLField(label=_("website"), required=False, assume_scheme="https")

    class Meta:
        model = MapOrganisation
        fields = ["name", "description", "website", "phone", "email", "address", "keeper",
                  "active"]


class ContactForm(SchakelModelForm):
    class Meta:
        model = ContactPerson
        fields = ["role", "name", "phone", "email"]


class OfferForm(SchakelModelForm):
    needs = forms.MultipleChoiceField(label=_("Needs it helps with"), choices=Need.choices,
                                      widget=forms.CheckboxSelectMultiple)
    target_groups = forms.MultipleChoiceField(label=_("For whom"), choices=TargetGroup.choices,
                                              widget=forms.CheckboxSelectMultiple)

    class Meta:
        model = Offer
        fields = ["kind", "title", "description", "needs", "target_groups", "district",
                  "location", "schedule", "cost", "keeper", "active"]

    def __init__(self, *args: Any, municipality_id: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["district"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = districts(municipality_id)


class LinkForm(SchakelForm):
    offer = forms.ModelChoiceField(label=_("Service or activity"), queryset=Offer.objects.none(),
                                   empty_label=_("— choose —"))
    person = forms.ModelChoiceField(label=_("For"), required=False,
                                    queryset=Person.objects.none(),
                                    empty_label=_("The whole household"))
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args: Any, household: Household, offers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        offer = self.fields["offer"]
        person = self.fields["person"]
        assert isinstance(offer, forms.ModelChoiceField)
        assert isinstance(person, forms.ModelChoiceField)
        offer.queryset = offers
        person.queryset = Person.objects.filter(memberships__household=household)
