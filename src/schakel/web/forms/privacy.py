"""Forms for privacy on the household page: consents, flags, sensitive notes, emergency access."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from schakel.people.models import Person
from schakel.privacy.constants import (
    EMERGENCY_REASON_MIN_LENGTH,
    ConsentMethod,
    DataCategory,
    FlagKind,
    Purpose,
)
from schakel.tenancy.models import Organisation
from schakel.web.forms.base import SchakelForm, date_field, with_empty

NOTE_CATEGORIES = [
    ("", _("No")),
    (DataCategory.HEALTH.value, _("Yes: health")),
    (DataCategory.JUSTICE.value, _("Yes: justice")),
    (DataCategory.SAFETY.value, _("Yes: safety")),
]


def note_category_field(label: Any = None) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label or _("Does the note contain sensitive data?"), choices=NOTE_CATEGORIES,
        required=False,
        help_text=_("Health, justice and safety notes are hidden from colleagues who do "
                    "not take part in the help."),
    )


class ConsentForm(SchakelForm):
    person = forms.ModelChoiceField(label=_("Who gives consent?"),
                                    queryset=Person.objects.none(), empty_label=_("— choose —"),
                                    error_messages={"required": _("Choose the person.")})
    purpose = forms.ChoiceField(label=_("Purpose"), choices=with_empty(Purpose.choices),
                                error_messages={"required": _("Choose the purpose.")})
    recipient = forms.ModelChoiceField(
        label=_("Recipient"), queryset=Organisation.objects.none(), empty_label=_("— choose —"),
        help_text=_("The organisation the data may be shared with."),
        error_messages={"required": _("Choose the recipient.")},
    )
    categories = forms.MultipleChoiceField(
        label=_("Which data"), choices=DataCategory.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose which data may be shared.")},
    )
    method = forms.ChoiceField(label=_("How was it given?"),
                               choices=with_empty(ConsentMethod.choices),
                               error_messages={"required": _("Say how the consent was given.")})
    valid_until = date_field(_("Valid until"))
    note = forms.CharField(label=_("Note"), required=False, max_length=300)

    def __init__(self, *args: Any, persons: QuerySet[Person] | None = None,
                 organisations: QuerySet[Organisation] | None = None, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "consent")
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        recipient = self.fields["recipient"]
        assert isinstance(person, forms.ModelChoiceField)
        assert isinstance(recipient, forms.ModelChoiceField)
        if persons is not None:
            person.queryset = persons
        if organisations is not None:
            recipient.queryset = organisations


class WithdrawForm(SchakelForm):
    note = forms.CharField(label=_("Note on the withdrawal"), required=False, max_length=300)


class FlagForm(SchakelForm):
    kind = forms.ChoiceField(label=_("Flag"), choices=with_empty(FlagKind.choices),
                             error_messages={"required": _("Choose the kind of flag.")})
    person = forms.ModelChoiceField(
        label=_("About whom"), queryset=Person.objects.none(), required=False,
        empty_label=_("The whole household"),
    )
    note = forms.CharField(label=_("Explanation"), required=False, max_length=300)

    def __init__(self, *args: Any, persons: QuerySet[Person] | None = None,
                 **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "flag")
        super().__init__(*args, **kwargs)
        person = self.fields["person"]
        assert isinstance(person, forms.ModelChoiceField)
        if persons is not None:
            person.queryset = persons


class EmergencyForm(SchakelForm):
    reference = forms.CharField(widget=forms.HiddenInput)
    reason = forms.CharField(
        label=_("Why do you need access now?"), min_length=EMERGENCY_REASON_MIN_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Your team leader and the privacy officer are alerted and judge this "
                    "reason afterwards."),
        error_messages={
            "required": _("Write down why you need access."),
            "min_length": _("Write down why you need access now, in at least "
                            "%(limit_value)d characters."),
        },
    )
