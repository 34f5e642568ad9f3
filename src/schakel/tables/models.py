"""Case tables, their members, cases, steps, work agreements and meetings.

A case about a household stores the household only to route it and to find the
same household on another table; pages show it by the table's pseudonym unless
a basis lets the viewer's organisation see who it is (``tables.queries``).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from schakel.cases.models import Episode
from schakel.people.models import Household
from schakel.privacy.models import Covenant
from schakel.tables.constants import (
    AgreementStatus,
    CaseStatus,
    Ring,
    StepKind,
    SubjectKind,
    TableKind,
)
from schakel.tenancy.models import Municipality, Organisation, StaffProfile, Team


class CaseTable(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    name = models.CharField(_("name"), max_length=120)
    kind = models.CharField(_("type"), max_length=16, choices=TableKind.choices)
    kind_other = models.CharField(_("type defined by the municipality"), max_length=80,
                                  blank=True)
    chair = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="chaired_tables",
                              verbose_name=_("chair"))
    organisations = models.ManyToManyField(Organisation, related_name="case_tables",
                                           verbose_name=_("member organisations"), blank=True)
    cadence = models.CharField(_("cadence"), max_length=80, blank=True)
    area = models.CharField(_("area"), max_length=120, blank=True)
    target_group = models.CharField(_("target group"), max_length=160, blank=True)
    handles = models.CharField(_("what this table handles"), max_length=400, blank=True)
    covenant = models.ForeignKey(Covenant, null=True, blank=True, on_delete=models.SET_NULL,
                                 verbose_name=_("sharing basis (covenant)"))
    key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def kind_label(self) -> str:
        return self.kind_other if self.kind == TableKind.OTHER and self.kind_other else str(
            self.get_kind_display())


class TableMember(models.Model):
    table = models.ForeignKey(CaseTable, on_delete=models.CASCADE, related_name="members")
    staff = models.ForeignKey(StaffProfile, on_delete=models.CASCADE, related_name="table_seats")
    ring = models.CharField(_("ring"), max_length=8, choices=Ring.choices, default=Ring.CORE)

    class Meta:
        ordering = ["ring", "staff__display_name"]
        constraints = [models.UniqueConstraint(fields=["table", "staff"], name="table_seat_once")]

    def __str__(self) -> str:
        return f"{self.staff} @ {self.table}"


class Meeting(models.Model):
    table = models.ForeignKey(CaseTable, on_delete=models.CASCADE, related_name="meetings")
    held_on = models.DateField(_("date"))
    minutes = models.TextField(_("minutes"), blank=True)
    present = models.ManyToManyField(StaffProfile, related_name="+", blank=True,
                                     verbose_name=_("present"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.table} {self.held_on}"


class TableCase(models.Model):
    table = models.ForeignKey(CaseTable, on_delete=models.CASCADE, related_name="cases")
    number = models.PositiveIntegerField()
    subject = models.CharField(_("about"), max_length=12, choices=SubjectKind.choices)
    household = models.ForeignKey(Household, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="table_cases")
    pseudonym = models.CharField(max_length=16, blank=True)
    basis = models.CharField(max_length=300, blank=True)
    building = models.CharField(_("building or complex"), max_length=160, blank=True)
    vulnerability = models.PositiveSmallIntegerField(_("vulnerability score (%)"), null=True,
                                                     blank=True)
    concern = models.CharField(_("concern in a few words"), max_length=300, blank=True)
    brought_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    brought_at = models.DateTimeField()
    status = models.CharField(max_length=8, choices=CaseStatus.choices, default=CaseStatus.OPEN)
    retry_on = models.DateField(_("retry on"), null=True, blank=True)
    handed_to = models.ForeignKey(Team, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="+")
    episode = models.ForeignKey(Episode, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")
    problem_owner = models.CharField(_("who owns the problem now"), max_length=200, blank=True)
    what_worked = models.TextField(_("what worked and why"), blank=True)
    satisfied = models.CharField(_("is the person satisfied?"), max_length=200, blank=True)
    alert_who = models.CharField(_("who stays alert, and how"), max_length=200, blank=True)
    learnings = models.TextField(_("what did we learn"), blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["table", "number"]
        constraints = [models.UniqueConstraint(fields=["table", "number"],
                                               name="table_case_number")]

    def __str__(self) -> str:
        """Never the household: the pseudonym or the building."""
        return f"{self.table} #{self.number} {self.pseudonym or self.building}"

    @property
    def identified(self) -> bool:
        return bool(self.basis)


class CaseStep(models.Model):
    case = models.ForeignKey(TableCase, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(max_length=10, choices=StepKind.choices)
    answers = models.JSONField(default=dict)
    meeting = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL)
    recorded_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["recorded_at", "pk"]

    def __str__(self) -> str:
        return f"#{self.case_id} {self.kind}"


class Agreement(models.Model):
    """A werkafspraak: what, who takes the action, by when; later its result."""

    case = models.ForeignKey(TableCase, on_delete=models.CASCADE, related_name="agreements")
    what = models.CharField(_("what"), max_length=300)
    owner = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="table_actions",
                              verbose_name=_("owner (actienemer)"))
    deadline = models.DateField(_("deadline"))
    status = models.CharField(_("status"), max_length=10, choices=AgreementStatus.choices,
                              default=AgreementStatus.OPEN)
    result = models.TextField(_("result"), blank=True)
    made_at = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="agreements_made")
    result_at = models.ForeignKey(Meeting, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="results_recorded")
    created_by = models.ForeignKey(StaffProfile, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["deadline", "pk"]

    def __str__(self) -> str:
        return self.what
