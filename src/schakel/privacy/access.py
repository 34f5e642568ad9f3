"""Who may see which household. The one place access to personal data is decided.

Access follows involvement (docs/privacy.md, decision 0006). A staff member
of the household's municipality sees a household only while one of these holds:

- case director of its open episode, or the last director of an episode in aftercare;
- a team member recorded as involved (an ``Involvement`` of kind team with them,
  not ended; this is also how a behavioural scientist is consulted);
- an active break-the-glass grant;
- team leader of the team of an open or aftercare episode;
- assigned, or recorded a step (the front door's registration included), in
  an open episode or one still in aftercare;
- member (casework role) of the team that holds it unassigned in its work
  stock, so the team can pick up and assign the work.

After an accepted transfer to another team (``schakel.handovers``), steps
recorded before the acceptance no longer count: the sending team loses access
unless one of its members is still involved by another rule above (for
example a team involvement that was not ended).

The first three take part in the help and may see sensitive categories
(health, justice, safety); the others see the rest. Partner users see only
what a basis allows (``schakel.privacy.bases``); policy and administrator
roles never see a person.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import F, Q, QuerySet
from django.utils import timezone

from schakel.cases.constants import EventKind, InvolvementKind, State
from schakel.cases.models import Episode, Event, Involvement
from schakel.people.models import Household, Person
from schakel.privacy import audit
from schakel.privacy.constants import (
    CARE_REASONS,
    ORDINARY_CATEGORIES,
    AccessReason,
    DataCategory,
)
from schakel.privacy.legal import team_task
from schakel.privacy.models import AccessLog, EmergencyAccess
from schakel.tenancy.constants import Role
from schakel.tenancy.models import StaffProfile

CASEWORK_ROLES = (Role.TEAM_MEMBER, Role.TEAM_LEADER, Role.BEHAVIOURAL_SCIENTIST)
CURRENT_STATES = (State.REGISTERED, State.WAITING, State.ACTIVE, State.AFTERCARE)
# Events whose ``worker`` becomes case director (the last two: handovers).
DIRECTOR_KINDS = (EventKind.ASSIGNED, EventKind.DIRECTOR_CHANGED, EventKind.TRANSFER_ACCEPTED,
                  EventKind.YOUTH_PROTECTION_ENDED)
REASON_ORDER = [r.value for r in AccessReason]


def team_ids(staff: StaffProfile, roles: tuple[str, ...] = CASEWORK_ROLES) -> list[int]:
    return list(
        staff.memberships.filter(role__in=[str(r) for r in roles]).values_list(
            "team_id", flat=True
        )
    )


def led_team_ids(staff: StaffProfile) -> list[int]:
    return team_ids(staff, (Role.TEAM_LEADER,))


def has_casework_role(staff: StaffProfile) -> bool:
    wanted = {str(r) for r in CASEWORK_ROLES}
    return bool(wanted & {str(r) for r in staff.roles}) or staff.memberships.filter(
        role__in=wanted
    ).exists()


def is_privacy_officer(staff: StaffProfile | None) -> bool:
    return staff is not None and staff.has_role(Role.PRIVACY_OFFICER)


def privacy_officers(municipality_id: int) -> list[StaffProfile]:
    """Roles held outside a team live in ``StaffProfile.roles`` (a JSON list)."""
    by_membership = StaffProfile.objects.filter(
        municipality_id=municipality_id, memberships__role=Role.PRIVACY_OFFICER
    )
    with_roles = StaffProfile.objects.filter(municipality_id=municipality_id).exclude(roles=[])
    found = {s.pk: s for s in by_membership}
    found.update({s.pk: s for s in with_roles if str(Role.PRIVACY_OFFICER) in s.roles})
    return sorted(found.values(), key=lambda s: s.display_name)


def since_handover() -> Q:
    """Events from the episode's last accepted transfer on (handovers; 0 = never handed over).

    Steps the sending team recorded before the receiving team accepted give no access.
    """
    return Q(seq__gte=F("episode__access_from_seq"))


def _involved_ids(staff: StaffProfile, now: dt.datetime) -> list[int]:
    """Ids of the households ``staff`` is involved with now, in one query.

    Each rule picks a handful of households through its own index (a
    caseload, a team's stock); their union is small even in a municipality
    with a million episodes, so it is fetched first and households are then
    looked up by id, instead of testing every household against every rule.
    """
    events = Event.objects.filter(
        Q(kind__in=DIRECTOR_KINDS, worker=staff, episode__state__in=CURRENT_STATES)
        | Q(recorded_by=staff, episode__state__in=CURRENT_STATES),
        since_handover(),
    ).values_list("episode__household_id")
    directed = Episode.objects.filter(director=staff, closed_at__isnull=True).values_list(
        "household_id")
    involved = Involvement.objects.filter(
        staff=staff, kind=InvolvementKind.TEAM, ended_at__isnull=True,
        household__episodes__state__in=CURRENT_STATES,
    ).values_list("household_id")
    glass = EmergencyAccess.objects.filter(
        staff=staff, granted_at__lte=now, expires_at__gt=now
    ).values_list("household_id")
    led = Episode.objects.filter(
        state__in=CURRENT_STATES, team_id__in=led_team_ids(staff)).values_list("household_id")
    stock = Episode.objects.filter(
        state=State.REGISTERED, team_id__in=team_ids(staff)).values_list("household_id")
    parts = [qs.order_by() for qs in (events, directed, involved, glass, led, stock)]
    return [row[0] for row in parts[0].union(*parts[1:])]


def visible_households(staff: StaffProfile) -> QuerySet[Household]:
    """The households ``staff`` is involved with now (merged duplicates follow their target)."""
    ids = _involved_ids(staff, timezone.now())
    base = Household.objects.filter(team__municipality_id=staff.municipality_id)
    return base.filter(Q(pk__in=ids) | Q(merged_into__in=base.filter(pk__in=ids).values("pk")))


@dataclass(frozen=True)
class Access:
    """Why ``staff`` may see a household: every reason that applies, strongest first."""

    reasons: tuple[str, ...]
    unit: str = ""

    @property
    def reason(self) -> str:
        return self.reasons[0]

    @property
    def label(self) -> str:
        return str(AccessReason(self.reason).label)

    @property
    def care(self) -> bool:
        """Takes part in the help: may see the sensitive categories."""
        return bool(CARE_REASONS & set(self.reasons))

    @property
    def categories(self) -> frozenset[str]:
        return frozenset(DataCategory.values) if self.care else ORDINARY_CATEGORIES

    @property
    def sees_secret_address(self) -> bool:
        """A secret address is for the case director and the team leader only."""
        return bool({AccessReason.DIRECTOR.value, AccessReason.TEAM_LEADER.value}
                    & set(self.reasons))

    @property
    def purpose(self) -> str:
        task = team_task(self.unit)
        return f"{self.reason}; {task.law}"


def current_director_id(episode: Episode) -> int | None:
    """The open episode's director, or the last director of an episode in aftercare."""
    if episode.closed_at is None:
        return episode.director_id
    last = episode.events.filter(kind__in=DIRECTOR_KINDS).order_by("-seq").first()
    return last.worker_id if last else None


def involvement(
    staff: StaffProfile, household: Household, at: dt.datetime | None = None
) -> Access | None:
    """Why ``staff`` may see ``household`` now; ``None`` when they may not."""
    at = at or timezone.now()
    if household.merged_into_id is not None and household.merged_into is not None:
        return involvement(staff, household.merged_into, at)
    if household.team.municipality_id != staff.municipality_id:
        return None
    current = list(household.episodes.filter(state__in=CURRENT_STATES).order_by("-number"))
    reasons: set[str] = set()
    if any(current_director_id(e) == staff.pk for e in current):
        reasons.add(AccessReason.DIRECTOR)
    if current and Involvement.objects.filter(
        household=household, staff=staff, kind=InvolvementKind.TEAM, ended_at__isnull=True
    ).exists():
        reasons.add(AccessReason.INVOLVED)
    if EmergencyAccess.objects.filter(
        household=household, staff=staff, granted_at__lte=at, expires_at__gt=at
    ).exists():
        reasons.add(AccessReason.EMERGENCY)
    if {e.team_id for e in current} & set(led_team_ids(staff)):
        reasons.add(AccessReason.TEAM_LEADER)
    if Event.objects.filter(
        Q(kind__in=DIRECTOR_KINDS, worker=staff) | Q(recorded_by=staff), since_handover(),
        episode__in=current,
    ).exists():
        reasons.add(AccessReason.RECORDED)
    stock = {e.team_id for e in current if e.state == State.REGISTERED}
    if stock & set(team_ids(staff)):
        reasons.add(AccessReason.WERKVOORRAAD)
    if not reasons:
        return None
    unit = current[0].unit if current else ""
    return Access(tuple(sorted(reasons, key=REASON_ORDER.index)), unit)


def can_view_household(staff: StaffProfile, household: Household) -> bool:
    return involvement(staff, household) is not None


def can_work_in_team(staff: StaffProfile, team_id: int) -> bool:
    return team_id in team_ids(staff)


def active_emergency(staff: StaffProfile, household: Household) -> EmergencyAccess | None:
    now = timezone.now()
    return EmergencyAccess.objects.filter(
        household=household, staff=staff, granted_at__lte=now, expires_at__gt=now
    ).order_by("-expires_at").first()


def log_read(
    staff: StaffProfile,
    action: str,
    *,
    household: Household | None = None,
    person: Person | None = None,
    purpose: str = "",
    detail: str = "",
    fields: str = "",
) -> AccessLog:
    """Record a read of personal data (a page, search results, an export)."""
    if household is not None and not purpose:
        access = involvement(staff, household)
        purpose = access.purpose if access else ""
    return audit.write(action, staff=staff, household=household, person=person,
                       fields=fields or f"page:{action}", purpose=purpose, detail=detail)


def log_change(
    staff: StaffProfile | None,
    action: str,
    *,
    household: Household | None = None,
    person: Person | None = None,
    purpose: str = "",
    detail: str = "",
    fields: str = "",
    actor: str = "",
) -> AccessLog:
    """Record a change of personal data (a step, a consent, a flag, an erasure)."""
    if staff is not None and household is not None and not purpose:
        access = involvement(staff, household)
        purpose = access.purpose if access else ""
    return audit.write(f"change:{action}"[:40], staff=staff, actor=actor, household=household,
                       person=person, fields=fields, purpose=purpose, detail=detail)
