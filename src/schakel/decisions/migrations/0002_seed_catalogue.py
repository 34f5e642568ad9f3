"""A small synthetic catalogue (voorzieningenboek) shared by every municipality.

Names, codes and tariffs are invented for demonstration; a municipality
replaces them with its own contracted products.
"""

from decimal import Decimal

from django.db import migrations

PROVIDERS = [
    ("prov-jeugdzorg-zuid", "Jeugdzorg Zuid (fictief)"),
    ("prov-ggz-rivier", "GGZ De Rivier (fictief)"),
    ("prov-thuishulp", "Thuishulp Samen (fictief)"),
    ("prov-dagbesteding", "Dagbesteding De Werkplaats (fictief)"),
]

PRODUCTS = [
    ("J-OPV-01", "Ambulante opvoedhulp", "youth", "youth_parenting", "hour", "78.50",
     "Hulp thuis bij opvoedvragen, 1 tot 3 uur per week. Eerst inzetten: team zelf of "
     "opvoedcursus; dit product alleen bij meervoudige of langdurige problemen.",
     ["prov-jeugdzorg-zuid"]),
    ("J-BEP-01", "Dagbehandeling jeugd met een beperking", "youth", "youth_disability", "day",
     "142.00", "Dagdelen behandeling voor kinderen met een verstandelijke beperking. "
     "Vraag advies van de gedragswetenschapper.", ["prov-jeugdzorg-zuid"]),
    ("J-GGZ-01", "Jeugd-GGZ behandeling", "youth", "youth_mental_health", "hour", "112.00",
     "Diagnostiek en behandeling bij psychische problemen. De huisarts kan ook verwijzen; "
     "dan geen beschikking van het team nodig.", ["prov-ggz-rivier"]),
    ("J-JB-01", "Jeugdbescherming (OTS-begeleiding)", "youth", "youth_protection", "month",
     "1450.00", "Alleen na besluit van het Jeugdbeschermingsplein of de rechter.", []),
    ("J-PGB-01", "Persoonsgebonden budget jeugd", "youth", "youth_pgb", "month", "600.00",
     "Budget waarmee ouders zelf hulp inkopen. Toets het budgetplan en de vaardigheden.", []),
    ("W-HH-01", "Hulp bij het huishouden", "wmo", "wmo_household", "hour", "31.20",
     "Schoon en leefbaar huis. Eerst: eigen netwerk en algemene voorzieningen.",
     ["prov-thuishulp"]),
    ("W-BG-01", "Individuele begeleiding", "wmo", "wmo_support", "hour", "64.00",
     "Begeleiding bij dagstructuur, administratie en zelfredzaamheid.", ["prov-thuishulp"]),
    ("W-DB-01", "Dagbesteding", "wmo", "wmo_support", "day", "58.00",
     "Dagdelen zinvolle dagbesteding; vervoer apart aanvragen.", ["prov-dagbesteding"]),
    ("W-HM-01", "Woningaanpassing en hulpmiddelen", "wmo", "wmo_aids", "piece", "2500.00",
     "Traplift, drempelhulp, scootmobiel. Vraag een ergotherapeut om advies.", []),
    ("W-BW-01", "Beschermd wonen", "wmo", "wmo_shelter", "month", "3900.00",
     "Wonen met toezicht voor mensen met psychische problemen; via de centrumgemeente.", []),
    ("W-PGB-01", "Persoonsgebonden budget Wmo", "wmo", "wmo_pgb", "month", "450.00",
     "Budget waarmee de inwoner zelf ondersteuning inkoopt.", []),
]


def seed(apps, schema_editor=None):
    """Create the shipped catalogue; safe to run again (tests that flush reload it)."""
    provider_model = apps.get_model("decisions", "Provider")
    product_model = apps.get_model("decisions", "Product")
    providers = {code: provider_model.objects.get_or_create(
                     code=code, municipality=None, defaults={"name": name})[0]
                 for code, name in PROVIDERS}
    for code, name, law, category, unit, tariff, explanation, offered in PRODUCTS:
        product, created = product_model.objects.get_or_create(
            code=code, municipality=None, defaults=dict(
                name=name, law=law, category=category, unit=unit,
                tariff=Decimal(tariff), explanation=explanation))
        if created:
            product.providers.set([providers[c] for c in offered])


def unseed(apps, schema_editor):
    apps.get_model("decisions", "Product").objects.filter(
        code__in=[p[0] for p in PRODUCTS], municipality__isnull=True).delete()
    apps.get_model("decisions", "Provider").objects.filter(
        code__in=[p[0] for p in PROVIDERS], municipality__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("decisions", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
