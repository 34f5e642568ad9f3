"""Handovers: transfer to another team, warm handover, youth protection, the 18th birthday.

Every handover is an event on the household's *same* episode (decision 0016):
a transfer is requested, then accepted or refused by the receiving team; the
team changes on acceptance and the episode goes on, so every figure sees one
continuous episode. Direction moves to a certified institution and back as
events too (decision 0017). Each function is one user action and one
transaction.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from schakel.cases.constants import (
    INSTITUTION_MEASURES,
    EventKind,
    ProtectionMeasure,
    TeamRole,
)
from schakel.cases.models import Episode, Event
from schakel.cases.services import CaseError, _append, _locked
from schakel.people.models import Person
from schakel.tenancy.constants import Role, UnitKind
from schakel.tenancy.models import Organisation, StaffProfile, Team


def leads(staff: StaffProfile, team_id: int) -> bool:
    return staff.memberships.filter(team_id=team_id, role=Role.TEAM_LEADER).exists()


def pending_request(episode: Episode) -> Event | None:
    """The transfer request still waiting for an answer, if any."""
    if episode.closed_at is not None:
        return None
    answered = {EventKind.TRANSFER_ACCEPTED, EventKind.TRANSFER_REFUSED}
    latest = (episode.events.filter(kind__in=[EventKind.TRANSFER_REQUESTED, *answered])
              .order_by("-seq").first())
    return latest if latest is not None and latest.kind == EventKind.TRANSFER_REQUESTED else None


@transaction.atomic
def request_transfer(
    episode: Episode, to_team: Team, *, by: StaffProfile, reason: str, note: str = "",
    occurred_at: dt.datetime | None = None, backdate_reason: str = "",
) -> Event:
    """The household moves (or fits another team better): ask the receiving team.

    The sending team keeps direction until the receiving team accepts.
    """
    episode = _locked(episode)
    if to_team.pk == episode.team_id:
        raise CaseError({"to_team": _("The household is already with this team.")})
    if to_team.municipality_id != episode.team.municipality_id:
        raise CaseError({"to_team": _("That team belongs to another municipality; hand the "
                                      "household over with an export instead.")})
    if not reason.strip():
        raise CaseError({"reason": _("Give the reason for the transfer.")})
    return _append(
        episode, EventKind.TRANSFER_REQUESTED, by=by, occurred_at=occurred_at,
        backdate_reason=backdate_reason,
        data={"to_team": to_team.external_id, "to_team_name": to_team.name,
              "from_team": episode.team.external_id, "from_team_name": episode.team.name,
              "reason": reason.strip(), "note": note},
    )


def receiving_team(request: Event) -> Team:
    """Event data names teams by external id (portable in the exchange format)."""
    return Team.objects.get(external_id=request.data["to_team"])


def _receiving(episode: Episode, by: StaffProfile) -> tuple[Event, Team]:
    request = pending_request(episode)
    if request is None:
        raise CaseError(_("No transfer of this household is waiting for an answer."))
    team = receiving_team(request)
    if not leads(by, team.pk):
        raise CaseError(_("Only a team leader of %(team)s answers this transfer.")
                        % {"team": team.name})
    return request, team


@transaction.atomic
def accept_transfer(
    episode: Episode, *, by: StaffProfile, worker: StaffProfile | None = None, note: str = "",
) -> Event:
    """The receiving team takes the household over; history, plan and measurements stay
    with the household and the episode simply continues in the new team."""
    episode = _locked(episode)
    request, team = _receiving(episode, by)
    if episode.director_id is not None and worker is None:
        raise CaseError({"worker": _("Name the case director in the receiving team.")})
    if episode.director_id is None and worker is not None:
        raise CaseError({"worker": _("The household is in the work stock, not assigned yet: "
                                     "accept it without a director and assign it from your "
                                     "team's work stock.")})
    from_team = episode.team
    episode.team = team  # the new director must be a member of the receiving team
    event = _append(
        episode, EventKind.TRANSFER_ACCEPTED, by=by, worker=worker,
        data={"to_team": team.external_id, "to_team_name": team.name,
              "from_team": from_team.external_id,
              "from_team_name": from_team.name, "request": request.seq, "note": note},
    )
    household = episode.household
    household.team = team
    household.save(update_fields=["team"])
    return event


@transaction.atomic
def refuse_transfer(episode: Episode, *, by: StaffProfile, reason: str) -> Event:
    """The receiving team says no, with a reason; the sending team keeps direction."""
    episode = _locked(episode)
    request, team = _receiving(episode, by)
    if not reason.strip():
        raise CaseError({"reason": _("Give the reason for refusing.")})
    return _append(
        episode, EventKind.TRANSFER_REFUSED, by=by,
        data={"to_team": team.external_id, "to_team_name": team.name, "request": request.seq,
              "reason": reason.strip()},
    )


@transaction.atomic
def record_handover_meeting(
    episode: Episode, *, by: StaffProfile, participants: str, resident_present: bool,
    note: str = "", occurred_at: dt.datetime | None = None, backdate_reason: str = "",
) -> Event:
    """A warm handover: who met, when, with or without the resident.

    The referrer learns it happened through the referrer feedback page, and
    only when the resident consented to that (``decisions.queries.referrer_feedback``).
    """
    if not participants.strip():
        raise CaseError({"participants": _("Name who took part in the handover meeting.")})
    return _append(
        _locked(episode), EventKind.HANDOVER_MEETING, by=by, occurred_at=occurred_at,
        backdate_reason=backdate_reason,
        data={"participants": participants.strip(), "resident_present": resident_present,
              "note": note},
    )


@transaction.atomic
def decide_youth_protection(
    episode: Episode, *, by: StaffProfile, measure: str,
    institution: Organisation | None = None, team_role: str = TeamRole.NONE, note: str = "",
    occurred_at: dt.datetime | None = None, backdate_reason: str = "",
) -> Event:
    """The Jeugdbeschermingsplein's decision. Under drang or dwang (OTS) a certified
    institution takes over direction; the team's role meanwhile is recorded."""
    episode = _locked(episode)
    if episode.unit != UnitKind.YOUTH:
        raise CaseError(_("Youth protection applies to youth episodes only."))
    if measure not in ProtectionMeasure.values:
        raise CaseError({"measure": _("Choose the decision of the Jeugdbeschermingsplein.")})
    if measure in INSTITUTION_MEASURES:
        if institution is None:
            raise CaseError({"institution": _(
                "Choose the certified institution that takes over direction.")})
        if team_role not in TeamRole.values:
            raise CaseError({"team_role": _("Choose the team's role meanwhile.")})
    else:
        institution, team_role = None, ""
    return _append(
        episode, EventKind.YOUTH_PROTECTION_DECIDED, by=by, occurred_at=occurred_at,
        backdate_reason=backdate_reason,
        data={"measure": measure,
              "institution": institution.external_id if institution else None,
              "institution_name": institution.name if institution else "",
              "team_role": team_role, "note": note},
    )


