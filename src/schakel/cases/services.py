"""Every change to a case goes through here, and every change is an event.

Each public function is one user action and one transaction: on any error
nothing is written. Messages are for the user (translated).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import DO_NOTHING, ForeignKey, Max, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.cases import lifecycle
from schakel.cases.constants import (
    CloseReason,
    Destination,
    EventKind,
    InvolvementKind,
    Source,
    State,
    Urgency,
)
from schakel.cases.direction import DIRECTION_KINDS
from schakel.cases.models import Episode, Event, Involvement, ShortContact
from schakel.cases.projection import apply_to_episode, involvement_from_event
from schakel.people.models import Household, HouseholdMember, Person
from schakel.people.services import (
    PersonInput,
    create_household,
    create_person,
    new_external_id,
)
from schakel.tenancy.constants import Role, UnitKind
from schakel.tenancy.models import StaffProfile, Team

FUTURE_TOLERANCE = dt.timedelta(minutes=5)


class CaseError(ValidationError):
    """A user action that cannot be carried out; the message says why."""


@dataclass
class RegistrationInput:
    team: Team
    unit: str
    source: str
    channel: str
    urgency: str = Urgency.NORMAL
    multiple_problems: bool = True
    referrer_name: str = ""
    referrer_organisation: str = ""
    referrer_contact: str = ""
    description: str = ""
    occurred_at: dt.datetime | None = None
    backdate_reason: str = ""


def _check_time(occurred_at: dt.datetime, backdate_reason: str, now: dt.datetime) -> None:
    if occurred_at > now + FUTURE_TOLERANCE:
        raise CaseError({"occurred_at": _("The date and time lie in the future.")})
    local_day = timezone.localdate(occurred_at)
    if local_day < timezone.localdate(now) and not backdate_reason.strip():
        raise CaseError(
            {"backdate_reason": _("Give a reason when recording something from an earlier day.")}
        )


def _check_worker(episode: Episode, worker: StaffProfile, on: dt.date) -> None:
    in_team = worker.memberships.filter(
        team_id=episode.team_id,
        role__in=[Role.TEAM_MEMBER, Role.TEAM_LEADER, Role.BEHAVIOURAL_SCIENTIST],
    ).exists()
    if not in_team:
        raise CaseError(
            {"worker": _("%(name)s is not a member of team %(team)s.")
             % {"name": worker.display_name, "team": episode.team.name}}
        )
    if episode.unit == UnitKind.YOUTH and not worker.registration_valid_on(on):
        raise CaseError(
            {"worker": _("%(name)s has no valid SKJ or BIG registration, "
                         "which youth work requires.") % {"name": worker.display_name}}
        )


def _append(
    episode: Episode,
    kind: str,
    *,
    by: StaffProfile | None,
    occurred_at: dt.datetime | None = None,
    backdate_reason: str = "",
    worker: StaffProfile | None = None,
    data: dict[str, Any] | None = None,
) -> Event:
    """Check and record one event, then refresh the episode's derived columns."""
    now = timezone.now()
    occurred_at = occurred_at or now
    _check_time(occurred_at, backdate_reason, now)
    events = list(episode.events.order_by("seq"))
    folded = lifecycle.fold(((e.kind, e.fold_data()) for e in events), strict=False)
    payload = {k: v for k, v in (data or {}).items() if v not in (None, "")}
    try:
        lifecycle.check(folded, kind, {**payload, "worker": worker.pk if worker else None})
    except lifecycle.TransitionError as exc:
        raise CaseError(str(exc)) from exc
    if kind in DIRECTION_KINDS:
        latest = max((e.occurred_at for e in events if e.kind in DIRECTION_KINDS), default=None)
        if latest is not None and occurred_at < latest:
            # Keeps the director timeline the same in time order as in recording order.
            raise CaseError(
                {"occurred_at": _("This cannot be dated before the last change of case "
                                  "direction (%(when)s).")
                 % {"when": timezone.localtime(latest).strftime("%d-%m-%Y %H:%M")}}
            )
    if events and occurred_at < events[0].occurred_at:
        raise CaseError(
            {"occurred_at": _("This cannot have happened before the registration (%(when)s).")
             % {"when": timezone.localtime(events[0].occurred_at).strftime("%d-%m-%Y %H:%M")}}
        )
    if worker is not None:
        _check_worker(episode, worker, timezone.localdate(occurred_at))
    event = Event.objects.create(
        episode=episode,
        seq=len(events) + 1,
        kind=kind,
        occurred_at=occurred_at,
        recorded_at=now,
        recorded_by=by,
        worker=worker,
        backdate_reason=backdate_reason.strip(),
        data=payload,
        external_id=new_external_id("event"),
    )
    apply_to_episode(episode, [*events, event])
    episode.save()
    involvement = involvement_from_event(event)
    if involvement is not None:
        involvement.save()
    return event


