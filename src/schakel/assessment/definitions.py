"""An instrument definition as plain data: parse, check, store and read back.

The same JSON shape is used by the shipped fixture files
(``instruments/*.json``), by the data migration that loads them and by the
administrator's revision page, so an instrument never needs code::

    {"code": "zrm", "name": "...", "description": "...",
     "scales": [{"code": "zrm", "name": "...",
                 "levels": [{"value": 1, "label": "...", "scored": true}]}],
     "domains": [{"code": "financien", "name": "...", "life_area": "finances",
                  "optional": false,
                  "questions": [{"code": "niveau", "text": "...", "kind": "scale",
                                 "scale": "zrm", "core": true, "help": ""}]}]}

Everything here is pure except :func:`store`, which takes the model classes
to write with so the data migration can pass its historical models.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.utils.translation import gettext as _

from schakel.assessment.constants import LifeArea, QuestionKind

CODE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
SHIPPED_DIR = Path(__file__).parent / "instruments"


class DefinitionError(ValueError):
    """A definition that cannot be stored; ``messages`` says every problem found."""

    def __init__(self, messages: list[str]) -> None:
        super().__init__("; ".join(messages))
        self.messages = messages


@dataclass(frozen=True)
class LevelDef:
    value: int
    label: str
    scored: bool = True


@dataclass(frozen=True)
class ScaleDef:
    code: str
    name: str
    levels: tuple[LevelDef, ...]


@dataclass(frozen=True)
class QuestionDef:
    code: str
    text: str
    kind: str
    scale: str = ""
    core: bool = True
    help: str = ""


@dataclass(frozen=True)
class DomainDef:
    code: str
    name: str
    questions: tuple[QuestionDef, ...]
    life_area: str = ""
    optional: bool = False


@dataclass(frozen=True)
class InstrumentDef:
    code: str
    name: str
    description: str
    scales: tuple[ScaleDef, ...]
    domains: tuple[DomainDef, ...]


class _Checker:
    """Collects every problem instead of stopping at the first."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def text(self, raw: Any, where: str, name: str, limit: int, required: bool = True) -> str:
        value = raw.get(name, "") if isinstance(raw, dict) else ""
        if not isinstance(value, str):
            self.problems.append(_("%(where)s: '%(name)s' must be text.")
                                 % {"where": where, "name": name})
            return ""
        value = value.strip()
        if required and not value:
            self.problems.append(_("%(where)s: '%(name)s' is missing.")
                                 % {"where": where, "name": name})
        if len(value) > limit:
            self.problems.append(_("%(where)s: '%(name)s' is longer than %(limit)d characters.")
                                 % {"where": where, "name": name, "limit": limit})
        return value

    def code(self, raw: Any, where: str, seen: set[str]) -> str:
        value = self.text(raw, where, "code", 40)
        if value and not CODE.match(value):
            self.problems.append(
                _("%(where)s: the code '%(code)s' may hold only lower-case letters, digits, "
                  "'-' and '_'.") % {"where": where, "code": value})
        if value in seen:
            self.problems.append(_("%(where)s: the code '%(code)s' is used twice.")
                                 % {"where": where, "code": value})
        seen.add(value)
        return value

    def flag(self, raw: dict[str, Any], where: str, name: str, default: bool) -> bool:
        value = raw.get(name, default)
        if not isinstance(value, bool):
            self.problems.append(_("%(where)s: '%(name)s' must be true or false.")
                                 % {"where": where, "name": name})
            return default
        return value

    def items(self, raw: Any, where: str, name: str) -> list[dict[str, Any]]:
        value = raw.get(name) if isinstance(raw, dict) else None
        if not isinstance(value, list) or not value:
            self.problems.append(_("%(where)s: '%(name)s' must be a non-empty list.")
                                 % {"where": where, "name": name})
            return []
        good = [v for v in value if isinstance(v, dict)]
        if len(good) != len(value):
            self.problems.append(_("%(where)s: every entry of '%(name)s' must be an object.")
                                 % {"where": where, "name": name})
        return good


