"""The "interview" section of an exported case file: what the case file v1 has no place for
(intake/casefiles.py). A family's download holds every answer; an advocate's import reads the
section back; a bad section is refused with the field named, like the rest of the file."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eligibility.facts import loads
from intake import casefiles
from intake.models import Case, CaseGround
from tests import casebuilder
from tests import workspace_helpers as make
from tests.evidence_files import attach

pytestmark = pytest.mark.django_db
IMPORT = reverse("advocate_import")
PAPERS = ["BOP medical records", "A doctor's letter about the prognosis"]


def upload(data: dict) -> SimpleUploadedFile:
    return SimpleUploadedFile("case.json", json.dumps(data).encode(), "application/json")


@pytest.fixture
def case(ana):
    """A family's case with an answer on every question v1 leaves out, and one document."""
    case = make.ready_case(ana)
    Case.objects.filter(pk=case.pk).update(
        preparer_role="family",
        several_districts="no",
        transferred_supervision="not_sure",
        not_grounds=["rehabilitation"],
    )
    CaseGround.objects.filter(case=case).update(evidence=PAPERS, evidence_notes="Dr. Lee's note")
    case.warden_requests.update(receipt_proof="staff_stamp")
    case.refresh_from_db()
    attach(case, description="Oncology records")
    return case


def download(ana, case) -> dict:
    client = Client()
    client.force_login(ana)
    response = client.get(reverse("case_file", args=[case.id]))
    assert response.status_code == 200
    return json.loads(response.content)


def test_the_familys_download_holds_every_answer_and_the_list_of_documents(ana, case):
    data = download(ana, case)

    interview = data["interview"]
    assert interview["preparer_role"] == "family"
    assert interview["several_districts"] == "no"
    assert interview["transferred_supervision"] == "not_sure"
    assert interview["not_grounds"] == ["rehabilitation"]
    assert interview["grounds"] == [
        {"category": "medical_terminal", "evidence": PAPERS, "notes": "Dr. Lee's note"}
    ]
    # How the receipt is shown is the case file's own field now, not the section's.
    assert data["warden_requests"][0]["receipt_proof"] == "staff_stamp"
    assert "warden_requests" not in interview
    [document] = interview["documents"]
    assert document["description"] == "Oncology records"
    assert document["type"] == "application/pdf"
    assert len(document["sha256"]) == 64
    # Still a case file v1: the section is one of the extra fields readers ignore.
    assert loads(json.dumps(data)) == case.to_facts()


def test_an_imported_file_keeps_the_interviews_other_answers(ana, case, org, mo):
    exported = download(ana, case)
    advocate = Client()
    advocate.force_login(mo.user)

    assert advocate.post(IMPORT, {"case_file": upload(exported)}).status_code == 302

    imported = Case.objects.exclude(pk=case.pk).get()
    again = casefiles.interview_answers(imported)
    assert again == {**exported["interview"], "documents": []}  # the files are not in it


BAD = {
    "not an object": ([1], "interview"),
    "unknown role": ({"preparer_role": "judge"}, "interview.preparer_role"),
    "yes or no": ({"several_districts": True}, "interview.several_districts"),
    "not a list": ({"not_grounds": "rehabilitation"}, "interview.not_grounds"),
    "unknown non-reason": ({"not_grounds": ["luck"]}, "interview.not_grounds[0]"),
    "ground not raised": (
        {"grounds": [{"category": "age", "evidence": []}]},
        "interview.grounds[0].category",
    ),
    "unknown paper": (
        {"grounds": [{"category": "medical_terminal", "evidence": ["A rumour"]}]},
        "interview.grounds[0].evidence[0]",
    ),
    "notes too long": (
        {"grounds": [{"category": "medical_terminal", "notes": "x" * 1001}]},
        "interview.grounds[0].notes",
    ),
    "more requests than the file": (
        {"warden_requests": [{}, {}]},
        "interview.warden_requests",
    ),
    "unknown proof": (
        {"warden_requests": [{"receipt_proof": "a feeling"}]},
        "interview.warden_requests[0].receipt_proof",
    ),
}


