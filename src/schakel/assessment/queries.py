"""The read side of needs analysis: versions in force, measurements, progress.

Nothing here writes. A measurement is always shown with the version it was
taken with; progress joins versions on the stable domain and question codes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from schakel.assessment.constants import ZRM, QuestionKind
from schakel.assessment.models import (
    Answer,
    ChildSafetyCheck,
    Domain,
    Instrument,
    InstrumentVersion,
    Measurement,
    Question,
    ScaleLevel,
)
from schakel.assessment.safety import DEFAULT_PERIOD, CheckFact, DueCheck, schedule
from schakel.cases.models import Episode
from schakel.norms.queries import norm_book
from schakel.people.models import Household, Person
from schakel.tenancy.constants import UnitKind

SAFETY_NORM = "child_safety_check"


def instruments_of(municipality_id: int) -> QuerySet[Instrument]:
    """Shipped instruments and the municipality's own."""
    return Instrument.objects.filter(
        Q(municipality__isnull=True) | Q(municipality_id=municipality_id)
    ).order_by("code")


def versions_of(instrument: Instrument, municipality_id: int) -> QuerySet[InstrumentVersion]:
    """Every version the municipality sees: the shipped ones and its own revisions."""
    return instrument.versions.filter(
        Q(municipality__isnull=True) | Q(municipality_id=municipality_id)
    ).order_by("number", "pk")


def current_version(instrument: Instrument, municipality_id: int) -> InstrumentVersion | None:
    """The version new measurements use: the municipality's latest revision, if any."""
    own = instrument.versions.filter(municipality_id=municipality_id).order_by("-number").first()
    return own or instrument.versions.filter(municipality__isnull=True).order_by("-number").first()


def current_versions(municipality_id: int) -> list[InstrumentVersion]:
    found = (current_version(i, municipality_id) for i in instruments_of(municipality_id))
    return [v for v in found if v is not None]


def instrument_by_code(code: str, municipality_id: int) -> Instrument | None:
    """The municipality's own instrument with this code, else the shipped one."""
    found = instruments_of(municipality_id).filter(code=code)
    return found.filter(municipality_id=municipality_id).first() or found.first()


def with_definition(versions: QuerySet[InstrumentVersion]) -> QuerySet[InstrumentVersion]:
    """Versions with their domains, questions and scale levels loaded in a few queries."""
    questions = Question.objects.select_related("scale").prefetch_related(
        Prefetch("scale__levels", queryset=ScaleLevel.objects.order_by("value"))
    ).order_by("position")
    return versions.select_related("instrument").prefetch_related(
        Prefetch("domains", queryset=Domain.objects.order_by("position")),
        Prefetch("domains__questions", queryset=questions),
    )


def version_with_definition(pk: int) -> InstrumentVersion:
    return with_definition(InstrumentVersion.objects.filter(pk=pk)).get()


def measurements(household: Household) -> QuerySet[Measurement]:
    return (
        Measurement.objects.filter(household=household)
        .select_related("person", "assessor", "version", "version__instrument")
        .order_by("-taken_on", "-recorded_at")
    )


@dataclass
class ShownAnswer:
    question: Question
    value_label: str
    text: str


@dataclass
class ShownDomain:
    domain: Domain
    core: list[ShownAnswer] = field(default_factory=list)
    deep: list[ShownAnswer] = field(default_factory=list)
    skipped_reason: str = ""


def _label(question: Question, answer: Answer | None) -> str:
    if answer is None or answer.value is None:
        return ""
    if question.kind == QuestionKind.YES_NO:
        from django.utils.translation import gettext as _

        return str(_("Yes")) if answer.value else str(_("No"))
    if question.scale is not None:
        for level in question.scale.levels.all():
            if level.value == answer.value:
                return f"{level.value} – {level.label}"
    return str(answer.value)


def shown(measurement: Measurement) -> list[ShownDomain]:
    """A measurement as its own version asked it: domain by domain."""
    version = version_with_definition(measurement.version_id)
    answers = {a.question_id: a for a in measurement.answers.all()}
    skipped = {s.domain_id: s.reason for s in measurement.skipped.all()}
    result = []
    for domain in version.domains.all():
        item = ShownDomain(domain, skipped_reason=skipped.get(domain.pk, ""))
        for question in domain.questions.all():
            answer = answers.get(question.pk)
            entry = ShownAnswer(question, _label(question, answer), answer.text if answer else "")
            (item.core if question.core else item.deep).append(entry)
        result.append(item)
    return result


@dataclass(frozen=True)
class Point:
    measurement: Measurement
    value: int | None
    label: str


@dataclass
class Series:
    """One scale question followed over a person's measurements (a domain's trend)."""

    key: str
    title: str
    levels: list[tuple[int, str]]
    points: list[Point]

    @property
    def scored(self) -> list[int]:
        return [p.value for p in self.points if p.value is not None]

    @property
    def change(self) -> int | None:
        values = self.scored
        return values[-1] - values[0] if len(values) >= 2 else None


