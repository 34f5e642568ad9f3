"""Forms for the steps on a household's episode (one form per event kind)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from schakel.cases.constants import CloseReason, Destination, InvolvementKind, Urgency
from schakel.tenancy.models import StaffProfile
from schakel.web.forms.base import (
    SchakelForm,
    backdate_reason_field,
    occurred_at_field,
    with_empty,
)
from schakel.web.forms.privacy import note_category_field


class EventForm(SchakelForm):
    """A step that needs a time (default now) and an optional note."""

    occurred_at = occurred_at_field()
    backdate_reason = backdate_reason_field()
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    category = note_category_field()

    def __init__(self, *args: Any, team_staff: QuerySet[StaffProfile] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.team_staff = team_staff

    def timing(self) -> dict[str, Any]:
        return {
            "occurred_at": self.cleaned_data.get("occurred_at"),
            "backdate_reason": self.cleaned_data.get("backdate_reason", ""),
        }


class TriageForm(EventForm):
    urgency = forms.ChoiceField(label=_("Urgency"), choices=Urgency.choices,
                                widget=forms.RadioSelect)
    field_order = ["urgency"]


class WorkerForm(EventForm):
    worker = forms.ModelChoiceField(
        label=_("Professional"), queryset=StaffProfile.objects.none(),
        empty_label=_("— choose —"),
        error_messages={"required": _("Choose a professional.")},
    )
    field_order = ["worker"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["worker"]
        assert isinstance(field, forms.ModelChoiceField)
        if self.team_staff is not None:
            field.queryset = self.team_staff


class CloseForm(EventForm):
    reason = forms.ChoiceField(
        label=_("Reason for closing"), choices=with_empty(CloseReason.choices),
        error_messages={"required": _("Choose a reason for closing.")},
    )
    destination = forms.ChoiceField(
        label=_("Outflow destination"), choices=with_empty(Destination.choices),
        help_text=_("Where the household goes now."),
        error_messages={
            "required": _("Choose where the household goes (outflow destination).")
        },
    )
    field_order = ["reason", "destination"]


class InvolvementForm(SchakelForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=InvolvementKind.choices)
    staff = forms.ModelChoiceField(
        label=_("Colleague from the team"), queryset=StaffProfile.objects.none(),
        required=False, empty_label=_("— none —"),
        help_text=_("Only for a team member; leave empty for others."),
    )
    name = forms.CharField(label=_("Name"), required=False, max_length=160)
    organisation = forms.CharField(label=_("Organisation"), required=False, max_length=160)
    role = forms.CharField(label=_("Role"), required=False, max_length=120,
                           help_text=_("e.g. GP, school social worker, grandmother"))
    contact = forms.CharField(label=_("Phone or email"), required=False, max_length=160)

    def __init__(self, *args: Any, team_staff: QuerySet[StaffProfile] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["staff"]
        assert isinstance(field, forms.ModelChoiceField)
        if team_staff is not None:
            field.queryset = team_staff

    def timing(self) -> dict[str, Any]:
        return {}
