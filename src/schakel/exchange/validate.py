"""Checking a whole file against itself and the database before anything is written.

The validator sees the records in file order. It keeps only what later lines
may need (which ids exist, each episode's folded state, values that must be
unique), so a file of millions of lines is checked in plain Python over
dicts with one query per chunk at most. The episode and event rules live in
:mod:`schakel.exchange.validate_cases`.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from schakel.exchange.errors import ErrorLog
from schakel.exchange.fields import show
from schakel.exchange.parse import Record
from schakel.exchange.plan import Plan
from schakel.exchange.snapshot import Snapshot
from schakel.exchange.spec import RANK, TYPES
from schakel.exchange.unique import UniqueCheck
from schakel.exchange.validate_cases import CaseChecker
from schakel.people.models import HouseholdMember

_FIELD: Any = object()

_UNIQUE = (
    # check name, record type, field shown in the message
    ("municipality.name", "municipality", "name"),
    ("municipality.cbs_code", "municipality", "cbs_code"),
    ("district.cbs_code", "district", "cbs_code"),
    ("team.name", "team", "name"),
    ("staff.username", "staff", "username"),
    ("household.reference", "household", "reference"),
    ("episode.number", "episode", "number"),
    ("episode.previous", "episode", "previous"),
)


class Validator:
    def __init__(self, db: Snapshot, errors: ErrorLog) -> None:
        self.db = db
        self.errors = errors
        self.seen: dict[str, dict[str, int]] = {t: {} for t in TYPES if t != "event"}
        self.event_ids: set[str] = set()
        self.rank = -1
        self.forward: list[tuple[int, str, str, str]] = []
        self.unique = {
            name: UniqueCheck(
                field,
                db.unique.get(name, {}),
                db.taken_usernames if name == "staff.username" else (),
            )
            for name, _type, field in _UNIQUE
        }
        self.active_flags = UniqueCheck("kind", db.unique.get("sensitive_flag.active", {}))
        """One flag of a kind in force per household member (or household), as
        ``privacy.flags.set_flag`` allows; ended flags take no part (value None)."""
        self.episodes: dict[str, tuple[str, int]] = {}
        self.members: dict[str, frozenset[str]] = {}
        """Household external id -> its members' external ids as the file lists them."""
        self.db_members: dict[str, set[str]] = {}
        """The same for stored households that a flag names, loaded per chunk."""
        self.cases = CaseChecker(db, errors, self)

    # -- helpers used by both validators -------------------------------------------------

    def known(self, kind: str, ext: str) -> bool:
        return ext in self.seen[kind] or ext in self.db.pk[kind]

    def ref(self, r: Record, name: str, kind: str, value: Any = _FIELD) -> bool:
        """True when the reference in field ``name`` (or ``value``) resolves; null always does."""
        ext = r.f[name] if value is _FIELD else value
        if ext is None or self.known(kind, ext):
            return True
        self.errors.field(
            r.line, name,
            _("unknown %(type)s %(id)s (it must appear earlier in the file or already be "
              "in the database)") % {"type": kind, "id": show(ext)},
        )
        return False

    def _self_ref(self, r: Record, name: str) -> None:
        ext = r.f[name]
        if ext is None:
            return
        if ext == r.id:
            self.errors.field(r.line, name, _("a record cannot refer to itself"))
        elif not self.known(r.type, ext):
            self.forward.append((r.line, name, r.type, ext))

    # -- the walk ------------------------------------------------------------------------

    def check_chunk(self, chunk: list[Record]) -> None:
        self.cases.prefetch(chunk)
        self._prefetch_members(chunk)
        for record in chunk:
            self.check(record)

    def _prefetch_members(self, chunk: list[Record]) -> None:
        """Members of stored households named by flags on a person: one query per chunk."""
        known = self.db.pk["household"]
        wanted = {
            r.f.get("household") for r in chunk
            if r.type == "sensitive_flag" and r.f.get("person") is not None
        }
        pks = {known[ext]: ext for ext in wanted
               if ext in known and ext not in self.db_members}
        if not pks:
            return
        for ext in pks.values():
            self.db_members[ext] = set()
        rows = HouseholdMember.objects.filter(household_id__in=list(pks)).order_by()
        for household_id, person in rows.values_list("household_id", "person__external_id"):
            self.db_members[pks[household_id]].add(person)

    def check(self, r: Record) -> None:
        rank = RANK[r.type]
        if rank < self.rank:
            self.errors.field(
                r.line, "type",
                _("'%(type)s' records must come before '%(previous)s' records "
                  "(the order is: %(order)s)")
                % {"type": r.type, "previous": TYPES[self.rank], "order": ", ".join(TYPES)},
            )
            return
        self.rank = rank
        if r.id is not None and not self._register(r):
            if r.type == "event":
                self.cases.broken(r.f.get("episode"))
            return
        if not r.ok:
            if r.type == "event":
                self.cases.broken(r.f.get("episode"))
            return
        getattr(self, "_" + r.type)(r)

    def _register(self, r: Record) -> bool:
        assert r.id is not None
        if r.type == "event":
            if r.id in self.event_ids:
                self.errors.field(
                    r.line, "id", _("duplicate event id %(id)s") % {"id": show(r.id)}
                )
                return False
            self.event_ids.add(r.id)
            return True
        seen = self.seen[r.type]
        first = seen.get(r.id)
        if first is not None:
            self.errors.field(
                r.line, "id",
                _("duplicate %(type)s id %(id)s (first on line %(line)d)")
                % {"type": r.type, "id": show(r.id), "line": first},
            )
            return False
        seen[r.id] = r.line
        return True

    def _unique(self, check: str, r: Record, value: Hashable) -> None:
        assert r.id is not None
        self.unique[check].add(r.id, value, r.line)

    # -- one method per record type -------------------------------------------------------

    def _municipality(self, r: Record) -> None:
        self._unique("municipality.name", r, r.f["name"])
        self._unique("municipality.cbs_code", r, r.f["cbs_code"])

    def _district(self, r: Record) -> None:
        self.ref(r, "municipality", "municipality")
        self._self_ref(r, "parent")
        self._unique("district.cbs_code", r, r.f["cbs_code"])

    def _organisation(self, r: Record) -> None:
        self.ref(r, "municipality", "municipality")

    def _team(self, r: Record) -> None:
        self.ref(r, "municipality", "municipality")
        self.ref(r, "district", "district")
        self._unique("team.name", r, (r.f["municipality"], r.f["name"]))

    def _staff(self, r: Record) -> None:
        self.ref(r, "municipality", "municipality")
        self.ref(r, "organisation", "organisation")
        places: set[tuple[str, str | None, str]] = set()
        for i, (team, role, unit, _deputy) in enumerate(r.f["places"]):
            self.ref(r, f"places[{i}].team", "team", team)
            if (team, unit, role) in places:
                self.errors.field(r.line, f"places[{i}]", _("the same place is listed twice"))
            places.add((team, unit, role))
        self._unique("staff.username", r, r.f["username"])

    def _person(self, r: Record) -> None:
        self._self_ref(r, "merged_into")

    def _household(self, r: Record) -> None:
        self.ref(r, "team", "team")
        persons: set[str] = set()
        for i, (person, _role) in enumerate(r.f["members"]):
            self.ref(r, f"members[{i}].person", "person", person)
            if person in persons:
                self.errors.field(
                    r.line, f"members[{i}].person",
                    _("%(id)s is listed twice") % {"id": show(person)},
                )
            persons.add(person)
        self._self_ref(r, "merged_into")
        self._unique("household.reference", r, r.f["reference"])
        assert r.id is not None
        self.members[r.id] = frozenset(persons)

    def _sensitive_flag(self, r: Record) -> None:
        f = r.f
        household_ok = self.ref(r, "household", "household")
        person_ok = self.ref(r, "person", "person")
        self.ref(r, "set_by", "staff")
        self.ref(r, "ended_by", "staff")
        household, person = f["household"], f["person"]
        listed = household in self.members or household in self.db_members
        if (household_ok and person_ok and person is not None and listed
                and person not in self.members.get(household, ())
                and person not in self.db_members.get(household, ())):
            self.errors.field(
                r.line, "person",
                _("%(person)s is not a member of household %(household)s")
                % {"person": show(person), "household": show(household)},
            )
        self._ending(r, "set_at", "ended_at", ("ended_by",))
        assert r.id is not None
        in_force = (household, person, f["kind"]) if f["ended_at"] is None else None
        self.active_flags.add(r.id, in_force, r.line)
        if r.id in self.db.ended_flags and f["ended_at"] is None:
            self.errors.field(
                r.line, "ended_at",
                _("flag %(id)s has ended in the database; an import cannot set it again "
                  "(give a new flag a new id)") % {"id": show(r.id)},
            )

    def _consent(self, r: Record) -> None:
        f = r.f
        self.ref(r, "person", "person")
        self.ref(r, "household", "household")
        self.ref(r, "recipient", "organisation")
        self.ref(r, "recorded_by", "staff")
        self.ref(r, "withdrawn_by", "staff")
        categories = f["categories"]
        if not categories:
            self.errors.field(r.line, "categories",
                              _("name at least one category of data the consent covers"))
        for i, category in enumerate(categories):
            if category in categories[:i]:
                self.errors.field(r.line, f"categories[{i}]",
                                  _("%(value)s is listed twice") % {"value": show(category)})
        valid_until = f["valid_until"]
        if valid_until is not None and valid_until < timezone.localdate(f["given_at"]):
            self.errors.field(r.line, "valid_until",
                              _("lies before the consent was given (given_at)"))
        self._ending(r, "given_at", "withdrawn_at", ("withdrawn_by", "withdrawal_note"))
        if r.id in self.db.withdrawn_consents and f["withdrawn_at"] is None:
            self.errors.field(
                r.line, "withdrawn_at",
                _("consent %(id)s has been withdrawn in the database; an import cannot "
                  "make it count again (a new consent needs a new id)") % {"id": show(r.id)},
            )

    def _ending(self, r: Record, start: str, end: str, about_end: tuple[str, ...]) -> None:
        """An end (a flag ended, a consent withdrawn) lies after the start; its details
        (who, why) are only given with it."""
        ended = r.f[end]
        if ended is None:
            for name in about_end:
                if r.f[name]:
                    self.errors.field(
                        r.line, name, _("is only given together with %(field)s") % {"field": end}
                    )
        elif ended < r.f[start]:
            self.errors.field(
                r.line, end,
                _("%(when)s lies before %(start)s (%(first)s)")
                % {"when": ended.isoformat(), "start": start, "first": r.f[start].isoformat()},
            )

    def _episode(self, r: Record) -> None:
        assert r.id is not None
        self.ref(r, "household", "household")
        self.ref(r, "team", "team")
        self._self_ref(r, "previous")
        self._unique("episode.number", r, (r.f["household"], r.f["number"]))
        self._unique("episode.previous", r, r.f["previous"])
        self.episodes[r.id] = (r.f["household"], r.line)

    def _event(self, r: Record) -> None:
        self.cases.event(r)

    def _short_contact(self, r: Record) -> None:
        self.ref(r, "team", "team")
        self.ref(r, "recorded_by", "staff")
        self.cases.short_contact(r)

    # -- after the last line ------------------------------------------------------------

    def finish(self) -> Plan:
        for line, name, kind, ext in self.forward:
            if not self.known(kind, ext):
                self.errors.field(
                    line, name,
                    _("unknown %(type)s %(id)s (it must appear in the file or already be "
                      "in the database)") % {"type": kind, "id": show(ext)},
                )
        for name, kind, field in _UNIQUE:
            for line, value, other in self.unique[name].conflicts():
                shown = show(value[-1] if isinstance(value, tuple) else value)
                if other is None:
                    problem = _("%(value)s is already used by an account that is not staff")
                else:
                    problem = _("%(value)s is already used by %(type)s '%(other)s'")
                self.errors.field(
                    line, field, problem % {"value": shown, "type": kind, "other": other}
                )
        for line, value, other in self.active_flags.conflicts():
            assert isinstance(value, tuple)
            self.errors.field(
                line, "kind",
                _("flag %(other)s of this kind is already in force for the same "
                  "%(subject)s; end it (ended_at) or leave this one out")
                % {"other": show(other),
                   "subject": _("person") if value[1] is not None else _("household")},
            )
        return self.cases.finish(self.episodes)
