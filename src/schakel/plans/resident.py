"""The plan as the resident reads it: plain Dutch (B1), no internal notes.

Built once from a plan version and used by the printable page and the PDF,
so both say the same. Internal notes never enter this structure. Texts are
English in the source and rendered in Dutch (``translation.override("nl")``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from schakel.assessment.constants import LifeArea
from schakel.cases.models import Episode
from schakel.plans.constants import ActionStatus, AgreementMethod, Resource, VersionStatus
from schakel.plans.models import PlanVersion
from schakel.plans.queries import goals

RESIDENT_LANGUAGE = "nl"

# Plain words for the resident: who helps (as light as possible first).
RESOURCE_WORDS = {
    Resource.OWN_STRENGTH: gettext_lazy("You do this yourself"),
    Resource.OWN_NETWORK: gettext_lazy("People around you help (family, friends, neighbours)"),
    Resource.VOLUNTEER: gettext_lazy("A volunteer helps"),
    Resource.NEIGHBOURHOOD: gettext_lazy("Help from your neighbourhood"),
    Resource.TEAM: gettext_lazy("The neighbourhood team helps"),
    Resource.SPECIALIST: gettext_lazy("Specialist help"),
}

AREA_WORDS = {
    LifeArea.PARENTING: gettext_lazy("Raising the children"),
    LifeArea.FINANCES: gettext_lazy("Money and debts"),
    LifeArea.ACTIVATION: gettext_lazy("Work and daytime activities"),
    LifeArea.HOUSING: gettext_lazy("Your home"),
    LifeArea.SOCIAL_NETWORK: gettext_lazy("People around you"),
    LifeArea.PARTICIPATION: gettext_lazy("Taking part"),
    LifeArea.SAFETY: gettext_lazy("Safety at home"),
    LifeArea.MENTAL_HEALTH: gettext_lazy("How you feel"),
    LifeArea.INTELLECTUAL_DISABILITY: gettext_lazy("Learning and understanding"),
    LifeArea.AGEING: gettext_lazy("Growing older"),
    LifeArea.ADDICTION: gettext_lazy("Alcohol, drugs or gambling"),
    LifeArea.PHYSICAL_HEALTH: gettext_lazy("Your health"),
}

STATUS_WORDS = {
    ActionStatus.PLANNED: gettext_lazy("Not started yet"),
    ActionStatus.IN_PROGRESS: gettext_lazy("Busy"),
    ActionStatus.DONE: gettext_lazy("Done"),
    ActionStatus.STOPPED: gettext_lazy("Stopped"),
}

HOW_WORDS = {
    AgreementMethod.IN_PERSON: gettext_lazy("in a conversation"),
    AgreementMethod.PHONE: gettext_lazy("on the phone"),
    AgreementMethod.WRITTEN: gettext_lazy("with your signature"),
    AgreementMethod.DIGITAL: gettext_lazy("online"),
}


@dataclass(frozen=True)
class ResidentAction:
    text: str
    who: str
    help: str
    check_on: str
    status: str


@dataclass(frozen=True)
class ResidentGoal:
    area: str
    person: str
    text: str
    actions: list[ResidentAction]


@dataclass(frozen=True)
class ResidentPlan:
    title: str
    household: str
    version: int
    is_draft: bool
    made_on: str
    summary: str
    goals: list[ResidentGoal]
    agreed: str
    signed: str
    contact: str
    rights: list[str] = field(default_factory=list)


def _day(value: dt.date) -> str:
    return date_format(value, "j F Y")


def _contact(episode: Episode) -> str:
    director = episode.director
    if director is None:
        return _("Questions? Contact %(team)s.") % {"team": episode.team.name}
    return _("Questions? Contact %(name)s of %(team)s.") % {
        "name": director.display_name, "team": episode.team.name}


def build(version: PlanVersion) -> ResidentPlan:
    """The resident's plan for ``version``, in Dutch."""
    with translation.override(RESIDENT_LANGUAGE):
        episode = Episode.objects.select_related("team", "director").get(pk=version.episode_id)
        household = version.plan.household
        goal_list = [
            ResidentGoal(
                area=str(AREA_WORDS.get(LifeArea(g.life_area), g.get_life_area_display())),
                person=g.person.given_name if g.person else _("The whole family"),
                text=g.text,
                actions=[
                    ResidentAction(
                        text=a.text, who=a.owner, help=str(RESOURCE_WORDS[Resource(a.resource)]),
                        check_on=_day(a.evaluate_on),
                        status=str(STATUS_WORDS[ActionStatus(a.status)]),
                    )
                    for a in g.actions.all()
                ],
            )
            for g in goals(version)
        ]
        agreed = ""
        if version.agreed_on:
            agreed = _("You agreed to this plan on %(day)s, %(how)s.") % {
                "day": _day(version.agreed_on),
                "how": HOW_WORDS[AgreementMethod(version.agreed_how)]}
        signed = ""
        if version.signed_at and version.signed_by:
            signed = _("The neighbourhood team approved this plan on %(day)s (%(name)s).") % {
                "day": _day(timezone.localtime(version.signed_at)),
                "name": version.signed_by.display_name}
        return ResidentPlan(
            title=_("Our plan"),
            household=_("Family %(name)s") % {"name": household.name},
            version=version.number,
            is_draft=version.status == VersionStatus.DRAFT,
            made_on=_day(timezone.localtime(version.created_at)),
            summary=version.summary,
            goals=goal_list,
            agreed=agreed,
            signed=signed,
            contact=_contact(episode),
            rights=[
                _("This is your plan. You may always read it."),
                _("Is something wrong, or do you want to change something? Tell us. "
                  "Then we make a new version together."),
            ],
        )


def labels() -> dict[str, str]:
    """Headings of the resident's plan, in Dutch."""
    with translation.override(RESIDENT_LANGUAGE):
        return {
            "version": _("Version"),
            "draft": _("Draft: you have not agreed to this plan yet."),
            "summary": _("What you want to achieve"),
            "goal": _("Goal"),
            "who": _("Who does it"),
            "help": _("Help from"),
            "check_on": _("We look at it together on"),
            "status": _("How far along"),
        }
