"""The audit log: append-only, each record chained by hash to the one before.

A record's hash is SHA-256 over the canonical JSON of its own fields and the
previous record's hash, so changing, removing or inserting a record breaks the
chain from that point on (``schakel audit verify`` names the first break).
``AuditHead`` holds the latest sequence number and hash: writers lock it, so
records are numbered one at a time on SQLite and PostgreSQL alike, and it lets
verification notice records cut off the end.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, NoReturn

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.people.models import Household, Person
from schakel.tenancy.models import StaffProfile

GENESIS = "0" * 64


class AppendOnly(Exception):
    """Raised on any attempt to change or delete an audit record."""


class AuditQuerySet(models.QuerySet["AccessLog"]):
    def update(self, **kwargs: Any) -> NoReturn:
        raise AppendOnly("audit records cannot be changed")

    def delete(self) -> NoReturn:
        raise AppendOnly("audit records cannot be deleted")


class AccessLog(models.Model):
    """Who read or changed which personal data, in which role, when, why, from where."""

    seq = models.BigIntegerField(_("number"), unique=True)
    at = models.DateTimeField(_("at"), db_index=True)
    staff = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    actor = models.CharField(_("who"), max_length=160)
    role = models.CharField(_("role"), max_length=160, blank=True)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    action = models.CharField(_("action"), max_length=40, db_index=True)
    # What the record is about, as it was then: plain columns with a relation on top
    # (ForeignObject, not ForeignKey), so no cascade, no constraint and no merge of
    # duplicates ever rewrites an audit record.
    household_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    household = models.ForeignObject(
        Household, on_delete=models.DO_NOTHING, from_fields=["household_id"], to_fields=["id"],
        null=True, blank=True, related_name="+",
    )
    person_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    person = models.ForeignObject(
        Person, on_delete=models.DO_NOTHING, from_fields=["person_id"], to_fields=["id"],
        null=True, blank=True, related_name="+",
    )
    fields = models.CharField(_("what"), max_length=300, blank=True)
    purpose = models.CharField(_("why"), max_length=300, blank=True)
    detail = models.CharField(_("detail"), max_length=300, blank=True)
    ip = models.CharField(_("from"), max_length=45, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-seq"]
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")

    def __str__(self) -> str:
        return f"#{self.seq} {self.at:%Y-%m-%d %H:%M} {self.actor} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnly("audit records cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> NoReturn:
        raise AppendOnly("audit records cannot be deleted")

    def canonical(self) -> str:
        at = self.at.astimezone(dt.UTC).isoformat(timespec="microseconds")
        data = {
            "seq": self.seq, "at": at, "staff": self.staff_id, "actor": self.actor,
            "role": self.role, "organisation": self.organisation, "action": self.action,
            "household": self.household_id, "person": self.person_id, "fields": self.fields,
            "purpose": self.purpose, "detail": self.detail, "ip": self.ip,
            "prev_hash": self.prev_hash,
        }
        return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)

    def compute_hash(self) -> str:
        return hashlib.sha256(self.canonical().encode("utf-8")).hexdigest()


class AuditHead(models.Model):
    """One row: the latest record's number and hash. Writers lock it."""

    seq = models.BigIntegerField(default=0)
    hash = models.CharField(max_length=64, default=GENESIS)

    def __str__(self) -> str:
        return f"audit head #{self.seq}"
