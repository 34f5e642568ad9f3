"""Partner tokens: created and revoked by an administrator, checked and rate-limited per request.

A token is shown once, at creation; only its SHA-256 digest is kept, so a
leaked database does not leak usable tokens. Rate limits count requests per
token per minute in Django's cache: the default local-memory cache counts per
process, so a production server with several worker processes configures a
shared cache (Redis) in ``CACHES`` to make the limit hold across them.
"""

from __future__ import annotations

import hashlib
import secrets
import time

from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.api.constants import DEFAULT_RATE_PER_MINUTE, SOURCE_OF_KIND, Scope
from schakel.api.models import PartnerToken
from schakel.cases.services import CaseError
from schakel.tenancy.constants import Role
from schakel.tenancy.models import Organisation, StaffProfile
from schakel.tenancy.services import StaffInput, create_staff

TOKEN_PREFIX = "skl_"


def digest(plain: str) -> str:
    return hashlib.sha256(plain.encode("utf-8", errors="replace")).hexdigest()


def api_account(organisation: Organisation) -> StaffProfile:
    """The organisation's API account: records its submissions; cannot log in."""
    external_id = f"api-account-{organisation.external_id}"[:80]
    existing = StaffProfile.objects.filter(external_id=external_id).first()
    if existing is not None:
        return existing
    assert organisation.municipality is not None
    return create_staff(organisation.municipality, StaffInput(
        username=f"api-{secrets.token_hex(6)}", display_name=f"API {organisation.name}"[:160],
        organisation=organisation, roles=[Role.PARTNER], external_id=external_id))


@transaction.atomic
def create_token(
    organisation: Organisation, *, name: str, scopes: list[str], created_by: str = "",
    rate_per_minute: int = DEFAULT_RATE_PER_MINUTE,
) -> tuple[PartnerToken, str]:
    """A new token for ``organisation``; returns it with the plain text, shown only now."""
    errors: dict[str, str] = {}
    if organisation.kind not in SOURCE_OF_KIND:
        errors["organisation"] = _(
            "Only GP practices, police, housing corporations, schools and welfare "
            "organisations get partner tokens; %(name)s is a %(kind)s."
        ) % {"name": organisation.name, "kind": organisation.get_kind_display()}
    elif organisation.municipality is None:
        errors["organisation"] = _("Link %(name)s to a municipality first.") % {
            "name": organisation.name}
    if not scopes or any(s not in Scope.values for s in scopes):
        errors["scopes"] = _("Choose the scopes from: %(scopes)s.") % {
            "scopes": ", ".join(Scope.values)}
    if not name.strip():
        errors["name"] = _("Give the token a name, e.g. the software that uses it.")
    if rate_per_minute < 1:
        errors["rate_per_minute"] = _("Allow at least one request per minute.")
    if errors:
        raise CaseError(errors)
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = PartnerToken.objects.create(
        organisation=organisation, account=api_account(organisation), name=name.strip()[:120],
        prefix=plain[:12], digest=digest(plain), scopes=sorted(set(scopes)),
        rate_per_minute=rate_per_minute, created_at=timezone.now(),
        created_by=created_by[:160],
    )
    return token, plain


@transaction.atomic
def revoke_token(prefix: str) -> PartnerToken:
    token = PartnerToken.objects.select_for_update().filter(prefix=prefix).first()
    if token is None:
        raise CaseError({"prefix": _("No token starts with %(prefix)s.") % {"prefix": prefix}})
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def authenticate(plain: str) -> PartnerToken | None:
    """The active token with this text, or None."""
    if not plain.startswith(TOKEN_PREFIX) or len(plain) > 200:
        return None
    token = (PartnerToken.objects.select_related("organisation", "account")
             .filter(digest=digest(plain), revoked_at__isnull=True).first())
    if token is not None:
        PartnerToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token


def seconds_until_allowed(token: PartnerToken, now: float | None = None) -> int:
    """0 when the request may go ahead; else seconds until the next minute window."""
    now = time.time() if now is None else now
    window = int(now // 60)
    key = f"api-rate:{token.prefix}:{window}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=120)
        count = 1
    if count <= token.rate_per_minute:
        return 0
    return max(1, int((window + 1) * 60 - now))