def _locked(episode: Episode) -> Episode:
    return Episode.objects.select_for_update().select_related("team", "household").get(
        pk=episode.pk
    )


@transaction.atomic
def register(
    by: StaffProfile,
    reg: RegistrationInput,
    *,
    household: Household | None = None,
    household_name: str = "",
    members: list[PersonInput] | None = None,
) -> Episode:
    """A signal about a household: opens an episode in the team's werkvoorraad.

    A household with an earlier, closed episode gets a new episode linked to
    it (a return). A household with an open episode cannot get a second one.
    """
    if reg.source not in Source.values:
        raise CaseError({"source": _("Choose where the signal came from.")})
    if reg.unit not in UnitKind.values:
        raise CaseError({"unit": _("Choose the youth or the adults unit.")})
    if household is None:
        household = create_household(reg.team, household_name, members or [])
    else:
        household = Household.objects.select_for_update().get(pk=household.pk)
        open_episode = household.episodes.filter(closed_at__isnull=True).first()
        if open_episode is not None:
            raise CaseError(
                _("Household %(ref)s already has an open episode (%(episode)s); "
                  "record the new signal there.")
                % {"ref": household.reference, "episode": open_episode.reference}
            )
        for data in members or []:
            person = data.existing or create_person(data)
            HouseholdMember.objects.get_or_create(
                household=household, person=person, defaults={"role": data.role}
            )
    previous = household.episodes.order_by("-number").first()
    now = timezone.now()
    episode = Episode(
        household=household,
        team=reg.team,
        number=(previous.number + 1) if previous else 1,
        previous=previous,
        external_id=new_external_id("episode"),
        state=State.REGISTERED,
        unit=reg.unit,
        source=reg.source,
        channel=reg.channel,
        urgency=reg.urgency,
        registered_at=reg.occurred_at or now,
        last_event_at=reg.occurred_at or now,
    )
    episode.save()
    _append(
        episode,
        EventKind.REGISTERED,
        by=by,
        occurred_at=reg.occurred_at,
        backdate_reason=reg.backdate_reason,
        data={
            "source": reg.source,
            "channel": reg.channel,
            "urgency": reg.urgency,
            "unit": reg.unit,
            "multiple_problems": reg.multiple_problems,
            "referrer_name": reg.referrer_name,
            "referrer_organisation": reg.referrer_organisation,
            "referrer_contact": reg.referrer_contact,
            "description": reg.description,
        },
    )
    if previous is not None:
        _append(
            episode,
            EventKind.RETURNED,
            by=by,
            occurred_at=reg.occurred_at,
            backdate_reason=reg.backdate_reason,
            data={"previous_episode": previous.external_id},
        )
    return episode


@transaction.atomic
def record(
    episode: Episode,
    kind: str,
    *,
    by: StaffProfile,
    occurred_at: dt.datetime | None = None,
    backdate_reason: str = "",
    note: str = "",
    **data: Any,
) -> Event:
    """Record a step that needs no more than a time and a note (contacts, plan, scaling)."""
    if kind in (EventKind.REGISTERED, EventKind.RETURNED, EventKind.ASSIGNED,
                EventKind.DIRECTOR_CHANGED, EventKind.CLOSED, EventKind.INVOLVEMENT_ADDED):
        raise CaseError(_("Use the dedicated action for this step."))
    if kind == EventKind.TRIAGED and data.get("urgency") not in Urgency.values:
        raise CaseError({"urgency": _("Choose an urgency.")})
    return _append(
        _locked(episode), kind, by=by, occurred_at=occurred_at,
        backdate_reason=backdate_reason, data={**data, "note": note},
    )


@transaction.atomic
def assign(
    episode: Episode, worker: StaffProfile, *, by: StaffProfile,
    occurred_at: dt.datetime | None = None, backdate_reason: str = "", note: str = "",
) -> Event:
    """Toewijzing: the worker becomes case director; the household now waits for help."""
    return _append(
        _locked(episode), EventKind.ASSIGNED, by=by, worker=worker, occurred_at=occurred_at,
        backdate_reason=backdate_reason, data={"note": note},
    )


@transaction.atomic
def change_director(
    episode: Episode, worker: StaffProfile, *, by: StaffProfile,
    occurred_at: dt.datetime | None = None, backdate_reason: str = "", note: str = "",
) -> Event:
    """A handover of case direction: one director at a time, so this replaces the current."""
    return _append(
        _locked(episode), EventKind.DIRECTOR_CHANGED, by=by, worker=worker,
        occurred_at=occurred_at, backdate_reason=backdate_reason, data={"note": note},
    )


