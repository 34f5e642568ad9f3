"""The lockout check in front of the password check."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpRequest


class LockoutBackend(AxesStandaloneBackend):
    """django-axes' lockout check, skipped for calls without a web request.

    Web logins always pass their request and are checked; a console command
    or test calling ``authenticate()`` without one is not a login attempt
    over the network and is left to the password check alone.
    """

    def authenticate(self, request: HttpRequest | None, username: str | None = None,
                     password: str | None = None, **kwargs: Any) -> Any:
        if request is None:
            return None
        return super().authenticate(request, username, password, **kwargs)
