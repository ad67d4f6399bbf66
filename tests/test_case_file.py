"""The case-file reader (docs/case-format.md "Input"): what it accepts, how it normalises, and
one CaseFileError naming the field for everything it refuses.
"""

import json
from datetime import date

import pytest

from eligibility.facts import (
    FORMAT,
    CaseFacts,
    CaseFileError,
    Ground,
    as_of_for,
    load_file,
    loads,
    read_case,
)
from tests.casebuilder import case, ground, request

TODAY = date(2030, 1, 2)


def refused(data) -> CaseFileError:
    """The error for a case dict (or raw text), checked to be one line."""
    with pytest.raises(CaseFileError) as info:
        if isinstance(data, str | bytes):
            loads(data)
        else:
            loads(json.dumps(data))
    message = str(info.value)
    assert message.strip()
    assert "\n" not in message
    return info.value


def assert_refused(data, field: str) -> CaseFileError:
    error = refused(data)
    assert error.field == field
    assert str(error).startswith(f"{field}: ")
    return error


# -- what it accepts ------------------------------------------------------------------------------


def test_it_reads_the_builder_case():
    facts = read_case(case())

    assert facts.custody.sentencing_court == "federal_district"
    assert facts.sentence.term_months == 240
    assert facts.grounds[0].category == "medical_terminal"
    assert facts.warden_requests[0].received_on == date(2026, 9, 1)
    assert facts.as_of == date(2026, 11, 29)


def test_it_reads_a_file_with_only_the_format_tag_as_all_unknown():
    facts = loads(json.dumps({"format": FORMAT}))

    assert facts == CaseFacts()
    assert facts.person.date_of_birth is None
    assert facts.grounds == ()
    assert facts.warden_requests == ()
    assert facts.bop_motion is False


@pytest.mark.parametrize(
    "raw",
    ["12345-678", "12345678", "12345 678", " 12345-678 ", "12345 - 678"],
    ids=["dashed", "digits", "space", "padded", "spaced-dash"],
)
def test_it_normalises_the_register_number(raw):
    facts = read_case(case(person={"register_number": raw}))

    assert facts.person.register_number == "12345-678"


@pytest.mark.parametrize(
    "raw",
    ["1234-5678", "123456789", "1234567", "ABCDE-FGH", "12345_678", "12345-6789"],
)
def test_it_refuses_a_register_number_of_another_shape(raw):
    error = assert_refused(case(person={"register_number": raw}), "person.register_number")

    assert raw in str(error)


def test_it_accepts_a_leap_day():
    facts = read_case(case(person={"date_of_birth": "1960-02-29"}))

    assert facts.person.date_of_birth == date(1960, 2, 29)


def test_it_reads_plain_id_grounds_with_empty_facts():
    data = case(
        grounds=["medical_terminal", "family_parent"],
        warden_requests=[request(listed=["medical_self_care"])],
    )

    facts = read_case(data)

    assert facts.grounds == (Ground("medical_terminal", ""), Ground("family_parent", ""))
    assert facts.warden_requests[0].grounds == (Ground("medical_self_care", ""),)


def test_it_counts_a_repeated_ground_once_and_keeps_its_facts():
    data = case(
        grounds=[
            "medical_terminal",
            ground("family_parent", "Mother has ALS."),
            ground("medical_terminal", "Stage IV cancer."),
            ground("family_parent", "Said again."),
        ],
        warden_requests=[request(listed=["other", "other"])],
    )

    facts = read_case(data)

    assert facts.grounds == (
        Ground("medical_terminal", "Stage IV cancer."),
        Ground("family_parent", "Mother has ALS."),
    )
    assert facts.warden_requests[0].grounds == (Ground("other", ""),)


def test_it_keeps_unknown_request_grounds_apart_from_an_empty_list():
    facts = read_case(case(warden_requests=[request(listed=None), request(listed=[])]))

    assert facts.warden_requests[0].grounds is None
    assert facts.warden_requests[1].grounds == ()


