from django.db import migrations


class Migration(migrations.Migration):
    """AddressCheck now belongs to accounts (accounts/migrations/0001_address_check.py), which
    keeps its table: notices forgets the model without dropping anything."""

    dependencies = [
        ("notices", "0001_email_links_and_reminders"),
        ("accounts", "0001_address_check"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AddressCheck")],
            database_operations=[],
        ),
    ]