def _scale(c: _Checker, raw: dict[str, Any], seen: set[str]) -> ScaleDef:
    where = _("Scale %(code)s") % {"code": raw.get("code", "?")}
    code = c.code(raw, where, seen)
    name = c.text(raw, where, "name", 120)
    levels: list[LevelDef] = []
    values: set[int] = set()
    for item in c.items(raw, where, "levels"):
        value = item.get("value")
        if not isinstance(value, int) or isinstance(value, bool) or not -99 <= value <= 99:
            c.problems.append(_("%(where)s: every level needs a whole number 'value' "
                                "from -99 to 99.") % {"where": where})
            continue
        if value in values:
            c.problems.append(_("%(where)s: the level %(value)d is used twice.")
                              % {"where": where, "value": value})
        values.add(value)
        label = c.text(item, where, "label", 120)
        levels.append(LevelDef(value, label, c.flag(item, where, "scored", True)))
    return ScaleDef(code, name, tuple(sorted(levels, key=lambda lv: lv.value)))


def _question(c: _Checker, raw: dict[str, Any], where: str, seen: set[str],
              scales: set[str], optional_domain: bool) -> QuestionDef:
    here = _("%(where)s, question %(code)s") % {"where": where, "code": raw.get("code", "?")}
    code = c.code(raw, here, seen)
    text = c.text(raw, here, "text", 300)
    hint = c.text(raw, here, "help", 300, required=False)
    scale = raw.get("scale", "") or ""
    kind = raw.get("kind") or (QuestionKind.SCALE if scale else QuestionKind.TEXT)
    if kind not in QuestionKind.values:
        c.problems.append(_("%(where)s: the kind must be one of %(kinds)s.")
                          % {"where": here, "kinds": ", ".join(QuestionKind.values)})
    if kind == QuestionKind.SCALE and scale not in scales:
        c.problems.append(_("%(where)s: names a scale '%(scale)s' that is not defined.")
                          % {"where": here, "scale": scale})
    if kind != QuestionKind.SCALE and scale:
        c.problems.append(_("%(where)s: only a scale question names a scale.") % {"where": here})
    core = c.flag(raw, here, "core", not optional_domain)
    if optional_domain and core:
        c.problems.append(_("%(where)s: an optional domain cannot hold core questions.")
                          % {"where": here})
    return QuestionDef(code, text, str(kind), str(scale), core, hint)


def _domain(c: _Checker, raw: dict[str, Any], seen: set[str], scales: set[str]) -> DomainDef:
    where = _("Domain %(code)s") % {"code": raw.get("code", "?")}
    code = c.code(raw, where, seen)
    name = c.text(raw, where, "name", 120)
    life_area = raw.get("life_area", "") or ""
    if life_area and life_area not in LifeArea.values:
        c.problems.append(_("%(where)s: unknown life area '%(area)s'.")
                          % {"where": where, "area": life_area})
    optional = c.flag(raw, where, "optional", False)
    question_codes: set[str] = set()
    questions = tuple(
        _question(c, item, where, question_codes, scales, optional)
        for item in c.items(raw, where, "questions")
    )
    return DomainDef(code, name, questions, str(life_area), optional)


def parse(raw: Any) -> InstrumentDef:
    """Check a definition; raise :class:`DefinitionError` listing every problem."""
    c = _Checker()
    if not isinstance(raw, dict):
        raise DefinitionError([_("The definition must be a JSON object.")])
    where = _("Instrument")
    code = c.code(raw, where, set())
    name = c.text(raw, where, "name", 160)
    description = c.text(raw, where, "description", 4000, required=False)
    scale_codes: set[str] = set()
    raw_scales = raw.get("scales") or []
    if not isinstance(raw_scales, list) or not all(isinstance(s, dict) for s in raw_scales):
        c.problems.append(_("%(where)s: 'scales' must be a list of objects.") % {"where": where})
        raw_scales = []
    scales = tuple(_scale(c, item, scale_codes) for item in raw_scales)
    domain_codes: set[str] = set()
    domains = tuple(
        _domain(c, item, domain_codes, scale_codes) for item in c.items(raw, where, "domains")
    )
    if c.problems:
        raise DefinitionError(c.problems)
    return InstrumentDef(code, name, description, scales, domains)


