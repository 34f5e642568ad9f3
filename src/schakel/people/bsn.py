"""The burgerservicenummer (BSN) and its 11-test (elfproef)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def passes_eleven_test(value: str) -> bool:
    """True when ``value`` is nine digits whose weighted sum is divisible by 11.

    Weights are 9, 8, ..., 2 for the first eight digits and -1 for the last.
    """
    if len(value) != 9 or not value.isdigit() or value == "000000000":
        return False
    digits = [int(c) for c in value]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0


def normalise(value: str) -> str:
    """Strip spaces, dots and dashes; pad an eight-digit BSN with a leading zero."""
    cleaned = "".join(c for c in value if c.isdigit())
    if len(cleaned) == 8:
        cleaned = "0" + cleaned
    return cleaned


def validate_bsn(value: str) -> None:
    if not passes_eleven_test(normalise(value)):
        raise ValidationError(
            _("BSN %(value)s is not valid: it must be 9 digits and pass the 11-test."),
            params={"value": value},
            code="invalid_bsn",
        )