@transaction.atomic
def start_help(
    episode: Episode, *, by: StaffProfile,
    occurred_at: dt.datetime | None = None, backdate_reason: str = "", note: str = "",
) -> Event:
    return _append(
        _locked(episode), EventKind.HELP_STARTED, by=by, occurred_at=occurred_at,
        backdate_reason=backdate_reason, data={"note": note},
    )


@transaction.atomic
def close(
    episode: Episode, *, by: StaffProfile, reason: str, destination: str,
    occurred_at: dt.datetime | None = None, backdate_reason: str = "", note: str = "",
) -> Event:
    """Closure demands a reason and an outflow destination; aftercare follows."""
    errors: dict[str, str] = {}
    if reason not in CloseReason.values:
        errors["reason"] = _("Choose a reason for closing.")
    if destination not in Destination.values:
        errors["destination"] = _("Choose where the household goes (outflow destination).")
    if errors:
        raise CaseError(errors)
    return _append(
        _locked(episode), EventKind.CLOSED, by=by, occurred_at=occurred_at,
        backdate_reason=backdate_reason,
        data={"reason": reason, "destination": destination, "note": note},
    )


@transaction.atomic
def add_involvement(
    episode: Episode, *, by: StaffProfile, kind: str, name: str = "",
    staff: StaffProfile | None = None, organisation: str = "", role: str = "",
    contact: str = "",
) -> Event:
    """Someone else joins the help: a colleague, an external professional, the network."""
    if kind not in InvolvementKind.values:
        raise CaseError({"kind": _("Choose what kind of involvement this is.")})
    if staff is not None and kind != InvolvementKind.TEAM:
        raise CaseError({"kind": _("A colleague from the team is involved as a team member.")})
    if staff is not None:
        name = name or staff.display_name
        organisation = organisation or staff.organisation.name
    if not name.strip():
        raise CaseError({"name": _("Give the name of the person involved.")})
    return _append(
        _locked(episode), EventKind.INVOLVEMENT_ADDED, by=by, worker=staff,
        data={
            "involvement": new_external_id("involvement"), "kind": kind, "name": name.strip(),
            "organisation": organisation, "role": role, "contact": contact,
        },
    )


@transaction.atomic
def end_involvement(involvement: Involvement, *, by: StaffProfile) -> Event:
    episode = involvement.household.episodes.order_by("-number").first()
    if episode is None or involvement.ended_at is not None:
        raise CaseError(_("This involvement has already ended."))
    event = _append(
        _locked(episode), EventKind.INVOLVEMENT_ENDED, by=by,
        data={"involvement": involvement.external_id},
    )
    involvement.ended_at = event.occurred_at
    involvement.save(update_fields=["ended_at"])
    return event


@transaction.atomic
def record_short_contact(
    by: StaffProfile, *, team: Team, category: str, source: str, channel: str,
    note: str = "", occurred_at: dt.datetime | None = None,
) -> ShortContact:
    """A kortdurend contact: recorded and counted, no case opened."""
    now = timezone.now()
    contact = ShortContact(
        team=team, category=category, source=source, channel=channel,
        occurred_at=occurred_at or now, recorded_at=now, recorded_by=by, note=note,
        external_id=new_external_id("contact"),
    )
    contact.full_clean()
    contact.save()
    return contact


def _note_on_latest(
    household: Household, kind: str, by: StaffProfile, data: dict[str, Any]
) -> None:
    episode = household.episodes.order_by("-number").first()
    if episode is not None:
        _append(_locked(episode), kind, by=by, data=data)


def _references_to(target: type[Model]) -> list[tuple[type[Model], ForeignKey[Any, Any]]]:
    """Every foreign key (and one-to-one) in the project that points at ``target``."""
    return [
        (model, field)
        for model in apps.get_models()
        for field in model._meta.get_fields()
        if isinstance(field, ForeignKey) and field.remote_field.model is target
    ]


def _repoint_references(
    drop: Person | Household, keep: Person | Household, *, handled: set[str]
) -> None:
    """Move every row that points at ``drop`` to ``keep`` (plans, measurements, ...).

    Generic over all models, so data added by later apps follows a merge
    without this function knowing about it. ``handled`` names fields
    ("Model.field") the caller has already dealt with. Rows that record
    history (``records_history = True``) and references without a database
    link (``DO_NOTHING``, e.g. erasure receipts) keep pointing where they did.
    """
    for model, field in _references_to(type(drop)):
        if (
            f"{model.__name__}.{field.name}" in handled
            or getattr(model, "records_history", False)
            or field.remote_field.on_delete is DO_NOTHING
        ):
            continue
        model._default_manager.filter(**{field.name: drop}).update(**{field.name: keep})


