import uuid

from django.db import migrations, models


def fill_uuids(apps, schema_editor):
    Requirement = apps.get_model("catalog", "Requirement")
    for requirement in Requirement.objects.only("pk").iterator():
        Requirement.objects.filter(pk=requirement.pk).update(uuid=uuid.uuid4())


class Migration(migrations.Migration):
    dependencies = [("catalog", "0005_live_flag")]

    operations = [
        migrations.AddField(model_name="requirement", name="uuid", field=models.UUIDField(null=True, editable=False)),
        migrations.RunPython(fill_uuids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="requirement",
            name="uuid",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
