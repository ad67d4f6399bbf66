"""The request to the warden (templates/drafts/warden_request.html, intake/warden_letter.py):
one voice, the street address of the facility or the RRM office, and what has changed since
sentencing. Real PDFs read back as text."""

from __future__ import annotations

import json
import subprocess
from datetime import date

from eligibility import courts
from eligibility.facts import FORMAT, loads
from intake import readme
from intake.drafts import rendering

AS_OF = date(2026, 11, 29)

PERSON = {
    "name": "Robert Example",
    "register_number": "12345-678",
    "date_of_birth": "1955-05-05",
    "facility": "BUT",
    "unit": "B-2",
}
SENTENCE = {
    "district": "nysd",
    "case_number": "1:12-cr-00123-ABC",
    "imposed_on": "2013-05-01",
    "term_months": 240,
    "custody_began": "2012-03-15",
}


def letter(preparer_role: str | None = None, **parts) -> str:
    data = {
        "format": FORMAT,
        "person": PERSON,
        "custody": {"sentencing_court": "federal_district", "status": "bop_facility"},
        "sentence": SENTENCE,
        "grounds": [{"category": "medical_terminal", "facts": "Stage IV cancer."}],
        **parts,
    }
    pdf = rendering.render(
        loads(json.dumps(data)), "warden-request", as_of=AS_OF, preparer_role=preparer_role
    )
    text = subprocess.run(
        ["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    return " ".join(text.split())


def test_a_person_writing_for_himself_speaks_only_for_himself():
    text = letter(preparer={"name": "Robert  example", "relationship": "self", "contact": "x"})
    assert "on behalf of" not in text.lower()
    assert "Co-signature" not in text
    assert "join this request" not in text
    assert "I ask that the Bureau of Prisons file a motion in the sentencing court" in text
    assert "Respectfully, ____" in text
    assert "Sincerely" not in text


def test_the_interviews_answer_of_who_prepared_it_decides_the_voice():
    # He typed his name as he goes by it; the interview says he prepared it himself.
    bob = {"name": "Bob Example", "relationship": "self", "contact": "x"}
    text = letter(preparer_role="self", preparer=bob)
    assert "on behalf of" not in text.lower()
    assert "Respectfully, ____" in text
    assert "Sincerely" not in text


def test_a_family_letter_is_in_the_family_members_voice_alone():
    text = letter(preparer={"name": "Maria Example", "relationship": "sister", "contact": "555"})
    assert "My name is Maria Example. I am Robert Example's sister." in text
    assert "Sincerely, ____" in text
    assert "Maria Example, sister of Robert Example" in text
    # The suggestion that the person also sign is on the family's sheet, not in the letter.
    assert "Co-signature" not in text
    assert "join this request" not in text
    assert "Respectfully" not in text


def test_the_letter_goes_to_the_wardens_street_address():
    text = letter()
    assert "To: Warden FCI Butner Medium I Old NC Hwy 75 Butner, NC 27509" in text
    assert "Dear Warden:" in text


def test_a_halfway_house_request_goes_to_the_rrm_office_at_its_address():
    text = letter(
        person={**PERSON, "facility": "CAT"},
        custody={"sentencing_court": "federal_district", "status": "rrc"},
    )
    assert "To: Residential Reentry Manager RRM Atlanta" in text
    assert "719 mcdonough blvd" in text.lower()
    assert "Dear Residential Reentry Manager:" in text


def test_an_unknown_rrm_office_is_a_blank_never_an_invented_one():
    text = letter(custody={"sentencing_court": "federal_district", "status": "home_confinement"})
    assert "To: Residential Reentry Manager ____" in text
    assert "RRM, " not in text
    assert "Old NC Hwy 75" not in text


def test_the_letter_says_what_changed_since_sentencing_from_the_answers():
    text = letter(grounds=[{"category": "age", "facts": "Two falls this year."}])
    section = text[text.index("could not have been foreseen at sentencing") :]
    assert "The court imposed my sentence on May 1, 2013. I was 57 years old then, and I am 71" in (
        section
    )
    assert "What has changed since then" not in section.split("Background")[0]


def test_with_nothing_to_go_on_the_change_is_a_visible_blank():
    text = letter()
    section = text[
        text.index("could not have been foreseen at sentencing") : text.index("Background")
    ]
    assert "The court imposed my sentence on May 1, 2013." in section
    assert (
        "What has changed since then, and why the court could not reasonably have foreseen it: ____"
        in (section)
    )


def test_every_current_prison_and_rrm_office_gets_a_street_address():
    for found in courts.facilities():
        if not found.current or found.kind not in ("institution", "reentry_office"):
            continue
        status = "rrc" if found.is_reentry_office else "bop_facility"
        facts = loads(
            json.dumps(
                {
                    "format": FORMAT,
                    "person": {"facility": found.code},
                    "custody": {"status": status},
                }
            )
        )
        recipient = readme.warden_recipient(facts)
        assert recipient.place == found.display_name, found.code
        assert len(recipient.lines) >= 2, found.code
        assert "RRM, " not in " ".join(recipient.lines), found.code
