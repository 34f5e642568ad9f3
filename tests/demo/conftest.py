"""A small demo file, generated once per test session for the file tests."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from schakel.demo.check import CheckResult, check_file
from schakel.demo.generate import Generated, generate

NOW = dt.datetime(2026, 3, 2, 14, 30)  # a Monday afternoon, Amsterdam time


@pytest.fixture(scope="session")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Generated:
    return generate(tmp_path_factory.mktemp("demo") / "demo.jsonl", households=600, seed=7,
                    now=NOW)


@pytest.fixture(scope="session")
def checked(small_demo: Generated) -> CheckResult:
    return check_file(small_demo.path)


@pytest.fixture(scope="session")
def lines(small_demo: Generated) -> list[dict[str, Any]]:
    return read(small_demo.path)


def read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]
