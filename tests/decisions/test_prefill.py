"""Register once: what the registration, the plan and the referral said is filled in later."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from schakel.cases.constants import Channel, Source
from schakel.cases.services import RegistrationInput, register
from schakel.decisions import services
from schakel.plans.services import request_specialist_referral
from schakel.tenancy.constants import UnitKind
from tests.conftest import family_members
from tests.decisions.conftest import product, provider

pytestmark = pytest.mark.django_db


@pytest.fixture
def episode(team, worker, gp):
    """Registered by the GP practice, named as the referrer's organisation."""
    return register(worker, RegistrationInput(
        team=team, unit=UnitKind.YOUTH, source=Source.GP, channel=Channel.PHONE,
        referrer_name="Huisarts Smit", referrer_organisation=gp.name),
        household_name="Bakker", members=family_members())


def selected(page: str, name: str) -> str:
    """The value of the selected option of the select named ``name``."""
    select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', page, re.S)
    assert select, name
    option = re.search(r'<option value="([^"]*)"[^>]*selected', select.group(1))
    return option.group(1) if option else ""


def test_the_referral_form_knows_the_referrer_and_the_reason_from_the_plan(planned, login):
    asked = request_specialist_referral(planned.household, by=planned.worker, care="youth",
                                        reason="Traumabehandeling voor Mila",
                                        provider=provider("prov-jeugdzorg-zuid").name)
    url = reverse("decisions:household", kwargs={"reference": planned.household.reference})
    page = login(planned.worker).get(url).content.decode()
    assert selected(page, "referral-referrer") == str(planned.gp.pk)
    assert selected(page, "referral-provider") == str(provider("prov-jeugdzorg-zuid").pk)
    assert asked.reason in page
    assert f'value="{timezone.localdate().isoformat()}"' in page  # starts today


def test_starting_and_deciding_take_over_the_referral(planned, login):
    today = timezone.localdate()
    referral = services.refer(
        planned.household, by=planned.worker, product=product("J-OPV-01"), person=planned.mila,
        volume=Decimal("20"), period_start=today, period_end=today, reason="Opvoedhulp")
    url = reverse("decisions:household", kwargs={"reference": planned.household.reference})
    client = login(planned.worker)
    page = client.get(url).content.decode()
    assert selected(page, "start-referral") == str(referral.pk)
    assert selected(page, "start-person") == str(planned.mila.pk)
    services.receive_youth_aanvraag(planned.household, by=planned.worker, person=planned.mila,
                                    referral=referral)
    page = client.get(url).content.decode()
    assert selected(page, "decide-product") == str(product("J-OPV-01").pk)
    assert 'name="decide-volume" value="20' in page