def test_it_ignores_extra_fields_everywhere():
    plain = case()
    extra = case(future_field={"x": 1}, version=2)
    extra["person"]["nickname"] = "Bob"
    extra["custody"]["security_level"] = "low"
    extra["sentence"]["fine"] = 100
    extra["grounds"][0]["severity"] = "high"
    extra["warden_requests"][0]["tracking"] = "ABC"
    extra["warden_requests"][0]["appeal"]["bp12_on"] = "2026-01-01"
    extra["prior_motion"]["judge"] = "x"

    assert read_case(extra) == read_case(plain)


def test_it_accepts_a_life_sentence_without_a_term():
    facts = read_case(case(sentence={"term_months": None, "life": True}))

    assert facts.sentence.life is True
    assert facts.sentence.term_months is None


def test_it_accepts_a_sentence_with_neither_term_nor_life_as_unknown():
    facts = read_case(case(sentence={"term_months": None, "life": None}))

    assert facts.sentence.term_months is None
    assert facts.sentence.life is False


@pytest.mark.parametrize("term", [1, 240, 99999])
def test_it_accepts_any_whole_term_of_one_month_or_more(term):
    assert read_case(case(sentence={"term_months": term})).sentence.term_months == term


def test_it_reads_json_bytes_with_a_byte_order_mark():
    facts = loads(b"\xef\xbb\xbf" + json.dumps(case()).encode())

    assert facts.person.register_number == "12345-678"


# -- what it refuses ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "{", "not json", "{'format': 'x'}", b"\xff\xfe\xff", '{"format": ' + "1" * 3],
    ids=["empty", "unclosed", "words", "single-quotes", "bad-bytes", "truncated"],
)
def test_it_refuses_text_that_is_not_json(text):
    error = refused(text)

    assert "not valid JSON" in str(error)


@pytest.mark.parametrize("data", [[], "a case", 42, None], ids=["list", "string", "number", "null"])
def test_it_refuses_json_that_is_not_one_object(data):
    error = refused(json.dumps(data))

    assert "one JSON object" in str(error)


@pytest.mark.parametrize(
    "tag",
    [None, "compassionate-release-case/2", "compassionate-release-screening/1", "", 1, "DROP"],
    ids=["null", "version-2", "screening-output", "empty", "number", "missing"],
)
def test_it_refuses_a_missing_or_wrong_format_tag(tag):
    data = case()
    if tag == "DROP":
        del data["format"]
    else:
        data["format"] = tag

    error = assert_refused(data, "format")

    assert FORMAT in str(error)


BAD_DATES = [
    "2026-02-30",
    "2027-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-1-5",
    "20260105",
    "2026/01/05",
    "05/01/2026",
    "2026-01-05T00:00",
    "tomorrow",
]
DATE_FIELDS = [
    ("as_of", lambda v: case(as_of=v)),
    ("person.date_of_birth", lambda v: case(person={"date_of_birth": v})),
    ("custody.offense_date", lambda v: case(custody={"offense_date": v})),
    ("sentence.custody_began", lambda v: case(sentence={"custody_began": v})),
    ("sentence.imposed_on", lambda v: case(sentence={"imposed_on": v})),
    ("warden_requests[0].sent_on", lambda v: case(warden_requests=[request(sent_on=v)])),
    ("warden_requests[0].received_on", lambda v: case(warden_requests=[request(received_on=v)])),
    (
        "warden_requests[1].response_on",
        lambda v: case(warden_requests=[request(), request(response_on=v)]),
    ),
    (
        "warden_requests[0].appeal.final_denial_on",
        lambda v: case(warden_requests=[request(final_denial_on=v)]),
    ),
    ("warden_requests[0].appeal.bp11_on", lambda v: case(warden_requests=[request(bp11_on=v)])),
    ("prior_motion.filed_on", lambda v: case(prior_motion={"filed_on": v})),
]


@pytest.mark.parametrize("bad", BAD_DATES)
@pytest.mark.parametrize(("field", "build"), DATE_FIELDS, ids=[f for f, _ in DATE_FIELDS])
def test_it_refuses_a_date_that_is_not_a_real_calendar_date(field, build, bad):
    error = assert_refused(build(bad), field)

    assert bad in str(error)


