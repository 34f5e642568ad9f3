"""Form plumbing shared by every page: accessible rendering and service errors.

Forms render with ``novalidate`` semantics (no HTML ``required``) so that every
error comes from the server in one consistent, accessible way: next to its
field, tied with ``aria-describedby``, and listed in a summary at the top.
A required field says so to assistive technology with ``aria-required``
(a radio group on its fieldset), and is the one a user must fill in; the
effort measurement counts them from the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms.renderers import DjangoTemplates
from django.forms.utils import ErrorList
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _

DATETIME_LOCAL = "%Y-%m-%dT%H:%M"
TIMING_FIELDS = ("occurred_at", "backdate_reason")


class SchakelRenderer(DjangoTemplates):
    form_template_name = "web/forms/form.html"
    field_template_name = "web/forms/field.html"


RENDERER = SchakelRenderer()


UNREQUIRABLE = (forms.RadioSelect, forms.CheckboxSelectMultiple, forms.HiddenInput)


class SchakelBoundField(forms.BoundField):
    """Marks a required field with ``aria-required`` (never in a blank extra formset row)."""

    def build_widget_attrs(self, attrs: Any, widget: Any = None) -> Any:
        attrs = super().build_widget_attrs(attrs, widget)
        widget = widget or self.field.widget
        if (self.field.required and not self.form.empty_permitted
                and not isinstance(widget, UNREQUIRABLE)):
            attrs["aria-required"] = "true"
        return attrs


class SchakelErrorList(ErrorList):
    """Field errors with a hidden "Error:" prefix for screen readers."""

    template_name = "web/forms/errors.html"


class SchakelForm(forms.Form):
    """A form that renders labels, hints and errors the Schakel way."""

    default_renderer = RENDERER
    use_required_attribute = False
    bound_field_class = SchakelBoundField

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("label_suffix", "")
        kwargs.setdefault("error_class", SchakelErrorList)
        super().__init__(*args, **kwargs)

    @property
    def main_fields(self) -> list[forms.BoundField]:
        return [f for f in self.visible_fields() if f.name not in TIMING_FIELDS]

    @property
    def timing_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in TIMING_FIELDS if name in self.fields]

    @property
    def timing_open(self) -> bool:
        """Show the date fields when the user filled them in or they have errors."""
        return self.is_bound and any(f.value() or f.errors for f in self.timing_fields)


def datetime_local_field(label: Any, help_text: Any = "") -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        required=False,
        help_text=help_text,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_LOCAL),
    )


def occurred_at_field() -> forms.DateTimeField:
    return datetime_local_field(
        _("When did it happen?"), _("Leave empty for now. Use this to record something later.")
    )


def backdate_reason_field() -> forms.CharField:
    return forms.CharField(
        label=_("Reason for recording it later"),
        required=False,
        max_length=300,
        help_text=_("Required when the date lies on an earlier day."),
    )


def date_field(label: Any, required: bool = False) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def with_empty(choices: Any, label: Any = None) -> list[tuple[str, Any]]:
    """Choices with an empty first option, so nothing is chosen by accident."""
    return [("", label or _("— choose —")), *list(choices)]


def add_service_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    """Put a service's ValidationError next to the fields it names, else on top."""
    if hasattr(exc, "error_dict"):
        for name, messages in exc.message_dict.items():
            target = name if name in form.fields else None
            for message in messages:
                form.add_error(target, message)
    else:
        for message in exc.messages:
            form.add_error(None, message)


def error_summary(*forms_: forms.BaseForm | forms.BaseFormSet | None) -> list[tuple[str, str]]:
    """(anchor, message) pairs for the error summary at the top of a page."""
    items: list[tuple[str, str]] = []
    for form in forms_:
        if form is None or not form.is_bound:
            continue
        if isinstance(form, forms.BaseFormSet):
            items += [("", str(m)) for m in form.non_form_errors()]
            items += error_summary(*form.forms)
            continue
        items += [("", str(m)) for m in form.non_field_errors()]
        for name, field_errors in form.errors.items():
            if name == "__all__":
                continue
            bound = form[name]
            anchor = bound.id_for_label or (f"{bound.auto_id}_0" if bound.use_fieldset else "")
            items += [(anchor, f"{form[name].label}: {m}") for m in field_errors]
    return items


def submit(
    request: HttpRequest,
    form: forms.BaseForm,
    action: Callable[[dict[str, Any]], object],
    success: str,
) -> bool:
    """Run a service with a valid form's data; service errors land on the form.

    Returns True when the action succeeded (a success message is queued), so
    the view can redirect; False when the form should be shown again.
    """
    if not form.is_valid():
        return False
    try:
        action(form.cleaned_data)
    except ValidationError as exc:
        add_service_errors(form, exc)
        return False
    messages.success(request, success)
    return True
