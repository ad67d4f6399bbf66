"""`python manage.py draft CASE.json --out DIR [--as-of YYYY-MM-DD]`: the drafts as PDFs.

Writes the papers the screening allows (docs/case-format.md `draft`): DIR/warden-request.pdf,
DIR/motion.pdf and/or DIR/motion-now.pdf, each motion's seal motion beside it when it has
exhibits to seal, the family member's declaration, and DIR/read-me-first.pdf, the family's
sheet with every instruction. With no motion, one line on stderr
says why (the screening's words); with nothing at all (a case this law does not apply to),
nothing is written and stderr says why. Exit 0 for any well-formed case; exit 2 with one line on
stderr for a file that cannot be read. Never a traceback.
"""

import json
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
        role = _preparer_role(case_file)

        # WeasyPrint reports every rendering step at INFO, from the moment it is imported, which
        # would bury the result on a terminal: quieten it, then import it.
        logging.getLogger("weasyprint.progress").setLevel(logging.WARNING)
        from intake.drafts import offering, rendering

        offered = offering.documents(facts, screening, preparer_role=role)
        if not offered:
            reasons = [f.message for f in screening.by_rule("federal_only") if f.status == "fail"]
            why = " ".join(reasons) or screening.no_motion_reason or summary(screening).headline
            self.stderr.write(f"No documents written: {why}")
            return
        if not screening.motion_documents:
            self.stderr.write(f"No motion written: {screening.no_motion_reason}")

        folder = Path(out)
        for document in (*offered, "read-me-first"):
            path = folder / f"{document}.pdf"
            try:
                pdf = rendering.render(
                    facts, document, as_of=day, screening=screening, preparer_role=role
                )
                folder.mkdir(parents=True, exist_ok=True)
                path.write_bytes(pdf)
            except (rendering.DraftError, OSError) as exc:
                self.stderr.write(f"{path}: {exc}")
                sys.exit(1)
            self.stdout.write(str(path))

        self.stdout.write(f"Screening: {summary(screening).headline}.")
        for document in screening.motion_documents:
            when = screening.filing_date_for(document)
            if when and when > day:
                paper = "the motion" if document == "motion" else f"{document}.pdf"
                self.stdout.write(f"- Do not sign or mail {paper} before {long_date(when)}.")
        for reminder in offering.FILING_REMINDERS:
            self.stdout.write(f"- {reminder}")


def _preparer_role(case_file: str) -> str | None:
    """The interview's "who is filling this in" answer, when the file carries it (an export
    from the site does, under "interview"); None otherwise."""
    try:
        with open(case_file, encoding="utf-8") as f:
            interview = json.load(f).get("interview")
    except (OSError, ValueError, AttributeError):
        return None
    role = interview.get("preparer_role") if isinstance(interview, dict) else None
    return role if role in ("self", "family", "advocate") else None