@pytest.mark.parametrize("bad", [20260105, True, ["2026-01-05"]], ids=["number", "bool", "list"])
def test_it_refuses_a_date_of_the_wrong_json_type(bad):
    assert_refused(case(person={"date_of_birth": bad}), "person.date_of_birth")


UNKNOWN_GROUNDS = [
    ("grounds[0]", lambda g: case(grounds=[g])),
    ("grounds[1].category", lambda g: case(grounds=[ground("other"), ground(g)])),
    ("warden_requests[0].grounds[0]", lambda g: case(warden_requests=[request(listed=[g])])),
    (
        "warden_requests[0].grounds[0].category",
        lambda g: case(warden_requests=[request(listed=[ground(g)])]),
    ),
]


@pytest.mark.parametrize(
    "bad",
    ["medical", "Medical_Terminal", "rehabilitation", "change_in_law", "conviction_wrong", ""],
)
@pytest.mark.parametrize(("field", "build"), UNKNOWN_GROUNDS, ids=[f for f, _ in UNKNOWN_GROUNDS])
def test_it_refuses_an_unknown_ground_id(field, build, bad):
    error = assert_refused(build(bad), field)

    assert "not a ground id" in str(error)


@pytest.mark.parametrize(
    "term",
    [-1, 0, 1.5, 12.0, "240", True, False, [240]],
    ids=["negative", "zero", "fraction", "float", "text", "true", "false", "list"],
)
def test_it_refuses_a_term_that_is_not_a_whole_number_of_one_or_more(term):
    error = assert_refused(case(sentence={"term_months": term}), "sentence.term_months")

    assert "whole number" in str(error)


def test_it_refuses_both_a_term_and_life():
    error = assert_refused(case(sentence={"term_months": 240, "life": True}), "sentence")

    assert "life" in str(error)


@pytest.mark.parametrize("district", ["nyzd", "new york", "2nd", "ny"])
def test_it_refuses_an_unknown_district(district):
    error = assert_refused(case(sentence={"district": district}), "sentence.district")

    assert district in str(error)


OUT_OF_SET = [
    ("custody.sentencing_court", lambda v: case(custody={"sentencing_court": v}), "tribal"),
    (
        "custody.sentencing_court",
        lambda v: case(custody={"sentencing_court": v}),
        "Federal_District",
    ),
    ("custody.status", lambda v: case(custody={"status": v}), "jail"),
    ("custody.status", lambda v: case(custody={"status": v}), "parole"),
    ("warden_requests[0].method", lambda v: case(warden_requests=[request(method=v)]), "pigeon"),
    ("warden_requests[0].method", lambda v: case(warden_requests=[request(method=v)]), "Mail"),
    ("warden_requests[0].response", lambda v: case(warden_requests=[request(response=v)]), "maybe"),
    (
        "warden_requests[0].asked_for",
        lambda v: case(warden_requests=[request(asked_for=v)]),
        "compassionate_release",
    ),
    ("custody.status", lambda v: case(custody={"status": v}), 3),
]


@pytest.mark.parametrize(
    ("field", "build", "bad"), OUT_OF_SET, ids=[f"{f}={v}" for f, _, v in OUT_OF_SET]
)
def test_it_refuses_a_value_outside_a_listed_set(field, build, bad):
    error = assert_refused(build(bad), field)

    assert "is not one of" in str(error)


def with_value(path: str, value):
    """The builder case with one value (dotted path, list indexes as numbers) replaced."""
    data = case()
    *parents, last = path.split(".")
    target = data
    for key in parents:
        target = target[int(key)] if key.isdigit() else target[key]
    target[int(last) if last.isdigit() else last] = value
    return data


