"""The registration (aanmelding) of a household, and the short contact."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from schakel.cases.constants import Channel, ShortContactCategory, Source, Urgency
from schakel.cases.services import RegistrationInput
from schakel.people.bsn import normalise, validate_bsn
from schakel.people.constants import HouseholdRole
from schakel.people.services import PersonInput
from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import StaffProfile, Team
from schakel.web.forms.base import (
    RENDERER,
    SchakelErrorList,
    SchakelForm,
    backdate_reason_field,
    date_field,
    datetime_local_field,
    occurred_at_field,
    with_empty,
)
from schakel.web.forms.privacy import note_category_field
from schakel.web.permissions import default_team

PROBLEMS = [("multiple", _("Multiple problems")), ("single", _("One problem"))]


def _teams(staff: StaffProfile, required: bool = True) -> forms.ModelChoiceField:
    field = forms.ModelChoiceField(
        label=_("Team"),
        queryset=Team.objects.filter(municipality=staff.municipality).order_by("name"),
        empty_label=None,
        initial=default_team(staff),
        required=required,
        error_messages={"required": _("Choose the team.")},
    )
    return field


class DefaultsForm(SchakelForm):
    """A form whose preset choices (``DEFAULTED``) need no answer: empty means the preset.

    The user is not asked for what is already known (the own team, the usual
    channel and urgency); the services still validate every value.
    """

    DEFAULTED: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in self.DEFAULTED:
            if name in self.fields:  # preset, so neither "required" nor "(optional)"
                self.fields[name].preset = True  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        for name in self.DEFAULTED:
            if name in self.fields and not cleaned.get(name) and name not in self.errors:
                preset = self.get_initial_for_field(self.fields[name], name)
                if preset in (None, ""):
                    self.add_error(name, self.fields[name].error_messages["required"])
                else:
                    cleaned[name] = preset
        return cleaned


class RegistrationForm(DefaultsForm):
    DEFAULTED = ("team", "channel", "urgency", "problems")

    team = forms.ModelChoiceField(queryset=Team.objects.none())
    unit = forms.ChoiceField(label=_("Unit"), choices=UnitKind.choices, widget=forms.RadioSelect)
    source = forms.ChoiceField(
        label=_("Source"),
        choices=with_empty(Source.choices),
        help_text=_("Who brought the signal."),
        error_messages={"required": _("Choose where the signal came from.")},
    )
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.PHONE,
                                required=False)
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=Urgency.choices, initial=Urgency.NORMAL,
        widget=forms.RadioSelect, required=False,
    )
    problems = forms.ChoiceField(
        label=_("Problems"), choices=PROBLEMS, initial="multiple", widget=forms.RadioSelect,
        required=False,
        help_text=_("Single-issue questions usually belong to the network; "
                    "consider a short contact."),
    )
    referrer_name = forms.CharField(label=_("Referrer's name"), required=False, max_length=160)
    referrer_organisation = forms.CharField(
        label=_("Referrer's organisation"), required=False, max_length=160
    )
    referrer_contact = forms.CharField(
        label=_("Referrer's phone or email"), required=False, max_length=160
    )
    description = forms.CharField(
        label=_("What is the signal about?"), required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    category = note_category_field(_("Does the signal contain sensitive data?"))
    household_name = forms.CharField(
        label=_("Household name"), required=False, max_length=160,
        help_text=_("Usually the family name; taken from the first person when empty."),
    )
    occurred_at = occurred_at_field()
    backdate_reason = backdate_reason_field()

    def __init__(self, *args: Any, staff: StaffProfile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"] = _teams(staff, required=False)
        self.fields["team"].preset = True  # type: ignore[attr-defined]
        self.initial.setdefault("team", default_team(staff))

    def registration_input(self) -> RegistrationInput:
        d = self.cleaned_data
        return RegistrationInput(
            team=d["team"],
            unit=d["unit"],
            source=d["source"],
            channel=d["channel"],
            urgency=d["urgency"],
            multiple_problems=d["problems"] == "multiple",
            referrer_name=d["referrer_name"],
            referrer_organisation=d["referrer_organisation"],
            referrer_contact=d["referrer_contact"],
            description=d["description"],
            occurred_at=d["occurred_at"],
            backdate_reason=d["backdate_reason"],
        )


ADDRESS_FIELDS = ("phone", "email", "street", "house_number", "postcode", "city")


class PersonForm(DefaultsForm):
    DEFAULTED = ("role",)  # the first person is a parent, the next ones children

    given_name = forms.CharField(label=_("Given name"), max_length=80)
    family_name_prefix = forms.CharField(label=_("Prefix"), required=False, max_length=20)
    family_name = forms.CharField(label=_("Family name"), max_length=120)
    birth_date = date_field(_("Birth date"))
    bsn = forms.CharField(
        label=_("BSN"), required=False, max_length=11,
        help_text=_("Citizen service number, 9 digits."),
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    role = forms.ChoiceField(label=_("Relation"), choices=HouseholdRole.choices, required=False)
    phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    email = forms.EmailField(label=_("Email"), required=False)
    street = forms.CharField(label=_("Street"), required=False, max_length=120)
    house_number = forms.CharField(label=_("House number"), required=False, max_length=20)
    postcode = forms.CharField(label=_("Postcode"), required=False, max_length=7)
    city = forms.CharField(label=_("City"), required=False, max_length=80)

    def clean_bsn(self) -> str:
        value: str = self.cleaned_data["bsn"].strip()
        if value:
            validate_bsn(value)
            return normalise(value)
        return ""

    @property
    def contact_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ADDRESS_FIELDS]

    @property
    def contact_open(self) -> bool:
        return self.is_bound and any(
            self[name].value() or self.errors.get(name) for name in ADDRESS_FIELDS
        )

    def person_input(self) -> PersonInput:
        d = self.cleaned_data
        return PersonInput(
            given_name=d["given_name"], family_name=d["family_name"], role=d["role"],
            family_name_prefix=d["family_name_prefix"], birth_date=d["birth_date"],
            bsn=d["bsn"], phone=d["phone"], email=d["email"], street=d["street"],
            house_number=d["house_number"], postcode=d["postcode"], city=d["city"],
        )


def default_role(index: int | None) -> str:
    return HouseholdRole.PARENT if index == 0 else HouseholdRole.CHILD


class BasePersonFormSet(forms.BaseFormSet):
    """Household members; the first is required, blank extra rows are ignored.

    ``rows`` pre-fills an unbound formset (used when a row is added), while a
    bound formset compares each row only with its default role, so a filled-in
    row is never mistaken for an untouched one.
    """

    default_renderer = RENDERER
    error_class = SchakelErrorList

    def __init__(self, *args: Any, rows: list[dict[str, Any]] | None = None, **kwargs: Any):
        self.rows = rows or []
        super().__init__(*args, **kwargs)
        if not self.is_bound and self.rows:
            self.extra = max(len(self.rows) - self.min_num, 0)

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        kwargs = super().get_form_kwargs(index)
        initial: dict[str, Any] = {"role": default_role(index)}
        if not self.is_bound and index is not None and index < len(self.rows):
            initial = self.rows[index]
        kwargs["initial"] = initial
        return kwargs

    def filled_forms(self) -> list[PersonForm]:
        return [f for f in self.forms if f.has_changed() and f.cleaned_data]

    def person_inputs(self) -> list[PersonInput]:
        return [f.person_input() for f in self.filled_forms()]

    def with_extra_row(self) -> BasePersonFormSet:
        """An unbound copy of this (bound) formset with one more, empty row."""
        rows = [{name: form[name].value() for name in form.fields} for form in self.forms]
        rows.append({"role": HouseholdRole.CHILD})
        return type(self)(prefix=self.prefix, rows=rows)


PersonFormSet = cast(
    type[BasePersonFormSet],
    forms.formset_factory(
        PersonForm, formset=BasePersonFormSet, extra=1, min_num=1, max_num=20,
    ),
)


class ShortContactForm(SchakelForm):
    team = forms.ModelChoiceField(queryset=Team.objects.none())
    category = forms.ChoiceField(label=_("What was it about?"),
                                 choices=with_empty(ShortContactCategory.choices))
    source = forms.ChoiceField(label=_("Source"), choices=with_empty(Source.choices))
    channel = forms.ChoiceField(label=_("Channel"), choices=Channel.choices, initial=Channel.PHONE)
    occurred_at = datetime_local_field(_("When did it happen?"), _("Leave empty for now."))
    note = forms.CharField(label=_("Note"), required=False,
                           widget=forms.Textarea(attrs={"rows": 3}),
                           help_text=_("No names: a short contact opens no case."))

    def __init__(self, *args: Any, staff: StaffProfile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["team"] = _teams(staff)
