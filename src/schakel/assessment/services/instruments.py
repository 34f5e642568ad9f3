"""Revising an instrument or adding one: a new, immutable version (administrator only)."""

from __future__ import annotations

from types import SimpleNamespace

from django.db import transaction
from django.db.models import Max, Q
from django.utils.translation import gettext as _

from schakel.assessment import definitions, models
from schakel.assessment.definitions import DefinitionError, InstrumentDef
from schakel.assessment.models import (
    Instrument,
    InstrumentVersion,
)
from schakel.assessment.queries import instruments_of
from schakel.cases.services import CaseError
from schakel.tenancy.constants import Role
from schakel.tenancy.models import StaffProfile

MODELS = SimpleNamespace(
    Instrument=models.Instrument, InstrumentVersion=models.InstrumentVersion,
    Scale=models.Scale, ScaleLevel=models.ScaleLevel, Domain=models.Domain,
    Question=models.Question,
)


def _require_admin(by: StaffProfile) -> None:
    if not by.has_role(Role.ADMIN):
        raise CaseError(_("Only a functional administrator may change instruments."))


def _parse(definition: str | InstrumentDef) -> InstrumentDef:
    if isinstance(definition, InstrumentDef):
        return definition
    try:
        return definitions.parse_text(definition)
    except DefinitionError as exc:
        raise CaseError({"definition": exc.messages}) from exc


def _next_number(instrument: Instrument, municipality_id: int) -> int:
    """One more than any version the municipality sees (shipped or its own)."""
    seen = instrument.versions.filter(
        Q(municipality__isnull=True) | Q(municipality_id=municipality_id)
    ).aggregate(top=Max("number"))["top"]
    return (seen or 0) + 1


@transaction.atomic
def revise_instrument(
    instrument: Instrument, definition: str | InstrumentDef, *, by: StaffProfile, note: str
) -> InstrumentVersion:
    """A new version for the administrator's municipality; earlier versions stay as they are."""
    _require_admin(by)
    parsed = _parse(definition)
    if not instruments_of(by.municipality_id).filter(pk=instrument.pk).exists():
        raise CaseError(_("This instrument does not belong to your municipality."))
    if parsed.code != instrument.code:
        raise CaseError({"definition": _("The code of an instrument cannot change "
                                         "(it is '%(code)s').") % {"code": instrument.code}})
    if not note.strip():
        raise CaseError({"note": _("Say what changed and why.")})
    Instrument.objects.select_for_update().get(pk=instrument.pk)
    version = InstrumentVersion.objects.create(
        instrument=instrument, municipality_id=by.municipality_id,
        number=_next_number(instrument, by.municipality_id), name=parsed.name,
        description=parsed.description, note=note.strip()[:300], created_by=by,
    )
    definitions.store(MODELS, parsed, version)
    return version


@transaction.atomic
def add_instrument(
    definition: str | InstrumentDef, *, by: StaffProfile, note: str = ""
) -> InstrumentVersion:
    """A municipality's own instrument, as version 1."""
    _require_admin(by)
    parsed = _parse(definition)
    if instruments_of(by.municipality_id).filter(code=parsed.code).exists():
        raise CaseError({"definition": _("An instrument with the code '%(code)s' exists "
                                         "already: revise it instead.") % {"code": parsed.code}})
    instrument = Instrument.objects.create(code=parsed.code, municipality_id=by.municipality_id)
    version = InstrumentVersion.objects.create(
        instrument=instrument, municipality_id=by.municipality_id, number=1, name=parsed.name,
        description=parsed.description, note=(note.strip() or "New instrument")[:300],
        created_by=by,
    )
    definitions.store(MODELS, parsed, version)
    return version
