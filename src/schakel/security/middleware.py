"""The session guard and the request log.

``SessionGuardMiddleware`` runs after authentication on every request of a
signed-in user and ends or holds the session when:

- it has been idle longer than ``SESSION_IDLE_TIMEOUT`` (signed out);
- the user chose "log out everywhere" after it began (signed out);
- the second factor has not been confirmed yet: every page except the
  login, second-factor, language and health pages redirects to the
  verification page (or to enrolment for a user without a device).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from schakel.security import sessions

OPEN_TO_UNVERIFIED = frozenset({
    "login", "logout", "set_language", "security:verify", "security:enrol",
    "security:health", "security:ready",
    "oidc_authentication_init", "oidc_authentication_callback", "oidc_logout",
})
SEEN_EVERY = 60  # seconds: the last-seen moment is saved at most once a minute

log = logging.getLogger("schakel.requests")


def _view_name(request: HttpRequest) -> str:
    try:
        return resolve(request.path_info).view_name
    except Resolver404:
        return ""


def safe_next(request: HttpRequest, value: str) -> str:
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return ""


class SessionGuardMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            refused = self._guard(request)
            if refused is not None:
                return refused
        return self.get_response(request)

    def _guard(self, request: HttpRequest) -> HttpResponse | None:
        now = time.time()
        session = request.session
        seen = session.get(sessions.SEEN_KEY)
        if seen is not None and now - seen > settings.SESSION_IDLE_TIMEOUT:
            logout(request)
            messages.info(request, _(
                "You have been logged out after %(minutes)d minutes without activity."
            ) % {"minutes": settings.SESSION_IDLE_TIMEOUT // 60})
            return self._to_login(request)
        if seen is None or now - seen > SEEN_EVERY:
            session[sessions.SEEN_KEY] = now
        if sessions.ended_elsewhere(request):
            logout(request)
            messages.info(request, _("You have been logged out on every device."))
            return self._to_login(request)
        if sessions.verified(request):
            return None
        name = _view_name(request)
        if name in OPEN_TO_UNVERIFIED:
            return None
        target = "security:verify" if sessions.has_device(request.user) else "security:enrol"
        query = urlencode({"next": request.get_full_path()}) if request.method == "GET" else ""
        return redirect(f"{_reverse(target)}{'?' + query if query else ''}")

    @staticmethod
    def _to_login(request: HttpRequest) -> HttpResponse:
        return redirect(settings.LOGIN_URL)


def _reverse(name: str) -> str:
    from django.urls import reverse

    return reverse(name)


class RequestLogMiddleware:
    """One structured log line per request: path without query string, no names."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        log.info("%s %s %s", request.method, request.path, response.status_code, extra={
            "method": request.method,
            "path": request.path,  # never the query string: it may hold search terms
            "status": response.status_code,
            "ms": round((time.perf_counter() - started) * 1000, 1),
            "user_id": user.pk if user is not None and user.is_authenticated else None,
        })
        return response
