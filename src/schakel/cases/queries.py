"""The read side of casework: lists, the next step, the timeline, search.

Every list is computed from the episodes' derived columns, which services keep
equal to the fold of the event log. Nothing here writes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from schakel.cases import lifecycle
from schakel.cases.constants import EventKind, InvolvementKind, Source, State, Urgency
from schakel.cases.models import Episode, Event, Involvement
from schakel.people.bsn import normalise
from schakel.people.models import Household, HouseholdMember, Person
from schakel.tenancy.models import StaffProfile

# The actions a user may take on an episode, in the order the work usually goes.
ACTION_ORDER: tuple[str, ...] = (
    EventKind.REFERRER_CONTACTED,
    EventKind.RESIDENT_CONTACTED,
    EventKind.TRIAGED,
    EventKind.KITCHEN_TABLE,
    EventKind.ASSIGNED,
    EventKind.HELP_STARTED,
    EventKind.SCALED_UP,
    EventKind.SCALED_DOWN,
    EventKind.DIRECTOR_CHANGED,
    EventKind.INVOLVEMENT_ADDED,
    EventKind.CLOSED,
    EventKind.AFTERCARE_ENDED,
)

ASSIGNABLE_ROLES = ("team_member", "team_leader", "behavioural_scientist")


def _urgent_first() -> Case:
    return Case(
        When(urgency=Urgency.URGENT, then=Value(0)), default=Value(1), output_field=IntegerField()
    )


def _queue(team_id: int, state: State) -> QuerySet[Episode]:
    return (
        Episode.objects.filter(team_id=team_id, state=state, closed_at__isnull=True)
        .select_related("household", "director", "team")
        .prefetch_related(Prefetch("events", queryset=Event.objects.order_by("seq")))
        .annotate(urgent_rank=_urgent_first())
        .order_by("urgent_rank", "registered_at", "pk")
    )


def werkvoorraad(team_id: int) -> QuerySet[Episode]:
    """Registered and not yet assigned: urgent first, then the longest waiting."""
    return _queue(team_id, State.REGISTERED)


def waiting(team_id: int) -> QuerySet[Episode]:
    """Assigned, help not yet started: still waiting, never out of sight."""
    return _queue(team_id, State.WAITING)


def caseload(staff: StaffProfile) -> QuerySet[Episode]:
    """The open episodes this professional directs."""
    return (
        Episode.objects.filter(director=staff, closed_at__isnull=True)
        .select_related("household", "team")
        .prefetch_related(Prefetch("events", queryset=Event.objects.order_by("seq")))
        .annotate(urgent_rank=_urgent_first())
        .order_by("urgent_rank", "registered_at", "pk")
    )


def days_waiting(episode: Episode, today: dt.date | None = None) -> int:
    """Whole days since registration (local calendar days)."""
    today = today or timezone.localdate()
    return (today - timezone.localdate(episode.registered_at)).days


def _folded(episode: Episode) -> lifecycle.Folded:
    events = sorted(episode.events.all(), key=lambda e: e.seq)
    return lifecycle.fold(((e.kind, e.fold_data()) for e in events), strict=False)


def recorded_kinds(episode: Episode) -> frozenset[str]:
    return _folded(episode).milestones


@dataclass(frozen=True)
class NextStep:
    """What the professional should do next; ``kind`` names the action, if any."""

    kind: str | None
    label: str | Promise


def next_step(episode: Episode) -> NextStep:
    """The next step on the path: referrer, resident, kitchen table, start help, plan."""
    folded = _folded(episode)
    done = folded.milestones
    state = folded.state
    if state == State.ENDED:
        return NextStep(None, _("Nothing: the episode has ended."))
    if state == State.AFTERCARE:
        return NextStep(
            EventKind.AFTERCARE_ENDED,
            _("Keep a finger on the pulse; end aftercare within 3 months"),
        )
    if EventKind.REFERRER_CONTACTED not in done and episode.source != Source.SELF:
        return NextStep(EventKind.REFERRER_CONTACTED, _("Contact the referrer"))
    if EventKind.RESIDENT_CONTACTED not in done:
        return NextStep(EventKind.RESIDENT_CONTACTED, _("Contact the resident"))
    if EventKind.KITCHEN_TABLE not in done:
        return NextStep(EventKind.KITCHEN_TABLE, _("Hold the kitchen-table conversation"))
    if state == State.REGISTERED:
        return NextStep(EventKind.ASSIGNED, _("Assign a professional"))
    if state == State.WAITING:
        return NextStep(EventKind.HELP_STARTED, _("Start help"))
    if EventKind.PLAN_AGREED not in done:
        return NextStep(EventKind.PLAN_AGREED, _("Agree the support plan"))
    return NextStep(None, _("Carry out the plan; scale up, down or close when the time comes"))


def allowed_actions(episode: Episode) -> list[str]:
    """The event kinds the lifecycle allows next, in working order."""
    folded = _folded(episode)
    return [
        kind
        for kind in ACTION_ORDER
        if folded.state in lifecycle.ALLOWED_FROM[kind]
        and not (kind in lifecycle.ONCE and kind in folded.milestones)
    ]


def current_episode(household: Household) -> Episode | None:
    """The household's latest episode (open, in aftercare or ended)."""
    return (
        household.episodes.select_related("director", "team", "household")
        .prefetch_related(Prefetch("events", queryset=Event.objects.order_by("seq")))
        .order_by("-number")
        .first()
    )


