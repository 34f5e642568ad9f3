"""Catalogue, referrals, decisions, objections, complaints and budgets.

Each change to a household's referral or decision is also an event on its
episode (``services``), so the statutory norms count it like any other step.
"""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.cases.models import Episode
from schakel.decisions.constants import (
    GRANTING,
    Category,
    ComplaintOutcome,
    DecisionOutcome,
    DecisionStage,
    Law,
    ObjectionOutcome,
    ReferralStatus,
    SystemPart,
    TariffUnit,
)
from schakel.people.models import Household, Person
from schakel.plans.models import SpecialistReferral
from schakel.tenancy.models import Municipality, Organisation, StaffProfile, Team


class Provider(models.Model):
    """A contracted care provider. Without a municipality: part of the shared catalogue."""

    municipality = models.ForeignKey(Municipality, null=True, blank=True,
                                     on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=160)
    code = models.CharField(max_length=40, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Product(models.Model):
    """One entry of the voorzieningenboek: what can be decided, per unit, at what tariff."""

    municipality = models.ForeignKey(Municipality, null=True, blank=True,
                                     on_delete=models.CASCADE)
    code = models.CharField(_("product code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=160)
    law = models.CharField(_("law"), max_length=8, choices=Law.choices)
    category = models.CharField(_("category"), max_length=24, choices=Category.choices)
    unit = models.CharField(_("unit"), max_length=8, choices=TariffUnit.choices)
    tariff = models.DecimalField(_("tariff per unit (EUR)"), max_digits=9, decimal_places=2)
    explanation = models.TextField(_("explanation for staff"))
    providers = models.ManyToManyField(Provider, blank=True, related_name="products")
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["law", "category", "name"]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class Referral(models.Model):
    """What, for whom, how much, when and where: the path to specialist care, with dates."""

    plan_referral = models.OneToOneField(SpecialistReferral, on_delete=models.PROTECT,
                                         related_name="+")
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    episode = models.ForeignKey(Episode, on_delete=models.RESTRICT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="referrals")
    provider = models.ForeignKey(Provider, null=True, blank=True, on_delete=models.PROTECT)
    referrer = models.ForeignKey(Organisation, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="+", verbose_name=_("who referred the household"))
    volume = models.DecimalField(_("volume"), max_digits=9, decimal_places=2)
    period_start = models.DateField(_("from"))
    period_end = models.DateField(_("until"))
    status = models.CharField(_("status"), max_length=10, choices=ReferralStatus.choices,
                              default=ReferralStatus.REQUESTED)
    requested_on = models.DateField(_("requested"))
    decided_on = models.DateField(_("decided"), null=True, blank=True)
    waiting_since = models.DateField(_("waiting at provider since"), null=True, blank=True)
    started_on = models.DateField(_("care started"), null=True, blank=True)
    ended_on = models.DateField(_("care ended"), null=True, blank=True)
    bridging_help = models.CharField(_("bridging help while waiting"), max_length=240,
                                     blank=True)

    class Meta:
        ordering = ["-requested_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.product.code} {self.household_id}"


class Decision(models.Model):
    """A beschikking (Wmo or Jeugdwet), from melding or aanvraag to decision."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+")
    episode = models.ForeignKey(Episode, on_delete=models.RESTRICT, related_name="+")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    referral = models.ForeignKey(Referral, null=True, blank=True, on_delete=models.SET_NULL,
                                 related_name="decisions")
    law = models.CharField(_("law"), max_length=8, choices=Law.choices)
    product = models.ForeignKey(Product, null=True, blank=True, on_delete=models.PROTECT)
    provider = models.ForeignKey(Provider, null=True, blank=True, on_delete=models.PROTECT)
    volume = models.DecimalField(_("volume"), max_digits=9, decimal_places=2, default=0)
    period_start = models.DateField(_("from"), null=True, blank=True)
    period_end = models.DateField(_("until"), null=True, blank=True)
    decided_by_part = models.CharField(_("decided by"), max_length=12,
                                       choices=SystemPart.choices, default=SystemPart.TEAM)
    stage = models.CharField(_("stage"), max_length=12, choices=DecisionStage.choices)
    melding_at = models.DateTimeField(_("melding"), null=True, blank=True)
    investigated_at = models.DateTimeField(_("investigation completed"), null=True, blank=True)
    aanvraag_at = models.DateTimeField(_("request received"), null=True, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=8, choices=DecisionOutcome.choices,
                               blank=True)
    motivation = models.TextField(_("motivation"), blank=True)
    extension_reason = models.CharField(_("reason for extension"), max_length=240, blank=True)
    decided_by = models.ForeignKey(StaffProfile, null=True, blank=True,
                                   on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-pk"]

    def __str__(self) -> str:
        return f"{self.law} {self.pk}"

    @property
    def committed(self) -> Decimal:
        if self.product is None or self.outcome not in GRANTING:
            return Decimal("0")
        return self.volume * self.product.tariff


class Objection(models.Model):
    """Bezwaar against a decision (Awb 7:10), attributed to whoever decided."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="objections")
    team = models.ForeignKey(Team, on_delete=models.PROTECT, related_name="+")
    system_part = models.CharField(_("part of the system"), max_length=12,
                                   choices=SystemPart.choices)
    received_at = models.DateTimeField(_("received"))
    grounds = models.TextField(_("grounds"))
    committee = models.BooleanField(_("advisory committee"), default=False)
    extension_reason = models.CharField(_("reason for extension"), max_length=240, blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=14, choices=ObjectionOutcome.choices,
                               blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"objection {self.pk}"


class Complaint(models.Model):
    """Klacht (Awb 9), tagged to the part of the system, team and worker it is about."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    household = models.ForeignKey(Household, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    system_part = models.CharField(_("part of the system"), max_length=12,
                                   choices=SystemPart.choices)
    team = models.ForeignKey(Team, null=True, blank=True, on_delete=models.PROTECT,
                             related_name="+")
    worker = models.ForeignKey(StaffProfile, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+")
    received_at = models.DateTimeField(_("received"))
    subject = models.TextField(_("what the complaint is about"))
    mediation_on = models.DateField(_("mediation conversation"), null=True, blank=True)
    formal = models.BooleanField(_("formal route"), default=False)
    committee = models.BooleanField(_("complaints committee"), default=False)
    hearing_on = models.DateField(_("hearing"), null=True, blank=True)
    extension_reason = models.CharField(_("reason for extension"), max_length=240, blank=True)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=ComplaintOutcome.choices,
                               blank=True)
    measures = models.TextField(_("measures taken"), blank=True)

    class Meta:
        ordering = ["-received_at"]

    def __str__(self) -> str:
        return f"complaint {self.pk}"


class Budget(models.Model):
    team = models.ForeignKey(Team, on_delete=models.CASCADE, related_name="+")
    product = models.ForeignKey(Product, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("budget (EUR)"), max_digits=12, decimal_places=2)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["team", "product", "year"],
                                               name="budget_team_product_year")]

    def __str__(self) -> str:
        return f"{self.team_id} {self.product_id} {self.year}"


class Spend(models.Model):
    """Actual spend: an invoice line from a provider, booked on a decision."""

    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="spend")
    booked_on = models.DateField(_("booked"))
    amount = models.DecimalField(_("amount (EUR)"), max_digits=12, decimal_places=2)

    def __str__(self) -> str:
        return f"{self.decision_id} {self.booked_on} {self.amount}"