WRONG_TYPES = [
    ("person", [], "person"),
    ("person", "Jane", "person"),
    ("custody", 3, "custody"),
    ("sentence", ["x"], "sentence"),
    ("prior_motion", [], "prior_motion"),
    ("release_plan", "a house", "release_plan"),
    ("background", 1, "background"),
    ("preparer", True, "preparer"),
    ("grounds", "medical_terminal", "grounds"),
    ("grounds", {"category": "medical_terminal"}, "grounds"),
    ("grounds.0", 5, "grounds[0]"),
    ("grounds.0", ["medical_terminal"], "grounds[0]"),
    ("grounds.0.category", 5, "grounds[0].category"),
    ("grounds.0.facts", 5, "grounds[0].facts"),
    ("warden_requests", {}, "warden_requests"),
    ("warden_requests", "a letter", "warden_requests"),
    ("warden_requests.0", "a letter", "warden_requests[0]"),
    ("warden_requests.0.grounds", "medical_terminal", "warden_requests[0].grounds"),
    ("warden_requests.0.appeal", [], "warden_requests[0].appeal"),
    ("warden_requests.0.facility", 17, "warden_requests[0].facility"),
    ("person.name", 5, "person.name"),
    ("person.facility", ["BUT"], "person.facility"),
    ("person.register_number", 12345678, "person.register_number"),
    ("sentence.case_number", 123, "sentence.case_number"),
    ("sentence.life", "true", "sentence.life"),
    ("sentence.appeal_pending", 1, "sentence.appeal_pending"),
    ("bop_motion", "yes", "bop_motion"),
    ("bop_motion", 0, "bop_motion"),
]


@pytest.mark.parametrize(
    ("path", "value", "field"), WRONG_TYPES, ids=[f"{p}={json.dumps(v)}" for p, v, _ in WRONG_TYPES]
)
def test_it_refuses_a_field_of_the_wrong_json_type(path, value, field):
    assert_refused(with_value(path, value), field)


def test_it_refuses_absurdly_deep_json_with_one_error():
    error = refused("[" * 100_000)

    assert "nested too deeply" in str(error)


@pytest.mark.parametrize(
    ("path", "field"),
    [
        ("person.name", "person.name"),
        ("person.facility", "person.facility"),
        ("grounds.0.facts", "grounds[0].facts"),
        ("warden_requests.0.facility", "warden_requests[0].facility"),
    ],
)
def test_it_refuses_text_that_no_output_could_print(path, field):
    # JSON allows a lone surrogate ("\ud800"); the reader refuses it with the field's name.
    assert_refused(with_value(path, "x\ud800y"), field)


# -- which day to screen for ----------------------------------------------------------------------


def test_it_lets_the_command_line_date_beat_the_file():
    facts = read_case(case(as_of="2026-11-29"))

    assert as_of_for(facts, "2027-01-15", TODAY) == date(2027, 1, 15)


def test_it_lets_the_file_date_beat_today():
    facts = read_case(case(as_of="2026-11-29"))

    assert as_of_for(facts, None, TODAY) == date(2026, 11, 29)


def test_it_screens_for_today_without_either():
    from tests.casebuilder import DROP

    facts = read_case(case(as_of=DROP))

    assert as_of_for(facts, None, TODAY) == TODAY


def test_it_treats_a_null_file_date_as_absent():
    assert as_of_for(read_case(case(as_of=None)), None, TODAY) == TODAY


@pytest.mark.parametrize("bad", ["2026-02-30", "yesterday", "", "2026-1-1", "29/11/2026"])
def test_it_refuses_a_bad_command_line_date_naming_the_option(bad):
    facts = read_case(case())

    with pytest.raises(CaseFileError) as info:
        as_of_for(facts, bad, TODAY)

    assert info.value.field == "--as-of"
    assert str(info.value).startswith("--as-of: ")


def test_it_accepts_a_command_line_date_with_spaces_around_it():
    assert as_of_for(read_case(case()), " 2027-01-15 ", TODAY) == date(2027, 1, 15)


# -- files ----------------------------------------------------------------------------------------


def test_it_reads_a_file(tmp_path):
    path = tmp_path / "case.json"
    path.write_text(json.dumps(case()), encoding="utf-8")

    assert load_file(str(path)) == read_case(case())


@pytest.mark.parametrize("name", ["missing.json", "."], ids=["missing", "directory"])
def test_it_turns_an_unreadable_file_into_one_error(tmp_path, name):
    with pytest.raises(CaseFileError) as info:
        load_file(str(tmp_path / name))

    assert "cannot read the file" in str(info.value)
    assert "\n" not in str(info.value)
