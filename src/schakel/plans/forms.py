"""Forms of the plan and network pages; the services decide what is allowed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from schakel.assessment.constants import LifeArea
from schakel.people.models import Person
from schakel.plans.constants import (
    ActionStatus,
    AgreementMethod,
    CareKind,
    Influence,
    NetworkKind,
    Resource,
)
from schakel.plans.models import NetworkEntry
from schakel.plans.services import ActionInput, GoalInput, NetworkInput
from schakel.security.concurrency import SeenField
from schakel.web.forms.base import SchakelForm, date_field, with_empty

NOTE_HELP = _("Only for the team: never shown to the resident or printed.")


def _member_choices(persons: list[Person], empty: Any) -> list[tuple[str, Any]]:
    return [("", empty), *[(str(p.pk), p.full_name) for p in persons]]


def _set_choices(field: forms.Field, choices: list[tuple[str, Any]]) -> None:
    assert isinstance(field, forms.ChoiceField)
    field.choices = choices


def _person(persons: list[Person], value: str) -> Person | None:
    return next((p for p in persons if str(p.pk) == value), None)


class SummaryForm(SchakelForm):
    summary = forms.CharField(
        label=_("What the household wants to achieve, in its own words"), required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    internal_note = forms.CharField(label=_("Internal note"), required=False,
                                    help_text=NOTE_HELP, widget=forms.Textarea(attrs={"rows": 2}))
    seen = SeenField()  # the draft's revision when the form was shown


class GoalForm(SchakelForm):
    life_area = forms.ChoiceField(label=_("Life area"), choices=with_empty(LifeArea.choices))
    person = forms.ChoiceField(label=_("For whom?"), required=False)
    text = forms.CharField(label=_("Goal"), max_length=300,
                           help_text=_("In plain words the resident recognises."))
    internal_note = forms.CharField(label=_("Internal note"), required=False,
                                    help_text=NOTE_HELP, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, persons: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.persons = persons
        _set_choices(self.fields["person"], _member_choices(persons, _("The whole household")))

    def to_input(self) -> GoalInput:
        d = self.cleaned_data
        return GoalInput(life_area=d["life_area"], text=d["text"],
                         person=_person(self.persons, d["person"]),
                         internal_note=d["internal_note"])


class ActionForm(SchakelForm):
    text = forms.CharField(label=_("Action"), max_length=300)
    resource = forms.ChoiceField(
        label=_("Resource"), choices=with_empty(Resource.choices),
        help_text=_("As light as possible, as heavy as necessary: own strength first."),
    )
    owner = forms.CharField(label=_("Who does it"), max_length=160)
    network_entry = forms.ModelChoiceField(
        label=_("From the network map"), queryset=NetworkEntry.objects.none(), required=False,
        empty_label=_("— nobody from the map —"),
    )
    evaluate_on = date_field(_("Evaluate on"), required=True)
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices,
                               initial=ActionStatus.PLANNED)
    internal_note = forms.CharField(label=_("Internal note"), required=False,
                                    help_text=NOTE_HELP, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, network: QuerySet[NetworkEntry], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["network_entry"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = network

    def to_input(self) -> ActionInput:
        d = self.cleaned_data
        return ActionInput(text=d["text"], resource=d["resource"], owner=d["owner"],
                           evaluate_on=d["evaluate_on"], status=d["status"],
                           network_entry=d["network_entry"], internal_note=d["internal_note"])


class StatusForm(SchakelForm):
    status = forms.ChoiceField(label=_("Status"), choices=ActionStatus.choices)


class AgreementForm(SchakelForm):
    agreed_on = date_field(_("Date the resident agreed"), required=True)
    how = forms.ChoiceField(label=_("How did the resident agree?"),
                            choices=AgreementMethod.choices, widget=forms.RadioSelect)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"agreed_on": timezone.localdate()})
        super().__init__(*args, **kwargs)


class ReferralForm(SchakelForm):
    care = forms.ChoiceField(label=_("Kind of care"), choices=with_empty(CareKind.choices))
    provider = forms.CharField(label=_("Provider"), max_length=160, required=False)
    reason = forms.CharField(label=_("Why is this care needed?"),
                             widget=forms.Textarea(attrs={"rows": 2}))


class NetworkForm(SchakelForm):
    kind = forms.ChoiceField(label=_("Person or organisation"), choices=NetworkKind.choices,
                             widget=forms.RadioSelect, initial=NetworkKind.PERSON)
    name = forms.CharField(label=_("Name"), max_length=160)
    role = forms.CharField(label=_("Role or relation"), max_length=120,
                           help_text=_("e.g. grandmother, neighbour, GP, school"))
    influence = forms.ChoiceField(label=_("Influence on the household"),
                                  choices=Influence.choices, widget=forms.RadioSelect)
    related_to = forms.ChoiceField(label=_("Mainly for"), required=False)
    contact = forms.CharField(label=_("Contact"), max_length=160, required=False)
    note = forms.CharField(label=_("Internal note"), required=False, help_text=NOTE_HELP,
                           widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args: Any, persons: list[Person], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.persons = persons
        _set_choices(self.fields["related_to"],
                     _member_choices(persons, _("The whole household")))

    def to_input(self) -> NetworkInput:
        d = self.cleaned_data
        return NetworkInput(kind=d["kind"], name=d["name"], role=d["role"],
                            influence=d["influence"],
                            related_to=_person(self.persons, d["related_to"]),
                            contact=d["contact"], note=d["note"])
