"""Instruments as data, measurements taken with them, and child-safety checks.

An instrument (the ZRM, the broad needs analysis, or one a municipality adds)
has versions; a version holds its scales, domains and questions as rows. A
version is never changed once saved: a revision is a new version, so every
measurement stays readable with exactly the questions it was taken with.
Shipped versions have no municipality; a municipality's own revisions do.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from schakel.assessment.constants import LifeArea, QuestionKind, SafetyOccasion, SafetyOutcome
from schakel.cases.models import Episode
from schakel.people.models import Household, Person
from schakel.tenancy.models import Municipality, StaffProfile


class Instrument(models.Model):
    """A named instrument; ``municipality`` is empty for the ones Schakel ships."""

    code = models.SlugField(_("code"), max_length=40)
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"], condition=Q(municipality__isnull=True),
                name="shipped_instrument_code",
            ),
            models.UniqueConstraint(
                fields=["municipality", "code"], name="municipal_instrument_code"
            ),
        ]

    def __str__(self) -> str:
        return self.code


class InstrumentVersion(models.Model):
    """One immutable definition of an instrument."""

    instrument = models.ForeignKey(Instrument, on_delete=models.PROTECT, related_name="versions")
    municipality = models.ForeignKey(
        Municipality, null=True, blank=True, on_delete=models.CASCADE, related_name="+",
        help_text="Empty for a shipped version; set for a municipality's own revision.",
    )
    number = models.PositiveIntegerField(_("version"))
    name = models.CharField(_("name"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    note = models.CharField(_("reason for the revision"), max_length=300, blank=True)
    created_by = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["instrument", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["instrument", "number"], condition=Q(municipality__isnull=True),
                name="shipped_version_number",
            ),
            models.UniqueConstraint(
                fields=["instrument", "municipality", "number"], name="municipal_version_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} v{self.number}"


class Scale(models.Model):
    version = models.ForeignKey(InstrumentVersion, on_delete=models.CASCADE, related_name="scales")
    code = models.SlugField(max_length=40)
    name = models.CharField(_("name"), max_length=120)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="scale_code")]

    def __str__(self) -> str:
        return self.name


class ScaleLevel(models.Model):
    """A level of a scale. Unscored levels (e.g. "not applicable") stay out of charts."""

    scale = models.ForeignKey(Scale, on_delete=models.CASCADE, related_name="levels")
    value = models.SmallIntegerField(_("value"))
    label = models.CharField(_("label"), max_length=120)
    scored = models.BooleanField(default=True)

    class Meta:
        ordering = ["scale", "value"]
        constraints = [models.UniqueConstraint(fields=["scale", "value"], name="level_value")]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"


class Domain(models.Model):
    """A domain (ZRM) or life area (needs analysis): a group of questions."""

    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.CASCADE, related_name="domains"
    )
    code = models.SlugField(max_length=40)
    name = models.CharField(_("name"), max_length=120)
    life_area = models.CharField(
        _("life area"), max_length=24, choices=LifeArea.choices, blank=True
    )
    optional = models.BooleanField(_("optional"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["version", "position"]
        constraints = [models.UniqueConstraint(fields=["version", "code"], name="domain_code")]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    """A question; a non-core question belongs to its domain's optional deep-dive."""

    domain = models.ForeignKey(Domain, on_delete=models.CASCADE, related_name="questions")
    code = models.SlugField(max_length=40)
    text = models.CharField(_("question"), max_length=300)
    help = models.CharField(_("hint"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=8, choices=QuestionKind.choices)
    scale = models.ForeignKey(Scale, null=True, blank=True, on_delete=models.PROTECT)
    core = models.BooleanField(_("core"), default=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["domain", "position"]
        constraints = [models.UniqueConstraint(fields=["domain", "code"], name="question_code")]

    def __str__(self) -> str:
        return self.text


class Measurement(models.Model):
    """One use of an instrument version for one person, on a date, by an assessor."""

    household = models.ForeignKey(
        Household, on_delete=models.CASCADE, related_name="measurements"
    )
    # CASCADE: erasing a person (privacy retention) erases their measurements too.
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="measurements")
    version = models.ForeignKey(
        InstrumentVersion, on_delete=models.PROTECT, related_name="measurements"
    )
    taken_on = models.DateField(_("date of the measurement"))
    assessor = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    recorded_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    external_id = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["taken_on", "recorded_at"]
        indexes = [models.Index(fields=["household", "person"], name="measurement_person")]

    def __str__(self) -> str:
        return f"{self.version} {self.person_id} {self.taken_on}"


class Answer(models.Model):
    measurement = models.ForeignKey(Measurement, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="+")
    value = models.SmallIntegerField(null=True, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["measurement", "question"], name="answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.question_id}={self.value if self.value is not None else self.text[:20]}"


class SkippedPart(models.Model):
    """An optional deep-dive left out of a measurement, with the reason why."""

    measurement = models.ForeignKey(Measurement, on_delete=models.CASCADE, related_name="skipped")
    domain = models.ForeignKey(Domain, on_delete=models.PROTECT, related_name="+")
    reason = models.CharField(_("reason for skipping"), max_length=300)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["measurement", "domain"], name="skip_once")
        ]

    def __str__(self) -> str:
        return f"{self.domain_id}: {self.reason}"


class ChildSafetyCheck(models.Model):
    """A child-safety risk check of a youth episode: planned (``due_on``) and/or done.

    Checks at the start, periodically and at the end follow from the episode and
    the norm; a change of situation is planned explicitly and gets a row
    before it is done. A done check is also an event on the episode.
    """

    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="safety_checks")
    occasion = models.CharField(_("occasion"), max_length=10, choices=SafetyOccasion.choices)
    due_on = models.DateField(_("due"), null=True, blank=True)
    reason = models.CharField(_("what changed"), max_length=300, blank=True)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=SafetyOutcome.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    planned_by = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    done_by = models.ForeignKey(
        StaffProfile, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    external_id = models.CharField(max_length=80, unique=True)

    class Meta:
        ordering = ["episode", "done_on", "due_on", "pk"]

    def __str__(self) -> str:
        return f"{self.episode_id} {self.occasion} {self.done_on or self.due_on}"
