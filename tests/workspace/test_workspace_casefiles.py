"""Case files in and out of the workspace: import with clear errors, export one or a zip."""

import dataclasses
import io
import json
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings

from eligibility.facts import loads, read_case
from intake import casefiles
from intake.models import Case
from tests import casebuilder
from tests import workspace_helpers as make
from tests.case_helpers import AS_OF
from tests.test_properties import any_case
from workspace.models import AuditAction, AuditEvent, CaseShare, ShareOrigin

pytestmark = pytest.mark.django_db
IMPORT = reverse("advocate_import")
EXPORT = reverse("advocate_export_selection")


def upload(content: bytes | str, name: str = "case.json") -> SimpleUploadedFile:
    data = content.encode() if isinstance(content, str) else content
    return SimpleUploadedFile(name, data, content_type="application/json")


def as_file(data: dict) -> SimpleUploadedFile:
    return upload(json.dumps(data))


# -- the same facts in and out ------------------------------------------------------------------


VARIANTS = {
    "ready to file": casebuilder.case(),
    "life sentence, unknowns": casebuilder.case(
        sentence={"term_months": None, "life": True, "appeal_pending": None},
        custody={"sentencing_court": None},
        person={"date_of_birth": None, "facility": "A county jail, typed"},
    ),
    "old law": casebuilder.case(custody={"offense_date": "1985-01-01"}),
    "several requests, unknown grounds, appeals": casebuilder.case(
        grounds=casebuilder.grounds("medical_terminal", "family_parent"),
        warden_requests=[
            casebuilder.request(listed=None, method=None, asked_for=None, response=None),
            casebuilder.request(
                covering=("family_parent",),
                response="denied",
                response_on="2026-09-10",
                bp9_on="2026-09-20",
                final_denial_on="2026-10-30",
            ),
            casebuilder.request(listed=[]),
        ],
    ),
    "prior motion, BOP moving, every text": {
        **casebuilder.case(
            prior_motion={"filed_on": "2020-01-01", "decided_on": "2020-06-01"},
            bop_motion=True,
        ),
        "release_plan": {"residence": "12 Elm St, Durham, NC", "medical_payment": "Medicare"},
        "background": {"programs": "RDAP", "support_letters": "Three letters"},
        "preparer": {"name": "Ana Doe", "relationship": "daughter", "contact": "ana@x.org"},
    },
    "nothing but the format": {"format": casebuilder.FORMAT},
}


@pytest.mark.parametrize("data", VARIANTS.values(), ids=VARIANTS.keys())
def test_it_keeps_a_case_files_facts_exactly(data):
    facts = read_case(data)

    case = casefiles.build_case(facts, today=AS_OF)

    assert case.to_facts() == dataclasses.replace(facts, as_of=None)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(generated=any_case)
def test_it_keeps_the_facts_of_any_generated_case_file(generated):
    data, _ = generated
    facts = read_case(json.loads(json.dumps(data)))

    case = casefiles.build_case(facts, today=AS_OF)

    assert case.to_facts() == dataclasses.replace(facts, as_of=None)


@pytest.mark.parametrize("data", VARIANTS.values(), ids=VARIANTS.keys())
def test_it_exports_what_it_imported(client_mo, data):
    client_mo.post(IMPORT, {"case_file": as_file(data)})
    case = Case.objects.get()

    response = client_mo.get(reverse("advocate_case_export", args=[case.id]))

    assert loads(response.content) == dataclasses.replace(read_case(data), as_of=None)


# -- import -------------------------------------------------------------------------------------


def test_it_imports_a_case_file_into_the_organisation(client_mo, org):
    response = client_mo.post(IMPORT, {"case_file": as_file(casebuilder.case())})

    share = CaseShare.objects.get()
    assert response["Location"] == reverse("advocate_case", args=[share.case_id])
    assert (share.organisation, share.origin) == (org, ShareOrigin.IMPORTED)
    assert share.case.verdict == "ready_to_file"
    assert share.case.owner is None
    event = AuditEvent.objects.get(action=AuditAction.IMPORTED)
    assert event.detail == "From the file case.json"


