"""Synthetic residents: Faker nl_NL name pools and households built from them.

Faker is slow per call, so a few thousand names and streets are drawn once
and then sampled with the generator's own ``random.Random``. BSNs come only
from the test range 9999xxxxx and pass the 11-test; each is used once, and
persons get one only while unused numbers last (about 9,000 exist).
"""

from __future__ import annotations

import datetime as dt
import random
import unicodedata
from dataclasses import dataclass
from typing import Any

from faker import Faker

from schakel.demo import calibration as cal

POOL_SIZE = 3000
PREFIX_WORDS = {"van", "de", "der", "den", "het", "ter", "ten", "te", "in", "op", "'t", "la", "le"}
POSTCODE_LETTERS = [
    a + b for a in "ABCDEGHJKLMNPRSTVWXZ" for b in "ABCDEGHJKLMNPRSTVWXZ"
    if a + b not in {"SA", "SD", "SS"}
]


def split_family_name(full: str) -> tuple[str, str]:
    """'van der Berg' -> ('van der', 'Berg')."""
    words = full.split()
    i = 0
    while i < len(words) - 1 and words[i].lower() in PREFIX_WORDS:
        i += 1
    return " ".join(words[:i]), " ".join(words[i:])


class NamePools:
    def __init__(self, seed: int, size: int = POOL_SIZE) -> None:
        fake = Faker("nl_NL")
        fake.seed_instance(seed)
        self.male = [fake.first_name_male() for _ in range(size)]
        self.female = [fake.first_name_female() for _ in range(size)]
        self.family: list[tuple[str, str]] = []
        while len(self.family) < size:  # skip Faker's historic and compound names
            prefix, name = split_family_name(fake.last_name())
            if name[:1].isupper() and name.replace("-", "").isalpha():
                self.family.append((prefix, name))
        self.streets = [fake.street_name() for _ in range(size)]
        self.cities = [fake.city() for _ in range(size // 10)]

    def given_name(self, rng: random.Random, female: bool | None = None) -> str:
        if female is None:
            female = rng.random() < 0.5
        return rng.choice(self.female if female else self.male)

    def family_name(self, rng: random.Random) -> str:
        prefix, name = rng.choice(self.family)
        return f"{prefix} {name}".strip()

    def full_name(self, rng: random.Random) -> str:
        return f"{self.given_name(rng)} {self.family_name(rng)}"


def synthetic_bsns(rng: random.Random) -> list[str]:
    """Every 9999xxxxx number that passes the 11-test, shuffled.

    The last digit is the one that makes the weighted sum divisible by 11;
    prefixes that would need a "10" have no valid number.
    """
    valid = []
    head = 9 * 9 + 9 * 8 + 9 * 7 + 9 * 6  # the digits 9999 weighted 9, 8, 7, 6
    for n in range(10_000):
        d = (n // 1000, n // 100 % 10, n // 10 % 10, n % 10)
        check = (head + 5 * d[0] + 4 * d[1] + 3 * d[2] + 2 * d[3]) % 11
        if check < 10:
            valid.append(f"9999{n:04d}{check}")
    rng.shuffle(valid)
    return valid


@dataclass
class Household:
    id: str
    reference: str
    name: str
    has_minor: bool
    persons: list[dict[str, Any]]
    line: dict[str, Any]


def _birth(rng: random.Random, first_year: int, last_year: int, today: dt.date) -> dt.date:
    start = dt.date(first_year, 1, 1).toordinal()
    end = min(dt.date(last_year, 12, 31), today - dt.timedelta(days=30)).toordinal()
    return dt.date.fromordinal(rng.randint(start, max(start, end)))


class HouseholdFactory:
    """Builds one household (persons and household line) at a time."""

    def __init__(
        self, pools: NamePools, rng: random.Random, today: dt.date, households: int
    ) -> None:
        self.pools, self.rng, self.today = pools, rng, today
        self.bsns = synthetic_bsns(rng)
        self.persons = 0
        self.count = 0
        self.references = iter(rng.sample(range(1_000_000, 10_000_000), households))
        self._composition = list(cal.COMPOSITION)
        self._weights = list(cal.COMPOSITION.values())

    def _person(
        self, given: str, family: tuple[str, str], birth: dt.date | None, adult: bool,
        address: dict[str, str],
    ) -> dict[str, Any]:
        rng = self.rng
        self.persons += 1
        bsn = self.bsns.pop() if self.bsns and rng.random() < cal.BSN_SHARE else ""
        if rng.random() < cal.BIRTH_DATE_MISSING:
            birth = None
        phone = f"06-{rng.randrange(10_000_000, 100_000_000)}" if adult or rng.random() < .3 else ""
        email = ""
        if adult and rng.random() < cal.EMAIL_SHARE:
            folded = unicodedata.normalize("NFKD", f"{given}.{family[1]}".lower())
            local = "".join(c for c in folded if c.isascii() and (c.isalnum() or c == "."))
            email = f"{local}{rng.randrange(1, 99)}@example.com"
        return {
            "type": "person", "id": f"demo-p-{self.persons:07d}", "given_name": given,
            "family_name_prefix": family[0], "family_name": family[1],
            "birth_date": birth.isoformat() if birth else None, "bsn": bsn,
            "phone": phone, "email": email, **address, "merged_into": None,
        }

    def _address(self, postcodes: tuple[str, ...]) -> dict[str, str]:
        rng = self.rng
        number = str(rng.randint(1, 240))
        if rng.random() < 0.15:
            number += rng.choice(("a", "b", "c", "-1", "-2", " bis"))
        other = rng.random() < cal.OTHER_CITY_SHARE
        return {
            "street": rng.choice(self.pools.streets),
            "house_number": number,
            "postcode": (f"{rng.randint(1000, 9999)}" if other else rng.choice(postcodes))
            + rng.choice(POSTCODE_LETTERS),
            "city": rng.choice(self.pools.cities) if other else "Schiedam",
        }

    def make(self, team_id: str, postcodes: tuple[str, ...]) -> Household:
        rng, pools, year = self.rng, self.pools, self.today.year
        self.count += 1
        kind = rng.choices(self._composition, self._weights)[0]
        address = self._address(postcodes)
        family = rng.choice(pools.family)
        members: list[tuple[dict[str, Any], str]] = []
        has_minor = False

        def add(given: str, fam: tuple[str, str], birth: dt.date, role: str) -> None:
            nonlocal has_minor
            adult = (self.today - birth).days >= 18 * 365.25
            has_minor = has_minor or not adult
            members.append((self._person(given, fam, birth, adult, address), role))

        if kind == "single":
            add(pools.given_name(rng), family, _birth(rng, year - 75, year - 19, self.today),
                "other")
        elif kind == "elderly":
            female = rng.random() < 0.65
            add(pools.given_name(rng, female), family,
                _birth(rng, year - 95, year - 70, self.today), "other")
            if rng.random() < 0.3:
                add(pools.given_name(rng, not female), family,
                    _birth(rng, year - 95, year - 68, self.today), "partner")
        elif kind == "couple":
            add(pools.given_name(rng, False), family,
                _birth(rng, year - 70, year - 20, self.today), "partner")
            other = family if rng.random() < 0.5 else rng.choice(pools.family)
            add(pools.given_name(rng, True), other,
                _birth(rng, year - 70, year - 20, self.today), "partner")
        else:
            parent_birth = _birth(rng, year - 55, year - 20, self.today)
            add(pools.given_name(rng, kind == "single_parent" and rng.random() < 0.85), family,
                parent_birth, "parent")
            if kind == "two_parents":
                other = family if rng.random() < 0.6 else rng.choice(pools.family)
                add(pools.given_name(rng, True), other,
                    _birth(rng, parent_birth.year - 4, parent_birth.year + 4, self.today),
                    "parent")
            for _ in range(rng.choices((1, 2, 3, 4), (35, 38, 18, 9))[0]):
                add(pools.given_name(rng), family,
                    _birth(rng, max(parent_birth.year + 19, year - 22), year, self.today),
                    "child")
        main = members[0][0]
        prefix = main["family_name_prefix"]
        name = f"{prefix[:1].upper()}{prefix[1:]} {main['family_name']}".strip()
        hid = f"demo-hh-{self.count:07d}"
        reference = f"H-{next(self.references)}"
        line: dict[str, Any] = {
            "type": "household", "id": hid, "reference": reference,
            "team": team_id, "name": name,
            "members": [{"person": p["id"], "role": role} for p, role in members],
            "merged_into": None,
        }
        return Household(hid, reference, name, has_minor, [p for p, _ in members], line)
