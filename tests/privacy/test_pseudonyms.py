"""Pseudonyms let a table discuss the same person without learning who it is."""

import re

import pytest

from schakel.privacy.pseudonyms import pseudonym

pytestmark = pytest.mark.django_db


def test_a_pseudonym_is_stable_per_table_and_differs_between_tables(world):
    first = pseudonym("wijkschakel-oost", world.sanne)
    assert first == pseudonym("wijkschakel-oost", world.sanne.pk)
    assert first != pseudonym("buurtnetwerk-55", world.sanne)
    assert first != pseudonym("wijkschakel-oost", world.mila)
    assert re.fullmatch(r"P-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", first)
    assert pseudonym("wijkschakel-oost", world.household).startswith("H-")


def test_a_pseudonym_cannot_be_made_without_the_servers_secret(world, settings):
    first = pseudonym("wijkschakel-oost", world.sanne)
    settings.SECRET_KEY = "another-secret-for-this-test-only"
    assert pseudonym("wijkschakel-oost", world.sanne) != first
