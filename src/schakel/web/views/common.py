"""Small helpers shared by the views."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest

PAGE_SIZE = 25


def paginate(request: HttpRequest, items: QuerySet[Any], number: Any = None) -> Page[Any]:
    return Paginator(items, PAGE_SIZE).get_page(number or request.GET.get("page"))


def unbound_copy(form: forms.Form, **kwargs: Any) -> forms.Form:
    """The same form, unbound, pre-filled with what the user typed (no errors shown)."""
    initial = {name: form[name].value() for name in form.fields}
    return type(form)(initial=initial, prefix=form.prefix, **kwargs)
