"""Search and merge forms."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.people.models import Household, Person
from schakel.web.forms.base import SchakelForm


class SearchForm(SchakelForm):
    q = forms.CharField(
        label=_("Name, BSN or reference"), max_length=100,
        help_text=_("For example: Bakker, 123456782 or H-1234567."),
        error_messages={"required": _("Type a name, a BSN or a reference.")},
        widget=forms.TextInput(attrs={"autocomplete": "off", "type": "search"}),
    )


class MergeHouseholdForm(SchakelForm):
    reference = forms.CharField(
        label=_("Reference of the duplicate household"), max_length=20,
        help_text=_("Its episodes, members and involvements move to this household."),
    )
    confirm = forms.BooleanField(
        label=_("I have checked that both records are the same household."),
        error_messages={"required": _("Confirm that both records are the same household.")},
    )

    def clean_reference(self) -> str:
        return str(self.cleaned_data["reference"]).strip().upper()


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        born = f" ({obj.birth_date:%d-%m-%Y})" if obj.birth_date else ""
        return f"{obj.full_name}{born}"


class MergePersonsForm(SchakelForm):
    keep = PersonChoiceField(label=_("Keep this person"), queryset=Person.objects.none(),
                             empty_label=_("— choose —"))
    drop = PersonChoiceField(label=_("Merge this duplicate into them"),
                             queryset=Person.objects.none(), empty_label=_("— choose —"))
    confirm = forms.BooleanField(
        label=_("I have checked that these are the same person."),
        error_messages={"required": _("Confirm that these are the same person.")},
    )

    def __init__(self, *args: Any, household: Household, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        persons = Person.objects.filter(memberships__household=household).order_by(
            "family_name", "given_name"
        )
        for name in ("keep", "drop"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)
            field.queryset = persons
