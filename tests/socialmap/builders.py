"""A small sociale kaart for tests, built through its services."""

from __future__ import annotations

from django.utils import timezone

from schakel.socialmap import services
from schakel.socialmap.models import ContactPerson, MapOrganisation, Offer
from schakel.tenancy.models import StaffProfile


def build_map(keeper: StaffProfile) -> dict[str, object]:
    today = timezone.localdate()
    club = services.save_organisation(MapOrganisation(
        name="Buurthuis De Brug", description="Ontmoeting in de wijk", phone="010-1234567",
        email="info@debrug.example", last_verified=today), by=keeper)
    services.save_contact(ContactPerson(provider=club, name="Petra Contactpersoon",
                                        role="Opbouwwerker", phone="06-11112222"), by=keeper)
    coffee = services.save_offer(Offer(
        provider=club, kind="activity", title="Koffieochtend", needs=["social_network"],
        target_groups=["elderly"], location="Brugstraat 1", schedule="Dinsdag 10–12 uur",
        cost="Gratis", last_verified=today), by=keeper)
    debts = services.save_offer(Offer(
        provider=club, kind="service", title="Formulierenhulp", needs=["finances"],
        target_groups=["everyone"], location="Brugstraat 1", schedule="Donderdag 14–16 uur",
        cost="Gratis", last_verified=today), by=keeper)
    return {"club": club, "coffee": coffee, "debts": debts}


def build(world) -> dict[str, object]:
    """For the privacy tests: a map, a district, and Sanne linked to an activity."""
    from schakel.tenancy.models import District

    director = world["director"]
    made = build_map(director)
    services.link_activity(world.household, made["coffee"], by=director, person=world.sanne,
                           note="Samen heen")
    district = District.objects.create(
        municipality=world.household.team.municipality, level="wijk", cbs_code="WK999909",
        name="Testwijk", external_id="district-test")
    return {"map_org": made["club"].pk, "map_offer": made["coffee"].pk,
            "district_code": district.cbs_code}
