"""One row of every decisions model for the privacy tests' household (inzage, authorisation)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from schakel.decisions import services
from schakel.decisions.catalogue import install_shipped_catalogue
from schakel.decisions.models import Product, Provider, Spend


def build(world) -> dict[str, object]:
    """Referral, decision, objection, complaint and spend for the world's household."""
    install_shipped_catalogue()
    household, director = world.household, world["director"]
    today = timezone.localdate()
    referral = services.refer(
        household, by=director, product=Product.objects.get(code="J-OPV-01"), person=world.sanne,
        volume=Decimal("10"), period_start=today, period_end=today + dt.timedelta(days=90),
        reason="Opvoedhulp", provider=Provider.objects.get(code="prov-jeugdzorg-zuid"),
        referrer=world.gp)
    decision = services.receive_youth_aanvraag(household, by=director, person=world.sanne,
                                               referral=referral)
    decision = services.decide(decision, by=world["leader"], outcome="granted",
                               motivation="Hulp thuis is nodig")
    objection = services.lodge_objection(decision, by=director, grounds="Te weinig uren")
    complaint = services.register_complaint(
        household.team.municipality, by=director, system_part="team", team=household.team,
        worker=director, subject="Afspraak vergeten", household=household)
    spend = Spend.objects.create(decision=decision, booked_on=today, amount=Decimal("78.50"))
    return {"decision_referral": referral, "decision": decision, "decision_objection": objection,
            "complaint": complaint, "spend": spend}
