"""A varied history made through the services, and a way to wipe it again."""

from __future__ import annotations

import datetime as dt
import io

from django.contrib.auth import get_user_model
from django.utils import timezone

from schakel.cases import services
from schakel.cases.constants import Channel, EventKind, InvolvementKind, Source
from schakel.cases.models import Episode, Event, Involvement, ShortContact
from schakel.exchange.exporter import export
from schakel.people.models import Household, HouseholdMember, Person
from schakel.people.services import PersonInput
from schakel.privacy.constants import ConsentMethod, FlagKind, Purpose
from schakel.privacy.models import Consent, SensitiveFlag
from schakel.tenancy.constants import OrganisationKind, UnitKind
from schakel.tenancy.models import (
    District,
    Membership,
    Municipality,
    Organisation,
    StaffProfile,
    Team,
    Unit,
)
from schakel.tenancy.services import create_organisation


def make_history(team, worker, second_worker, episode) -> None:
    """Every kind of step: contacts, backdating, handover, involvements, closure, a return,
    a short contact, and sensitive flags and consents in force and ended."""
    add_flags_and_consents(episode.household, worker, second_worker)
    services.record(episode, EventKind.REFERRER_CONTACTED, by=worker)
    services.record(episode, EventKind.TRIAGED, by=worker, urgency="urgent", note="zorgen")
    services.assign(episode, worker, by=worker, note="past bij specialisme")
    services.start_help(episode, by=worker)
    services.record(episode, EventKind.PLAN_AGREED, by=worker, note="plan €50 per week")
    services.add_involvement(episode, by=worker, kind=InvolvementKind.EXTERNAL,
                             name="J. Visser", organisation="GGZ", role="POH-GGZ")
    services.add_involvement(episode, by=worker, kind=InvolvementKind.TEAM, staff=second_worker)
    involvement = episode.household.involvements.get(name="J. Visser")
    services.end_involvement(involvement, by=worker)
    services.change_director(episode, second_worker, by=worker, note="verlof")
    services.close(episode, by=second_worker, reason="goals_met", destination="own_network")
    returned = services.register(
        worker,
        services.RegistrationInput(team=team, unit=UnitKind.ADULTS, source=Source.HOUSING,
                                   channel=Channel.DIGITAL, description="Huurachterstand"),
        household=episode.household,
    )
    services.record(returned, EventKind.RESIDENT_CONTACTED, by=worker)

    backdated = services.register(
        worker,
        services.RegistrationInput(
            team=team, unit=UnitKind.ADULTS, source=Source.POLICE, channel=Channel.PHONE,
            occurred_at=timezone.now() - dt.timedelta(days=3),
            backdate_reason="melding per post",
        ),
        household_name="Jansen",
        members=[PersonInput(given_name="Kees", family_name="Jansen", bsn="111222333",
                             birth_date=dt.date(1970, 5, 6)),
                 PersonInput(given_name="Kees", family_name="Jansen")],
    )
    services.record(backdated, EventKind.RESIDENT_CONTACTED, by=worker,
                    occurred_at=timezone.now() - dt.timedelta(days=2),
                    backdate_reason="telefonisch, vergeten in te voeren")
    services.record_short_contact(worker, team=team, category="money", source="self",
                                  channel="walk_in", note="vraag over toeslag")


def add_flags_and_consents(household, worker, second_worker) -> None:
    """Two flags and two consents, one of each ended, with microseconds in every time.

    Made with the models rather than ``privacy.flags``/``privacy.consents``: those
    write audit records that point at the staff member (protected), which
    :func:`wipe` could then not delete.
    """
    child = household.members.get(role="child").person
    parent = household.members.get(role="parent").person
    partner = create_organisation("GGD Voorbeeld", OrganisationKind.CARE,
                                  municipality=household.team.municipality,
                                  external_id="org-ggd")
    now = timezone.now()
    SensitiveFlag.objects.create(
        household=household, person=child, kind=FlagKind.DO_NOT_CONTACT_PARENTS,
        note="Jongere wil hulp zonder medeweten ouders", set_by=worker,
        set_at=now - dt.timedelta(days=4, microseconds=123),
    )
    SensitiveFlag.objects.create(
        household=household, kind=FlagKind.SECRET_ADDRESS, set_by=worker,
        set_at=now - dt.timedelta(days=9, microseconds=7), ended_by=second_worker,
        ended_at=now - dt.timedelta(days=1, microseconds=45),
    )
    Consent.objects.create(
        person=parent, household=household, purpose=Purpose.REFERRAL, recipient=partner,
        categories=["contact", "health", "identity"], method=ConsentMethod.WRITTEN,
        given_at=now - dt.timedelta(days=3, microseconds=11), valid_until=dt.date(2031, 1, 31),
        note="formulier getekend", recorded_by=worker,
    )
    Consent.objects.create(
        person=child, purpose=Purpose.YOUTH_HELP, recipient=partner, categories=["case"],
        method=ConsentMethod.VERBAL, given_at=now - dt.timedelta(days=8, microseconds=3),
        recorded_by=worker, withdrawn_at=now - dt.timedelta(days=2, microseconds=9),
        withdrawn_by=second_worker, withdrawal_note="wil het toch niet",
    )


def exported() -> list[str]:
    buffer = io.StringIO()
    export(buffer)
    return buffer.getvalue().splitlines()


def wipe() -> None:
    """Delete everything the exchange format carries, dependants first."""
    for model in (SensitiveFlag, Consent, Event, Involvement, ShortContact, Episode,
                  HouseholdMember, Household, Person, Membership, StaffProfile, Unit, Team,
                  Organisation, District, Municipality):
        model._default_manager.all().delete()
    get_user_model().objects.all().delete()
