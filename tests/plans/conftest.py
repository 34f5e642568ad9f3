import pytest


@pytest.fixture(autouse=True)
def _instruments(shipped_instruments):
    """Every test here needs the shipped instruments (see tests/conftest.py)."""
