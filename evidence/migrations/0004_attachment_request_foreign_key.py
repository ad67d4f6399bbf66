import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("evidence", "0003_attachment_pages"),
        ("intake", "0008_case_version_for_stale_forms"),
    ]

    operations = [
        migrations.AddField(
            model_name="attachment",
            name="request",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="attachments",
                to="intake.wardenrequest",
            ),
        ),
    ]
