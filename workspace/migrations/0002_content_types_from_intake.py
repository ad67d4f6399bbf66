"""The content types of the workspace's models follow them from `intake` to `workspace`, so the
permissions given on them and the admin's history of their rows stay theirs (the rows of
django_content_type are renamed; no table of the workspace is touched)."""

from django.db import migrations

MODELS = [
    "organisation",
    "membership",
    "invitation",
    "caseshare",
    "note",
    "changerequest",
    "auditevent",
    "answerchange",
]


def _move(apps, schema_editor, source: str, target: str) -> None:
    content_types = apps.get_model("contenttypes", "ContentType").objects.using(
        schema_editor.connection.alias
    )
    for model in MODELS:
        if not content_types.filter(app_label=target, model=model).exists():
            content_types.filter(app_label=source, model=model).update(app_label=target)


def forwards(apps, schema_editor):
    _move(apps, schema_editor, "intake", "workspace")


def backwards(apps, schema_editor):
    _move(apps, schema_editor, "workspace", "intake")


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("workspace", "0001_workspace_models_from_intake"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