@transaction.atomic
def merge_persons(keep: Person, drop: Person, *, by: StaffProfile) -> Person:
    """Fold a duplicate person into ``keep``: memberships move, blanks are filled."""
    if keep.pk == drop.pk:
        raise CaseError(_("A person cannot be merged with themselves."))
    if drop.merged_into_id is not None:
        raise CaseError(_("This person has already been merged."))
    for field in ("birth_date", "bsn", "phone", "email", "street", "house_number",
                  "postcode", "city"):
        if not getattr(keep, field) and getattr(drop, field):
            setattr(keep, field, getattr(drop, field))
    keep.save()
    households = set()
    for member in drop.memberships.select_related("household"):
        households.add(member.household)
        if HouseholdMember.objects.filter(household=member.household, person=keep).exists():
            member.delete()
        else:
            member.person = keep
            member.save(update_fields=["person"])
    _repoint_references(drop, keep, handled={"HouseholdMember.person", "Person.merged_into"})
    drop.merged_into = keep
    drop.save(update_fields=["merged_into"])
    for household in households:
        _note_on_latest(household, EventKind.PERSON_MERGED, by,
                        {"kept": keep.external_id, "merged": drop.external_id})
    return keep


@transaction.atomic
def merge_households(keep: Household, drop: Household, *, by: StaffProfile) -> Household:
    """Fold a duplicate household into ``keep`` with its whole history."""
    if keep.pk == drop.pk:
        raise CaseError(_("A household cannot be merged with itself."))
    if keep.episodes.filter(closed_at__isnull=True).exists() and drop.episodes.filter(
        closed_at__isnull=True
    ).exists():
        raise CaseError(
            _("Both households have an open episode; close one of them before merging, "
              "so the household keeps one case director.")
        )
    for model, field in _references_to(Household):
        both = model._default_manager.filter(**{f"{field.name}__in": [keep, drop]}).count()
        if field.one_to_one and both == 2:
            raise CaseError(
                _("Both households have a %(what)s; keep one of them before merging.")
                % {"what": model._meta.verbose_name}
            )
    offset = keep.episodes.aggregate(n=Max("number"))["n"] or 0
    moved = list(drop.episodes.order_by("number"))
    for episode in reversed(moved):  # avoid clashing numbers while renumbering
        episode.number += offset + 1000
        episode.save(update_fields=["number"])
    for i, episode in enumerate(moved, start=1):
        episode.household = keep
        episode.number = offset + i
        episode.save(update_fields=["household", "number"])
    for member in drop.members.all():
        if not keep.members.filter(person=member.person).exists():
            member.household = keep
            member.save(update_fields=["household"])
    _repoint_references(drop, keep, handled={
        "HouseholdMember.household", "Episode.household", "Household.merged_into",
    })
    drop.merged_into = keep
    drop.save(update_fields=["merged_into"])
    _note_on_latest(keep, EventKind.HOUSEHOLD_MERGED, by,
                    {"kept": keep.external_id, "merged": drop.external_id})
    return keep


@transaction.atomic
def extend_deadline(
    episode: Episode, norm_code: str, *, by: StaffProfile, reason: str
) -> Event:
    """Use a norm's extension rule (e.g. Awb: a decision term once extended, with a reason)."""
    from schakel.norms.queries import norm_book

    norm = norm_book(episode.team.municipality_id).in_force(norm_code, timezone.localdate())
    if norm is None or norm.extension_length == 0:
        raise CaseError({"norm": _("This deadline cannot be extended.")})
    if episode.events.filter(kind=EventKind.DEADLINE_EXTENDED, data__norm=norm_code).exists():
        raise CaseError({"norm": _("This deadline has already been extended once.")})
    if not reason.strip():
        raise CaseError({"reason": _("Give the reason for the extension.")})
    return _append(_locked(episode), EventKind.DEADLINE_EXTENDED, by=by,
                   data={"norm": norm_code, "reason": reason.strip()})


@transaction.atomic
def motivate_deviation(
    episode: Episode, norm_code: str, *, by: StaffProfile, motivation: str
) -> Event:
    """Passing a guideline (e.g. 6 months for adults) is allowed with a recorded motivation."""
    if not motivation.strip():
        raise CaseError({"motivation": _("Write down why the guideline is exceeded.")})
    return _append(_locked(episode), EventKind.GUIDELINE_MOTIVATED, by=by,
                   data={"norm": norm_code, "motivation": motivation.strip()})
