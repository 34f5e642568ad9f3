"""Forms for handover steps; each maps onto one service in ``handovers.services``."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from schakel.cases.constants import ProtectionMeasure, TeamRole
from schakel.people.models import Person
from schakel.tenancy.models import Organisation, StaffProfile, Team
from schakel.web.forms.actions import EventForm
from schakel.web.forms.base import SchakelForm, with_empty


def _choose(field: forms.Field, queryset: QuerySet[Any]) -> None:
    assert isinstance(field, forms.ModelChoiceField)
    field.queryset = queryset


class TransferForm(EventForm):
    to_team = forms.ModelChoiceField(
        label=_("Receiving team"), queryset=Team.objects.none(), empty_label=_("— choose —"),
        error_messages={"required": _("Choose the team that should take the household over.")},
    )
    reason = forms.CharField(
        label=_("Reason for the transfer"), max_length=300,
        help_text=_("For example: the household moved to the receiving team's district."),
        error_messages={"required": _("Give the reason for the transfer.")},
    )
    field_order = ["to_team", "reason"]

    def __init__(self, *args: Any, teams: QuerySet[Team] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if teams is not None:
            _choose(self.fields["to_team"], teams)


class MeetingForm(EventForm):
    participants = forms.CharField(
        label=_("Who took part"), max_length=300,
        help_text=_("Names and organisations, e.g. the school's family specialist."),
        error_messages={"required": _("Name who took part in the handover meeting.")},
    )
    resident_present = forms.BooleanField(label=_("The resident was present"), required=False)
    field_order = ["participants", "resident_present"]


class ProtectionForm(EventForm):
    measure = forms.ChoiceField(
        label=_("Decision of the Jeugdbeschermingsplein"),
        choices=with_empty(ProtectionMeasure.choices),
        error_messages={"required": _("Choose the decision of the Jeugdbeschermingsplein.")},
    )
    institution = forms.ModelChoiceField(
        label=_("Certified institution (directs under drang or dwang)"),
        queryset=Organisation.objects.none(), required=False, empty_label=_("— none —"),
    )
    team_role = forms.ChoiceField(
        label=_("The team's role meanwhile"), choices=TeamRole.choices, required=False,
    )
    field_order = ["measure", "institution", "team_role"]

    def __init__(self, *args: Any, organisations: QuerySet[Organisation] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if organisations is not None:
            _choose(self.fields["institution"], organisations)


class WorkerBackForm(EventForm):
    worker = forms.ModelChoiceField(
        label=_("Case director in the team from now on"), queryset=StaffProfile.objects.none(),
        empty_label=_("— choose —"), error_messages={"required": _("Choose a professional.")},
    )
    field_order = ["worker"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.team_staff is not None:
            _choose(self.fields["worker"], self.team_staff)


class TransitionForm(EventForm):
    person = forms.ModelChoiceField(
        label=_("Young person"), queryset=Person.objects.none(), empty_label=_("— choose —"),
        error_messages={"required": _("Choose a member of this household.")},
    )
    adult_worker = forms.ModelChoiceField(
        label=_("Contact in the adults unit"), queryset=StaffProfile.objects.none(),
        required=False, empty_label=_("— none yet —"),
    )
    adult_unit_takes_over = forms.BooleanField(
        label=_("The adults unit takes the episode over"), required=False)
    field_order = ["person", "adult_worker", "adult_unit_takes_over"]

    def __init__(self, *args: Any, persons: QuerySet[Person] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if persons is not None:
            _choose(self.fields["person"], persons)
        if self.team_staff is not None:
            _choose(self.fields["adult_worker"], self.team_staff)


class AcceptForm(SchakelForm):
    worker = forms.ModelChoiceField(
        label=_("Case director in your team"), queryset=StaffProfile.objects.none(),
        required=False, empty_label=_("— choose —"),
        help_text=_("Required when the household already has a case director."),
    )
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args: Any, team_staff: QuerySet[StaffProfile] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if team_staff is not None:
            _choose(self.fields["worker"], team_staff)


class RefuseForm(SchakelForm):
    reason = forms.CharField(
        label=_("Reason for refusing"), max_length=300,
        error_messages={"required": _("Give the reason for refusing.")},
    )
