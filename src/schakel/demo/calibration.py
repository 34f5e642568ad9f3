"""The knobs that make the demo municipality look like the reports' figures.

Every number here is a choice, documented with the figure it aims at
(docs: /work/shared/design/DOMAIN.md). The generator reads nothing else, so
tuning the demo means editing this file only.
"""

from __future__ import annotations

from schakel.cases.constants import (
    Channel,
    CloseReason,
    Destination,
    ShortContactCategory,
    Source,
)

# -- size ---------------------------------------------------------------------

HISTORY_DAYS = 730
"""Two years of history ending now."""

HOUSEHOLDS_PER_TEAM = 410
"""Households (over the two years) per team. 500 gives ~165 open episodes per
team at "now", so six teams hold ~1,000 open cases: Schiedam had 1,010 open
cases in six teams (31 May 2016). Larger counts add teams at this rate, which
keeps each team's werkvoorraad, waiting group and caseload realistic."""

MIN_TEAMS = 6
SCHIEDAM_TEAMS = ("Centrum/West", "Groenoord", "Nieuwland", "Noordrand", "Oost", "Zuid")
DEFAULT_HOUSEHOLDS = HOUSEHOLDS_PER_TEAM * MIN_TEAMS

TEAMS_PER_SHARED_ROLE = 6
"""One behavioural scientist and one front-door worker per six teams."""

SHORT_CONTACTS_PER_HOUSEHOLD = 0.16
"""Kortdurend contact: ~480 in two years for the default demo ("several hundred")."""

# -- households ---------------------------------------------------------------

COMPOSITION = {  # share of households
    "single": 0.30,
    "elderly": 0.07,
    "couple": 0.10,
    "single_parent": 0.28,
    "two_parents": 0.25,
}
YOUTH_UNIT_IF_CHILDREN = 0.80
"""A household with children is mostly helped by the youth unit."""

BSN_SHARE = 0.6
"""Share of persons with a (synthetic, 9999xxxxx) BSN while unique numbers last."""

BIRTH_DATE_MISSING = 0.03
EMAIL_SHARE = 0.35
OTHER_CITY_SHARE = 0.04

# -- registration ---------------------------------------------------------------

URGENT_SHARE = 0.10
URGENT_ONLY_AT_TRIAGE = 0.25
"""Part of the urgent episodes that the referrer did not mark urgent."""

MULTIPLE_PROBLEMS = 0.85

SOURCES_YOUTH: dict[str, float] = {
    Source.CJG: 17, Source.SCHOOL: 17, Source.GP: 12, Source.SELF: 9, Source.FAMILY: 5,
    Source.VEILIG_THUIS: 8, Source.POLICE: 5, Source.JONGERENLOKET: 3,
    Source.CENTRAAL_ONTHAAL: 5, Source.HOUSING: 3, Source.WELFARE: 5, Source.POH_GGZ: 2,
    Source.VOLUNTEER: 1, Source.VRAAGWIJZER: 4, Source.OTHER: 4,
}
SOURCES_ADULTS: dict[str, float] = {
    Source.VRAAGWIJZER: 18, Source.GP: 14, Source.POH_GGZ: 6, Source.SELF: 13,
    Source.FAMILY: 8, Source.HOUSING: 10, Source.POLICE: 6, Source.WELFARE: 7,
    Source.CENTRAAL_ONTHAAL: 6, Source.VOLUNTEER: 3, Source.VEILIG_THUIS: 2,
    Source.JONGERENLOKET: 2, Source.CJG: 1, Source.OTHER: 4,
}
CHANNELS_RESIDENT: dict[str, float] = {
    Channel.PHONE: 55, Channel.WALK_IN: 25, Channel.DIGITAL: 20,
}
CHANNELS_PROFESSIONAL: dict[str, float] = {
    Channel.PHONE: 40, Channel.SECURE_MAIL: 30, Channel.DIGITAL: 18, Channel.API: 12,
}

# -- service norms (Rotterdam, end Aug-Dec 2017) -----------------------------------

REFERRER_WITHIN_2_DAYS = 0.78
REFERRER_NEVER = 0.04
RESIDENT_WITHIN_5_WORKING_DAYS = 0.35
"""For non-urgent episodes; urgent ones are contacted at once: ~41% overall."""
KITCHEN_TABLE_WITHIN_10_DAYS = 0.32
"""For non-urgent episodes that get one; with the urgent ones ~36% overall."""
KITCHEN_TABLE_NEVER = 0.08
PLAN_TRY_WITHIN_6_WEEKS = 0.20
"""Chance of aiming for a plan within six weeks; only episodes whose help started
early can make it, which yields ~10% on time (Rotterdam: 10%)."""
PLAN_EVENTUALLY = 0.80

# -- waiting (werkvoorraad and the hidden "wachtend" group) -------------------------

