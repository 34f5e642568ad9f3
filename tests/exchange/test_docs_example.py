"""The complete example in docs/exchange.md imports as it stands."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from schakel.cases.constants import State
from schakel.cases.models import Episode, Involvement
from schakel.exchange.importer import import_lines
from schakel.privacy.models import Consent, SensitiveFlag
from tests.exchange.history import exported

DOC = Path(__file__).resolve().parents[2] / "docs" / "exchange.md"


def example_lines() -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    block = re.search(
        r"<!-- exchange-example:start -->\s*```jsonl\n(.*?)```\s*<!-- exchange-example:end -->",
        text, re.S,
    )
    assert block, "the example markers are missing from docs/exchange.md"
    return block.group(1).splitlines()


@pytest.mark.django_db
def test_the_documented_example_imports():
    result = import_lines(example_lines())
    assert [(kind, c.created) for kind, c in result.counts.items()] == [
        ("municipality", 1), ("district", 1), ("organisation", 2), ("team", 1), ("staff", 2),
        ("person", 2), ("household", 1), ("sensitive_flag", 1), ("consent", 1), ("episode", 1),
        ("event", 13), ("short_contact", 1),
    ]
    episode = Episode.objects.get()
    assert episode.state == State.ENDED
    assert episode.director is None
    assert Involvement.objects.get().ended_at is not None
    flag = SensitiveFlag.objects.get()
    assert (flag.household.external_id, flag.person, flag.kind, flag.ended_at) == (
        "hh-1001", None, "danger_home_visit", None)
    consent = Consent.objects.get()
    assert consent.person.external_id == "ps-1001-1"
    assert consent.recipient.external_id == "org-shv"
    assert consent.categories == ["contact", "finances", "identity"]
    assert consent.valid_at(dt.datetime(2025, 6, 1, tzinfo=dt.UTC))


@pytest.mark.django_db
def test_the_documented_example_is_written_back_in_the_same_canonical_form():
    lines = example_lines()
    import_lines(lines)
    again = exported()
    assert len(again) == len(lines)
    # The registration is written with a +01:00 offset; an export writes the same moment in UTC.
    registration = next(i for i, line in enumerate(lines) if '"kind":"registered"' in line)
    for i, (mine, theirs) in enumerate(zip(again[1:], lines[1:], strict=True), start=1):
        if i != registration:
            assert mine == theirs
    mine, theirs = json.loads(again[registration]), json.loads(lines[registration])
    for key in ("occurred_at", "recorded_at"):
        assert dt.datetime.fromisoformat(mine[key]) == dt.datetime.fromisoformat(theirs[key])
        assert mine[key].endswith("+00:00")
        mine[key] = theirs[key]
    assert mine == theirs
