"""A partner's signal or referral becomes a registration through the cases service.

The API and the partner web form both call :func:`submit`, so both check the
same things and write the same events. One submission is one transaction.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.api.constants import (
    MAX_PERSONS,
    SOURCE_OF_KIND,
    GpCriterion,
    SubmissionKind,
    Topic,
)
from schakel.api.models import Submission
from schakel.cases import services as cases
from schakel.cases.constants import Channel, Urgency
from schakel.cases.services import CaseError, RegistrationInput
from schakel.people.bsn import validate_bsn
from schakel.people.models import Household, Person
from schakel.people.services import PersonInput, find_duplicates, new_external_id
from schakel.privacy.constants import DataCategory
from schakel.privacy.steps import record_step_privacy
from schakel.tenancy.constants import OrganisationKind, UnitKind
from schakel.tenancy.models import Organisation, StaffProfile, Team

OLDEST_BIRTH = dt.date(1900, 1, 1)


@dataclass
class SubmissionInput:
    team: Team | None
    unit: str
    kind: str
    persons: list[PersonInput]
    topic: str = ""
    criteria: list[str] = field(default_factory=list)
    urgency: str = Urgency.NORMAL
    multiple_problems: bool = True
    description: str = ""
    referrer_name: str = ""
    referrer_contact: str = ""
    household_name: str = ""
    rent_arrears_months: int | None = None


def _check_person(number: int, data: PersonInput, today: dt.date) -> dict[str, str]:
    errors: dict[str, str] = {}
    where = _("person %(n)d") % {"n": number}
    if not data.given_name.strip() or not data.family_name.strip():
        errors[f"persons.{number}.family_name"] = _(
            "%(where)s: give the given name and family name.") % {"where": where}
    if data.birth_date is not None and not OLDEST_BIRTH <= data.birth_date <= today:
        errors[f"persons.{number}.birth_date"] = _(
            "%(where)s: the birth date must lie between 1900 and today.") % {"where": where}
    if data.bsn:
        try:
            validate_bsn(data.bsn)
        except ValidationError as exc:
            errors[f"persons.{number}.bsn"] = f"{where}: {exc.messages[0]}"
    return errors


def check(organisation: Organisation, data: SubmissionInput) -> None:
    """Every rule a submission must meet; raises CaseError naming each bad field."""
    errors: dict[str, str] = {}
    if organisation.kind not in SOURCE_OF_KIND:
        errors["organisation"] = _("Your organisation cannot submit signals.")
    if data.team is None or data.team.municipality_id != organisation.municipality_id:
        errors["team"] = _("Choose a team of your municipality.")
    if data.unit not in UnitKind.values:
        errors["unit"] = _("Choose the youth or the adults unit.")
    if data.urgency not in Urgency.values:
        errors["urgency"] = _("Choose an urgency.")
    if data.kind == SubmissionKind.REFERRAL:
        if not data.criteria or any(c not in GpCriterion.values for c in data.criteria):
            errors["criteria"] = _("Name at least one referral criterion.")
        if organisation.kind != OrganisationKind.GP:
            errors["kind"] = _("Referrals on GP criteria come from GP practices; "
                               "send a signal instead.")
    elif data.kind == SubmissionKind.SIGNAL:
        if data.topic not in Topic.values:
            errors["topic"] = _("Choose what the signal is about.")
    else:
        errors["kind"] = _("Choose a signal or a referral.")
    if data.rent_arrears_months is not None and data.topic != Topic.RENT_ARREARS:
        errors["rent_arrears_months"] = _("Months of rent arrears belong to a rent-arrears "
                                          "signal only.")
    if not 1 <= len(data.persons) <= MAX_PERSONS:
        errors["persons"] = _("Name between 1 and %(max)d persons.") % {"max": MAX_PERSONS}
    today = timezone.localdate()
    for number, person in enumerate(data.persons[:MAX_PERSONS], start=1):
        errors.update(_check_person(number, person, today))
    if errors:
        raise CaseError(errors)


def _description(data: SubmissionInput) -> str:
    lines = [data.description.strip()] if data.description.strip() else []
    if data.kind == SubmissionKind.REFERRAL:
        lines.append(_("GP referral criteria: %(list)s.") % {"list": "; ".join(
            str(GpCriterion(c).label) for c in data.criteria)})
    elif data.topic:
        lines.append(_("About: %(topic)s.") % {"topic": Topic(data.topic).label})
    if data.rent_arrears_months is not None:
        lines.append(_("Rent arrears: %(n)d months.") % {"n": data.rent_arrears_months})
    return "\n".join(lines)


def _earlier_household(data: SubmissionInput) -> Household | None:
    """The one closed household of the municipality these persons belong to, if exactly one.

    A return is linked to its history; a match on a household with an open
    episode, or on several, is registered anew for the team to merge, so the
    partner never learns who is already known.
    """
    assert data.team is not None
    found: set[int] = set()
    for person in data.persons:
        for match in find_duplicates(person):
            found |= set(match.person.memberships.filter(
                household__merged_into__isnull=True,
                household__team__municipality_id=data.team.municipality_id,
            ).values_list("household_id", flat=True))
    if len(found) != 1:
        return None
    household = Household.objects.get(pk=found.pop())
    return None if household.episodes.filter(closed_at__isnull=True).exists() else household


def _members_to_add(data: SubmissionInput, household: Household) -> list[PersonInput]:
    member_ids = set(household.members.values_list("person_id", flat=True))
    return [p for p in data.persons
            if not any(m.person.pk in member_ids for m in find_duplicates(p))]


def _subject(data: SubmissionInput, household: Household) -> Person | None:
    """The household member the partner named first."""
    first = data.persons[0]
    candidates = Person.objects.filter(
        memberships__household=household, given_name__iexact=first.given_name.strip(),
        family_name__iexact=first.family_name.strip())
    if first.birth_date is not None:
        candidates = candidates.filter(birth_date=first.birth_date)
    return candidates.order_by("-pk").first()


@transaction.atomic
def submit(organisation: Organisation, by: StaffProfile, data: SubmissionInput, *,
           via_api: bool) -> Submission:
    """Register the household in the team's werkvoorraad, with the partner as source."""
    check(organisation, data)
    assert data.team is not None
    reg = RegistrationInput(
        team=data.team, unit=data.unit, source=SOURCE_OF_KIND[organisation.kind],
        channel=Channel.API if via_api else Channel.DIGITAL, urgency=data.urgency,
        multiple_problems=data.multiple_problems, referrer_name=data.referrer_name.strip(),
        referrer_organisation=organisation.name, referrer_contact=data.referrer_contact.strip(),
        description=_description(data),
    )
    earlier = _earlier_household(data)
    if earlier is not None:
        episode = cases.register(by, reg, household=earlier,
                                 members=_members_to_add(data, earlier))
    else:
        episode = cases.register(by, reg, household_name=data.household_name,
                                 members=data.persons)
    household = episode.household
    health = data.kind == SubmissionKind.REFERRAL or data.topic == Topic.CONFUSED_BEHAVIOUR
    record_step_privacy(by, household, episode.events.order_by("seq").first(),
                        category=DataCategory.HEALTH if health else "",
                        action="partner_submission",
                        fields=f"household, persons, {data.kind} from {organisation.name}")
    return Submission.objects.create(
        public_id=new_external_id("sub")[:40], organisation=organisation, submitted_by=by,
        via_api=via_api, kind=data.kind, topic=data.topic, criteria=sorted(set(data.criteria)),
        rent_arrears_months=data.rent_arrears_months, episode=episode,
        subject=_subject(data, household), submitted_at=timezone.now(),
    )
