"""Changing norms (a new version from a date) and closing days; sending the digest."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Any

from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.cases.models import Episode
from schakel.cases.services import CaseError
from schakel.norms.models import ClosingDay, Norm
from schakel.norms.queries import EpisodeObligation, my_signals, norm_book
from schakel.tenancy.constants import Role
from schakel.tenancy.models import Municipality, StaffProfile


def _require_admin(by: StaffProfile) -> None:
    if not by.has_role(Role.ADMIN):
        raise CaseError(_("Only a functional administrator may change norms."))


@transaction.atomic
def add_norm_version(
    municipality: Municipality, code: str, *, by: StaffProfile, valid_from: dt.date,
    note: str, **changes: Any,
) -> Norm:
    """A new version of a norm, in force from ``valid_from``; history keeps the old one.

    Fields not given are copied from the version in force on ``valid_from``.
    """
    _require_admin(by)
    current = norm_book(municipality.pk).in_force(code, valid_from)
    if current is None:
        raise CaseError({"code": _("Unknown norm '%(code)s'.") % {"code": code}})
    if not note.strip():
        raise CaseError({"note": _("Say why the norm changes.")})
    if Norm.objects.filter(municipality=municipality, code=code, valid_from=valid_from).exists():
        raise CaseError(
            {"valid_from": _("A version of this norm already starts on that date.")}
        )
    values = {**asdict(current), **changes, "valid_from": valid_from}
    values.pop("code")
    norm = Norm(municipality=municipality, code=code, recorded_by=by, note=note.strip(), **values)
    try:
        norm.full_clean()
    except ValidationError as exc:
        raise CaseError(exc.message_dict) from exc
    norm.save()
    return norm


@transaction.atomic
def add_closing_day(
    municipality: Municipality, day: dt.date, name: str, *, by: StaffProfile
) -> ClosingDay:
    _require_admin(by)
    if ClosingDay.objects.filter(municipality=municipality, date=day).exists():
        raise CaseError({"date": _("This day is already a closing day.")})
    return ClosingDay.objects.create(municipality=municipality, date=day, name=name.strip())


def digest_text(staff: StaffProfile, signals: list[EpisodeObligation]) -> str:
    lines = [
        _("Good morning %(name)s,") % {"name": staff.display_name},
        "",
        _("These deadlines of households you direct need attention:"),
        "",
    ]
    for s in signals:
        due = timezone.localtime(s.obligation.due_at).strftime("%d-%m-%Y %H:%M")
        lines.append(f"- {s.episode.household.reference}: {s.obligation.norm.name} "
                     f"({s.status.label}, {_('due')} {due})")
    lines += ["", _("Open Schakel to see the details. Names are not sent by e-mail.")]
    return "\n".join(lines)


def send_digests(*, at: dt.datetime | None = None) -> int:
    """One e-mail per director with overdue or due-soon deadlines. Returns mails sent.

    The mail carries household references only, never names: e-mail is not a
    secure channel for personal data.
    """
    sent = 0
    directors = StaffProfile.objects.filter(
        pk__in=Episode.objects.filter(director__isnull=False).values("director_id")
    ).select_related("user")
    for staff in directors:
        if not staff.user.email:
            continue
        signals = my_signals(staff, at=at)
        if not signals:
            continue
        send_mail(
            _("Schakel: %(n)d deadline(s) need attention") % {"n": len(signals)},
            digest_text(staff, signals),
            None,
            [staff.user.email],
        )
        sent += 1
    return sent