@transaction.atomic
def end_youth_protection(
    episode: Episode, worker: StaffProfile, *, by: StaffProfile, note: str = "",
    occurred_at: dt.datetime | None = None, backdate_reason: str = "",
) -> Event:
    """The institution scales down: direction returns to a team member on the same day."""
    episode = _locked(episode)
    institution = episode.director_organisation
    return _append(
        episode, EventKind.YOUTH_PROTECTION_ENDED, by=by, worker=worker,
        occurred_at=occurred_at, backdate_reason=backdate_reason,
        data={"institution": institution.external_id if institution else None,
              "institution_name": institution.name if institution else "", "note": note},
    )


@transaction.atomic
def plan_adult_transition(
    episode: Episode, person: Person, *, by: StaffProfile,
    adult_worker: StaffProfile | None = None, adult_unit_takes_over: bool = False,
    note: str = "", occurred_at: dt.datetime | None = None, backdate_reason: str = "",
) -> Event:
    """The step from youth to adult help around the 18th birthday, agreed with the adult
    unit. When the adult unit takes over, the episode continues under that unit."""
    episode = _locked(episode)
    if not episode.household.members.filter(person=person).exists():
        raise CaseError({"person": _("Choose a member of this household.")})
    if person.birth_date is None:
        raise CaseError({"person": _("Record the birth date of %(name)s first.")
                         % {"name": person.full_name}})
    if adult_worker is not None and not adult_worker.memberships.filter(
            team_id=episode.team_id).exists():
        raise CaseError({"adult_worker": _("%(name)s is not a member of team %(team)s.")
                         % {"name": adult_worker.display_name, "team": episode.team.name}})
    return _append(
        episode, EventKind.ADULT_TRANSITION_PLANNED, by=by, occurred_at=occurred_at,
        backdate_reason=backdate_reason,
        data={"person": person.external_id,
              "turns_18_on": eighteenth_birthday(person.birth_date).isoformat(),
              "adult_worker": adult_worker.external_id if adult_worker else None,
              "adult_worker_name": adult_worker.display_name if adult_worker else "",
              "adult_unit_takes_over": adult_unit_takes_over, "note": note},
    )


def eighteenth_birthday(birth_date: dt.date) -> dt.date:
    try:
        return birth_date.replace(year=birth_date.year + 18)
    except ValueError:  # born on 29 February
        return dt.date(birth_date.year + 18, 3, 1)
