"""Characters no one can see never reach the court papers: zero-width characters and the marks
that reorder text (a right-to-left override prints "txet" for "text") are removed from what
the family types and from an imported case file, and an imported text of more lines than a
field allows is refused, naming the field."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from eligibility.facts import CaseFileError
from intake import casefiles
from intake.fields import MAX_LINES
from tests import casebuilder
from tests.case_helpers import post_step, start_case

HIDDEN = "Robert\u202eelpmaxE\u202c\u200b Ex\u200dample\ufeff"


def upload(data: dict) -> SimpleUploadedFile:
    return SimpleUploadedFile("case.json", json.dumps(data).encode(), "application/json")


@pytest.mark.django_db
def test_typed_text_loses_its_invisible_characters(client):
    case = start_case(client)

    post_step(client, case, "background", {"statement": HIDDEN})

    case.refresh_from_db()
    assert case.statement == "RobertelpmaxE Example"


def test_an_imported_case_file_loses_its_invisible_characters():
    data = casebuilder.case(person={"name": HIDDEN})

    facts, _ = casefiles.read_upload(upload(data))

    assert facts.person.name == "RobertelpmaxE Example"


def test_an_imported_text_of_too_many_lines_is_refused_naming_the_field():
    data = casebuilder.case(sentence={"offense": "x\n" * (MAX_LINES + 1)})

    with pytest.raises(CaseFileError) as error:
        casefiles.read_upload(upload(data))

    message = str(error.value)
    assert "sentence.offense" in message
    assert "lines" in message and str(MAX_LINES) in message
