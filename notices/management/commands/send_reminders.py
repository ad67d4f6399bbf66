from django.core.management.base import BaseCommand

from intake import clock
from notices.reminders import send_due


class Command(BaseCommand):
    help = "Email the reminders due today (each one once, however often this runs)."

    def handle(self, *args, **options):
        sent = send_due(clock.today())
        self.stdout.write(f"{sent} reminder(s) sent.")
