"""The sociale kaart (organisations, their services and activities) and district profiles."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.cases.models import Episode
from schakel.people.models import Household, Person
from schakel.socialmap.constants import OfferKind
from schakel.tenancy.models import District, Municipality, Organisation, StaffProfile


class MapOrganisation(models.Model):
    """An organisation on the map: a club, a welfare organisation, a church, a foundation."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("what they do"), blank=True)
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("partner organisation"),
        help_text=_("When it is also a registered partner organisation."))
    website = models.URLField(_("website"), blank=True)
    phone = models.CharField(_("general phone"), max_length=40, blank=True)
    email = models.EmailField(_("general email"), blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    keeper = models.ForeignKey(StaffProfile, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("kept current by"))
    last_verified = models.DateField(_("last verified"))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ContactPerson(models.Model):
    """A professional contact at a provider. Public pages show the role, never the name."""

    provider = models.ForeignKey(MapOrganisation, on_delete=models.CASCADE, related_name="contacts")
    name = models.CharField(_("name"), max_length=160)
    role = models.CharField(_("role"), max_length=120)
    phone = models.CharField(_("work phone"), max_length=40, blank=True)
    email = models.EmailField(_("work email"), blank=True)

    class Meta:
        ordering = ["role"]

    def __str__(self) -> str:
        return f"{self.role} ({self.provider})"


class Offer(models.Model):
    """A service or activity: what, where, when, for whom, at what cost."""

    provider = models.ForeignKey(MapOrganisation, on_delete=models.CASCADE, related_name="offers")
    kind = models.CharField(_("kind"), max_length=10, choices=OfferKind.choices)
    title = models.CharField(_("what"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    needs = models.JSONField(_("needs it helps with"), default=list)
    target_groups = models.JSONField(_("for whom"), default=list)
    district = models.ForeignKey(District, null=True, blank=True, on_delete=models.SET_NULL,
                                 verbose_name=_("district"),
                                 help_text=_("Empty: for the whole municipality."))
    location = models.CharField(_("where"), max_length=200, blank=True)
    schedule = models.CharField(_("when"), max_length=200, blank=True)
    cost = models.CharField(_("cost"), max_length=120, blank=True,
                            help_text=_("E.g. free, or €2 per time."))
    keeper = models.ForeignKey(StaffProfile, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+", verbose_name=_("kept current by"))
    last_verified = models.DateField(_("last verified"))
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class ActivityLink(models.Model):
    """A resident linked to a service or activity from the plan (the schakel function)."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE,
                                  related_name="activity_links")
    person = models.ForeignKey(Person, null=True, blank=True, on_delete=models.SET_NULL,
                               related_name="+")
    episode = models.ForeignKey(Episode, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="links")
    note = models.CharField(_("note"), max_length=300, blank=True)
    linked_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    linked_at = models.DateTimeField(_("linked"))

    class Meta:
        ordering = ["-linked_at"]

    def __str__(self) -> str:
        return f"{self.household_id} → {self.offer}"


class DistrictProfile(models.Model):
    """Indicators of a wijk or buurt for one year, imported from CSV."""

    district = models.ForeignKey(District, on_delete=models.CASCADE, related_name="profiles")
    year = models.PositiveSmallIntegerField(_("year"))
    population = models.PositiveIntegerField(_("population"))
    age_0_17 = models.DecimalField(_("aged 0–17 (%)"), max_digits=5, decimal_places=1)
    age_18_64 = models.DecimalField(_("aged 18–64 (%)"), max_digits=5, decimal_places=1)
    age_65_plus = models.DecimalField(_("aged 65+ (%)"), max_digits=5, decimal_places=1)
    social_rent = models.DecimalField(_("social rent (% of homes)"), max_digits=5,
                                      decimal_places=1)
    unemployment = models.DecimalField(_("unemployment (%)"), max_digits=5, decimal_places=1)
    income = models.PositiveIntegerField(_("average income per resident (€)"))
    social_quality = models.DecimalField(_("social-quality score (0–10)"), max_digits=4,
                                         decimal_places=1)
    flags = models.JSONField(_("implausible values"), default=list, blank=True)
    source = models.CharField(_("source file"), max_length=200, blank=True)
    imported_at = models.DateTimeField(_("imported"))

    class Meta:
        ordering = ["district__cbs_code", "-year"]
        constraints = [models.UniqueConstraint(fields=["district", "year"],
                                               name="district_profile_year")]

    def __str__(self) -> str:
        return f"{self.district} {self.year}"
