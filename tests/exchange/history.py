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
from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import (
    District,
    Membership,
    Municipality,
    Organisation,
    StaffProfile,
    Team,
    Unit,
)


def make_history(team, worker, second_worker, episode) -> None:
    """Every kind of step: contacts, backdating, handover, involvements, closure, a return,
    and a short contact."""
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


def exported() -> list[str]:
    buffer = io.StringIO()
    export(buffer)
    return buffer.getvalue().splitlines()


def wipe() -> None:
    """Delete everything the exchange format carries, dependants first."""
    for model in (Event, Involvement, ShortContact, Episode, HouseholdMember, Household,
                  Person, Membership, StaffProfile, Unit, Team, Organisation, District,
                  Municipality):
        model._default_manager.all().delete()
    get_user_model().objects.all().delete()
