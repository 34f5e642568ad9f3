"""TOTP devices: the second factor every account confirms after its password.

django-otp stores the device and checks codes (one use per time step,
throttling after failures); this module adds the few things Schakel needs
around it: finding or starting a user's device, the QR code for enrolment,
and the demo's known synthetic secrets.
"""

from __future__ import annotations

import hashlib
from base64 import b32encode

import segno
from django.contrib.auth.models import AbstractBaseUser
from django_otp.oath import hotp
from django_otp.plugins.otp_totp.models import TOTPDevice

DEVICE_NAME = "authenticator app"


def confirmed_device(user: AbstractBaseUser) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def pending_device(user: AbstractBaseUser) -> TOTPDevice:
    """The unconfirmed device shown during enrolment (one per user, kept until confirmed)."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device


def secret_of(device: TOTPDevice) -> str:
    """The base32 secret an authenticator app asks for when typed in by hand."""
    return b32encode(device.bin_key).decode().rstrip("=")


def qr_svg(device: TOTPDevice) -> str:
    """The enrolment QR code as inline SVG (no external image, no inline style)."""
    return segno.make(device.config_url, error="m").svg_inline(scale=4, omitsize=True)


def code_at(device: TOTPDevice, step: int) -> str:
    return str(hotp(device.bin_key, step, device.digits)).zfill(device.digits)


def demo_key(username: str) -> str:
    """A known synthetic secret (hex) for a demo account; never used outside the demo."""
    return hashlib.sha256(f"schakel-demo-totp:{username}".encode()).hexdigest()[:40]


def give_device(user: AbstractBaseUser, key_hex: str | None = None) -> TOTPDevice:
    """Replace the user's devices with one confirmed device (demo and test setup)."""
    TOTPDevice.objects.filter(user=user).delete()
    extra = {"key": key_hex} if key_hex else {}
    return TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=True, **extra)
