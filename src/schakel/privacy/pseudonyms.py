"""Stable pseudonyms for multi-agency tables that have no basis to learn who is discussed.

``pseudonym(table, person)`` is the same every time for the same table and
person, differs between tables (members of two tables cannot link their
notes), and cannot be turned back into the person without the server's
secret: HMAC-SHA256 keyed with ``SECRET_KEY`` and the table key.
"""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings

from schakel.people.models import Household, Person

# Crockford's base 32: no I, L, O or U, so a pseudonym reads aloud without confusion.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _key(table_key: str) -> bytes:
    return hmac.new(settings.SECRET_KEY.encode(), f"schakel-pseudonym:{table_key}".encode(),
                    hashlib.sha256).digest()


def pseudonym(table_key: str, subject: Person | Household | int) -> str:
    """E.g. ``P-7K3Q-9XWD`` for a person, ``H-…`` for a household (an int is a person id)."""
    prefix = "H" if isinstance(subject, Household) else "P"
    ident = subject if isinstance(subject, int) else subject.pk
    digest = hmac.new(_key(table_key), f"{prefix}:{ident}".encode(), hashlib.sha256).digest()
    number = int.from_bytes(digest[:5], "big")  # 40 bits: 8 symbols of 5 bits
    symbols = "".join(ALPHABET[(number >> shift) & 31] for shift in range(35, -1, -5))
    return f"{prefix}-{symbols[:4]}-{symbols[4:]}"
