from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import Team


class FigureFilterForm(forms.Form):
    on = forms.DateField(label=_("Waiting list on"), required=False,
                         widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.DateField(label=_("Period from"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Period to"), required=False,
                          widget=forms.DateInput(attrs={"type": "date"}))
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none(),
                                  required=False, empty_label=_("All my teams"))
    rayon = forms.ChoiceField(label=_("Rayon"), required=False, choices=[])
    unit = forms.ChoiceField(label=_("Unit"), required=False,
                             choices=[("", _("Youth and adults"))] + list(UnitKind.choices))

    def __init__(self, *args: Any, teams: list[Team] | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["team"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (Team.objects.all() if teams is None
                          else Team.objects.filter(pk__in=[t.pk for t in teams]))
        rayons = sorted({r for r in field.queryset.values_list("rayon", flat=True) if r})
        rayon = self.fields["rayon"]
        assert isinstance(rayon, forms.ChoiceField)
        rayon.choices = [("", _("All rayons")), *((r, r) for r in rayons)]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        today = timezone.localdate()
        data["on"] = data.get("on") or today
        data["end"] = data.get("end") or today
        data["start"] = data.get("start") or (data["end"] - dt.timedelta(days=90))
        if data["end"] < data["start"]:
            self.add_error("end", _("The end of the period lies before its start."))
        return data