def test_it_imports_a_case_that_opens_in_the_interview_at_check_your_answers(client_mo):
    client_mo.post(IMPORT, {"case_file": as_file(casebuilder.case())})
    case = Case.objects.get()

    response = client_mo.get(reverse("advocate_case_step", args=[case.id, "review"]))

    assert response.status_code == 200
    assert "Robert Example" in response.content.decode()


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"{not json", "is not valid JSON"),
        (b"\xff\xfe\x00", "is not valid JSON"),
        (b"[1, 2]", "one JSON object"),
        (json.dumps({"format": "other/2"}), "“format”"),
        (json.dumps(casebuilder.case(person={"date_of_birth": "1960-02-30"})), "date_of_birth"),
        (json.dumps(casebuilder.case(grounds=["flying"])), "is not a ground id"),
        (json.dumps(casebuilder.case(sentence={"district": "zzz"})), "sentence.district"),
        (json.dumps(casebuilder.case(person={"register_number": "12"})), "register number"),
        (json.dumps(casebuilder.case(person={"name": "x" * 201})), "longer than 200"),
        (json.dumps(casebuilder.case(person={"name": "Ann\u0000Doe"})), "NUL"),
        (
            json.dumps(casebuilder.case(warden_requests=[casebuilder.request(facility="y" * 201)])),
            "warden_requests[0].facility",
        ),
        (json.dumps(casebuilder.case(sentence={"term_months": 10**12})), "more than any"),
        (json.dumps({"format": casebuilder.FORMAT, "x": [[[[[]]]]] * 3}), None),
        ("[" * 100_000, "nested too deeply"),
    ],
)
def test_it_refuses_a_bad_file_next_to_the_upload_field(client_mo, content, words):
    response = client_mo.post(IMPORT, {"case_file": upload(content)})

    html = response.content.decode()
    if words is None:  # extra fields are ignored: the file is fine
        assert response.status_code == 302
        return
    assert response.status_code == 200
    assert "<title>Error: Import a case file" in html
    assert 'href="#id_case_file"' in html
    assert 'id="id_case_file_error"' in html
    assert "This file cannot be imported" in html
    assert words.replace("“", "&quot;").replace("”", "&quot;") in html or words in html
    assert Case.objects.count() == 0


def test_it_refuses_a_file_larger_than_any_case_file(client_mo):
    big = json.dumps({**casebuilder.case(), "padding": "x" * casefiles.MAX_BYTES})

    response = client_mo.post(IMPORT, {"case_file": upload(big)})

    assert "larger than 1 MB" in response.content.decode()
    assert Case.objects.count() == 0


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({}, "Choose a case file to import"),
        ({"case_file": upload(b"", "empty.json")}, "The file is empty"),
    ],
)
def test_it_asks_for_a_file(client_mo, data, words):
    response = client_mo.post(IMPORT, data)

    assert words in response.content.decode()


def test_it_imports_nothing_for_a_family_account(client):
    client.force_login(make.user("ana@example.com"))

    response = client.post(IMPORT, {"case_file": as_file(casebuilder.case())})

    assert response.status_code == 404
    assert Case.objects.count() == 0


# -- export -------------------------------------------------------------------------------------


def test_it_exports_one_case_named_for_the_person_and_the_day(client_mo, org):
    share = make.share(make.ready_case(), org)

    response = client_mo.get(reverse("advocate_case_export", args=[share.case_id]))

    assert response["Content-Disposition"] == 'attachment; filename="case-example-2026-11-29.json"'
    assert loads(response.content).person.name == "Robert Example"
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED).count() == 1


def test_it_exports_a_selection_as_a_zip_that_reads_back_case_by_case(client_mo, org):
    cases = [
        make.ready_case(person={"name": "Ann Able"}),
        make.waiting_case(person={"name": "Bo Baker"}),
        make.ready_case(person={"name": "Cy Baker"}),
    ]
    for case in cases:
        make.share(case, org)

    response = client_mo.post(EXPORT, {"case": [str(c.id) for c in cases]})

    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    by_name = {name: loads(archive.read(name)) for name in archive.namelist()}
    assert len(by_name) == 3
    for case in cases:
        name = f"case-{case.person_name.split()[-1].lower()}-{case.id}.json"
        assert by_name[name] == case.to_facts()
    assert AuditEvent.objects.filter(action=AuditAction.EXPORTED).count() == 3


def test_it_exports_no_zip_with_a_case_of_another_organisation(client_mo, org):
    ours = make.share(make.ready_case(), org).case
    theirs = make.share(make.ready_case(), make.organisation("Other Clinic")).case

    response = client_mo.post(EXPORT, {"case": [str(ours.id), str(theirs.id)]})

    assert response.status_code == 404
    assert AuditEvent.objects.count() == 0


@pytest.mark.parametrize("chosen", [["not-a-uuid"], ["00000000-0000-0000-0000-000000000000"]])
def test_it_exports_nothing_for_a_case_that_is_not_there(client_mo, chosen):
    assert client_mo.post(EXPORT, {"case": chosen}).status_code == 404


def test_it_asks_to_choose_a_case_before_exporting(client_mo):
    response = client_mo.post(EXPORT, {}, follow=True)

    assert "Choose at least one case to download." in response.content.decode()
