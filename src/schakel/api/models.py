"""Partner tokens, the submissions partners made, and remembered idempotent responses."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.api.constants import DEFAULT_RATE_PER_MINUTE, SubmissionKind, Topic
from schakel.cases.models import Episode
from schakel.people.models import Person
from schakel.tenancy.models import Organisation, StaffProfile


class PartnerToken(models.Model):
    """A bearer token of one partner organisation. Only its SHA-256 digest is stored.

    Submissions made with it are recorded by the organisation's API account
    (a staff profile with the partner role and no password), so the event log
    and the audit log name who acted.
    """

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                     related_name="api_tokens")
    account = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    name = models.CharField(_("name"), max_length=120)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    digest = models.CharField(max_length=64, unique=True)
    scopes = models.JSONField(_("scopes"), default=list)
    rate_per_minute = models.PositiveIntegerField(_("requests per minute"),
                                                  default=DEFAULT_RATE_PER_MINUTE)
    created_at = models.DateTimeField(_("created"))
    created_by = models.CharField(_("created by"), max_length=160, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        ordering = ["organisation", "created_at"]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.name} ({self.prefix}…)"

    @property
    def active(self) -> bool:
        return self.revoked_at is None


class Submission(models.Model):
    """A signal or referral a partner sent in; the episode it opened holds the facts."""

    public_id = models.CharField(max_length=40, unique=True)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT,
                                     related_name="submissions")
    submitted_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    via_api = models.BooleanField(_("via the API"), default=True)
    kind = models.CharField(_("kind"), max_length=10, choices=SubmissionKind.choices)
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, blank=True)
    criteria = models.JSONField(_("referral criteria"), default=list, blank=True)
    rent_arrears_months = models.PositiveSmallIntegerField(_("months of rent arrears"),
                                                           null=True, blank=True)
    episode = models.ForeignKey(Episode, on_delete=models.CASCADE, related_name="submissions")
    subject = models.ForeignKey(Person, null=True, on_delete=models.SET_NULL, related_name="+",
                                help_text="The first person named: whose consent opens "
                                          "the status to the partner.")
    submitted_at = models.DateTimeField(_("submitted"))

    class Meta:
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["organisation", "submitted_at"], name="submission_org")]

    def __str__(self) -> str:
        return self.public_id


class IdempotentResponse(models.Model):
    """The first response to a request with an Idempotency-Key, replayed on a retry."""

    token = models.ForeignKey(PartnerToken, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=200)
    body_digest = models.CharField(max_length=64)
    status_code = models.PositiveSmallIntegerField()
    response = models.JSONField()
    created_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["token", "key"], name="idempotency_key")]

    def __str__(self) -> str:
        return self.key
