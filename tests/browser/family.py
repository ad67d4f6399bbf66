"""A family's account with a case in every state a family page shows, made straight in the
database (much faster than filling the interview in), and the addresses of those pages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from intake import workspace
from intake.models import NOT_SURE, Case
from intake.steps import STEPS
from tests import workspace_helpers as make
from tests.casebuilder import READY_ON
from tests.evidence_files import attach

PASSWORD = "a long pass phrase"
ORGANISATION = "Federal Defenders of New York"
MESSAGE = "Please add the date the warden's office stamped on the request."


@dataclass
class Family:
    user: object
    ready: Case  # finished, ready to file, shared, a change asked for, one document
    screened_out: Case  # sentenced by a state court
    unsure: Case  # "Not sure" about the court

    def case_pages(self) -> dict[str, str]:
        """The family pages of the account, by name, outside the interview's steps."""
        ready = f"/cases/{self.ready.id}"
        document = self.ready.attachments.first()
        return {
            "home": "/",
            "my cases": "/cases/",
            "results": f"{ready}/results/",
            "read me first": f"{ready}/read-me-first/",
            "timeline": f"{ready}/timeline/",
            "reply": f"{ready}/reply/",
            "the reply's read me first": f"{ready}/reply/read-me-first/",
            "saved": f"{ready}/saved/",
            "share": f"{ready}/share/",
            "documents": f"{ready}/documents/",
            "filing packet, being put together": f"{ready}/filing-packet.pdf",
            "remove a document": f"{ready}/documents/{document.id}/remove/",
            "delete the case": f"{ready}/delete/",
            "screened out": f"/cases/{self.screened_out.id}/not-eligible/",
            "results, screened out": f"/cases/{self.screened_out.id}/results/",
            "find out": f"/cases/{self.unsure.id}/how-to-find-out/",
            "share, no organization for the court": f"/cases/{self.unsure.id}/share/",
            "results, not sure": f"/cases/{self.unsure.id}/results/",
        }

    def step_pages(self) -> dict[str, str]:
        """Every step of the interview, in order, for the finished case."""
        return {step: f"/cases/{self.ready.id}/step/{step}/" for step in STEPS}


def family(*, password: str | None = None) -> Family:
    """Ana's account; her mother's case is shared with an organisation that asked for a change,
    and another organisation takes cases from her district, so the case can be shared again; no
    organisation takes every district, so a case whose court is not known gets the advice on
    where else to look."""
    org = make.organisation(ORGANISATION, all_districts=False, districts=["nysd"])
    make.organisation(
        "Legal Aid Society",
        description="Free help for families in New York City.",
        all_districts=False,
        districts=["nysd"],
        languages=["en", "es"],
        phone="(212) 555-0100",
        website="https://legal-aid.example.org",
        email="help@legal-aid.example.org",
    )
    advocate = make.advocate(org, "mo@example.org", "Mo Advocate")
    ana = make.user("ana@example.com", password=password)
    ready = make.ready_case(ana, person={"name": "Jane Q. Doe"})
    share = make.share(ready, org)
    workspace.request_changes(share=share, user=advocate.user, message=MESSAGE)
    attach(ready)
    ready.stages.create(kind="filed", on=READY_ON)
    ready.stages.create(
        kind="response",
        on=READY_ON + timedelta(days=20),
        objections={"danger": "I have had no write-ups in nine years."},
    )
    ready.stages.create(kind="decided", on=READY_ON + timedelta(days=40), outcome="denied")
    screened_out = make.case(
        ana, person={"name": "John Roe"}, custody={"sentencing_court": "state"}
    )
    unsure = make.case(ana, person={"name": "Mary Major"})
    unsure.sentencing_court = NOT_SURE
    unsure.save(update_fields=["sentencing_court"])
    return Family(user=ana, ready=ready, screened_out=screened_out, unsure=unsure)


CLEAR_THE_FORM = """() => {
  const fields = document.querySelectorAll('main form input, main form textarea, main form select');
  for (const el of fields) {
    if (['hidden', 'submit', 'button', 'file'].includes(el.type)) continue;
    if (el.type === 'radio' || el.type === 'checkbox') el.checked = false;
    else if (el.tagName === 'SELECT') el.selectedIndex = 0;
    else el.value = '';
  }
  // And a day that does not exist in the first date, if the step asks for one.
  const date = document.querySelector('main form .date-inputs');
  const parts = date ? date.querySelectorAll('input') : [];
  parts.forEach((el, i) => { el.value = ['2', '31', '2020'][i]; });
}"""
SAVE = {"en": "Save and continue", "es": "Guardar y continuar"}
# The steps that, with every answer taken out, send the family back with errors.
MUST_ANSWER = {
    "about_you",
    "screening",
    "person",
    "sentence",
    "grounds",
    "requests",
    "request_details",
}


def steps_sent_back_with_errors(page, family: Family, language: str) -> Iterator[str]:
    """Each step of the finished case saved with every answer taken out (and a date that
    does not exist): yields the name of each step that comes back with its errors shown."""
    for step, url in family.step_pages().items():
        if step == "review":
            continue
        page.goto(url)
        page.evaluate(CLEAR_THE_FORM)
        page.get_by_role("button", name=SAVE[language]).click()
        page.wait_for_load_state()
        if page.locator(".error-summary").count():
            yield step
