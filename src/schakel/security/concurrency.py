"""No lost updates: a record's revision travels with the edit form.

A form that edits a versioned record carries one hidden, signed token: the
record's revision when the form was shown and a digest of each edited field's
value at that moment. Saving locks the row and compares revisions; when
someone else saved in between, the save is refused with the names of the
fields that changed since, and nothing is written. The digests only tell
which fields differ; the values themselves stay on the server.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django import forms
from django.core import signing
from django.utils.translation import gettext as _

from schakel.cases.services import CaseError

SALT = "schakel.security.concurrency"


@dataclass(frozen=True)
class Seen:
    revision: int
    digests: Mapping[str, str]


def _digest(value: Any) -> str:
    return hashlib.sha256(str(value).encode()).hexdigest()[:16]


def seen_token(record: Any, fields: Iterable[str]) -> str:
    """The token to put in the form when showing ``record``."""
    return signing.dumps({"r": record.revision, "d": {f: _digest(getattr(record, f))
                                                      for f in fields}}, salt=SALT)


def read_seen(token: str) -> Seen | None:
    """The revision the form was shown with; None for a missing or altered token."""
    try:
        data = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return Seen(int(data["r"]), dict(data["d"]))


class StaleEdit(CaseError):
    """Someone else saved the record after this form was shown."""

    def __init__(self, changed: list[str], token: str) -> None:
        super().__init__(_(
            "Someone else saved this after you opened it. Changed since then: %(fields)s. "
            "Nothing has been saved; check the current text, then save again."
        ) % {"fields": ", ".join(changed) or _("nothing visible")})
        self.changed = changed
        self.token = token


def check_revision(record: Any, seen: Seen | None, labels: Mapping[str, Any]) -> None:
    """Refuse the save when ``record`` (locked by the caller) moved past ``seen``."""
    if seen is None or record.revision == seen.revision:
        return
    changed = [str(label) for name, label in labels.items()
               if _digest(getattr(record, name)) != seen.digests.get(name)]
    raise StaleEdit(changed, seen_token(record, labels))


def bump(record: Any) -> None:
    record.revision = record.revision + 1


class SeenField(forms.CharField):
    """The hidden token; the form keeps working without it (first save wins nothing)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, widget=forms.HiddenInput, **kwargs)


def refresh_token(form: forms.Form, name: str, token: str) -> None:
    """After a refused save, let the user's next save compare against the current revision."""
    data = form.data.copy()  # type: ignore[attr-defined]
    data[form.add_prefix(name)] = token
    form.data = data
