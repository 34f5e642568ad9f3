"""One support plan per household, in versions; the network map around the household.

A version is a draft until the resident's agreement and a team leader's
sign-off are both recorded; then it is the current version and the one
before it is superseded. An agreed or signed version is never edited: a
change is a new version, copied from the latest, so the differences between
versions stay readable. Goals and actions keep a ``key`` across versions.

Links to episodes and the network use RESTRICT, not PROTECT: they cannot be
deleted on their own, but erasing the whole household (privacy retention)
takes the plan with it.
"""

from __future__ import annotations

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakel.assessment.constants import LifeArea
from schakel.cases.models import Episode
from schakel.people.models import Household, Person
from schakel.plans.constants import (
    ActionStatus,
    AgreementMethod,
    CareKind,
    Influence,
    NetworkKind,
    Resource,
    VersionStatus,
)
from schakel.tenancy.models import StaffProfile


def new_key() -> str:
    return uuid.uuid4().hex


class SupportPlan(models.Model):
    """The ondersteuningsplan: "1 household, 1 plan" for youth and adults together."""

    household = models.OneToOneField(Household, on_delete=models.CASCADE, related_name="plan")
    created_at = models.DateTimeField(auto_now_add=True)
    external_id = models.CharField(max_length=80, unique=True)

    def __str__(self) -> str:
        return f"plan {self.household_id}"


class PlanVersion(models.Model):
    plan = models.ForeignKey(SupportPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    episode = models.ForeignKey(Episode, on_delete=models.RESTRICT, related_name="+")
    status = models.CharField(
        _("status"), max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    summary = models.TextField(_("what the household wants to achieve, in its own words"),
                               blank=True)
    internal_note = models.TextField(_("internal note (not for the resident)"), blank=True)
    created_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    agreed_on = models.DateField(_("agreed with the resident on"), null=True, blank=True)
    agreed_how = models.CharField(
        _("how the resident agreed"), max_length=10, choices=AgreementMethod.choices, blank=True
    )
    agreed_recorded_by = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_by = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_at = models.DateTimeField(_("signed"), null=True, blank=True)
    # Counts saves of the draft text; an edit form shown at an older revision is refused.
    revision = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number"),
            models.UniqueConstraint(
                fields=["plan"], condition=Q(status="current"), name="one_current_plan_version"
            ),
            models.UniqueConstraint(
                fields=["plan"], condition=Q(status="draft"), name="one_draft_plan_version"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.plan_id} v{self.number}"

    @property
    def is_frozen(self) -> bool:
        """Agreed or signed: the content can only change in a new version."""
        return self.agreed_on is not None or self.signed_at is not None


class NetworkEntry(models.Model):
    """A person or organisation around the household (ecogram), supporting or burdening it."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="network")
    kind = models.CharField(_("person or organisation"), max_length=12,
                            choices=NetworkKind.choices)
    name = models.CharField(_("name"), max_length=160)
    role = models.CharField(_("role or relation"), max_length=120,
                            help_text=_("e.g. grandmother, neighbour, GP, school"))
    influence = models.CharField(_("influence"), max_length=10, choices=Influence.choices)
    related_to = models.ForeignKey(
        Person, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("mainly for"),
    )
    contact = models.CharField(_("contact"), max_length=160, blank=True)
    note = models.TextField(_("internal note"), blank=True)
    created_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    ended_on = models.DateField(_("no longer around since"), null=True, blank=True)
    external_id = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["household", "kind", "name"]
        verbose_name_plural = "network entries"

    def __str__(self) -> str:
        return self.name


class Goal(models.Model):
    """A goal on one life area, for one member or for the whole household."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="goals")
    key = models.CharField(max_length=32, default=new_key)
    life_area = models.CharField(_("life area"), max_length=24, choices=LifeArea.choices)
    person = models.ForeignKey(  # CASCADE: erasing a person erases the goals about them
        Person, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        verbose_name=_("for"),
    )
    text = models.CharField(_("goal"), max_length=300)
    internal_note = models.TextField(_("internal note (not for the resident)"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["version", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["version", "key"], name="goal_key")]

    def __str__(self) -> str:
        return self.text


class PlanAction(models.Model):
    """What will be done for a goal, by whom, carried by which resource, evaluated when."""

    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, related_name="actions")
    key = models.CharField(max_length=32, default=new_key)
    text = models.CharField(_("action"), max_length=300)
    resource = models.CharField(_("resource"), max_length=14, choices=Resource.choices)
    owner = models.CharField(_("who does it"), max_length=160)
    network_entry = models.ForeignKey(
        NetworkEntry, null=True, blank=True, on_delete=models.RESTRICT, related_name="actions",
        verbose_name=_("from the network map"),
    )
    evaluate_on = models.DateField(_("evaluate on"))
    status = models.CharField(_("status"), max_length=12, choices=ActionStatus.choices,
                              default=ActionStatus.PLANNED)
    internal_note = models.TextField(_("internal note (not for the resident)"), blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["goal", "position", "pk"]
        constraints = [models.UniqueConstraint(fields=["goal", "key"], name="action_key")]

    def __str__(self) -> str:
        return self.text


class SpecialistReferral(models.Model):
    """A request for specialist (second-line) care; only possible with a current plan."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    episode = models.ForeignKey(Episode, on_delete=models.RESTRICT, related_name="+")
    plan_version = models.ForeignKey(PlanVersion, on_delete=models.RESTRICT, related_name="+")
    care = models.CharField(_("kind of care"), max_length=14, choices=CareKind.choices)
    provider = models.CharField(_("provider"), max_length=160, blank=True)
    reason = models.TextField(_("why this care is needed"))
    requested_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField(auto_now_add=True)
    external_id = models.CharField(max_length=80, unique=True)

    def __str__(self) -> str:
        return f"{self.care} {self.household_id}"