def parse_text(text: str) -> InstrumentDef:
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DefinitionError(
            [_("This is not valid JSON (line %(line)d, column %(col)d): %(msg)s")
             % {"line": exc.lineno, "col": exc.colno, "msg": exc.msg}]
        ) from exc
    return parse(raw)


def shipped() -> list[tuple[int, InstrumentDef]]:
    """The instruments Schakel ships, from ``instruments/*.json``, with their version."""
    found = []
    for path in sorted(SHIPPED_DIR.glob("*.json")):
        raw = json.loads(path.read_text(encoding="utf-8"))
        found.append((int(raw.get("version", 1)), parse(raw)))
    return found


def install_shipped(models: Any) -> int:
    """Store each shipped instrument version not stored yet; returns how many were added.

    Idempotent, so the data migration and a test database flushed by a
    browser test can both call it. ``models`` also needs ``Instrument`` and
    ``InstrumentVersion``.
    """
    added = 0
    for number, definition in shipped():
        instrument, _created = models.Instrument.objects.get_or_create(
            code=definition.code, municipality=None
        )
        versions = models.InstrumentVersion.objects.filter(
            instrument=instrument, municipality=None, number=number
        )
        if versions.exists():
            continue
        version = models.InstrumentVersion.objects.create(
            instrument=instrument, municipality=None, number=number, name=definition.name,
            description=definition.description, note="Shipped with Schakel",
        )
        store(models, definition, version)
        added += 1
    return added


def store(models: Any, definition: InstrumentDef, version: Any) -> None:
    """Write the scales, domains and questions of ``definition`` under a saved ``version``.

    ``models`` has the attributes ``Scale``, ``ScaleLevel``, ``Domain`` and
    ``Question`` (the real models, or a migration's historical ones).
    """
    scales = {}
    for s in definition.scales:
        scale = models.Scale.objects.create(version=version, code=s.code, name=s.name)
        models.ScaleLevel.objects.bulk_create(
            models.ScaleLevel(scale=scale, value=lv.value, label=lv.label, scored=lv.scored)
            for lv in s.levels
        )
        scales[s.code] = scale
    for d_pos, d in enumerate(definition.domains):
        domain = models.Domain.objects.create(
            version=version, code=d.code, name=d.name, life_area=d.life_area,
            optional=d.optional, position=d_pos,
        )
        models.Question.objects.bulk_create(
            models.Question(
                domain=domain, code=q.code, text=q.text, help=q.help, kind=q.kind,
                scale=scales.get(q.scale), core=q.core, position=q_pos,
            )
            for q_pos, q in enumerate(d.questions)
        )


def to_data(version: Any) -> dict[str, Any]:
    """A stored version back in the JSON shape (the starting point of a revision)."""
    return {
        "code": version.instrument.code,
        "name": version.name,
        "description": version.description,
        "scales": [
            {"code": s.code, "name": s.name, "levels": [
                {"value": lv.value, "label": lv.label, **({} if lv.scored else {"scored": False})}
                for lv in s.levels.order_by("value")
            ]}
            for s in version.scales.order_by("pk")
        ],
        "domains": [
            {"code": d.code, "name": d.name, "life_area": d.life_area, "optional": d.optional,
             "questions": [
                 {"code": q.code, "text": q.text, "kind": q.kind,
                  **({"scale": q.scale.code} if q.scale_id else {}),
                  "core": q.core, **({"help": q.help} if q.help else {})}
                 for q in d.questions.select_related("scale").order_by("position")
             ]}
            for d in version.domains.order_by("position")
        ],
    }


def to_text(version: Any) -> str:
    return json.dumps(to_data(version), ensure_ascii=False, indent=2)
