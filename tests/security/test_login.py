"""Logging in: password, then a TOTP code; lockout; argon2; idle expiry; logging out everywhere."""

from __future__ import annotations

import time

import pytest
from django.contrib.auth.hashers import make_password
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django.urls import reverse

from schakel.privacy.models import AccessLog
from schakel.security import sessions
from schakel.security.totp import code_at, pending_device
from tests.conftest import PASSWORD, authenticator, fresh_code, sign_in

pytestmark = pytest.mark.django_db


def password_only(client: Client, username: str, password: str = PASSWORD):
    return client.post(reverse("login"), {"username": username, "password": password})


def test_a_login_without_the_second_factor_opens_no_page(worker, episode):
    authenticator(worker.user)
    client = Client()
    assert password_only(client, "coach").status_code == 302
    for name, args in [("web:caseload", []), ("web:search", []),
                       ("web:household", [episode.household.reference])]:
        response = client.get(reverse(name, args=args))
        assert response.status_code == 302
        assert response.url.startswith(reverse("security:verify"))
    assert "Sanne" not in client.get(reverse("web:caseload"), follow=True).content.decode()


def test_a_wrong_code_is_refused_and_the_right_one_lets_me_in(worker):
    device = authenticator(worker.user)
    client = Client()
    password_only(client, "coach")
    wrong = str((int(fresh_code(device)) + 1) % 1_000_000).zfill(6)
    response = client.post(reverse("security:verify"), {"code": wrong})
    assert response.status_code == 400
    assert "This code is not correct" in response.content.decode()
    device.throttle_reset()
    response = client.post(reverse("security:verify"), {"code": fresh_code(device)})
    assert response.status_code == 302
    assert client.get(reverse("web:caseload")).status_code == 200


def test_a_code_is_accepted_only_once(worker):
    device = authenticator(worker.user)
    device.tolerance = 0
    device.save()
    code = fresh_code(device)
    first, second = Client(), Client()
    password_only(first, "coach")
    password_only(second, "coach")
    assert first.post(reverse("security:verify"), {"code": code}).status_code == 302
    assert second.post(reverse("security:verify"), {"code": code}).status_code == 400


def test_an_account_without_an_app_is_sent_to_enrolment_and_connects_one(worker):
    client = Client()
    password_only(client, "coach")
    response = client.get(reverse("web:caseload"))
    assert response.url.startswith(reverse("security:enrol"))
    page = client.get(response.url).content.decode()
    assert "<svg" in page and 'id="totp-secret"' in page
    device = pending_device(worker.user)
    step = int((time.time() - device.t0) // device.step)
    response = client.post(reverse("security:enrol"), {"code": code_at(device, step)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert client.get(reverse("web:caseload")).status_code == 200
    assert AccessLog.objects.filter(action="second_factor_enrolled").exists()


def test_ten_wrong_passwords_lock_the_account_until_an_administrator_unlocks_it(worker):
    authenticator(worker.user)
    for _ in range(10):
        response = password_only(Client(), "coach", "wrong-password")
    assert response.status_code == 403
    assert "Account locked" in response.content.decode()
    locked = password_only(Client(), "coach")
    assert locked.status_code == 403  # even the right password
    call_command("unlock", "coach", "--by", "Functioneel Beheer")
    assert password_only(Client(), "coach").status_code == 302
    record = AccessLog.objects.get(action="account_unlocked")
    assert record.actor == "Functioneel Beheer" and "coach" in record.detail


def test_nine_wrong_passwords_do_not_lock_and_a_good_login_resets_the_count(worker):
    authenticator(worker.user)
    for _ in range(9):
        password_only(Client(), "coach", "wrong-password")
    assert password_only(Client(), "coach").status_code == 302
    for _ in range(9):
        password_only(Client(), "coach", "wrong-password")
    assert password_only(Client(), "coach").status_code == 302


def test_passwords_are_stored_with_argon2(settings):
    from schakel.config import settings as production  # the list the fixture replaces

    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    assert make_password("Een-lang-wachtwoord-2026").startswith("argon2$")


@pytest.mark.parametrize("password", ["kort", "1234567890123", "password123"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_session_idle_for_longer_than_the_limit_is_logged_out(worker, login, settings):
    client = login(worker)
    session = client.session
    session[sessions.SEEN_KEY] = time.time() - settings.SESSION_IDLE_TIMEOUT - 5
    session.save()
    response = client.get(reverse("web:caseload"))
    assert response.status_code == 302 and response.url == reverse("login")
    assert client.get(reverse("web:caseload")).status_code == 302  # still out


def test_an_active_session_stays_open(worker, login, settings):
    client = login(worker)
    session = client.session
    session[sessions.SEEN_KEY] = time.time() - settings.SESSION_IDLE_TIMEOUT + 60
    session.save()
    assert client.get(reverse("web:caseload")).status_code == 200


def test_logging_out_everywhere_ends_my_other_sessions_and_is_audited(worker, login):
    laptop, phone = login(worker), login(worker)
    assert phone.get(reverse("web:caseload")).status_code == 200
    response = laptop.post(reverse("security:logout_everywhere"))
    assert response.status_code == 302
    for client in (laptop, phone):
        response = client.get(reverse("web:caseload"))
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    assert AccessLog.objects.filter(action="logout_everywhere", staff=worker).exists()
    assert sign_in(Client(), worker.user).get(reverse("web:caseload")).status_code == 200


def test_the_demo_code_command_prints_a_code_the_login_accepts(worker, settings, capsys):
    settings.DEBUG = True
    authenticator(worker.user)
    call_command("totp_code", "coach")
    code = capsys.readouterr().out.strip()
    client = Client()
    password_only(client, "coach")
    assert client.post(reverse("security:verify"), {"code": code}).status_code == 302


def test_the_demo_code_command_refuses_without_debug(worker, settings):
    settings.DEBUG = False
    authenticator(worker.user)
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("totp_code", "coach")