@pytest.mark.parametrize("section, where", BAD.values(), ids=BAD.keys())
def test_a_bad_interview_section_is_refused_with_the_field_named(client, mo, section, where):
    client.force_login(mo.user)
    data = {**casebuilder.case(), "interview": section}

    response = client.post(IMPORT, {"case_file": upload(data)})

    assert response.status_code == 200
    assert "This file cannot be imported" in response.content.decode()
    assert f"&quot;{where}&quot;" in response.content.decode() or where in response.content.decode()
    assert Case.objects.count() == 0


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)
KEYS = st.sampled_from(
    ["preparer_role", "several_districts", "not_grounds", "grounds", "warden_requests", "x"]
)


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(section=st.dictionaries(KEYS, JSON) | JSON)
def test_any_interview_section_is_read_or_refused_never_a_crash(section):
    facts = loads(json.dumps(casebuilder.case()))
    try:
        casefiles.read_interview(section, facts)
    except casefiles.CaseFileError as error:
        assert error.field.startswith("interview")


@pytest.mark.parametrize(
    "notes, problem",
    [("a\ud800b", "not valid text"), (7, "must be text"), ("x" * 1001, "longer than 1000")],
)
def test_notes_that_no_page_could_print_are_refused(notes, problem):
    facts = loads(json.dumps(casebuilder.case()))
    section = {"grounds": [{"category": "medical_terminal", "notes": notes}]}

    with pytest.raises(casefiles.CaseFileError) as raised:
        casefiles.read_interview(section, facts)

    assert raised.value.field == "interview.grounds[0].notes"
    assert problem in raised.value.problem


def test_control_characters_in_notes_are_dropped_as_the_form_drops_them():
    facts = loads(json.dumps(casebuilder.case()))
    section = {"grounds": [{"category": "medical_terminal", "notes": " Dr.\x07 Lee\x00\x1b "}]}

    interview = casefiles.read_interview(section, facts)

    assert interview.evidence["medical_terminal"] == ([], "Dr. Lee")


def test_a_removed_requests_document_is_listed_without_a_request(ana, case):
    attach(
        case,
        description="Proof for a request since removed",
        kind="other",
        supports={
            "supports": "request",
            "request": None,  # its request was deleted
            "request_role": "proof_of_receipt",
        },
    )

    documents = {d["description"]: d for d in download(ana, case)["interview"]["documents"]}

    removed = documents["Proof for a request since removed"]
    assert removed["request"] is None
    assert removed["request_removed"] is True
    assert documents["Oncology records"]["request_removed"] is False


# -- the answers the case file v1 now holds (issue 13) -------------------------------------------


def test_the_new_answers_go_into_the_case_files_own_fields(ana, case):
    Case.objects.filter(pk=case.pk).update(
        offense_before_1987="no",
        offense_ended_on=None,
        prior_motion="yes",
        prior_motion_outcome="dismissed_unexhausted",
    )
    CaseGround.objects.create(case=case, category="other", facts="A new law", change_in_law="yes")

    data = download(ana, case)

    assert data["custody"]["old_law"] is False
    assert data["prior_motion"]["outcome"] == "dismissed_unexhausted"
    assert data["warden_requests"][0]["receipt_proof"] == "staff_stamp"
    other = next(g for g in data["grounds"] if g["category"] == "other")
    assert other["change_in_law"] is True


def test_the_new_answers_come_back_on_import(ana, case, org, mo):
    Case.objects.filter(pk=case.pk).update(
        offense_before_1987="no",
        offense_ended_on=None,
        prior_motion="yes",
        prior_motion_outcome="dismissed_unexhausted",
    )
    case.warden_requests.update(receipt_proof="none")
    CaseGround.objects.create(case=case, category="other", facts="A new law", change_in_law="no")
    case.refresh_from_db()
    exported = download(ana, case)
    advocate = Client()
    advocate.force_login(mo.user)

    assert advocate.post(IMPORT, {"case_file": upload(exported)}).status_code == 302

    imported = Case.objects.exclude(pk=case.pk).get()
    assert imported.offense_before_1987 == "no"
    assert imported.prior_motion_outcome == "dismissed_unexhausted"
    assert imported.warden_requests.get().receipt_proof == "none"
    assert imported.grounds.get(category="other").change_in_law == "no"
    assert imported.to_facts() == case.to_facts()


def test_an_older_file_gives_the_receipt_proof_from_its_interview_section():
    data = casebuilder.case()
    for request in data["warden_requests"]:
        request.pop("receipt_proof", None)
    facts = loads(json.dumps(data))
    section = {"warden_requests": [{"receipt_proof": "stamped_copy"}]}

    case = casefiles.build_case(
        facts,
        today=casebuilder.AS_OF,
        interview=casefiles.read_interview(section, facts),
    )

    assert case.warden_requests.get().receipt_proof == "staff_stamp"
