"""Optional OpenID Connect login through a municipality's own identity provider.

Off unless ``OIDC_RP_CLIENT_ID`` is set. Only existing accounts can log in
(matched on e-mail address; accounts come from the staff import). The
session counts as having passed the second factor only when the identity
provider asserts a multi-factor login in the ID token: an ``acr`` value listed
in ``OIDC_MFA_ACR_VALUES`` or an ``amr`` method listed in
``OIDC_MFA_AMR_VALUES``. Otherwise Schakel asks for its own TOTP code.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.conf import settings
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from schakel.security.sessions import IDP_MFA_KEY


def asserts_mfa(claims: dict[str, Any], acr_values: Iterable[str],
                amr_values: Iterable[str]) -> bool:
    """The rule: a listed acr, or at least one listed amr method, in the ID token."""
    acr = claims.get("acr")
    if isinstance(acr, str) and acr in set(acr_values):
        return True
    amr = claims.get("amr")
    if isinstance(amr, list):
        return bool(set(amr) & set(amr_values))
    return False


class MunicipalOIDCBackend(OIDCAuthenticationBackend):
    def get_or_create_user(self, access_token: str, id_token: str, payload: dict[str, Any]
                           ) -> Any:
        user = super().get_or_create_user(access_token, id_token, payload)
        if user is not None and self.request is not None:
            self.request.session[IDP_MFA_KEY] = asserts_mfa(
                payload, settings.OIDC_MFA_ACR_VALUES, settings.OIDC_MFA_AMR_VALUES)
        return user