def person_measurements(
    household: Household, person: Person, instrument: Instrument
) -> list[Measurement]:
    return list(
        Measurement.objects.filter(
            household=household, person=person, version__instrument=instrument
        )
        .select_related("version", "assessor")
        .prefetch_related("answers")
        .order_by("taken_on", "recorded_at")
    )


def progress(taken: list[Measurement]) -> list[Series]:
    """Per domain (scale question), the levels over repeated measurements, oldest first.

    Domains are matched across versions by code; the title and levels come from
    the newest version that has the domain. A measurement whose version lacks
    the domain, or that has no scored level for it, is a gap (``None``).
    """
    versions = {
        v.pk: v
        for v in with_definition(
            InstrumentVersion.objects.filter(pk__in={m.version_id for m in taken})
        )
    }
    series: dict[str, Series] = {}
    found: dict[str, dict[int, Point]] = {}
    for m in taken:
        answers = {a.question_id: a.value for a in m.answers.all()}
        for domain in versions[m.version_id].domains.all():
            scale_questions = [(q, q.scale) for q in domain.questions.all()
                               if q.kind == QuestionKind.SCALE and q.scale is not None]
            for q, scale in scale_questions:
                key = f"{domain.code}.{q.code}"
                title = domain.name if len(scale_questions) == 1 else f"{domain.name}: {q.text}"
                levels = [(lv.value, lv.label) for lv in scale.levels.all() if lv.scored]
                if key not in series:
                    series[key] = Series(key, title, levels, [])
                    found[key] = {}
                series[key].title, series[key].levels = title, levels
                value = answers.get(q.pk)
                labels = dict(levels)
                kept = value if value in labels else None
                found[key][m.pk] = Point(m, kept, labels.get(kept, "") if kept is not None else "")
    for key, s in series.items():
        s.points = [found[key].get(m.pk, Point(m, None, "")) for m in taken]
    return list(series.values())


@dataclass
class MemberRow:
    person: Person
    age: int | None
    latest: dict[str, Measurement]


def overview(household: Household, today: dt.date) -> list[MemberRow]:
    """Every member with their latest measurement per instrument code."""
    rows = []
    taken = list(measurements(household))
    for member in household.members.select_related("person").order_by("person__birth_date"):
        latest: dict[str, Measurement] = {}
        for m in taken:  # newest first
            if m.person_id == member.person_id:
                latest.setdefault(m.version.instrument.code, m)
        rows.append(MemberRow(member.person, member.person.age_on(today), latest))
    return rows


@dataclass
class ZrmRow:
    title: str
    cells: list[tuple[int | None, str]]


def zrm_matrix(rows: list[MemberRow]) -> tuple[list[MemberRow], list[ZrmRow]]:
    """The latest ZRM level per domain (rows) for each member with a ZRM (columns)."""
    members = [r for r in rows if ZRM in r.latest]
    if not members:
        return [], []
    shown_by_member = {r.person.pk: progress([r.latest[ZRM]]) for r in members}
    keys: list[str] = []
    titles: dict[str, str] = {}
    for series_list in shown_by_member.values():
        for s in series_list:
            if s.key not in titles:
                keys.append(s.key)
            titles[s.key] = s.title
    matrix = []
    for key in keys:
        cells = []
        for r in members:
            found = next((s for s in shown_by_member[r.person.pk] if s.key == key), None)
            point = found.points[-1] if found and found.points else None
            cells.append((point.value, point.label) if point else (None, ""))
        matrix.append(ZrmRow(titles[key], cells))
    return members, matrix


def _local_day(moment: dt.datetime | None) -> dt.date | None:
    return timezone.localdate(moment) if moment is not None else None


def safety_schedule(episode: Episode, today: dt.date) -> list[DueCheck]:
    """The child-safety checks a youth episode owes (empty for an adults episode).

    The period comes from the ``child_safety_check`` norm in force when help
    started, so a municipality that changes the norm changes the schedule.
    """
    if episode.unit != UnitKind.YOUTH:
        return []
    started = _local_day(episode.help_started_at)
    norm = norm_book(episode.team.municipality_id).in_force(SAFETY_NORM, started or today)
    period = (norm.length, norm.unit) if norm is not None else DEFAULT_PERIOD
    checks = [CheckFact(c.occasion, c.due_on, c.done_on, c.reason, c.pk)
              for c in ChildSafetyCheck.objects.filter(episode=episode)]
    return schedule(
        registered_on=timezone.localdate(episode.registered_at), help_started_on=started,
        closed_on=_local_day(episode.closed_at), checks=checks, today=today, period=period,
    )


def safety_history(episode: Episode) -> QuerySet[ChildSafetyCheck]:
    return ChildSafetyCheck.objects.filter(episode=episode, done_on__isnull=False).select_related(
        "done_by"
    ).order_by("-done_on", "-pk")
