"""Request and response shapes of the partner API, version 1.

Every text field refuses NUL characters and unpaired surrogates, so what
passes validation can be stored by either database engine.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from ninja import Field, Schema
from pydantic import AfterValidator

from schakel.api.constants import MAX_PERSONS, GpCriterion, PartnerStatus, SubmissionKind, Topic
from schakel.cases.constants import Urgency
from schakel.people.constants import HouseholdRole
from schakel.tenancy.constants import UnitKind


def _storable(value: str) -> str:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise ValueError("Text must be valid Unicode.") from exc
    if "\x00" in value:
        raise ValueError("Text must not contain NUL characters.")
    return value


Line = Annotated[str, AfterValidator(_storable)]


class PersonIn(Schema):
    given_name: Line = Field(min_length=1, max_length=80)
    family_name_prefix: Line = Field("", max_length=20)
    family_name: Line = Field(min_length=1, max_length=120)
    birth_date: dt.date | None = Field(None, description="Between 1900 and today.")
    bsn: Line = Field("", max_length=9, pattern=r"^([0-9]{8,9})?$",
                      description="Citizen service number; must pass the 11-test.")
    role: HouseholdRole = HouseholdRole.OTHER
    phone: Line = Field("", max_length=40)
    email: Line = Field("", max_length=254)
    street: Line = Field("", max_length=120)
    house_number: Line = Field("", max_length=20)
    postcode: Line = Field("", max_length=7, pattern=r"^[0-9]{4} ?[A-Za-z]{2}$|^$")
    city: Line = Field("", max_length=80)


class SubmissionBase(Schema):
    team: Line = Field(max_length=80,
                       description="The team's id from GET /teams.")
    unit: UnitKind
    urgency: Urgency = Urgency.NORMAL
    multiple_problems: bool = True
    description: Line = Field("", max_length=4000)
    referrer_name: Line = Field("", max_length=160)
    referrer_contact: Line = Field("", max_length=160)
    household_name: Line = Field("", max_length=160)
    persons: list[PersonIn] = Field(min_length=1, max_length=MAX_PERSONS)


class SignalIn(SubmissionBase):
    topic: Topic
    rent_arrears_months: int | None = Field(
        None, ge=0, le=120, description="Only with topic rent_arrears.")


class ReferralIn(SubmissionBase):
    criteria: list[GpCriterion] = Field(min_length=1, max_length=len(GpCriterion.values))


class SubmissionOut(Schema):
    id: str
    kind: SubmissionKind
    submitted_at: dt.datetime
    team: str
    status: PartnerStatus = Field(description=(
        "registered until the resident consents to feedback to you; then contacted, "
        "help_started or closed."))


class TeamOut(Schema):
    id: str
    name: str
    district: str = Field(description="CBS code of the team's district, if known.")


class Message(Schema):
    detail: str


class FieldError(Schema):
    loc: list[str]
    msg: str
    type: str


class Invalid(Schema):
    detail: list[FieldError]
