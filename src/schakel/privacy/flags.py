"""Setting and ending sensitive flags, and reading the active ones for lists."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.people.models import Household, Person
from schakel.privacy.access import log_change
from schakel.privacy.constants import FlagKind
from schakel.privacy.errors import PrivacyError
from schakel.privacy.models import SensitiveFlag
from schakel.tenancy.models import StaffProfile


@transaction.atomic
def set_flag(household: Household, kind: str, *, by: StaffProfile,
             person: Person | None = None, note: str = "") -> SensitiveFlag:
    if kind not in FlagKind.values:
        raise PrivacyError({"kind": _("Choose the kind of flag.")})
    if person is not None and not household.members.filter(person=person).exists():
        raise PrivacyError({"person": _("This person is not a member of the household.")})
    if SensitiveFlag.objects.filter(household=household, person=person, kind=kind,
                                    ended_at__isnull=True).exists():
        raise PrivacyError({"kind": _("This flag is already set.")})
    flag = SensitiveFlag.objects.create(household=household, person=person, kind=kind,
                                        note=note.strip()[:300], set_by=by,
                                        set_at=timezone.now())
    log_change(by, "flag_set", household=household, person=person, fields="flag",
               detail=f"flag={flag.pk} kind={kind}")
    return flag


@transaction.atomic
def end_flag(flag: SensitiveFlag, *, by: StaffProfile) -> SensitiveFlag:
    flag = SensitiveFlag.objects.select_for_update().get(pk=flag.pk)
    if flag.ended_at is not None:
        raise PrivacyError(_("This flag has already been ended."))
    flag.ended_at, flag.ended_by = timezone.now(), by
    flag.save(update_fields=["ended_at", "ended_by"])
    log_change(by, "flag_ended", household=flag.household, person=flag.person, fields="flag",
               detail=f"flag={flag.pk} kind={flag.kind}")
    return flag


def active_flags(household: Household) -> list[SensitiveFlag]:
    return list(SensitiveFlag.objects.filter(household=household, ended_at__isnull=True)
                .select_related("person", "set_by"))


def active_flags_by_household(ids: Iterable[int]) -> dict[int, list[SensitiveFlag]]:
    """Active flags of many households at once, for the rows of a list."""
    result: dict[int, list[SensitiveFlag]] = defaultdict(list)
    for flag in SensitiveFlag.objects.filter(household_id__in=list(ids), ended_at__isnull=True):
        result[flag.household_id].append(flag)
    return dict(result)


def kinds(flags: Iterable[SensitiveFlag]) -> set[str]:
    return {f.kind for f in flags}
