"""Forms of the privacy pages (privacy officer, team leader review, partner)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from schakel.privacy.constants import DataCategory, Purpose, RequestStatus, Verdict
from schakel.tenancy.models import Organisation
from schakel.web.forms.base import SchakelForm, date_field, with_empty

OUTCOMES = [(v, label) for v, label in RequestStatus.choices if v != RequestStatus.RECEIVED]


class AuditFilterForm(SchakelForm):
    actor = forms.CharField(label=_("Who"), required=False, max_length=80)
    household = forms.CharField(label=_("Household reference"), required=False, max_length=20)
    bsn = forms.CharField(label=_("BSN of the person"), required=False, max_length=11)
    action = forms.CharField(label=_("Action"), required=False, max_length=40,
                             help_text=_("e.g. household_view, change:, break_the_glass"))
    start = date_field(_("From"))
    end = date_field(_("Until"))


class PersonSearchForm(SchakelForm):
    q = forms.CharField(label=_("Name or BSN"), max_length=100,
                        error_messages={"required": _("Type a name or a BSN.")},
                        widget=forms.TextInput(attrs={"autocomplete": "off", "type": "search"}))


class CorrectionForm(SchakelForm):
    request = forms.CharField(label=_("What should be corrected?"),
                              widget=forms.Textarea(attrs={"rows": 3}),
                              error_messages={"required": _("Describe what should be corrected.")})


class ObjectionForm(SchakelForm):
    purpose = forms.ChoiceField(label=_("Objection to processing for"),
                                choices=with_empty(Purpose.choices),
                                error_messages={"required": _("Choose the purpose.")})
    grounds = forms.CharField(label=_("Grounds"), widget=forms.Textarea(attrs={"rows": 3}),
                              error_messages={"required": _("Write down the grounds.")})


class HandleForm(SchakelForm):
    status = forms.ChoiceField(label=_("Outcome"), choices=with_empty(OUTCOMES),
                               error_messages={"required": _("Choose the outcome.")})
    response = forms.CharField(label=_("What was decided and why"),
                               widget=forms.Textarea(attrs={"rows": 2}),
                               error_messages={"required": _("Write down the decision.")})


class ReviewForm(SchakelForm):
    verdict = forms.ChoiceField(
        label=_("Was the access justified?"), widget=forms.RadioSelect,
        choices=[(Verdict.JUSTIFIED.value, Verdict.JUSTIFIED.label),
                 (Verdict.NOT_JUSTIFIED.value, Verdict.NOT_JUSTIFIED.label)],
        error_messages={"required": _("Choose whether the access was justified.")},
    )
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 2}),
                           help_text=_("Required when the access was not justified."))


class CovenantForm(SchakelForm):
    name = forms.CharField(label=_("Name"), max_length=160)
    parties = forms.ModelMultipleChoiceField(
        label=_("Parties"), queryset=Organisation.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("A covenant has at least two parties.")},
    )
    purposes = forms.MultipleChoiceField(label=_("Purposes"), choices=Purpose.choices,
                                         widget=forms.CheckboxSelectMultiple)
    categories = forms.MultipleChoiceField(label=_("Data categories"),
                                           choices=DataCategory.choices,
                                           widget=forms.CheckboxSelectMultiple)
    valid_from = date_field(_("Valid from"), required=True)
    valid_until = date_field(_("Valid until"))
    document_reference = forms.CharField(label=_("Document reference"), max_length=200,
                                         help_text=_("Where the signed covenant is filed."))

    def __init__(self, *args: Any, organisations: QuerySet[Organisation] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        parties = self.fields["parties"]
        assert isinstance(parties, forms.ModelMultipleChoiceField)
        if organisations is not None:
            parties.queryset = organisations


class EraseForm(SchakelForm):
    confirm = forms.BooleanField(
        label=_("I have checked the list: erase the personal data of these households."),
        error_messages={"required": _("Confirm the erasure.")},
    )
