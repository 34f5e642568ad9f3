"""Writing and verifying the chained audit log.

Every read and every change of personal data is one record: who, in which
role and organisation, what (person, household, fields or page), when, why
(purpose or basis) and from where (the request's address, kept in a context
variable by ``schakel.privacy.middleware.AuditContextMiddleware``).
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone

from schakel.people.models import Household, Person
from schakel.privacy.models import AccessLog, AuditHead
from schakel.privacy.models.audit import GENESIS
from schakel.tenancy.models import StaffProfile

_remote_address: contextvars.ContextVar[str] = contextvars.ContextVar(
    "schakel_remote_address", default=""
)


@contextmanager
def request_address(address: str) -> Iterator[None]:
    """Attribute the audit records written inside the block to ``address``."""
    token = _remote_address.set(address[:45])
    try:
        yield
    finally:
        _remote_address.reset(token)


def current_address() -> str:
    return _remote_address.get()


def roles_of(staff: StaffProfile) -> str:
    roles = {str(r) for r in staff.roles} | set(
        staff.memberships.values_list("role", flat=True)
    )
    return ",".join(sorted(roles))


def _locked_head() -> AuditHead:
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is not None:
        return head
    last = AccessLog.objects.order_by("-seq").first()
    try:
        with transaction.atomic():
            AuditHead.objects.create(
                pk=1, seq=last.seq if last else 0, hash=last.hash if last else GENESIS
            )
    except IntegrityError:
        pass  # another writer created it first
    return AuditHead.objects.select_for_update().get(pk=1)


def write(
    action: str,
    *,
    staff: StaffProfile | None = None,
    actor: str = "",
    household: Household | None = None,
    person: Person | None = None,
    fields: str = "",
    purpose: str = "",
    detail: str = "",
    ip: str | None = None,
) -> AccessLog:
    """Append one record to the chain (serialised by a lock on the head row)."""
    with transaction.atomic():
        head = _locked_head()
        record = AccessLog(
            seq=head.seq + 1,
            at=timezone.now(),
            staff=staff,
            actor=(actor or (staff.display_name if staff else "system"))[:160],
            role=(roles_of(staff) if staff else "system")[:160],
            organisation=(staff.organisation.name if staff else "")[:160],
            action=action[:40],
            household=household,
            person=person,
            fields=fields[:300],
            purpose=purpose[:300],
            detail=detail[:300],
            ip=(current_address() if ip is None else ip)[:45],
            prev_hash=head.hash,
        )
        record.hash = record.compute_hash()
        record.save(force_insert=True)
        head.seq, head.hash = record.seq, record.hash
        head.save(update_fields=["seq", "hash"])
        return record


@dataclass(frozen=True)
class Verification:
    checked: int
    broken_seq: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_seq is None and not self.problem


def verify() -> Verification:
    """Walk the chain from the first record; report the first one that does not fit."""
    expected_seq, prev_hash, checked = 1, GENESIS, 0
    for record in AccessLog.objects.order_by("seq").iterator(chunk_size=2000):
        if record.seq != expected_seq:
            return Verification(checked, expected_seq,
                                f"record {expected_seq} is missing (next found: {record.seq})")
        if record.prev_hash != prev_hash:
            return Verification(checked, record.seq,
                                f"record {record.seq} does not link to record {record.seq - 1}")
        if record.compute_hash() != record.hash:
            return Verification(checked, record.seq,
                                f"record {record.seq} was altered after it was written")
        checked += 1
        expected_seq, prev_hash = record.seq + 1, record.hash
    head = AuditHead.objects.filter(pk=1).first()
    if head is None:
        if checked:
            return Verification(checked, None, "the chain head is missing")
        return Verification(0)
    if head.seq != checked or head.hash != prev_hash:
        return Verification(
            checked, checked + 1 if head.seq > checked else None,
            f"the chain head says {head.seq} records, {checked} found: "
            "records were removed from the end" if head.seq > checked
            else "the chain head does not match the last record",
        )
    return Verification(checked)
