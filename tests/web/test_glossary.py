"""The glossary explains wijkteam words to staff from other organisations."""

from __future__ import annotations

import pytest
from django.urls import reverse

from schakel.tenancy.constants import Role
from tests.conftest import make_staff

pytestmark = pytest.mark.django_db


def test_a_partner_reads_the_glossary_from_the_menu(login, municipality):
    partner = make_staff(municipality, None, "huisarts", roles=[Role.PARTNER])
    client = login(partner)
    page = client.get(reverse("privacy:shared")).content.decode()
    assert reverse("web:glossary") in page
    glossary = client.get(reverse("web:glossary")).content.decode()
    for word in ("Werkvoorraad", "Casusregie", "ZRM", "Beschikking", "Drang en dwang",
                 "Veilig Thuis", "BIG / SKJ"):
        assert word in glossary
    assert 'id="werkvoorraad"' in glossary


def test_the_glossary_needs_a_login(client):
    response = client.get(reverse("web:glossary"))
    assert response.status_code == 302
