"""Fixtures shared by the assessment and plans tests (imported by their conftest files)."""

from __future__ import annotations

from schakel.cases import services as case_services
from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import StaffProfile


def adults_case(team, director: StaffProfile, by: StaffProfile):
    """The Bakker family (a mother and a 12-year-old) in an adults episode, help started.

    Youth episodes go to registered staff only; a household with children can
    still be helped by the adults unit, which is where the minor rule bites.
    """
    from tests.conftest import family_members

    episode = case_services.register(
        by, case_services.RegistrationInput(team=team, unit=UnitKind.ADULTS, source="gp",
                                            channel="phone"),
        household_name="Bakker", members=family_members())
    case_services.assign(episode, director, by=by)
    case_services.start_help(episode, by=by)
    episode.refresh_from_db()
    return episode


def member(household, given_name):
    return household.members.select_related("person").get(person__given_name=given_name).person


def version_of(code: str, municipality_id: int):
    from schakel.assessment import queries

    instrument = queries.instrument_by_code(code, municipality_id)
    return queries.version_with_definition(
        queries.current_version(instrument, municipality_id).pk
    )


def core_answers(version, level: int | dict[str, int] = 3) -> dict[str, object]:
    """Every core scale/yes-no question answered (``level`` per domain code or for all)."""
    from schakel.assessment.services import answer_key

    answers: dict[str, object] = {}
    for domain in version.domains.all():
        for q in domain.questions.all():
            if not q.core or q.kind == "text":
                continue
            value = level.get(domain.code, 3) if isinstance(level, dict) else level
            answers[answer_key(q.pk)] = 1 if q.kind == "yes_no" else value
    return answers


def skip_all(version, reason: str = "Niet aan de orde in dit gesprek") -> dict[str, str]:
    from schakel.assessment.services import skip_key

    return {skip_key(d.pk): reason for d in version.domains.all()
            if any(not q.core for q in d.questions.all())}
