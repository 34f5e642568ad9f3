"""The shipped synthetic catalogue, installable again after a database flush."""

from __future__ import annotations

import importlib

from django.apps import apps


def install_shipped_catalogue() -> None:
    seed = importlib.import_module("schakel.decisions.migrations.0002_seed_catalogue").seed
    seed(apps)