ASSIGN_MEDIAN_DAYS = 17.0
ASSIGN_SIGMA = 1.05
START_MEDIAN_DAYS = 15.0
START_SIGMA = 1.15

# -- paths and duration ----------------------------------------------------------

CLOSED_BEFORE_ASSIGNMENT = 0.10
"""Intake shows no team help is needed, or the resident is not reachable."""
CLOSED_WHILE_WAITING = 0.04

ADULTS_MEDIAN_DAYS = 153.0
ADULTS_SIGMA = 0.70
"""Median ~5 months, 38% over 6 months (Rotterdam 2018)."""
YOUTH_MEDIAN_DAYS = 295.0
YOUTH_SIGMA = 0.75
"""40% over 9 months (Rotterdam 2018)."""

AFTERCARE_SHARE = 0.85
AFTERCARE_MAX_DAYS = 92
"""Waakvlam up to three months after closure."""

RETURN_CHANCE = 0.32
RETURN_GAP_MEDIAN_DAYS = 120.0
RETURN_GAP_SIGMA = 0.8
"""Tuned so ~15% of episodes are returns (Schiedam: 15% return)."""

# -- during help ------------------------------------------------------------------

DIRECTOR_CHANGE_LONG = 0.58
"""Planned changes; as not all have happened by "now", ~half of the cases longer
than six months show more than one worker (Rotterdam sample: 54%)."""
DIRECTOR_CHANGE_SHORT = 0.12
SECOND_DIRECTOR_CHANGE = 0.25
LONG_CASE_DAYS = 180
SCALE_UP = 0.22
SCALE_DOWN_AFTER_UP = 0.35
EXTERNAL_INVOLVEMENT = 0.45
NETWORK_INVOLVEMENT = 0.15
TEAM_INVOLVEMENT = 0.12
INVOLVEMENT_ENDS = 0.40
NOTE_SHARE = 0.35

BACKDATED_SHARE = 0.07
"""Events recorded on a later day than they happened (with a reason)."""

# -- closure ----------------------------------------------------------------------

CLOSE_REASONS: dict[str, float] = {
    CloseReason.GOALS_MET: 47, CloseReason.HANDED_OVER: 20, CloseReason.NO_HELP_NEEDED: 5,
    CloseReason.REFUSED: 7, CloseReason.NOT_REACHABLE: 6, CloseReason.MOVED: 7,
    CloseReason.DECEASED: 2, CloseReason.OTHER: 6,
}
EARLY_CLOSE_REASONS: dict[str, float] = {
    CloseReason.NO_HELP_NEEDED: 40, CloseReason.HANDED_OVER: 25,
    CloseReason.NOT_REACHABLE: 20, CloseReason.REFUSED: 15,
}
DESTINATIONS: dict[str, dict[str, float]] = {
    CloseReason.GOALS_MET: {
        Destination.NONE_NEEDED: 35, Destination.OWN_NETWORK: 28,
        Destination.NEIGHBOURHOOD_NETWORK: 22, Destination.VOLUNTEER: 10,
        Destination.WMO_SERVICE: 5,
    },
    CloseReason.NO_HELP_NEEDED: {
        Destination.NONE_NEEDED: 60, Destination.OWN_NETWORK: 20,
        Destination.NEIGHBOURHOOD_NETWORK: 20,
    },
    CloseReason.REFUSED: {Destination.REFUSED: 100},
    CloseReason.NOT_REACHABLE: {Destination.OTHER: 70, Destination.REFUSED: 30},
    CloseReason.MOVED: {Destination.MOVED: 100},
    CloseReason.DECEASED: {Destination.DECEASED: 100},
    CloseReason.OTHER: {Destination.OTHER: 100},
}
HANDED_OVER_YOUTH: dict[str, float] = {
    Destination.SPECIALIST_YOUTH: 65, Destination.YOUTH_PROTECTION: 25,
    Destination.OTHER: 10,
}
HANDED_OVER_ADULTS: dict[str, float] = {
    Destination.WMO_SERVICE: 60, Destination.NEIGHBOURHOOD_NETWORK: 20,
    Destination.OTHER: 20,
}

SHORT_CONTACT_CATEGORIES: dict[str, float] = {
    ShortContactCategory.MONEY: 30, ShortContactCategory.HOUSING: 15,
    ShortContactCategory.INFORMATION: 30, ShortContactCategory.REFERRAL_ELSEWHERE: 12,
    ShortContactCategory.CARE: 8, ShortContactCategory.OTHER: 5,
}
SHORT_CONTACT_SOURCES: dict[str, float] = {
    Source.SELF: 60, Source.FAMILY: 12, Source.VRAAGWIJZER: 10, Source.GP: 6,
    Source.WELFARE: 6, Source.VOLUNTEER: 3, Source.OTHER: 3,
}
