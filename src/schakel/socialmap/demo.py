"""Fictional sociale-kaart entries and district indicators for the demo.

Every organisation, activity and figure here is invented for demonstration;
none describes a real organisation or a real district's statistics.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from schakel.socialmap import services
from schakel.socialmap.models import ContactPerson, MapOrganisation, Offer
from schakel.socialmap.profiles import COLUMNS, import_profiles
from schakel.tenancy.constants import Role
from schakel.tenancy.models import Municipality, StaffProfile

# Invented indicators for the demo's wijken (codes as the demo tenant makes them).
DISTRICT_CSV = ",".join(COLUMNS) + """
WK060601,Centrum,2025,17800,16.5,63.0,20.5,46.0,6.8,23900,6.1
WK060602,Groenoord,2025,9400,22.0,58.5,19.5,61.0,9.4,19800,5.2
WK060603,Nieuwland,2025,13100,24.5,59.0,16.5,58.0,10.1,18900,4.9
WK060604,Kethel en Spaland,2025,11200,19.0,57.0,24.0,28.0,3.9,29800,7.3
WK060605,Oost,2025,12600,21.0,62.0,17.0,44.0,7.2,22700,6.0
WK060606,Zuid,2025,8300,20.5,60.5,19.0,39.0,6.1,24800,6.4
"""

ENTRIES = (
    ("Buurthuis De Wissel (fictief)", "Ontmoeten, eten en meedoen in de wijk.",
     "Opbouwwerker", (
         ("activity", "Samen eten op woensdag", ["social_network", "participation"],
          ["elderly", "adults"], "Woensdag 17.30 uur", "€ 4"),
         ("activity", "Taalcafé", ["participation", "activation"], ["newcomers"],
          "Dinsdag 10–12 uur", "Gratis"),
     )),
    ("Stichting Geldhulp Aan Zee (fictief)", "Vrijwilligers helpen met post en geldzaken.",
     "Coördinator vrijwilligers", (
         ("service", "Thuisadministratie", ["finances"], ["everyone"], "Op afspraak",
          "Gratis"),
     )),
    ("Sportvereniging Vooruit (fictief)", "Bewegen voor jong en oud.", "Buurtsportcoach", (
        ("activity", "Wandelvoetbal", ["physical_health", "social_network"], ["elderly"],
         "Vrijdag 10 uur", "€ 2 per keer"),
        ("activity", "Jeugdsport na school", ["parenting", "physical_health"], ["children"],
         "Maandag en donderdag 15.30 uur", "Gratis met Jeugdfonds"),
    )),
    ("Mantelzorgpunt Havenstad (fictief)", "Steun voor wie voor een naaste zorgt.",
     "Mantelzorgconsulent", (
        ("service", "Respijtzorg aanvragen", ["ageing", "social_network"], ["carers"],
         "Op afspraak", "Gratis"),
    )),
)


@transaction.atomic
def seed(municipality: Municipality) -> int:
    """Add the fictional entries and district profiles once; returns the number of offers."""
    if MapOrganisation.objects.filter(municipality=municipality).exists():
        return 0
    keeper = (StaffProfile.objects.filter(municipality=municipality,
                                          memberships__role=Role.TEAM_LEADER)
              .order_by("pk").first())
    if keeper is None:
        return 0
    today = timezone.localdate()
    count = 0
    for name, about, role, offers in ENTRIES:
        entry = services.save_organisation(
            MapOrganisation(name=name, description=about, phone="010-0000000",
                            email="info@voorbeeld.example", last_verified=today), by=keeper)
        services.save_contact(ContactPerson(provider=entry, name=f"{role} (fictief)",
                                            role=role), by=keeper)
        for kind, title, needs, groups, when, cost in offers:
            services.save_offer(Offer(provider=entry, kind=kind, title=title, needs=needs,
                                      target_groups=groups, schedule=when, cost=cost,
                                      location="Voorbeeldstraat 1", last_verified=today),
                                by=keeper)
            count += 1
    import_profiles(DISTRICT_CSV, source="demo (fictional figures)")
    return count
