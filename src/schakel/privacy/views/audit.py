"""The privacy officer's start page and the audit log: search and export."""

from __future__ import annotations

import csv
import json

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from schakel.privacy.access import log_read
from schakel.privacy.forms import AuditFilterForm
from schakel.privacy.glass import pending_count
from schakel.privacy.models import AccessLog, AuditHead
from schakel.privacy.queries import audit_records
from schakel.privacy.retention import due
from schakel.privacy.views.common import officer_view
from schakel.tenancy.models import StaffProfile
from schakel.web.views.common import paginate

EXPORT_FIELDS = ["seq", "at", "actor", "role", "organisation", "action", "household",
                 "person", "fields", "purpose", "detail", "ip", "prev_hash", "hash"]


@officer_view
def home(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    return render(request, "privacy/home.html", {
        "nav": "privacy", "pending": pending_count(staff),
        "due": len(due(municipality_id=staff.municipality_id)),
        "head": AuditHead.objects.filter(pk=1).first(),
    })


def _filters(request: HttpRequest) -> tuple[AuditFilterForm, dict[str, object]]:
    form = AuditFilterForm(request.GET or None)
    return form, (form.cleaned_data if form.is_bound and form.is_valid() else {})


@officer_view
def audit_search(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    form, filters = _filters(request)
    page = paginate(request, audit_records(staff.municipality, filters))
    log_read(staff, "audit_search", fields="audit log",
             detail=f"n={page.paginator.count} " + " ".join(
                 f"{k}={v}" for k, v in filters.items() if v and k != "bsn"))
    return render(request, "privacy/audit.html", {
        "nav": "privacy", "form": form, "page": page, "query": request.GET.urlencode(),
    })


def _row(record: AccessLog) -> dict[str, object]:
    return {
        "seq": record.seq, "at": timezone.localtime(record.at).isoformat(),
        "actor": record.actor, "role": record.role, "organisation": record.organisation,
        "action": record.action,
        "household": record.household.reference if record.household else "",
        "person": record.person_id or "", "fields": record.fields, "purpose": record.purpose,
        "detail": record.detail, "ip": record.ip, "prev_hash": record.prev_hash,
        "hash": record.hash,
    }


@officer_view
def audit_export(request: HttpRequest, staff: StaffProfile) -> HttpResponse:
    """The filtered audit records as CSV (or JSON with ``?format=json``), hashes included."""
    _form, filters = _filters(request)
    records = audit_records(staff.municipality, filters)
    log_read(staff, "audit_export", fields="audit log export",
             detail=f"n={records.count()}")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    if request.GET.get("format") == "json":
        body = json.dumps([_row(r) for r in records.iterator()], ensure_ascii=False, indent=1)
        response = HttpResponse(body, content_type="application/json")
        response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.json"'
        return response
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="audit-{stamp}.csv"'
    writer = csv.DictWriter(response, fieldnames=EXPORT_FIELDS)
    writer.writeheader()
    for record in records.iterator():
        writer.writerow(_row(record))
    return response
