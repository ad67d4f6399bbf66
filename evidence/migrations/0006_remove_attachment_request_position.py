from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("evidence", "0005_attachment_request_from_position"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="attachment",
            name="attachment_request_only_for_requests",
        ),
        migrations.RemoveField(
            model_name="attachment",
            name="request_position",
        ),
        migrations.AddConstraint(
            model_name="attachment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(
                        ("supports", "request"), models.Q(("request_role", ""), _negated=True)
                    ),
                    models.Q(
                        models.Q(("supports", "request"), _negated=True),
                        ("request__isnull", True),
                        ("request_role", ""),
                    ),
                    _connector="OR",
                ),
                name="attachment_request_only_for_requests",
            ),
        ),
    ]
