"""Writing a validated file: records in batches, never a query per line.

The writer reads the file a second time (validation kept only what writing
needs, see :class:`~schakel.exchange.plan.Plan`). Each run of records of one
type is split into new ones (inserted in batches, see
:mod:`schakel.exchange.fastinsert`) and existing ones (loaded with one query,
compared, ``bulk_update`` for the changed ones). Episodes, events
and short contacts are written by :mod:`schakel.exchange.write_cases`.

Everything runs inside the importer's single transaction; validation has
already refused anything the database would refuse, so a database error here
is a bug or a concurrent change, and rolls the whole import back.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import groupby
from typing import Any, TypeVar

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db.models import Model

from schakel.exchange.fastinsert import Inserter
from schakel.exchange.parse import Record
from schakel.exchange.plan import Plan
from schakel.exchange.result import ImportResult
from schakel.exchange.snapshot import Snapshot
from schakel.exchange.spec import RANK, SELF_REFERENCES, TYPES
from schakel.exchange.write_cases import CaseWriter
from schakel.people.models import Household, HouseholdMember, Person
from schakel.privacy.models import Consent, SensitiveFlag
from schakel.tenancy.constants import UnitKind
from schakel.tenancy.models import (
    District,
    Membership,
    Municipality,
    Organisation,
    StaffProfile,
    Team,
    Unit,
)

BATCH = 5000
M = TypeVar("M", bound=Model)


class Writer:
    def __init__(self, db: Snapshot, plan: Plan) -> None:
        self.db = db
        self.plan = plan
        self.result = ImportResult()
        self.rank = -1
        self.line = 0
        self.changed: dict[str, set[str]] = {t: set() for t in TYPES}
        self.fixups: dict[str, list[tuple[str, str, bool]]] = {t: [] for t in SELF_REFERENCES}
        self.inserter = Inserter()
        self.cases = CaseWriter(self)

    def pk(self, kind: str, ext: str | None) -> int | None:
        return None if ext is None else self.db.pk[kind][ext]

    # -- sections --------------------------------------------------------------------------

    def write_chunk(self, chunk: list[Record]) -> None:
        for kind, group in groupby(chunk, key=lambda r: r.type):
            run = list(group)
            self.line = run[0].line
            self._enter(RANK[kind])
            getattr(self, "_write_" + kind)(run)

    def finish(self) -> ImportResult:
        self._enter(len(TYPES))
        return self.result

    def _enter(self, rank: int) -> None:
        """Close every section before ``rank``: forward references resolve at a section's end."""
        for previous in range(max(self.rank, 0), rank):
            self._finish_section(TYPES[previous])
        self.rank = max(self.rank, rank)

    def _finish_section(self, kind: str) -> None:
        models: dict[str, type[Model]] = {
            "district": District, "person": Person, "household": Household,
        }
        if kind in models:
            self.resolve(kind, models[kind], SELF_REFERENCES[kind] + "_id")
        elif kind == "event":
            self.cases.finish()

    # -- shared machinery ---------------------------------------------------------------------

    def self_ref(self, r: Record, values: dict[str, Any], existed: bool) -> None:
        """Set a self-reference now if its target exists, else remember it for the section end."""
        field = SELF_REFERENCES[r.type]
        target = r.f[field]
        pkmap = self.db.pk[r.type]
        if target is None:
            values[field + "_id"] = None
        elif target in pkmap:
            values[field + "_id"] = pkmap[target]
        else:
            assert r.id is not None
            self.fixups[r.type].append((r.id, target, existed))

    def resolve(self, kind: str, model: type[Model], attname: str) -> None:
        todo, self.fixups[kind] = self.fixups[kind], []
        if not todo:
            return
        pkmap = self.db.pk[kind]
        objs = model._default_manager.in_bulk([pkmap[ext] for ext, _t, _e in todo])
        changed = []
        counts = self.result[kind]
        for ext, target, existed in todo:
            obj = objs[pkmap[ext]]
            if getattr(obj, attname) != pkmap[target]:
                setattr(obj, attname, pkmap[target])
                changed.append(obj)
                if existed and ext not in self.changed[kind]:
                    self.changed[kind].add(ext)
                    counts.unchanged -= 1
                    counts.updated += 1
        model._default_manager.bulk_update(changed, [attname], batch_size=BATCH)

    def upsert(
        self,
        kind: str,
        model: type[M],
        run: list[Record],
        build: Callable[[Record, bool], dict[str, Any]],
        *,
        extra: Callable[[list[Record]], list[dict[str, Any]]] | None = None,
        also_changed: Callable[[list[tuple[Record, M]]], set[str]] | None = None,
    ) -> list[tuple[Record, M]]:
        """Create new records, update changed ones, count; returns the created pairs.

        ``extra`` gives more constructor arguments for new records (a staff
        member's user account); ``also_changed`` handles parts stored in other
        tables (memberships, household members) and returns the ids it changed.
        """
        pkmap = self.db.pk[kind]
        counts = self.result[kind]
        new = [r for r in run if r.id not in pkmap]
        old = [r for r in run if r.id in pkmap]
        created: list[tuple[Record, M]] = []
        if new:
            extras = extra(new) if extra else [{} for _r in new]
            objs = [
                model(external_id=r.id, **build(r, False), **more)
                for r, more in zip(new, extras, strict=True)
            ]
            self.inserter.insert(model, objs)
            for r, obj in zip(new, objs, strict=True):
                assert r.id is not None
                pkmap[r.id] = obj.pk
            counts.created += len(new)
            created = list(zip(new, objs, strict=True))
        if old:
            stored = model._default_manager.in_bulk([pkmap[r.id] for r in old if r.id])
            pairs, changed, names = [], set(), set()
            for r in old:
                assert r.id is not None
                obj = stored[pkmap[r.id]]
                pairs.append((r, obj))
                for name, value in build(r, True).items():
                    if getattr(obj, name) != value:
                        setattr(obj, name, value)
                        names.add(name)
                        changed.add(r.id)
            if names:
                model._default_manager.bulk_update(
                    [obj for r, obj in pairs if r.id in changed], sorted(names), batch_size=BATCH
                )
            if also_changed:
                changed |= also_changed(pairs)
            self.changed[kind] |= changed
            counts.updated += len(changed)
            counts.unchanged += len(old) - len(changed)
        return created

    # -- one method per record type -------------------------------------------------------

    def _write_municipality(self, run: list[Record]) -> None:
        self.upsert("municipality", Municipality, run,
                    lambda r, _e: {"name": r.f["name"], "cbs_code": r.f["cbs_code"]})

    def _write_district(self, run: list[Record]) -> None:
        def build(r: Record, existed: bool) -> dict[str, Any]:
            values = {
                "municipality_id": self.pk("municipality", r.f["municipality"]),
                "level": r.f["level"], "cbs_code": r.f["cbs_code"], "name": r.f["name"],
            }
            self.self_ref(r, values, existed)
            return values

        self.upsert("district", District, run, build)

    def _write_organisation(self, run: list[Record]) -> None:
        self.upsert("organisation", Organisation, run, lambda r, _e: {
            "name": r.f["name"], "kind": r.f["kind"],
            "municipality_id": self.pk("municipality", r.f["municipality"]),
        })

    def _write_team(self, run: list[Record]) -> None:
        """A team always gets both units, as ``tenancy.services.create_team`` makes it."""
        created = self.upsert("team", Team, run, lambda r, _e: {
            "municipality_id": self.pk("municipality", r.f["municipality"]),
            "name": r.f["name"], "district_id": self.pk("district", r.f["district"]),
            "rayon": r.f["rayon"],
        })
        units = [Unit(team_id=team.pk, kind=kind) for _r, team in created
                 for kind in UnitKind.values]
        self.inserter.insert(Unit, units)
        for unit in units:
            self.db.units[(unit.team_id, unit.kind)] = unit.pk

    def _write_staff(self, run: list[Record]) -> None:
        user_model = get_user_model()

        def build(r: Record, _existed: bool) -> dict[str, Any]:
            kind, number, expires = r.f["registration"]
            return {
                "municipality_id": self.pk("municipality", r.f["municipality"]),
                "organisation_id": self.pk("organisation", r.f["organisation"]),
                "display_name": r.f["display_name"], "roles": r.f["roles"],
                "specialisms": r.f["specialisms"], "fte": r.f["fte"],
                "registration_kind": kind, "registration_number": number,
                "registration_expires": expires,
            }

        def accounts(new: list[Record]) -> list[dict[str, Any]]:
            """Imported staff never bring a password: their accounts start unusable."""
            users = [user_model(username=r.f["username"], password=make_password(None))
                     for r in new]
            user_model._default_manager.bulk_create(users, batch_size=BATCH)
            return [{"user_id": user.pk} for user in users]

        def usernames_and_places(pairs: list[tuple[Record, StaffProfile]]) -> set[str]:
            changed = set()
            users = user_model._default_manager.in_bulk([p.user_id for _r, p in pairs])
            renamed = []
            for r, profile in pairs:
                user = users[profile.user_id]
                if user.get_username() != r.f["username"]:
                    setattr(user, user_model.USERNAME_FIELD, r.f["username"])
                    renamed.append(user)
                    changed.add(str(r.id))
            user_model._default_manager.bulk_update(
                renamed, [user_model.USERNAME_FIELD], batch_size=BATCH
            )
            return changed | self._places(pairs)

        created = self.upsert("staff", StaffProfile, run, build, extra=accounts,
                              also_changed=usernames_and_places)
        for _r, profile in created:
            self.db.staff_ext[profile.pk] = profile.external_id
        self._places(created, new=True)

    def _places(self, pairs: list[tuple[Record, StaffProfile]], *, new: bool = False) -> set[str]:
        """Add the places a staff member is missing; places are never removed by an import."""
        stored: dict[tuple[int, int, int | None, str], Membership] = {}
        if not new and pairs:
            for m in Membership.objects.filter(staff_id__in=[p.pk for _r, p in pairs]):
                stored[(m.staff_id, m.team_id, m.unit_id, m.role)] = m
        add, deputy, changed = [], [], set()
        for r, profile in pairs:
            for team_ext, role, unit_kind, is_deputy in r.f["places"]:
                team = self.db.pk["team"][team_ext]
                unit = self.db.units[(team, unit_kind)] if unit_kind else None
                existing = stored.get((profile.pk, team, unit, role))
                if existing is None:
                    add.append(Membership(staff_id=profile.pk, team_id=team, unit_id=unit,
                                          role=role, deputy=is_deputy))
                    changed.add(str(r.id))
                elif existing.deputy != is_deputy:
                    existing.deputy = is_deputy
                    deputy.append(existing)
                    changed.add(str(r.id))
        self.inserter.insert(Membership, add)
        Membership.objects.bulk_update(deputy, ["deputy"], batch_size=BATCH)
        return changed

    def _write_person(self, run: list[Record]) -> None:
        names = ("given_name", "family_name_prefix", "family_name", "birth_date", "bsn",
                 "phone", "email", "street", "house_number", "postcode", "city")

        def build(r: Record, existed: bool) -> dict[str, Any]:
            values = {name: r.f[name] for name in names}
            self.self_ref(r, values, existed)
            return values

        self.upsert("person", Person, run, build)

    def _write_household(self, run: list[Record]) -> None:
        def build(r: Record, existed: bool) -> dict[str, Any]:
            values = {"reference": r.f["reference"], "team_id": self.pk("team", r.f["team"]),
                      "name": r.f["name"]}
            self.self_ref(r, values, existed)
            return values

        created = self.upsert("household", Household, run, build, also_changed=self._members)
        self._members(created, new=True)

    def _members(self, pairs: list[tuple[Record, Household]], *, new: bool = False) -> set[str]:
        """Add missing members and correct their role; members are never removed."""
        stored: dict[tuple[int, int], HouseholdMember] = {}
        if not new and pairs:
            for m in HouseholdMember.objects.filter(household_id__in=[h.pk for _r, h in pairs]):
                stored[(m.household_id, m.person_id)] = m
        add, roles, changed = [], [], set()
        persons = self.db.pk["person"]
        for r, household in pairs:
            for person_ext, role in r.f["members"]:
                person = persons[person_ext]
                existing = stored.get((household.pk, person))
                if existing is None:
                    add.append(HouseholdMember(household_id=household.pk, person_id=person,
                                               role=role))
                    changed.add(str(r.id))
                elif existing.role != role:
                    existing.role = role
                    roles.append(existing)
                    changed.add(str(r.id))
        self.inserter.insert(HouseholdMember, add)
        HouseholdMember.objects.bulk_update(roles, ["role"], batch_size=BATCH)
        return changed

    def _write_sensitive_flag(self, run: list[Record]) -> None:
        def build(r: Record, _existed: bool) -> dict[str, Any]:
            f = r.f
            return {
                "household_id": self.pk("household", f["household"]),
                "person_id": self.pk("person", f["person"]), "kind": f["kind"],
                "note": f["note"], "set_by_id": self.pk("staff", f["set_by"]),
                "set_at": f["set_at"], "ended_by_id": self.pk("staff", f["ended_by"]),
                "ended_at": f["ended_at"],
            }

        self.upsert("sensitive_flag", SensitiveFlag, run, build)

    def _write_consent(self, run: list[Record]) -> None:
        def build(r: Record, _existed: bool) -> dict[str, Any]:
            f = r.f
            return {
                "person_id": self.pk("person", f["person"]),
                "household_id": self.pk("household", f["household"]),
                "purpose": f["purpose"], "recipient_id": self.pk("organisation", f["recipient"]),
                "categories": f["categories"], "method": f["method"],
                "given_at": f["given_at"], "valid_until": f["valid_until"], "note": f["note"],
                "recorded_by_id": self.pk("staff", f["recorded_by"]),
                "withdrawn_at": f["withdrawn_at"],
                "withdrawn_by_id": self.pk("staff", f["withdrawn_by"]),
                "withdrawal_note": f["withdrawal_note"],
            }

        self.upsert("consent", Consent, run, build)

    def _write_episode(self, run: list[Record]) -> None:
        self.cases.episodes(run)

    def _write_event(self, run: list[Record]) -> None:
        self.cases.events(run)

    def _write_short_contact(self, run: list[Record]) -> None:
        self.cases.short_contacts(run)
