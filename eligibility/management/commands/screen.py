"""`python manage.py screen CASE.json [--as-of YYYY-MM-DD]`: the screening as JSON.

Exit 0 for any well-formed case, whatever its verdict; exit 2 with one line on stderr for a
file that cannot be read (docs/case-format.md). Never a traceback. Always in English: the
output is a machine interface, whatever language is active.
"""

import json
import sys

from django.core.management.base import BaseCommand
from django.utils import timezone, translation

from eligibility.facts import CaseFileError, as_of_for, load_file
from eligibility.rules import screen


class Command(BaseCommand):
    # Reads a file and prints the rules' answer: needs no database, no key, no site settings.
    requires_system_checks = []
    help = "Screen a case file (JSON v1) and print the findings and verdict as JSON."

    def add_arguments(self, parser):
        parser.add_argument("case_file", help="path to the case file (JSON v1)")
        parser.add_argument("--as-of", dest="as_of", help="the day to screen for, YYYY-MM-DD")

    def handle(self, *args, case_file, as_of=None, **options):
        try:
            facts = load_file(case_file)
            day = as_of_for(facts, as_of, timezone.localdate())
        except CaseFileError as exc:
            self.stderr.write(f"{case_file}: {exc}")
            sys.exit(2)
        with translation.override("en"):
            result = screen(facts, day).to_json()
        self.stdout.write(json.dumps(result, indent=2, ensure_ascii=False))
