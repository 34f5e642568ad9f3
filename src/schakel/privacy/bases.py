"""Is there a basis to disclose this person's data to that organisation, for that purpose?

Every disclosure has a recorded basis: the person's consent (for this purpose
and recipient, covering the categories), a covenant between the organisations
that is valid today, or a legal task. Without one the disclosure is refused,
and the refusal names the basis that is missing. An objection that was upheld
for the purpose stops the disclosure whatever the basis.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from schakel.people.models import Household, Person
from schakel.privacy.constants import BasisKind, DataCategory, Purpose, RequestStatus
from schakel.privacy.legal import LEGAL_TASKS
from schakel.privacy.models import Consent, Covenant, Objection
from schakel.tenancy.models import Organisation


@dataclass(frozen=True)
class Basis:
    """The basis found for a disclosure; ``covers`` lists it per person."""

    kind: str
    description: str
    consent: Consent | None = None
    covenant: Covenant | None = None
    legal_task: str = ""
    covers: tuple[tuple[Person, Basis], ...] = field(default_factory=tuple)

    def __str__(self) -> str:
        return self.description


class DisclosureRefused(Exception):  # noqa: N818 - reads as what happened
    """No valid basis; ``missing`` lists, per person, what was looked for and not found.

    ``message`` names the persons (for staff who may know them); ``public_message``
    says the same without names, for a recipient that may not learn who it is about.
    """

    def __init__(self, message: str, missing: list[str], public_message: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.missing = missing
        self.public_message = public_message or message


def _labels(categories: Iterable[str]) -> str:
    return ", ".join(str(DataCategory(c).label).lower() for c in sorted(categories)
                     if c in DataCategory.values)


def _day(value: dt.datetime | dt.date) -> str:
    if isinstance(value, dt.datetime):
        value = timezone.localdate(value)
    return str(formats.date_format(value, "SHORT_DATE_FORMAT"))


def _consent_basis(person: Person, recipient: Organisation, purpose: str,
                   wanted: set[str], at: dt.datetime, who: str) -> tuple[Basis | None, str]:
    consents = list(Consent.objects.filter(person=person, recipient=recipient, purpose=purpose))
    for consent in consents:
        if consent.valid_at(at) and wanted <= set(consent.categories):
            return Basis(BasisKind.CONSENT, _("consent of %(name)s given on %(day)s")
                         % {"name": person.full_name, "day": _day(consent.given_at)},
                         consent=consent), ""
    withdrawn = [c for c in consents if c.withdrawn_at is not None and c.withdrawn_at <= at]
    if withdrawn:
        return None, _("the consent of %(name)s was withdrawn on %(day)s") % {
            "name": who, "day": _day(withdrawn[0].withdrawn_at or at)}
    valid = [c for c in consents if c.valid_at(at)]
    if valid:
        return None, _("the consent of %(name)s does not cover %(categories)s") % {
            "name": who,
            "categories": _labels(wanted - set(valid[0].categories))}
    if consents:
        return None, _("the consent of %(name)s has expired") % {"name": who}
    return None, _("no consent of %(name)s for this recipient and purpose") % {"name": who}


def _covenant_basis(municipality_id: int | None, recipient: Organisation, purpose: str,
                    wanted: set[str], day: dt.date) -> Basis | None:
    if municipality_id is None:
        return None
    for covenant in Covenant.objects.filter(municipality_id=municipality_id, parties=recipient):
        if (covenant.valid_on(day) and purpose in covenant.purposes
                and wanted <= set(covenant.categories)):
            return Basis(BasisKind.COVENANT, _("covenant %(name)s (%(doc)s)")
                         % {"name": covenant.name, "doc": covenant.document_reference},
                         covenant=covenant)
    return None


def _legal_basis(recipient: Organisation, purpose: str, wanted: set[str]) -> Basis | None:
    for task in LEGAL_TASKS:
        if task.covers(purpose, wanted, recipient.kind):
            return Basis(BasisKind.LEGAL_TASK, _("legal task: %(name)s (%(law)s)")
                         % {"name": task.name, "law": task.law}, legal_task=task.code)
    return None


def _persons(subject: Person | Household) -> tuple[list[Person], int | None]:
    if isinstance(subject, Household):
        persons = [m.person for m in subject.members.select_related("person")]
        return persons, subject.team.municipality_id
    household = subject.memberships.select_related("household__team").first()
    return [subject], household.household.team.municipality_id if household else None


def check_disclosure(
    subject: Person | Household,
    recipient: Organisation,
    purpose: str,
    categories: Iterable[str],
    *,
    at: dt.datetime | None = None,
) -> Basis:
    """The basis for disclosing ``categories`` of ``subject``; raises DisclosureRefused."""
    at = at or timezone.now()
    wanted = {str(c) for c in categories}
    persons, municipality_id = _persons(subject)
    covers: list[tuple[Person, Basis]] = []
    missing: dict[str, list[str]] = {"named": [], "anonymous": []}
    for number, person in enumerate(persons, start=1):
        whom = {"named": person.full_name,
                "anonymous": _("the person") if len(persons) == 1
                else _("person %(n)d") % {"n": number}}
        if Objection.objects.filter(
            person=person, purpose=purpose,
            status__in=[RequestStatus.GRANTED, RequestStatus.PARTLY_GRANTED],
        ).exists():
            for key, who in whom.items():
                missing[key].append(_("%(name)s objected to processing for this purpose")
                                    % {"name": who})
            continue
        basis, _why = _consent_basis(person, recipient, purpose, wanted, at, "")
        basis = (basis or _covenant_basis(municipality_id, recipient, purpose, wanted,
                                          timezone.localdate(at))
                 or _legal_basis(recipient, purpose, wanted))
        if basis is None:
            for key, who in whom.items():
                missing[key].append(
                    _consent_basis(person, recipient, purpose, wanted, at, who)[1])
        else:
            covers.append((person, basis))
    if missing["named"] or not covers:
        purpose_label = Purpose(purpose).label if purpose in Purpose.values else purpose
        messages = [_(
            "Disclosure refused: no valid basis to share %(categories)s with %(recipient)s "
            "for %(purpose)s. Missing: %(missing)s; no valid covenant with %(recipient)s "
            "covers this purpose and these categories, and no legal task allows it."
        ) % {"categories": _labels(wanted), "recipient": recipient.name,
             "purpose": str(purpose_label).lower(),
             "missing": "; ".join(missing[key]) or _("there is nobody to disclose about")}
            for key in ("named", "anonymous")]
        raise DisclosureRefused(messages[0], missing["named"], messages[1])
    first = covers[0][1]
    return Basis(first.kind, "; ".join(sorted({b.description for _p, b in covers})),
                 consent=first.consent, covenant=first.covenant, legal_task=first.legal_task,
                 covers=tuple(covers))


def allowed_categories(person: Person, recipient: Organisation, purpose: str,
                       at: dt.datetime | None = None) -> frozenset[str]:
    """Every category some basis lets ``recipient`` see of ``person`` for ``purpose``."""
    return frozenset(
        c for c in DataCategory.values
        if _allowed(person, recipient, purpose, c, at)
    )


def _allowed(person: Person, recipient: Organisation, purpose: str, category: str,
             at: dt.datetime | None) -> bool:
    try:
        check_disclosure(person, recipient, purpose, [category], at=at)
    except DisclosureRefused:
        return False
    return True
