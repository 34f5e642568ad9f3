"""Attribute audit records to the address a request came from."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

from schakel.privacy.audit import request_address


class AuditContextMiddleware:
    """Keeps ``REMOTE_ADDR`` in a context variable while the request is handled.

    Behind a reverse proxy, configure it to set ``REMOTE_ADDR`` (e.g. uWSGI's or
    gunicorn's forwarded-allow settings); a client-supplied X-Forwarded-For is
    never trusted here.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with request_address(request.META.get("REMOTE_ADDR", "") or ""):
            return self.get_response(request)
