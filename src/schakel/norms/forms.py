from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.norms.constants import LengthUnit


class NormVersionForm(forms.Form):
    code = forms.CharField(widget=forms.HiddenInput)
    valid_from = forms.DateField(label=_("In force from"),
                                 widget=forms.DateInput(attrs={"type": "date"}))
    length = forms.IntegerField(label=_("Length"), min_value=0)
    unit = forms.ChoiceField(label=_("Unit"), choices=LengthUnit.choices)
    extension_length = forms.IntegerField(label=_("Extension length"), min_value=0, initial=0)
    note = forms.CharField(label=_("Reason for the change"), max_length=300)


class ClosingDayForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    name = forms.CharField(label=_("Name"), max_length=120)
