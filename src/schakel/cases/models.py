"""Case episodes, their event log, short contacts and the people involved."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakel.cases.constants import (
    Channel,
    EventKind,
    InvolvementKind,
    ShortContactCategory,
    Source,
    State,
    Urgency,
)
from schakel.people.models import Household, Person
from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import Organisation, StaffProfile, Team


class Episode(models.Model):
    """One period of help for a household, from registration to the end of aftercare.

    The columns below ``-- derived --`` are a copy of what the events fold to
    (see ``lifecycle.fold``); only ``services`` writes them.
    """

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="episodes")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="episodes")
    number = models.PositiveIntegerField(_("episode number"))
    previous = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="next_episode"
    )
    external_id = models.CharField(max_length=80, unique=True)
    # -- derived from events --
    state = models.CharField(_("state"), max_length=12, choices=State.choices)
    director = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="directed"
    )
    # A certified institution directing under youth protection (then ``director`` is empty).
    director_organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="directed",
        verbose_name=_("directing institution"),
    )
    # Events before this one were recorded by the team before an accepted transfer: they
    # no longer give their recorders access (privacy.access); 0 when never transferred.
    access_from_seq = models.PositiveIntegerField(default=0)
    unit = models.CharField(_("unit"), max_length=12, choices=UnitKind.choices)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    urgency = models.CharField(_("urgency"), max_length=8, choices=Urgency.choices)
    registered_at = models.DateTimeField(_("registered"))
    assigned_at = models.DateTimeField(_("assigned"), null=True, blank=True)
    help_started_at = models.DateTimeField(_("help started"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    last_event_at = models.DateTimeField(_("last activity"))

    class Meta:
        ordering = ["registered_at"]
        constraints = [
            # One open episode per household, hence never two directors at once.
            models.UniqueConstraint(
                fields=["household"],
                condition=Q(closed_at__isnull=True),
                name="one_open_episode_per_household",
            ),
            models.UniqueConstraint(fields=["household", "number"], name="episode_number"),
        ]
        indexes = [
            models.Index(fields=["team", "state"], name="episode_team_state"),
            models.Index(fields=["director", "state"], name="episode_director_state"),
        ]

    def __str__(self) -> str:
        return self.reference

    @property
    def reference(self) -> str:
        return f"{self.household.reference}/{self.number}"

    @property
    def is_open(self) -> bool:
        return self.closed_at is None


class Event(models.Model):
    """A fact with a timestamp: the only source of truth about an episode."""

    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="events")
    seq = models.PositiveIntegerField(_("sequence"))
    kind = models.CharField(_("event"), max_length=32, choices=EventKind.choices)
    occurred_at = models.DateTimeField(_("happened at"))
    recorded_at = models.DateTimeField(_("recorded at"))
    recorded_by = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    worker = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    backdate_reason = models.CharField(_("reason for backdating"), max_length=300, blank=True)
    data = models.JSONField(default=dict, blank=True)
    external_id = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["episode", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["episode", "seq"], name="event_seq_unique")
        ]
        indexes = [models.Index(fields=["kind", "occurred_at"], name="event_kind_time")]

    def __str__(self) -> str:
        return f"{self.episode_id}#{self.seq} {self.kind}"

    def fold_data(self) -> dict[str, object]:
        """The event's data as the lifecycle rules see it."""
        return {**self.data, "worker": self.worker_id}


class ShortContact(models.Model):
    """A kortdurend contact: answered without opening a case."""

    team = models.ForeignKey(Team, on_delete=models.PROTECT)
    category = models.CharField(_("category"), max_length=20, choices=ShortContactCategory.choices)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    channel = models.CharField(_("channel"), max_length=12, choices=Channel.choices)
    occurred_at = models.DateTimeField(_("happened at"))
    recorded_at = models.DateTimeField(_("recorded at"))
    recorded_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(_("note"), blank=True)
    external_id = models.CharField(max_length=80, unique=True)

    def __str__(self) -> str:
        return f"{self.category} {self.occurred_at:%Y-%m-%d}"


class Involvement(models.Model):
    """Someone involved with a household: team member, external professional, network."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="involvements"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=InvolvementKind.choices)
    staff = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="involvements"
    )
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL)
    name = models.CharField(_("name"), max_length=160)
    organisation = models.CharField(_("organisation"), max_length=160, blank=True)
    role = models.CharField(_("role"), max_length=120, blank=True)
    contact = models.CharField(_("contact"), max_length=160, blank=True)
    started_at = models.DateTimeField(_("from"))
    ended_at = models.DateTimeField(_("until"), null=True, blank=True)
    external_id = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["started_at"]

    def __str__(self) -> str:
        return self.name
