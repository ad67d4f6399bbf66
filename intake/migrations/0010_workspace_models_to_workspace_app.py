"""The workspace's models now belong to the `workspace` app (its migration 0001): they leave
intake's state only. Their tables keep their names and their rows; no SQL runs."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('intake', '0009_case_next_deadline'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name='auditevent',
                    name='actor',
                ),
                migrations.RemoveField(
                    model_name='auditevent',
                    name='share',
                ),
                migrations.RemoveField(
                    model_name='caseshare',
                    name='assigned_to',
                ),
                migrations.RemoveField(
                    model_name='caseshare',
                    name='case',
                ),
                migrations.RemoveField(
                    model_name='caseshare',
                    name='organisation',
                ),
                migrations.RemoveField(
                    model_name='caseshare',
                    name='shared_by',
                ),
                migrations.RemoveField(
                    model_name='changerequest',
                    name='share',
                ),
                migrations.RemoveField(
                    model_name='note',
                    name='share',
                ),
                migrations.RemoveField(
                    model_name='changerequest',
                    name='author',
                ),
                migrations.RemoveField(
                    model_name='invitation',
                    name='accepted_by',
                ),
                migrations.RemoveField(
                    model_name='invitation',
                    name='invited_by',
                ),
                migrations.RemoveField(
                    model_name='invitation',
                    name='organisation',
                ),
                migrations.RemoveField(
                    model_name='membership',
                    name='organisation',
                ),
                migrations.RemoveField(
                    model_name='membership',
                    name='user',
                ),
                migrations.RemoveField(
                    model_name='note',
                    name='author',
                ),
                migrations.DeleteModel(
                    name='AnswerChange',
                ),
                migrations.DeleteModel(
                    name='AuditEvent',
                ),
                migrations.DeleteModel(
                    name='CaseShare',
                ),
                migrations.DeleteModel(
                    name='ChangeRequest',
                ),
                migrations.DeleteModel(
                    name='Invitation',
                ),
                migrations.DeleteModel(
                    name='Organisation',
                ),
                migrations.DeleteModel(
                    name='Membership',
                ),
                migrations.DeleteModel(
                    name='Note',
                ),
            ],
        ),
    ]
