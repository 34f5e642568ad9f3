"""What the tables recorded about a person is part of their inzage export."""

from __future__ import annotations

import pytest

from schakel.privacy.inzage import collect, label, subject_models
from tests.tables.builders import build

pytestmark = pytest.mark.django_db


def test_the_inzage_export_holds_the_table_cases_steps_and_agreements(world):
    build(world)
    sections = {s.model: s for s in collect(world.sanne).sections}
    ours = {label(m) for m in subject_models()} & {"tables.TableCase", "tables.CaseStep",
                                                    "tables.Agreement"}
    assert ours == {"tables.TableCase", "tables.CaseStep", "tables.Agreement"}
    assert all(sections[m].rows for m in ours)
