from __future__ import annotations

import datetime as dt
from typing import Any

from django import forms
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import District, Team


def _date(label: Any) -> forms.DateField:
    return forms.DateField(label=label, required=False,
                           widget=forms.DateInput(attrs={"type": "date"}))


class FigureFilterForm(forms.Form):
    on = _date(_("Waiting list on"))
    start = _date(_("Period from"))
    end = _date(_("Period to"))
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none(),
                                  required=False, empty_label=_("All my teams"))
    rayon = forms.ChoiceField(label=_("Rayon"), required=False, choices=[])
    unit = forms.ChoiceField(label=_("Unit"), required=False,
                             choices=[("", _("Youth and adults"))] + list(UnitKind.choices))
    district = forms.ModelChoiceField(label=_("District"), queryset=District.objects.none(),
                                      required=False, empty_label=_("All districts"))

    def __init__(self, *args: Any, teams: list[Team] | None,
                 municipality_id: int | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["team"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = (Team.objects.filter(municipality_id=municipality_id)
                          if teams is None and municipality_id is not None
                          else Team.objects.all() if teams is None
                          else Team.objects.filter(pk__in=[t.pk for t in teams]))
        rayons = sorted({r for r in field.queryset.values_list("rayon", flat=True) if r})
        rayon = self.fields["rayon"]
        assert isinstance(rayon, forms.ChoiceField)
        rayon.choices = [("", _("All rayons")), *((r, r) for r in rayons)]
        district = self.fields["district"]
        assert isinstance(district, forms.ModelChoiceField)
        district_ids = field.queryset.values_list("district_id", flat=True)
        district.queryset = District.objects.filter(
            Q(pk__in=district_ids) | Q(children__pk__in=district_ids)).distinct().order_by("name")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        today = timezone.localdate()
        data["on"] = data.get("on") or today
        data["end"] = data.get("end") or today
        data["start"] = data.get("start") or (data["end"] - dt.timedelta(days=90))
        if data["end"] < data["start"]:
            self.add_error("end", _("The end of the period lies before its start."))
        return data


class QualityFilterForm(FigureFilterForm):
    days = forms.IntegerField(label=_("No activity for more than (days)"), required=False,
                              min_value=1, max_value=3650)


class ForecastFilterForm(FigureFilterForm):
    extra_fte = forms.DecimalField(label=_("Extra fte (negative: fewer)"), required=False,
                                   max_digits=6, decimal_places=2)
    lower_inflow = forms.IntegerField(label=_("Fewer registrations (%)"), required=False,
                                      min_value=0, max_value=99)
    shorter_help = forms.IntegerField(label=_("Shorter help (%)"), required=False,
                                      min_value=0, max_value=99)


class MonitorForm(FigureFilterForm):
    month = forms.CharField(label=_("Month (YYYY-MM)"), required=False, max_length=7)

    def clean_month(self) -> dt.date:
        value = (self.cleaned_data.get("month") or "").strip()
        if not value:
            first = timezone.localdate().replace(day=1)
            return (first - dt.timedelta(days=1)).replace(day=1)
        try:
            return dt.date.fromisoformat(f"{value}-01")
        except ValueError as exc:
            raise forms.ValidationError(_("Give the month as YYYY-MM, e.g. 2026-05.")) from exc
