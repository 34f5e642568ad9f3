"""Idempotency-Key: a retried submission returns the first response instead of a second case."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.api.models import IdempotentResponse, PartnerToken

Result = tuple[int, dict[str, Any]]


def _digest(request: HttpRequest) -> str:
    return hashlib.sha256(request.path.encode() + b"\n" + request.body).hexdigest()


def _replay(record: IdempotentResponse, body_digest: str) -> Result:
    if record.body_digest != body_digest:
        return 422, {"detail": _(
            "This Idempotency-Key was used before with a different request; "
            "use a new key for a new submission.")}
    return record.status_code, record.response


def once(token: PartnerToken, key: str | None, request: HttpRequest,
         action: Callable[[], Result]) -> Result:
    """Run ``action`` once per key; its outcome and the key are stored in one transaction."""
    if not key:
        return action()
    body_digest = _digest(request)
    existing = IdempotentResponse.objects.filter(token=token, key=key).first()
    if existing is not None:
        return _replay(existing, body_digest)
    try:
        with transaction.atomic():
            code, payload = action()
            if code >= 400:
                return code, payload  # a refused request may be corrected and retried
            IdempotentResponse.objects.create(
                token=token, key=key, body_digest=body_digest, status_code=code,
                response=_json(payload), created_at=timezone.now())
    except IntegrityError:
        # A concurrent request with this key won; its submission stands, ours is undone.
        return _replay(IdempotentResponse.objects.get(token=token, key=key), body_digest)
    return code, payload


def _json(payload: dict[str, Any]) -> dict[str, Any]:
    return json.loads(json.dumps(payload, cls=DjangoJSONEncoder))
