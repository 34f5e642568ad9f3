"""External ids for sensitive flags and consents, so the exchange format can carry them.

Existing rows get a uuid-based id each (a single default would collide on the
unique index), then the column becomes unique and required.
"""

import uuid

from django.db import migrations, models

import schakel.privacy.models.bases
import schakel.privacy.models.flags


def fill_external_ids(apps, schema_editor):
    for model_name, prefix in (("SensitiveFlag", "flag"), ("Consent", "consent")):
        model = apps.get_model("privacy", model_name)
        rows = list(model.objects.filter(external_id__isnull=True).only("pk"))
        for row in rows:
            row.external_id = f"{prefix}-{uuid.uuid4().hex}"
        model.objects.bulk_update(rows, ["external_id"], batch_size=1000)


class Migration(migrations.Migration):

    dependencies = [
        ("privacy", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="consent",
            name="external_id",
            field=models.CharField(editable=False, max_length=80, null=True),
        ),
        migrations.AddField(
            model_name="sensitiveflag",
            name="external_id",
            field=models.CharField(editable=False, max_length=80, null=True),
        ),
        migrations.RunPython(fill_external_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="consent",
            name="external_id",
            field=models.CharField(
                default=schakel.privacy.models.bases.new_consent_id, editable=False,
                max_length=80, unique=True,
            ),
        ),
        migrations.AlterField(
            model_name="sensitiveflag",
            name="external_id",
            field=models.CharField(
                default=schakel.privacy.models.flags.new_flag_id, editable=False,
                max_length=80, unique=True,
            ),
        ),
    ]