def members(household: Household) -> QuerySet[HouseholdMember]:
    return household.members.select_related("person").order_by("person__birth_date", "pk")


def involvements(household: Household) -> QuerySet[Involvement]:
    """Everyone involved besides the director: colleagues, professionals, network."""
    return household.involvements.select_related("staff").order_by(
        Case(
            When(kind=InvolvementKind.TEAM, then=Value(0)),
            When(kind=InvolvementKind.EXTERNAL, then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
        "started_at",
    )


def timeline(household: Household) -> QuerySet[Event]:
    """All events of all the household's episodes, newest first."""
    return (
        Event.objects.filter(episode__household=household)
        .select_related("episode", "episode__household", "recorded_by", "worker")
        .order_by("-occurred_at", "-episode__number", "-seq")
    )


def episode_references(household: Household) -> dict[str, str]:
    """External id -> readable reference, for linking returns to earlier episodes."""
    return {
        ep.external_id: f"{household.reference}/{ep.number}"
        for ep in household.episodes.only("external_id", "number")
    }


def assignable_staff(team_id: int) -> QuerySet[StaffProfile]:
    """Professionals of a team who may direct a case."""
    return (
        StaffProfile.objects.filter(
            memberships__team_id=team_id, memberships__role__in=ASSIGNABLE_ROLES
        )
        .distinct()
        .order_by("display_name")
    )


def looks_like_bsn(query: str) -> bool:
    digits = normalise(query)
    stripped = query.replace(" ", "").replace(".", "").replace("-", "")
    return stripped.isdigit() and len(digits) == 9


def search_households(visible: QuerySet[Household], query: str) -> QuerySet[Household]:
    """Households among ``visible`` matching a name, a BSN or a reference."""
    query = query.strip()
    if not query:
        return visible.none()
    # The households one is involved with are few (a caseload, a work stock); fetching
    # their ids first lets the database look up names among those few rows instead of
    # matching every household of the city against the involvement rules.
    involved = list(visible.filter(merged_into__isnull=True).values_list("pk", flat=True))
    base = Household.objects.filter(pk__in=involved)
    if looks_like_bsn(query):
        condition = Q(members__person__bsn=normalise(query))
    elif query.upper().startswith("H-") or query.isdigit():
        ref = query.upper() if query.upper().startswith("H-") else f"H-{query}"
        condition = Q(reference__istartswith=ref.split("/")[0])
    else:
        condition = Q()
        for token in query.split():
            condition &= (
                Q(name__icontains=token)
                | Q(members__person__given_name__icontains=token)
                | Q(members__person__family_name__icontains=token)
                | Q(members__person__family_name_prefix__iexact=token)
            )
    ids = base.filter(condition).values("pk")
    return (
        Household.objects.filter(pk__in=ids)
        .select_related("team")
        .prefetch_related(
            Prefetch("members", queryset=HouseholdMember.objects.select_related("person")),
            "episodes",
        )
        .order_by("name", "reference")
    )


def households_of(persons: list[Person], within: QuerySet[Household]) -> QuerySet[Household]:
    """The (unmerged) households among ``within`` that these persons belong to."""
    return (
        within.filter(members__person__in=persons, merged_into__isnull=True)
        .distinct()
        .prefetch_related(
            Prefetch("members", queryset=HouseholdMember.objects.select_related("person"))
        )
        .order_by("reference")
    )
