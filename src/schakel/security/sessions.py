"""Session facts the guard checks: since when, verified how, still valid."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.sessions.models import Session
from django.http import HttpRequest
from django.utils import timezone

from schakel.security.models import SessionCutoff

SINCE_KEY = "security_since"  # epoch seconds the user signed in
SEEN_KEY = "security_seen"  # epoch seconds of the last request (to the minute)
IDP_MFA_KEY = "security_idp_mfa"  # the identity provider asserted a second factor


def mark_signed_in(request: HttpRequest) -> None:
    request.session[SINCE_KEY] = time.time()
    request.session[SEEN_KEY] = time.time()


def verified(request: HttpRequest) -> bool:
    user: Any = request.user
    return bool(getattr(user, "is_verified", lambda: False)()
                or request.session.get(IDP_MFA_KEY))


def has_device(user: AbstractBaseUser | AnonymousUser) -> bool:
    from schakel.security.totp import confirmed_device

    return isinstance(user, AbstractBaseUser) and confirmed_device(user) is not None


def ended_elsewhere(request: HttpRequest) -> bool:
    """True when "log out everywhere" was chosen after this session began."""
    cutoff = (SessionCutoff.objects.filter(user_id=request.user.pk or 0)
              .values_list("not_before", flat=True).first())
    if cutoff is None:
        return False
    since = request.session.get(SINCE_KEY, 0)
    return bool(since < cutoff.timestamp())


def end_all_sessions(user: AbstractBaseUser) -> int:
    """Invalidate every session of the user; returns how many stored sessions were removed."""
    now = timezone.now()
    SessionCutoff.objects.update_or_create(user=user, defaults={"not_before": now})
    removed = 0
    for session in Session.objects.filter(expire_date__gt=now - dt.timedelta(seconds=1)):
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            removed += 1
    return removed
