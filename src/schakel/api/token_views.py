"""Partner tokens page for administrators and privacy officers: create (shown once), revoke."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schakel.api import tokens
from schakel.api.constants import DEFAULT_RATE_PER_MINUTE, SOURCE_OF_KIND, Scope
from schakel.api.models import PartnerToken
from schakel.privacy.access import is_privacy_officer, log_change
from schakel.privacy.views.common import _gate
from schakel.tenancy.constants import Role
from schakel.tenancy.models import Organisation, StaffProfile
from schakel.web.forms.base import SchakelForm, add_service_errors, error_summary

token_admin_view = _gate(lambda s: s.has_role(Role.ADMIN) or is_privacy_officer(s))


class TokenForm(SchakelForm):
    organisation = forms.ModelChoiceField(label=gettext_lazy("Partner organisation"),
                                          queryset=Organisation.objects.none())
    name = forms.CharField(label=gettext_lazy("What uses the token"), max_length=120)
    scopes = forms.MultipleChoiceField(label=gettext_lazy("Scopes"), choices=Scope.choices,
                                       widget=forms.CheckboxSelectMultiple,
                                       initial=Scope.values)
    rate = forms.IntegerField(label=gettext_lazy("Requests per minute"), min_value=1,
                              max_value=10_000, initial=DEFAULT_RATE_PER_MINUTE)

    def __init__(self, *args: Any, staff: StaffProfile, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisation"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = Organisation.objects.filter(
            municipality_id=staff.municipality_id, kind__in=list(SOURCE_OF_KIND)
        ).order_by("name")


def _tokens(staff: StaffProfile) -> Any:
    return PartnerToken.objects.filter(
        organisation__municipality_id=staff.municipality_id).select_related("organisation")


@token_admin_view
def token_list(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    form = TokenForm(request.POST or None, staff=staff)
    plain = ""
    if request.method == "POST" and "revoke" in request.POST:
        token = _tokens(staff).filter(prefix=request.POST["revoke"]).first()
        if token is not None:
            tokens.revoke_token(token.prefix)
            log_change(staff, "partner_token_revoked", fields="partner token",
                       detail=f"token={token.prefix} org={token.organisation_id}")
            messages.success(request, _("Token %(prefix)s revoked.") % {"prefix": token.prefix})
        return redirect("partner:tokens")
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            token, plain = tokens.create_token(
                d["organisation"], name=d["name"], scopes=d["scopes"],
                created_by=staff.display_name, rate_per_minute=d["rate"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            log_change(staff, "partner_token_created", fields="partner token",
                       detail=f"token={token.prefix} org={token.organisation_id}")
            form = TokenForm(staff=staff)
    status = 400 if form.is_bound and form.errors else 200
    return render(request, "api/tokens.html", {
        "nav": "tokens", "form": form, "plain": plain, "tokens": _tokens(staff),
        "errors_summary": error_summary(form)}, status=status)
