"""Load the shipped instruments (ZRM 2017, broad needs analysis) from instruments/*.json."""

from types import SimpleNamespace

from django.db import migrations

MODELS = ("Instrument", "InstrumentVersion", "Scale", "ScaleLevel", "Domain", "Question")


def load(apps, schema_editor):
    from schakel.assessment.definitions import install_shipped

    install_shipped(SimpleNamespace(**{m: apps.get_model("assessment", m) for m in MODELS}))


def unload(apps, schema_editor):
    """Remove the shipped versions no measurement uses.

    Plain deletes per table, children first: the ORM's cascade collector
    trips over historical models of two apps here.
    """
    get = lambda name: apps.get_model("assessment", name)  # noqa: E731
    versions = list(get("InstrumentVersion").objects.filter(
        municipality__isnull=True, measurements__isnull=True).values_list("pk", flat=True))
    scales = list(get("Scale").objects.filter(version__in=versions).values_list("pk", flat=True))
    domains = list(get("Domain").objects.filter(version__in=versions).values_list("pk", flat=True))
    steps = [("Question", "domain_id", domains), ("Domain", "id", domains),
             ("ScaleLevel", "scale_id", scales), ("Scale", "id", scales),
             ("InstrumentVersion", "id", versions)]
    with schema_editor.connection.cursor() as cursor:
        for model, column, ids in steps:
            if ids:
                table = schema_editor.quote_name(get(model)._meta.db_table)
                marks = ", ".join(["%s"] * len(ids))
                cursor.execute(f"DELETE FROM {table} WHERE {column} IN ({marks})", ids)
    instruments = get("Instrument").objects.filter(municipality__isnull=True,
                                                   versions__isnull=True)
    with schema_editor.connection.cursor() as cursor:
        ids = list(instruments.values_list("pk", flat=True))
        if ids:
            table = schema_editor.quote_name(get("Instrument")._meta.db_table)
            cursor.execute(f"DELETE FROM {table} WHERE id IN ({', '.join(['%s'] * len(ids))})",
                           ids)


class Migration(migrations.Migration):
    dependencies = [("assessment", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
