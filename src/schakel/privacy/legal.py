"""Legal tasks: processing the law itself requires, named by article.

These are facts of Dutch law, so they live here as data rather than in a
table a municipality edits. A legal task covers the team's own processing for
its unit and disclosures to the kinds of organisation the task names.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from schakel.privacy.constants import DataCategory as C
from schakel.privacy.constants import Purpose as P
from schakel.tenancy.constants import OrganisationKind as K
from schakel.tenancy.constants import UnitKind


@dataclass(frozen=True)
class LegalTask:
    code: str
    name: Promise
    law: str
    unit: str  # the unit whose work it covers; "" for both
    purposes: frozenset[str]
    categories: frozenset[str]
    recipient_kinds: frozenset[str]

    def covers(self, purpose: str, categories: set[str], recipient_kind: str) -> bool:
        return (
            purpose in self.purposes
            and categories <= self.categories
            and recipient_kind in self.recipient_kinds
        )


ALL = frozenset(C.values)
TEAM = frozenset({K.MUNICIPALITY.value, K.PARENT.value})

LEGAL_TASKS: tuple[LegalTask, ...] = (
    LegalTask(
        "wmo_investigation", _("Wmo investigation after a report of need"),
        "Wmo 2015 art. 2.3.2 and 5.2.1", UnitKind.ADULTS.value,
        frozenset({P.WMO_INVESTIGATION.value, P.SUPPORT.value}),
        ALL - {C.JUSTICE.value}, TEAM,
    ),
    LegalTask(
        "youth_help", _("Youth help by the municipality"),
        "Jeugdwet art. 2.3 and 7.4.0", UnitKind.YOUTH.value,
        frozenset({P.YOUTH_HELP.value, P.SUPPORT.value, P.REFERRAL.value}),
        ALL, TEAM | {K.CARE.value},
    ),
    LegalTask(
        "youth_protection", _("Report to youth protection"),
        "Jeugdwet art. 7.4.0 lid 2; Burgerlijk Wetboek art. 1:255", UnitKind.YOUTH.value,
        frozenset({P.YOUTH_PROTECTION.value}),
        ALL, TEAM | {K.CARE.value, K.OTHER.value},
    ),
)


def team_task(unit: str) -> LegalTask:
    """The task under which the team of ``unit`` processes a household's data."""
    return next((t for t in LEGAL_TASKS if t.unit == unit), LEGAL_TASKS[0])
