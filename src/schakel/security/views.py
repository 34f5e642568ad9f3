"""Second-factor pages, logging out everywhere, and the health endpoints."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django_otp import login as otp_login

from schakel.privacy import audit
from schakel.security import totp
from schakel.security.forms import CodeForm
from schakel.security.middleware import safe_next
from schakel.security.sessions import end_all_sessions, verified
from schakel.tenancy.models import StaffProfile


def _staff(request: HttpRequest) -> StaffProfile | None:
    return StaffProfile.objects.filter(user_id=request.user.pk or 0).first()


def _done(request: HttpRequest) -> HttpResponse:
    return redirect(safe_next(request, request.POST.get("next") or request.GET.get("next", ""))
                    or "web:home")


def _wrong_code(form: CodeForm) -> None:
    form.add_error("code", _("This code is not correct or has already been used. "
                             "Wait for the next code and try again."))


@never_cache
@login_required
def verify(request: HttpRequest) -> HttpResponse:
    """Second step of logging in: a current code from the user's authenticator app."""
    if verified(request):
        return _done(request)
    device = totp.confirmed_device(request.user)  # type: ignore[arg-type]
    if device is None:
        return redirect("security:enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        allowed, _details = device.verify_is_allowed()
        if allowed and device.verify_token(form.cleaned_data["code"]):
            otp_login(request, device)
            return _done(request)
        _wrong_code(form)
    return render(request, "security/verify.html", {
        "form": form, "next": request.GET.get("next", ""),
    }, status=400 if form.errors else 200)


@never_cache
@login_required
def enrol(request: HttpRequest) -> HttpResponse:
    """First login: connect an authenticator app (QR code or typed secret), confirm a code."""
    if totp.confirmed_device(request.user) is not None:  # type: ignore[arg-type]
        return redirect("security:verify")
    device = totp.pending_device(request.user)  # type: ignore[arg-type]
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            audit.write("second_factor_enrolled", staff=_staff(request),
                        actor=request.user.get_username())
            otp_login(request, device)
            messages.success(request, _("Your authenticator app is connected."))
            return _done(request)
        _wrong_code(form)
    return render(request, "security/enrol.html", {
        "form": form, "qr": totp.qr_svg(device), "secret": totp.secret_of(device),
        "next": request.GET.get("next", ""),
    }, status=400 if form.errors else 200)


@require_POST
@login_required
def logout_everywhere(request: HttpRequest) -> HttpResponse:
    user = request.user
    audit.write("logout_everywhere", staff=_staff(request), actor=user.get_username())
    end_all_sessions(user)  # type: ignore[arg-type]
    logout(request)
    messages.info(request, _("You have been logged out on every device."))
    return redirect("login")


def locked_out(request: HttpRequest, response: Any = None, credentials: Any = None
               ) -> HttpResponse:
    """django-axes calls this when a locked account tries to log in."""
    return render(request, "security/locked.html", status=403)


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """Liveness: the process answers. No database, no personal data."""
    return JsonResponse({"status": "ok"})


@never_cache
def ready(request: HttpRequest) -> JsonResponse:
    """Readiness: the database answers and every migration has been applied."""
    try:
        executor = MigrationExecutor(connection)
        pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": False}, status=503)
    if pending:
        return JsonResponse({"status": "unavailable", "database": True,
                             "pending_migrations": len(pending)}, status=503)
    return JsonResponse({"status": "ok", "database": True, "pending_migrations": 0})
