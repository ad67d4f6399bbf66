"""The workspace's models, moved from `intake` (its migration 0010), on the tables they have
always had (`db_table`): this creates them in the migration state only. No SQL runs, so every
row stays where it was."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("intake", "0010_workspace_models_to_workspace_app"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="Organisation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("name", models.CharField(max_length=200, unique=True)),
                        (
                            "description",
                            models.CharField(
                                blank=True,
                                help_text="One line families see, such as where it works.",
                                max_length=300,
                            ),
                        ),
                        (
                            "listed",
                            models.BooleanField(
                                default=True,
                                help_text="Families can choose it when they share a case.",
                            ),
                        ),
                        (
                            "all_districts",
                            models.BooleanField(
                                default=True,
                                help_text="It takes cases from every federal district.",
                            ),
                        ),
                        (
                            "districts",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="The ids of the districts it takes cases from.",
                            ),
                        ),
                        (
                            "languages",
                            models.JSONField(
                                blank=True,
                                default=list,
                                help_text="The codes of the languages it works in.",
                            ),
                        ),
                        ("phone", models.CharField(blank=True, max_length=40)),
                        (
                            "website",
                            models.URLField(
                                blank=True,
                                validators=[
                                    django.core.validators.URLValidator(schemes=["http", "https"])
                                ],
                            ),
                        ),
                        ("email", models.EmailField(blank=True, max_length=254)),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        "verbose_name": "organization",
                        "db_table": "intake_organisation",
                        "ordering": ["name"],
                    },
                ),
                migrations.CreateModel(
                    name="CaseShare",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "origin",
                            models.CharField(
                                choices=[
                                    ("family", "Shared by the family"),
                                    ("started", "Started by an advocate"),
                                    ("imported", "Imported from a case file"),
                                ],
                                default="family",
                                max_length=16,
                            ),
                        ),
                        ("active", models.BooleanField(default=True)),
                        ("shared_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("stopped_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("new", "New"),
                                    ("in_review", "In review"),
                                    ("changes_requested", "Changes requested"),
                                    ("warden_request_sent", "Warden request sent"),
                                    ("ready_to_file", "Ready to file"),
                                    ("filed", "Filed"),
                                    ("granted", "Granted"),
                                    ("denied", "Denied"),
                                    ("withdrawn", "Withdrawn"),
                                ],
                                default="new",
                                max_length=32,
                            ),
                        ),
                        (
                            "case",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="shares",
                                to="intake.case",
                            ),
                        ),
                        (
                            "shared_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intake_caseshare",
                        "ordering": ["-shared_at"],
                    },
                ),
                migrations.CreateModel(
                    name="AuditEvent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("actor_name", models.CharField(max_length=200)),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("viewed", "Viewed the case"),
                                    ("downloaded", "Downloaded a draft"),
                                    ("exported", "Exported the case file"),
                                    ("changed", "Changed answers"),
                                    ("started", "Started the case"),
                                    ("imported", "Imported the case from a file"),
                                    ("shared", "Shared the case"),
                                    ("unshared", "Stopped sharing the case"),
                                    ("status", "Changed the status"),
                                    ("assigned", "Changed who it is assigned to"),
                                    ("note", "Added a note"),
                                    ("changes_requested", "Asked the family for changes"),
                                    ("changes_done", "Marked the changes as made"),
                                ],
                                max_length=32,
                            ),
                        ),
                        ("detail", models.CharField(blank=True, max_length=300)),
                        (
                            "at",
                            models.DateTimeField(db_index=True, default=django.utils.timezone.now),
                        ),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "share",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="audit_events",
                                to="workspace.caseshare",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intake_auditevent",
                        "ordering": ["-at", "-id"],
                    },
                ),
                migrations.CreateModel(
                    name="AnswerChange",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("changed_by_name", models.CharField(max_length=200)),
                        ("step", models.CharField(max_length=32)),
                        ("field", models.CharField(max_length=500)),
                        ("old", models.TextField(blank=True)),
                        ("new", models.TextField(blank=True)),
                        ("at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "changed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "share",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="answer_changes",
                                to="workspace.caseshare",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intake_answerchange",
                        "ordering": ["-at", "-id"],
                    },
                ),
                migrations.CreateModel(
                    name="ChangeRequest",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("author_name", models.CharField(max_length=200)),
                        ("message", models.TextField()),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("resolved_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "author",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "share",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="change_requests",
                                to="workspace.caseshare",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intake_changerequest",
                        "ordering": ["-created_at", "-id"],
                    },
                ),
                migrations.CreateModel(
                    name="Membership",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(help_text="The name colleagues see.", max_length=200),
                        ),
                        (
                            "role",
                            models.CharField(
                                choices=[("advocate", "Advocate"), ("admin", "Organization admin")],
                                default="advocate",
                                max_length=16,
                            ),
                        ),
                        ("joined_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="membership",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="members",
                                to="workspace.organisation",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intake_membership",
                        "ordering": ["name"],
                    },
                ),
                migrations.AddField(
                    model_name="caseshare",
                    name="assigned_to",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="assigned_shares",
                        to="workspace.membership",
                    ),
                ),
                migrations.CreateModel(
                    name="Note",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("author_name", models.CharField(max_length=200)),
                        ("text", models.TextField()),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        (
                            "author",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "share",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="notes",
                                to="workspace.caseshare",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intake_note",
                        "ordering": ["-created_at", "-id"],
                    },
                ),
                migrations.CreateModel(
                    name="Invitation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("email", models.EmailField(max_length=254)),
                        (
                            "role",
                            models.CharField(
                                choices=[("advocate", "Advocate"), ("admin", "Organization admin")],
                                default="advocate",
                                max_length=16,
                            ),
                        ),
                        (
                            "token_hash",
                            models.CharField(editable=False, max_length=64, unique=True),
                        ),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now)),
                        ("accepted_at", models.DateTimeField(blank=True, null=True)),
                        ("withdrawn_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "accepted_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "invited_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="invitations",
                                to="workspace.organisation",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "intake_invitation",
                        "ordering": ["-created_at"],
                    },
                ),
                migrations.AddField(
                    model_name="caseshare",
                    name="organisation",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="shares",
                        to="workspace.organisation",
                    ),
                ),
                migrations.AddIndex(
                    model_name="caseshare",
                    index=models.Index(
                        fields=["organisation", "active", "status"],
                        name="intake_case_organis_67fce0_idx",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="caseshare",
                    constraint=models.UniqueConstraint(
                        fields=("case", "organisation"), name="one_share_per_org"
                    ),
                ),
            ],
        ),
    ]
