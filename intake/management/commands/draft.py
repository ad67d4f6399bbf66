"""`python manage.py draft CASE.json --out DIR [--as-of YYYY-MM-DD]`: the drafts as PDFs.

Writes DIR/warden-request.pdf and DIR/motion.pdf, and DIR/seal-motion.pdf when the case relies
on medical records (docs/case-format.md). Exit 0 for any well-formed case; for a case this law
does not apply to, nothing is written and stderr says why. Exit 2 with one line on stderr for a
file that cannot be read. Never a traceback.
"""

import logging
import sys
from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from eligibility.facts import CaseFileError, as_of_for, load_file
from eligibility.rules import screen, summary
from eligibility.words import long_date


class Command(BaseCommand):
    help = "Render the request to the warden and the motion for a case file (JSON v1) as PDFs."
    # The command reads a file and writes PDFs; it touches no model, so an unrelated model
    # check must not stop it.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("case_file", help="path to the case file (JSON v1)")
        parser.add_argument("--out", required=True, help="directory to write the PDFs into")
        parser.add_argument("--as-of", dest="as_of", help="the day to draft for, YYYY-MM-DD")

    def handle(self, *args, case_file, out, as_of=None, **options):
        try:
            facts = load_file(case_file)
            day = as_of_for(facts, as_of, timezone.localdate())
        except CaseFileError as exc:
            self.stderr.write(f"{case_file}: {exc}")
            sys.exit(2)

        screening = screen(facts, day)
        if screening.verdict == "not_eligible":
            reasons = [f.message for f in screening.by_rule("federal_only") if f.status == "fail"]
            self.stderr.write(f"No documents written: {' '.join(reasons)}")
            return

        # WeasyPrint reports every rendering step at INFO, from the moment it is imported, which
        # would bury the result on a terminal: quieten it, then import it.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
        from intake import drafts

        folder = Path(out)
        for document in drafts.documents(facts):
            path = folder / f"{document}.pdf"
            try:
                pdf = drafts.render(facts, document, as_of=day, screening=screening)
                folder.mkdir(parents=True, exist_ok=True)
                path.write_bytes(pdf)
            except (drafts.DraftError, OSError) as exc:
                self.stderr.write(f"{path}: {exc}")
                sys.exit(1)
            self.stdout.write(str(path))

        self.stdout.write(f"Screening: {summary(screening).headline}.")
        earliest = screening.earliest_filing_date
        if earliest and earliest > day:
            self.stdout.write(f"- Do not sign or mail the motion before {long_date(earliest)}.")
        for reminder in drafts.FILING_REMINDERS:
            self.stdout.write(f"- {reminder}")
