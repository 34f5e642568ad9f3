"""Shared fixtures: a small municipality with one team and its staff."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django_otp.plugins.otp_totp.models import TOTPDevice

from schakel.assessment.definitions import install_shipped
from schakel.assessment.services import MODELS
from schakel.cases import services
from schakel.cases.constants import Channel, Source, Urgency
from schakel.cases.services import RegistrationInput, register
from schakel.people.constants import HouseholdRole
from schakel.people.services import PersonInput
from schakel.security.totp import code_at, confirmed_device, give_device
from schakel.tenancy.constants import Registration, Role, UnitKind
from schakel.tenancy.models import Municipality, StaffProfile, Team
from schakel.tenancy.services import (
    StaffInput,
    TeamPlace,
    create_organisation,
    create_staff,
    create_team,
)

PASSWORD = "Wijkteam-Test-2026"


@pytest.fixture(autouse=True)
def english_messages():
    """Service messages are asserted in their English source; pages set their own language."""
    with translation.override("en"):
        yield


@pytest.fixture
def municipality(db) -> Municipality:
    return Municipality.objects.create(name="Testgemeente", cbs_code="GM9999", external_id="gm")


@pytest.fixture
def team(municipality) -> Team:
    return create_team(municipality, "Team Oost", external_id="team-oost")


@pytest.fixture
def other_team(municipality) -> Team:
    return create_team(municipality, "Team West", external_id="team-west")


def make_staff(municipality, team, username, role=Role.TEAM_MEMBER, unit=None, **extra):
    org = create_organisation(f"Org {username}", external_id=f"org-{username}")
    return create_staff(
        municipality,
        StaffInput(
            username=username,
            display_name=extra.pop("display_name", username.title()),
            organisation=org,
            password=PASSWORD,
            places=[TeamPlace(team, role, unit)] if team else [],
            external_id=f"staff-{username}",
            **extra,
        ),
    )


@pytest.fixture
def worker(municipality, team) -> StaffProfile:
    return make_staff(
        municipality, team, "coach",
        display_name="Coach Jansen",
        registration_kind=Registration.SKJ,
        registration_number="100012345",
        registration_expires=dt.date(2030, 1, 1),
    )


@pytest.fixture
def second_worker(municipality, team) -> StaffProfile:
    return make_staff(
        municipality, team, "coach2",
        display_name="Coach de Vries",
        registration_kind=Registration.BIG,
        registration_number="19012345601",
    )


@pytest.fixture
def leader(municipality, team) -> StaffProfile:
    return make_staff(municipality, team, "leider", Role.TEAM_LEADER, UnitKind.ADULTS)


def family_members() -> list[PersonInput]:
    return [
        PersonInput(
            given_name="Sanne", family_name="Bakker", role=HouseholdRole.PARENT,
            birth_date=dt.date(1988, 4, 2), bsn="999990019", postcode="3111 AB",
            street="Teststraat", house_number="1", city="Schiedam",
        ),
        PersonInput(
            given_name="Mila", family_name="Bakker", role=HouseholdRole.CHILD,
            birth_date=dt.date(2014, 9, 15), postcode="3111AB",
        ),
    ]


@pytest.fixture
def episode(team, worker):
    return register(
        worker,
        RegistrationInput(
            team=team, unit=UnitKind.YOUTH, source=Source.GP, channel=Channel.PHONE,
            urgency=Urgency.NORMAL, referrer_name="Huisarts Smit",
        ),
        household_name="Bakker",
        members=family_members(),
    )


@pytest.fixture(autouse=True)
def fast_passwords(settings):
    """Tests log in often; a fast hasher keeps the suite quick (production uses argon2)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def authenticator(user: Any) -> TOTPDevice:
    """The user's authenticator device, created on first use (as after enrolment)."""
    device = confirmed_device(user)
    if device is None:
        device = give_device(user)
        # Tests sign the same person in from several clients within one 30-second
        # step; a wider window leaves fresh codes for them (each code still once).
        device.tolerance = 10
        device.save(update_fields=["tolerance"])
    return device


def fresh_code(device: TOTPDevice) -> str:
    """A real code the device will accept now: the current step, or a later unused one."""
    while True:
        device.refresh_from_db()
        now = int((time.time() - device.t0) // device.step) + device.drift
        step = max(now, device.last_t + 1)
        if step <= now + device.tolerance:
            return code_at(device, step)
        time.sleep(1)


def sign_in(client: Client, user: Any, password: str = PASSWORD) -> Client:
    """Log in through the login page, then pass the second step with a real TOTP code."""
    authenticator(user)
    response = client.post("/login/", {"username": user.username, "password": password})
    assert response.status_code == 302, f"login refused for {user.username}"
    response = client.post(reverse("security:verify"),
                           {"code": fresh_code(authenticator(user))})
    assert response.status_code == 302, f"second factor refused for {user.username}"
    return client


@pytest.fixture
def login() -> Callable[[StaffProfile], Client]:
    """A client signed in as the given staff member (password and second factor)."""
    def _login(staff: StaffProfile) -> Client:
        user = staff.user if isinstance(staff, StaffProfile) else staff
        return sign_in(Client(), user)

    return _login


@pytest.fixture
def shipped_instruments(db) -> None:
    """The data migration loads them; a browser test's flush may have removed them."""
    install_shipped(MODELS)


@pytest.fixture
def admin(municipality) -> StaffProfile:
    return make_staff(municipality, None, "beheerder", roles=[Role.ADMIN],
                      display_name="Functioneel Beheer")


@pytest.fixture
def youth_leader(municipality, team) -> StaffProfile:
    return make_staff(municipality, team, "jeugdleider", Role.TEAM_LEADER, UnitKind.YOUTH,
                      display_name="Leider Jeugd")


@pytest.fixture
def unregistered(municipality, team) -> StaffProfile:
    """A team member of the adults unit without an SKJ or BIG registration."""
    return make_staff(municipality, team, "zonderskj", Role.TEAM_MEMBER, UnitKind.ADULTS,
                      display_name="Wijkcoach Zonder")


@pytest.fixture
def active_episode(episode, worker):
    """The Bakker youth episode, assigned to Coach Jansen, help started."""
    services.assign(episode, worker, by=worker)
    services.start_help(episode, by=worker)
    episode.refresh_from_db()
    return episode
