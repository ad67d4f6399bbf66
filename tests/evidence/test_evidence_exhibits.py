"""The motion's exhibits from the uploads (intake.drafts with `exhibits`): Exhibit A is the
request with its proof, then the evidence in a stable order, each cited where it is used."""

from __future__ import annotations

import json
import subprocess

import pytest

from eligibility.facts import loads
from eligibility.rules import screen
from intake.drafts import caching, lettering, offering, rendering
from tests.evidence.test_evidence_packet import AS_OF, CASE, EVIDENCE


def text_of(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(done.stdout.decode().split())


def between(text: str, start: str, end: str) -> str:
    begin = text.index(start)
    return text[begin : text.index(end, begin)]


def facts_of(case: dict):
    return loads(json.dumps(case))


@pytest.fixture(scope="module")
def facts():
    return facts_of(CASE)


@pytest.fixture(scope="module")
def motion(facts) -> str:
    return text_of(rendering.render(facts, "motion", as_of=AS_OF, exhibits=EVIDENCE))


def test_exhibit_a_is_the_request_and_the_uploads_follow_in_order(motion):
    exhibits = between(motion, "VIII. EXHIBITS", "DECLARATION")
    assert exhibits.index("Exhibit A: Request to the Warden sent August 21, 2026") < exhibits.index(
        "Exhibit B: Oncology records (to be filed under seal)"
    )
    assert "Exhibit C: Photo of the doctor's letter from Dr. Lee (to be filed under seal)" in (
        exhibits
    )
    assert (
        "Exhibit D: Evidence of Incapacitation of the Defendant's Parent "
        "(to be filed under seal), as marked"
    ) in exhibits
    assert "Exhibit E: Letter from Pastor Green" in exhibits
    assert "Letters of support" not in exhibits


def test_each_section_cites_its_own_exhibits(motion):
    reasons = between(motion, "III. EXTRAORDINARY", "IV. I AM NOT")
    terminal = between(reasons, "1. Terminal Illness", "2. Incapacitation")
    assert "See Exhibits B and C, which I ask to file under seal." in terminal
    # A parent's records are private too (Fed. R. Crim. P. 49.1): offered for sealing.
    assert "My mother is 91 and bedridden. See Exhibit D, which I ask to file under seal." in (
        reasons
    )
    danger = between(motion, "IV. I AM NOT", "V. RELEASE PLAN")
    assert "See Exhibit E." in danger
    assert "(Exhibit A.)" in between(motion, "II. EXHAUSTION", "III. EXTRAORDINARY")


def test_a_release_plan_upload_is_cited_in_the_release_plan():
    plan = lettering.Evidence("host", "Letter from my sister, who will house me", "release_plan")
    text = text_of(rendering.render(facts_of(CASE), "motion", as_of=AS_OF, exhibits=(plan,)))
    exhibits = between(text, "VIII. EXHIBITS", "DECLARATION")
    assert "Exhibit D: Letter from my sister, who will house me" in exhibits
    assert "Exhibit E: Letters of support" in exhibits
    assert "See Exhibit D." in between(text, "V. RELEASE PLAN", "VI. RELIEF")


def test_without_uploads_the_motion_is_as_the_draft_command_makes_it(facts):
    without = rendering.render(facts, "motion", as_of=AS_OF)
    empty = rendering.render(facts, "motion", as_of=AS_OF, exhibits=())
    assert text_of(without) == text_of(empty)
    assert "Exhibit B: Evidence of Terminal Illness (to be filed under seal), as marked" in (
        text_of(without)
    )


def test_an_upload_for_something_the_motion_does_not_raise_is_left_out(facts):
    screening = screen(facts, AS_OF)
    stray = (
        lettering.Evidence("x", "Old request", "request", request=5, role="proof_of_receipt"),
        lettering.Evidence(
            "y", "About the long sentence", "ground", ground="unusually_long_sentence"
        ),
    )
    listed = lettering.exhibit_list(facts, screening, stray)
    assert [e.description for e in listed if e.files] == []
    assert lettering.exhibit_list(facts, screening, stray) == lettering.exhibit_list(
        facts, screening
    )


def test_the_seal_motion_lists_the_sealed_uploads(facts):
    text = text_of(rendering.render(facts, "seal-motion", as_of=AS_OF, exhibits=EVIDENCE))
    assert "Exhibit B: Oncology records" in text
    assert "Exhibit C: Photo of the doctor's letter from Dr. Lee" in text
    assert "Pastor Green" not in text


def test_a_family_grounds_records_are_sealed_but_not_its_letters_of_support():
    parent_only = {
        **CASE,
        "grounds": [CASE["grounds"][1]],
        "warden_requests": [
            {**CASE["warden_requests"][0], "grounds": [{"category": "family_parent"}]}
        ],
    }
    facts = facts_of(parent_only)
    screening = screen(facts, AS_OF)
    records = lettering.Evidence("r", "Mother's hospital file", "ground", ground="family_parent")
    letter = lettering.Evidence(
        "l", "Letter from my brother", "ground", ground="family_parent", kind="support_letter"
    )
    uploads = (records, letter)
    assert offering.documents(facts, screening, uploads) == (
        "warden-request",
        "motion",
        "seal-motion",
    )
    listed = lettering.exhibit_list(facts, screening, uploads)
    assert [(e.description, e.sealed) for e in listed[1:3]] == [
        ("Mother's hospital file", True),
        ("Letter from my brother", False),
    ]
    text = text_of(rendering.render(facts, "seal-motion", as_of=AS_OF, exhibits=uploads))
    assert "Exhibit B: Mother's hospital file" in text
    assert "Letter from my brother" not in text
    assert "records about members of my family" in text


def test_the_cache_key_changes_with_the_uploads(facts):
    key = caching.cache_key(facts, "motion", AS_OF)
    assert key == caching.cache_key(facts, "motion", AS_OF, ())
    assert key != caching.cache_key(facts, "motion", AS_OF, EVIDENCE)
    renamed = (lettering.Evidence(**{**EVIDENCE[0].__dict__, "description": "Another"}),)
    assert caching.cache_key(facts, "motion", AS_OF, EVIDENCE[:1]) != caching.cache_key(
        facts, "motion", AS_OF, renamed
    )
