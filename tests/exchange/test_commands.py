"""``schakel import FILE`` and ``schakel export`` as an operator runs them."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command, load_command_class
from django.core.management.base import CommandError

from schakel.people.models import Person
from schakel.tenancy.models import Municipality
from tests.exchange.builders import lines, sample


def write(path, records):
    path.write_text("\n".join(lines(records)) + "\n", encoding="utf-8")
    return path


@pytest.mark.django_db
def test_import_prints_the_counts_per_type(tmp_path):
    out = io.StringIO()
    call_command("import", str(write(tmp_path / "in.jsonl", sample())), stdout=out)
    text = out.getvalue()
    assert "event: 6 created, 0 updated, 0 unchanged" in text
    assert "person: 2 created" in text
    out = io.StringIO()
    call_command("import", str(tmp_path / "in.jsonl"), "--quiet-progress", stdout=out)
    assert "Nothing changed" in out.getvalue()


@pytest.mark.django_db
def test_import_of_a_bad_file_exits_non_zero_prints_the_errors_and_writes_nothing(tmp_path):
    records = sample()
    records[6]["bsn"] = "123456789"
    path = write(tmp_path / "bad.jsonl", records)
    err = io.StringIO()
    with pytest.raises(CommandError) as exc:
        call_command("import", str(path), stdout=io.StringIO(), stderr=err)
    assert exc.value.returncode == 1
    assert "refused, nothing was imported" in str(exc.value)
    assert "regel 8 / line 8: field 'bsn'" in err.getvalue()
    assert Municipality.objects.count() == 0 and Person.objects.count() == 0


@pytest.mark.django_db
def test_import_of_a_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError, match="file not found"):
        call_command("import", str(tmp_path / "nope.jsonl"))


@pytest.mark.django_db
def test_export_writes_the_database_to_a_file_or_to_standard_output(tmp_path):
    call_command("import", str(write(tmp_path / "in.jsonl", sample())), stdout=io.StringIO())
    err = io.StringIO()
    call_command("export", "--output", str(tmp_path / "out.jsonl"), stderr=err)
    written = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(written[0])["format"] == "schakel-exchange"
    assert len(written) == len(sample()) + 1
    assert f"{len(written)} lines written" in err.getvalue()
    out = io.StringIO()
    call_command("export", stdout=out)
    assert out.getvalue().splitlines()[1:] == written[1:]


@pytest.mark.parametrize("name, words", [
    ("import", ["exchange file", "nothing is written", "status 1", "docs/exchange.md"]),
    ("export", ["--output", "exchange file", "docs/exchange.md"]),
])
def test_both_commands_document_themselves(name, words):
    command = load_command_class("schakel.exchange", name)
    text = " ".join(command.create_parser("schakel", name).format_help().split())
    for word in words:
        assert word in text
