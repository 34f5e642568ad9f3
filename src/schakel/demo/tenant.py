"""The demo municipality: Schiedam's districts, teams, organisations and staff.

Names of organisations and people are invented; the six team names and the
CBS municipality code are Schiedam's, the district codes are CBS-style but
synthetic. More households than the default add teams (see calibration).
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from schakel.demo import calibration as cal
from schakel.demo.people import NamePools
from schakel.tenancy.constants import OrganisationKind, Role, UnitKind

PREFIX = "demo-"
MUNICIPALITY_ID = f"{PREFIX}gm0606"
MUNICIPALITY_NAME = "Schiedam"
MUNICIPALITY_CODE = "GM0606"

# (team, wijk name, rayon, postcode numbers); codes WK0606nn follow this order.
SCHIEDAM = (
    ("Centrum/West", "Centrum", "Zuid", ("3111", "3112", "3113", "3114")),
    ("Groenoord", "Groenoord", "Noord", ("3118", "3119")),
    ("Nieuwland", "Nieuwland", "Noord", ("3117", "3120")),
    ("Noordrand", "Kethel en Spaland", "Noord", ("3121", "3122", "3123", "3124")),
    ("Oost", "Oost", "Zuid", ("3115", "3116")),
    ("Zuid", "Zuid", "Zuid", ("3125", "3112")),
)
BUURTEN = {  # wijk index -> buurt names (BU0606wwnn)
    0: ("Binnenstad", "Havens", "West"),
    1: ("Groenoord-Noord", "Groenoord-Zuid"),
    3: ("Kethel", "Spaland", "Woudhoek"),
}

PARENT_ORGS = (
    ("Stichting Welzijn Schie & Maas", UnitKind.ADULTS),
    ("Jeugd & Gezin Waterweg", UnitKind.YOUTH),
    ("Maatschappelijke Dienstverlening Zuidwal", UnitKind.ADULTS),
    ("Zorgvereniging De Nieuwe Haven", UnitKind.ADULTS),
    ("Gezinsbegeleiding Het Anker", UnitKind.YOUTH),
)
PARTNER_ORGS = (
    ("Vraagwijzer Schiedam", OrganisationKind.FRONT_DOOR),
    ("CJG Schiedam", OrganisationKind.FRONT_DOOR),
    ("Politie, wijkagenten Schiedam", OrganisationKind.POLICE),
    ("Woonstichting Maasoever", OrganisationKind.HOUSING),
    ("Wooncorporatie De Schiepoort", OrganisationKind.HOUSING),
    ("Basisschool De Vlieger", OrganisationKind.SCHOOL),
    ("Openbare basisschool Het Kompas", OrganisationKind.SCHOOL),
    ("Scholengemeenschap Schieland", OrganisationKind.SCHOOL),
    ("Vrijwilligerscentrale Schiedam", OrganisationKind.WELFARE),
    ("Thuiszorg Rivierzicht", OrganisationKind.CARE),
    ("GGZ Ambulant Maasmond", OrganisationKind.CARE),
    ("Schuldhulp Schiedam", OrganisationKind.MUNICIPALITY),
)
GP_PRACTICES = ("Huisartsenpraktijk {}", "Gezondheidscentrum {}", "Huisartsen {} en Partners")

YOUTH_SPECIALISMS = (
    "jeugd- en gezinscoach", "jeugd- en gezinscoach", "systeemtherapeut",
    "maatschappelijk werker", "jeugd- en gezinscoach",
)
ADULT_SPECIALISMS = ("wijkcoach", "ouderenadviseur", "Wmo-adviseur", "OGGZ-deskundige", "wijkcoach")
FTES = ("0.50", "0.67", "0.72", "0.78", "0.83", "0.89", "0.89", "0.94", "0.94", "1.00", "1.00",
        "1.00")


@dataclass
class Place:
    team: str
    role: str
    unit: str | None = None
    deputy: bool = False


@dataclass
class Staff:
    id: str
    display_name: str
    organisation: str
    organisation_name: str
    roles: list[str] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    specialisms: list[str] = field(default_factory=list)
    fte: str = "1.00"
    registration: tuple[str, str, dt.date | None] = ("", "", None)
    unit: str | None = None
    username: str = ""

    @property
    def registered(self) -> bool:
        return bool(self.registration[0])

    def line(self) -> dict[str, Any]:
        kind, number, expires = self.registration
        return {
            "type": "staff", "id": self.id, "municipality": MUNICIPALITY_ID,
            "organisation": self.organisation, "username": self.username,
            "display_name": self.display_name, "roles": [str(r) for r in self.roles],
            "places": [
                {"team": p.team, "role": str(p.role), "unit": str(p.unit) if p.unit else None,
                 "deputy": p.deputy}
                for p in self.places
            ],
            "specialisms": self.specialisms, "fte": self.fte,
            "registration": {
                "kind": kind, "number": number,
                "expires": expires.isoformat() if expires else None,
            },
        }


@dataclass
class Team:
    index: int
    id: str
    name: str
    postcodes: tuple[str, ...]
    youth: list[Staff] = field(default_factory=list)
    adults: list[Staff] = field(default_factory=list)
    leader: Staff | None = None
    scientist: Staff | None = None
    front_door: Staff | None = None

    def workers(self, unit: str) -> list[Staff]:
        """Who may direct an episode of ``unit`` (youth needs a registration)."""
        return self.youth if unit == UnitKind.YOUTH else self.adults


@dataclass
class Tenant:
    lines: list[dict[str, Any]]
    teams: list[Team]
    staff: list[Staff]
    partner_names: dict[str, list[str]]
    special: dict[str, Staff]


def team_count(households: int) -> int:
    return max(cal.MIN_TEAMS, round(households / cal.HOUSEHOLDS_PER_TEAM))


def build(teams: int, rng: random.Random, names: NamePools, today: dt.date) -> Tenant:
    return _Builder(rng, names, today).build(teams)


class _Builder:
    def __init__(self, rng: random.Random, names: NamePools, today: dt.date) -> None:
        self.rng, self.names, self.today = rng, names, today
        self.lines: list[dict[str, Any]] = []
        self.staff: list[Staff] = []
        self.orgs: dict[str, tuple[str, str]] = {}  # key -> (id, name)
        self.partner_names: dict[str, list[str]] = {}

    def build(self, n_teams: int) -> Tenant:
        self.lines.append({"type": "municipality", "id": MUNICIPALITY_ID,
                           "name": MUNICIPALITY_NAME, "cbs_code": MUNICIPALITY_CODE})
        wijken = self._districts(n_teams)
        self._organisations(n_teams)
        teams = self._teams(n_teams, wijken)
        special = self._staff(teams)
        return Tenant(self.lines, teams, self.staff, self.partner_names, special)

    # -- districts, organisations, teams --------------------------------------

    def _districts(self, n_teams: int) -> list[str]:
        n_wijken = min(99, max(len(SCHIEDAM), n_teams))
        ids: list[str] = []
        for w in range(n_wijken):
            code = f"WK0606{w + 1:02d}"
            name = SCHIEDAM[w][1] if w < len(SCHIEDAM) else f"Wijk {w + 1}"
            ids.append(f"{PREFIX}{code.lower()}")
            self.lines.append({"type": "district", "id": ids[-1], "municipality": MUNICIPALITY_ID,
                               "level": "wijk", "cbs_code": code, "name": name, "parent": None})
            for b, buurt in enumerate(BUURTEN.get(w, ())):
                bcode = f"BU0606{w + 1:02d}{b + 1:02d}"
                self.lines.append({"type": "district", "id": f"{PREFIX}{bcode.lower()}",
                                   "municipality": MUNICIPALITY_ID, "level": "buurt",
                                   "cbs_code": bcode, "name": buurt, "parent": ids[-1]})
        return ids

    def _org(self, key: str, name: str, kind: str, local: bool = True) -> None:
        oid = f"{PREFIX}org-{len(self.orgs) + 1:03d}"
        self.orgs[key] = (oid, name)
        self.partner_names.setdefault(kind, []).append(name)
        self.lines.append({"type": "organisation", "id": oid, "name": name, "kind": kind,
                           "municipality": MUNICIPALITY_ID if local else None})

    def _organisations(self, n_teams: int) -> None:
        self._org("gemeente", "Gemeente Schiedam", OrganisationKind.MUNICIPALITY)
        for i, (name, _unit) in enumerate(PARENT_ORGS):
            self._org(f"parent-{i}", name, OrganisationKind.PARENT, local=False)
        for name, kind in PARTNER_ORGS:
            self._org(name, name, kind)
        for i in range(max(4, n_teams // 2)):
            pattern = GP_PRACTICES[i % len(GP_PRACTICES)]
            family = self.names.family_name(self.rng).replace("van ", "Van ")
            self._org(f"gp-{i}", pattern.format(family), OrganisationKind.GP)

    def _teams(self, n_teams: int, wijken: list[str]) -> list[Team]:
        teams: list[Team] = []
        for i in range(n_teams):
            base_name, _wijk, rayon, postcodes = SCHIEDAM[i % len(SCHIEDAM)]
            name = base_name if i < len(SCHIEDAM) else f"{base_name} {i // len(SCHIEDAM) + 1}"
            if i >= len(SCHIEDAM):
                rayon = f"Rayon {i // 10 + 1}"
            team = Team(i, f"{PREFIX}team-{i + 1:03d}", name, postcodes)
            self.lines.append({"type": "team", "id": team.id, "municipality": MUNICIPALITY_ID,
                               "name": f"Team {name}", "district": wijken[i % len(wijken)],
                               "rayon": rayon})
            teams.append(team)
        return teams

    # -- staff -------------------------------------------------------------------

    def _person(self, org_key: str, **kwargs: Any) -> Staff:
        oid, oname = self.orgs[org_key]
        staff = Staff(f"{PREFIX}staff-{len(self.staff) + 1:04d}",
                      self.names.full_name(self.rng), oid, oname, **kwargs)
        self.staff.append(staff)
        return staff

    def _registration(self, kind: str = "skj") -> tuple[str, str, dt.date | None]:
        rng = self.rng
        if kind == "big":
            return ("big", f"{rng.randrange(10**10, 10**11)}", None)
        expires = self.today + dt.timedelta(days=rng.randrange(120, 5 * 365))
        return ("skj", f"1{rng.randrange(10**7, 10**8)}", expires)

    def _fte(self) -> str:
        return self.rng.choice(FTES)

    def _staff(self, teams: list[Team]) -> dict[str, Staff]:
        rng = self.rng
        special: dict[str, Staff] = {}
        youth_orgs = [f"parent-{i}" for i, (_, u) in enumerate(PARENT_ORGS) if u == UnitKind.YOUTH]
        adult_orgs = [f"parent-{i}" for i, (_, u) in enumerate(PARENT_ORGS) if u == UnitKind.ADULTS]
        for team in teams:
            n_youth = 4 + (rng.random() < 0.35) - (rng.random() < 0.1)
            n_adults = 4 + (rng.random() < 0.4) - (rng.random() < 0.05)
            for k in range(n_youth):
                member = self._person(
                    rng.choice(youth_orgs), specialisms=[YOUTH_SPECIALISMS[k]], fte=self._fte(),
                    registration=self._registration("big" if rng.random() < 0.1 else "skj"),
                    unit=UnitKind.YOUTH,
                    places=[Place(team.id, Role.TEAM_MEMBER, UnitKind.YOUTH)],
                )
                team.youth.append(member)
            for k in range(n_adults):
                member = self._person(
                    rng.choice(adult_orgs), specialisms=[ADULT_SPECIALISMS[k]], fte=self._fte(),
                    unit=UnitKind.ADULTS,
                    places=[Place(team.id, Role.TEAM_MEMBER, UnitKind.ADULTS)],
                )
                team.adults.append(member)
            # One leader for both units; in every third team the leader comes from the
            # adults side and a senior youth worker deputises for the youth unit.
            adult_side = team.index % 3 == 2
            places = [Place(team.id, Role.TEAM_LEADER, UnitKind.ADULTS)]
            if not adult_side:
                places.append(Place(team.id, Role.TEAM_LEADER, UnitKind.YOUTH))
            team.leader = self._person(
                "gemeente", specialisms=["wijkteamleider"], fte="1.00", places=places,
                registration=("", "", None) if adult_side else self._registration(),
            )
            if adult_side:
                team.youth[0].places.append(
                    Place(team.id, Role.TEAM_LEADER, UnitKind.YOUTH, deputy=True)
                )
        # Expiring soon: the registration signal has something to show.
        expiring = teams[0].youth[-1]
        expiring.registration = ("skj", f"1{rng.randrange(10**7, 10**8)}",
                                 self.today + dt.timedelta(days=45))
        for g in range(0, len(teams), cal.TEAMS_PER_SHARED_ROLE):
            group = teams[g:g + cal.TEAMS_PER_SHARED_ROLE]
            scientist = self._person(
                youth_orgs[0], specialisms=["gedragswetenschapper"], fte="0.89",
                registration=self._registration("big"),
                places=[Place(t.id, Role.BEHAVIOURAL_SCIENTIST, UnitKind.YOUTH) for t in group],
            )
            front = self._person(
                "Vraagwijzer Schiedam", specialisms=["consulent Vraagwijzer"], fte="0.78",
                places=[Place(t.id, Role.FRONT_DOOR, None) for t in group],
            )
            for t in group:
                t.scientist, t.front_door = scientist, front
        special["partner"] = self._person("gp-0", roles=[Role.PARTNER], specialisms=["POH-GGZ"])
        special["policy"] = self._person("gemeente", roles=[Role.POLICY],
                                         specialisms=["beleidsadviseur"])
        special["admin"] = self._person("gemeente", roles=[Role.ADMIN],
                                        specialisms=["functioneel beheerder"])
        special["privacy"] = self._person("gemeente", roles=[Role.PRIVACY_OFFICER],
                                          specialisms=["privacy officer"])
        return special
