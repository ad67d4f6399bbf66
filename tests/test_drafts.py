"""The drafts (intake/drafts/): real PDFs, read back as text with pdftotext and pypdf.

Each sample case is rendered once per module. A loopback HTTP server runs for the whole module
and records every request, so the tests can prove that a document never contacts it even when
the facts carry an <img> pointing at it.
"""

from __future__ import annotations

import ast
import io
import json
import re
import subprocess
import threading
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.request import urlopen

import pytest
import weasyprint
from django.core.cache import cache
from pypdf import PdfReader
from weasyprint.urls import FatalURLFetchingError, path2url

from eligibility.facts import FORMAT, CaseFacts, loads
from eligibility.grounds import BY_ID, CATALOGUE
from eligibility.rules import Screening, screen
from intake.drafts import caching, fetching, formatting, offering, rendering

AS_OF = date(2026, 11, 29)
MONTH_DATE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December) \d{1,2}, \d{4}"
)

SECTIONS = (
    "I. DEFENDANT'S INFORMATION",
    "II. EXHAUSTION OF ADMINISTRATIVE REMEDIES",
    "III. EXTRAORDINARY AND COMPELLING REASONS",
    "IV. I AM NOT A DANGER TO OTHERS",
    "V. RELEASE PLAN",
    "VI. RELIEF REQUESTED",
    "VII. REQUEST FOR APPOINTMENT OF COUNSEL",
    "VIII. EXHIBITS",
    "DECLARATION UNDER PENALTY OF PERJURY",
    "CERTIFICATE OF SERVICE",
)


# -- a loopback server that records every request ---------------------------------------------


class _Recorder(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.hits.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"seen")

    def log_message(self, *args):
        """Keep the test output clean."""


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    httpd.hits = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.shutdown()
    httpd.server_close()


def _img(server) -> str:
    return f'<img src="http://127.0.0.1:{server.server_port}/x.png">'


# -- the sample cases --------------------------------------------------------------------------


def _case(**parts) -> dict:
    return {"format": FORMAT, **parts}


PERSON = {
    "name": "Robert Example",
    "register_number": "12345-678",
    "date_of_birth": "1960-05-05",
    "facility": "DEV",
    "unit": "B-2",
}
FEDERAL = {
    "sentencing_court": "federal_district",
    "status": "bop_facility",
    "offense_date": "2012-03-01",
}
SENTENCE = {
    "district": "nysd",
    "case_number": "1:12-cr-00123-ABC",
    "imposed_on": "2013-05-01",
    "term_months": 240,
    "custody_began": "2012-03-15",
    "offense": "Conspiracy to distribute a controlled substance",
}


def terminal_and_family(server) -> dict:
    """A terminal illness and a parent's incapacity, denied early, ready to file."""
    grounds = [
        {
            "category": "medical_terminal",
            "facts": "Stage IV pancreatic cancer diagnosed on August 2, 2026. " + _img(server),
        },
        {"category": "family_parent", "facts": "My mother, <b>x</b>, is 91 and bedridden."},
        {"category": "unusually_long_sentence", "facts": "The law changed in 2018."},
    ]
    return _case(
        person=PERSON,
        custody=FEDERAL,
        sentence=SENTENCE,
        grounds=grounds,
        warden_requests=[
            {
                "sent_on": "2026-08-21",
                "asked_for": "sentence_reduction",
                "method": "hand_delivered",
                "received_on": "2026-08-21",
                "facility": "DEV",
                "grounds": grounds[:2],
                "response": "denied",
                "response_on": "2026-09-02",
                "appeal": {"bp9_on": "2026-09-10"},
            }
        ],
        release_plan={
            "residence": "12 Elm Street, Durham, NC 27701",
            "household": "My sister Ann and her husband",
            "support": "Social Security retirement benefits",
            "medical_care": "Duke Cancer Institute, hospice if needed",
            "medical_payment": "Medicare Parts A and B",
        },
        background={
            "programs": "Completed RDAP in 2019",
            "work": "Orderly in the medical unit for six years",
            "education": "GED in 2015",
            "conduct": "No incident reports since 2014",
            "statement": "I accept full responsibility for what I did.",
            "support_letters": "Letters from my sister and my pastor",
        },
    )


def age_waiting() -> dict:
    """Age, a request received nine days ago: the motion must wait until December 21, 2026."""
    grounds = [{"category": "age", "facts": "Heart failure and two falls this year."}]
    return _case(
        person={**PERSON, "date_of_birth": "1955-01-10", "facility": "FTW"},
        custody={**FEDERAL, "offense_date": "2009-12-01"},
        sentence={**SENTENCE, "custody_began": "2010-01-05", "imposed_on": "2011-02-01"},
        grounds=grounds,
        warden_requests=[
            {
                "sent_on": "2026-11-20",
                "asked_for": "sentence_reduction",
                "method": "hand_delivered",
                "received_on": "2026-11-20",
                "facility": "FTW",
                "grounds": grounds,
                "response": "none",
            }
        ],
    )


def family_preparer() -> dict:
    """A daughter prepares the request for a child-caregiver ground; nothing sent yet."""
    return _case(
        person={**PERSON, "facility": "Some County Jail (contract)"},
        custody=FEDERAL,
        sentence=SENTENCE,
        grounds=[
            {
                "category": "family_child_caregiver",
                "facts": "The caregiver of my son J.E., age 9, died on June 3, 2026.",
            }
        ],
        preparer={
            "name": "Maria Example",
            "relationship": "daughter",
            "contact": "555-0100, maria@example.org",
        },
    )


def many_unknowns() -> dict:
    """Almost nothing known: every fact must be a visible blank."""
    return _case(grounds=["other"])


@dataclass
class Rendered:
    facts: CaseFacts
    screening: Screening
    pdfs: dict[str, bytes] = field(default_factory=dict)

    def text(self, document: str) -> str:
        """The document's text, whitespace collapsed, so phrases match across line breaks."""
        return " ".join(self.raw_text(document).split())

    def raw_text(self, document: str) -> str:
        return self._texts[document]

    def layout(self, document: str) -> str:
        """As `text`, but read row by row, so a table's label and value stay together."""
        return " ".join(self._layouts[document].split())

    @cached_property
    def _texts(self) -> dict[str, str]:
        return {doc: pdftotext(pdf) for doc, pdf in self.pdfs.items()}

    @cached_property
    def _layouts(self) -> dict[str, str]:
        return {doc: pdftotext(pdf, "-layout") for doc, pdf in self.pdfs.items()}


def pdftotext(pdf: bytes, *args: str) -> str:
    done = subprocess.run(
        ["pdftotext", *args, "-", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode()


def _render_all(case: dict) -> Rendered:
    facts = loads(json.dumps(case))
    result = Rendered(facts, screen(facts, AS_OF))
    for document in offering.documents(facts, result.screening):
        result.pdfs[document] = rendering.render(
            facts, document, as_of=AS_OF, screening=result.screening
        )
    return result


@pytest.fixture(scope="module")
def terminal(server) -> Rendered:
    return _render_all(terminal_and_family(server))


@pytest.fixture(scope="module")
def age() -> Rendered:
    return _render_all(age_waiting())


@pytest.fixture(scope="module")
def family() -> Rendered:
    return _render_all(family_preparer())


@pytest.fixture(scope="module")
def unknowns() -> Rendered:
    return _render_all(many_unknowns())


@pytest.fixture(params=["terminal", "age", "family", "unknowns"])
def sample(request) -> Rendered:
    return request.getfixturevalue(request.param)


@pytest.fixture(params=["terminal", "age"])
def with_motion(request) -> Rendered:
    return request.getfixturevalue(request.param)


def between(text: str, start: str, end: str | None = None) -> str:
    """The part of `text` from `start` up to `end` (or the end)."""
    begin = text.index(start)
    return text[begin : text.index(end, begin) if end else None]


def dates_in(text: str) -> list[date]:
    return [datetime.strptime(m, "%B %d, %Y").date() for m in MONTH_DATE.findall(text)]


# -- every document --------------------------------------------------------------------------


def test_the_sample_cases_reach_the_verdicts_they_stand_for(terminal, age, family, unknowns):
    assert terminal.screening.verdict == "ready_to_file"
    assert age.screening.verdict == "waiting"
    assert family.screening.verdict == "needs_warden_request"
    assert unknowns.screening.verdict == "needs_information"


def test_every_document_is_us_letter_with_page_x_of_y(sample):
    for document, pdf in sample.pdfs.items():
        reader = PdfReader(io.BytesIO(pdf))
        pages = len(reader.pages)
        box = reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == (612, 792), document
        text = sample.text(document)
        assert f"Page 1 of {pages}" in text
        assert f"Page {pages} of {pages}" in text


def test_every_font_is_embedded_and_it_is_liberation_serif(sample):
    for document, pdf in sample.pdfs.items():
        reader = PdfReader(io.BytesIO(pdf))
        names = set()
        for page in reader.pages:
            for font in page["/Resources"]["/Font"].values():
                font = font.get_object()
                names.add(str(font["/BaseFont"]))
                descendant = font.get("/DescendantFonts")
                described = descendant[0].get_object() if descendant else font
                descriptor = described["/FontDescriptor"].get_object()
                assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), (document, font)
        assert any("Liberation-Serif" in name for name in names), (document, names)


def test_every_document_is_a_tagged_pdf_in_english(sample):
    """Tagged PDFs carry a structure tree that screen readers follow (issue: accessibility)."""
    for document, pdf in sample.pdfs.items():
        root = PdfReader(io.BytesIO(pdf)).trailer["/Root"]
        assert "/StructTreeRoot" in root, document
        assert root["/MarkInfo"]["/Marked"], document
        assert str(root["/Lang"]).startswith("en"), document


def test_nothing_prints_as_none(sample):
    for document in sample.pdfs:
        assert not re.search(r"\bNone\b", sample.text(document)), document


# -- the motion ------------------------------------------------------------------------------


def test_the_motion_has_every_section_in_order(terminal):
    text = terminal.text("motion")
    positions = [text.index(section) for section in SECTIONS]
    assert positions == sorted(positions)


def test_the_caption_names_the_court_the_parties_and_the_case_number(terminal):
    text = terminal.text("motion")
    assert text.startswith("UNITED STATES DISTRICT COURT FOR THE SOUTHERN DISTRICT OF NEW YORK")
    assert "UNITED STATES OF AMERICA, v." in text
    assert "ROBERT EXAMPLE, Defendant." in text
    assert "Case No. 1:12-cr-00123-ABC" in text


def test_the_caption_is_laid_out_as_courts_do(terminal):
    """Court name centered; the parties on the left of the box, the case number on the right."""
    words = _words_on_first_page(terminal.pdfs["motion"])
    court = [w for w in words if w["y"] == words[0]["y"]]
    middle = (court[0]["x0"] + court[-1]["x1"]) / 2
    assert abs(middle - 306) < 6
    case_no = next(w for w in words if w["text"] == "Case")
    america = next(w for w in words if w["text"] == "AMERICA,")
    defendant = next(w for w in words if w["text"] == "Defendant.")
    assert case_no["x0"] > 306
    assert america["x1"] < 306 and defendant["x1"] < 306
    assert america["y"] < case_no["y"] < defendant["y"]


def _words_on_first_page(pdf: bytes) -> list[dict]:
    html = pdftotext(pdf, "-bbox", "-f", "1", "-l", "1")
    return [
        {"x0": float(x0), "y": round(float(y0)), "x1": float(x1), "text": text}
        for x0, y0, x1, text in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>',
            html,
        )
    ]


def test_a_terminal_illness_makes_it_an_emergency_motion(terminal, age):
    title = (
        "Emergency Motion for Sentence Reduction Under 18 U.S.C. § 3582(c)(1)(A) "
        "(Compassionate Release)"
    )
    assert title in terminal.text("motion")
    assert "rule on this motion promptly" in terminal.text("motion")
    assert "Motion for Sentence Reduction Under 18 U.S.C. § 3582(c)(1)(A)" in age.text("motion")
    assert "Emergency" not in age.text("motion")


def test_defendant_information_shows_year_of_birth_and_city_only(terminal):
    info = between(terminal.text("motion"), SECTIONS[0], SECTIONS[1])
    assert "Year of birth: 1960" in info
    assert "Register number: 12345-678" in info
    assert "Facility: FMC Devens" in info
    assert "Sentence imposed on: May 1, 2013" in info
    assert "Term of imprisonment: 20 years (240 months)" in info
    assert "Federal custody began on: March 15, 2012" in info
    assert "(city and state): Durham, NC" in info
    motion = terminal.text("motion")
    assert "May 5, 1960" not in motion
    assert "12 Elm Street" not in motion


def test_exhaustion_tells_each_request_with_dates_in_words(terminal):
    section = between(terminal.text("motion"), SECTIONS[1], SECTIONS[2])
    assert "On August 21, 2026, a written request" in section
    assert "was handed to staff for the Warden of FMC Devens. I sent it myself." in section
    assert "received it on August 21, 2026" in section
    assert "denied the request on September 2, 2026" in section
    assert "BP-9 filed September 10, 2026" in section
    assert "By September 21, 2026, 30 days had lapsed since the Warden received it." in section
    assert (
        "I therefore met the exhaustion requirement of 18 U.S.C. § 3582(c)(1)(A) on "
        "September 21, 2026 for every reason raised in this motion"
    ) in section
    assert "More than 30 days have lapsed" not in section


def test_each_qualifying_ground_has_its_section_with_citation_and_facts(terminal):
    section = between(terminal.text("motion"), SECTIONS[2], SECTIONS[3])
    assert "1. Terminal Illness (USSG §1B1.13(b)(1)(A))" in section
    assert "Stage IV pancreatic cancer diagnosed on August 2, 2026." in section
    assert "2. Incapacitation of the Defendant's Parent (USSG §1B1.13(b)(3)(C))" in section
    assert "is 91 and bedridden" in section
    assert "Unusually Long Sentence" not in terminal.text("motion")


def test_the_danger_and_release_plan_sections_hold_the_background(terminal):
    text = terminal.text("motion")
    danger = between(text, SECTIONS[3], SECTIONS[4])
    for fact in (
        "Conspiracy to distribute a controlled substance",
        "I accept full responsibility for what I did.",
        "No incident reports since 2014",
        "Completed RDAP in 2019",
        "Orderly in the medical unit for six years",
        "GED in 2015",
        "18 U.S.C. § 3553(a)",
        "18 U.S.C. § 3142(g)",
    ):
        assert fact in danger, fact
    plan = between(text, SECTIONS[4], SECTIONS[5])
    for fact in (
        "in Durham, NC.",
        "I ask that the Probation Office verify this release plan",
        "My sister Ann and her husband",
        "Social Security retirement benefits",
        "Duke Cancer Institute, hospice if needed",
        "Medicare Parts A and B",
    ):
        assert fact in plan, fact


def test_relief_counsel_and_exhibits(terminal):
    text = terminal.text("motion")
    relief = between(text, SECTIONS[5], SECTIONS[6])
    assert "time served" in relief
    assert "supervised release, with home detention as a condition" in relief
    assert "appoint counsel" in between(text, SECTIONS[6], SECTIONS[7])
    exhibits = between(text, SECTIONS[7], SECTIONS[8])
    assert (
        "Exhibit A: Request to the Warden sent August 21, 2026; the Warden's response dated "
        "September 2, 2026; the BP-9 appeal filed September 10, 2026 Exhibit B"
    ) in exhibits
    assert "BP-10" not in exhibits and "BP-11" not in exhibits
    assert "Exhibit B: Evidence of Terminal Illness (to be filed under seal)" in exhibits
    assert (
        "Exhibit C: Evidence of Incapacitation of the Defendant's Parent (to be filed under seal)"
    ) in exhibits
    assert "Robert Example's birth certificate" in exhibits
    assert "Exhibit D: Letters of support" in exhibits


def test_declaration_and_certificate_of_service(terminal):
    text = terminal.text("motion")
    declaration = between(text, SECTIONS[8], SECTIONS[9])
    assert "I declare under penalty of perjury that the facts stated in this motion are true" in (
        declaration
    )
    assert "28 U.S.C. § 1746" in declaration
    assert "Executed on ____" in declaration
    certificate = between(text, SECTIONS[9])
    assert "I certify that on ____" in certificate
    assert "internal mail system of FMC Devens" in certificate
    assert "United States Attorney's Office, Southern District of New York" in certificate


def test_the_signature_block_has_name_register_number_and_mailing_address(terminal):
    block = between(terminal.text("motion"), "Respectfully submitted,", SECTIONS[8])
    assert "Robert Example, pro se" in block
    assert "Register No. 12345-678" in block
    assert "FMC Devens 42 Patton Road, Ayer, MA 01432" in block
    assert "Date: ____" in block


def test_no_date_on_the_signature_or_certificate_comes_before_the_filing_date(with_motion):
    sample = with_motion
    earliest = sample.screening.earliest_filing_date
    text = sample.text("motion")
    signed = between(text, "Respectfully submitted,")
    if earliest:
        assert all(d >= earliest for d in dates_in(signed))
    assert "I certify that on ____" in signed
    assert "Executed on ____" in signed


def test_a_motion_that_must_wait_carries_no_instruction_to_the_family(age, terminal):
    """Instructions go on the read-me sheet, never inside a court paper (issue 15, item 5)."""
    assert age.screening.earliest_filing_date == date(2026, 12, 21)
    for rendered in (age, terminal):
        for document in rendered.pdfs:
            if document == "warden-request":
                continue
            text = rendered.text(document)
            assert not re.search(r"do not sign|black out|before mailing|mark the box", text, re.I)


def test_the_age_ground_shows_the_years_it_rests_on(age):
    section = between(age.text("motion"), SECTIONS[2], SECTIONS[3])
    assert "1. Age of the Defendant (USSG §1B1.13(b)(2))" in section
    assert "I was born in 1955." in section
    assert "My federal custody began on January 5, 2010" in section
    assert "Heart failure and two falls this year." in section


def test_a_case_without_a_request_gets_the_request_and_no_motion(family, unknowns):
    """Issue 15 item 1: no sworn motion for a case that cannot be filed."""
    assert set(family.pdfs) == {"warden-request"}
    assert "motion" not in unknowns.pdfs and "motion-now" not in unknowns.pdfs
    with pytest.raises(rendering.DraftError):
        rendering.render(family.facts, "motion", as_of=AS_OF, screening=family.screening)


def test_no_motion_when_no_ground_qualifies():
    too_young = _case(
        person={**PERSON, "date_of_birth": "1980-01-01"},
        custody=FEDERAL,
        sentence=SENTENCE,
        grounds=[{"category": "age", "facts": "Failing eyesight."}],
    )
    facts = loads(json.dumps(too_young))
    screening = screen(facts, AS_OF)
    assert screening.qualifying_grounds == ()
    assert "motion" not in offering.documents(facts, screening)
    with pytest.raises(rendering.DraftError):
        rendering.render(facts, "motion", as_of=AS_OF)


# -- the request to the warden -----------------------------------------------------------------


def test_the_request_is_addressed_to_the_warden_with_the_facility_address(terminal):
    text = terminal.text("warden-request")
    assert text.startswith("November 29, 2026")
    assert "To: Warden FMC Devens 42 Patton Road Ayer, MA 01432" in text
    assert "From: Robert Example Register No. 12345-678 Unit: B-2" in text


def test_the_request_asks_explicitly_for_a_bop_motion(terminal):
    text = terminal.text("warden-request")
    assert (
        "I ask that the Bureau of Prisons file a motion in the sentencing court for "
        "a reduction in my sentence (compassionate release) under 18 U.S.C. § 3582(c)(1)(A)"
    ) in text
    assert "not a request for home confinement" in text
    assert "within 14 days of receipt, as 18 U.S.C. § 3582(d)(2)(A)(iv) requires" in text


def test_the_request_lists_every_available_ground_with_its_facts(terminal):
    text = terminal.text("warden-request")
    reasons = between(text, "Extraordinary and compelling reasons", "Background")
    assert "1. Terminal Illness (USSG §1B1.13(b)(1)(A))" in reasons
    assert "Stage IV pancreatic cancer" in reasons
    assert "2. Incapacitation of the Defendant's Parent (USSG §1B1.13(b)(3)(C))" in reasons
    assert "Unusually Long Sentence" not in text


def test_the_request_has_background_release_plan_enclosures_and_acknowledgement(terminal):
    text = terminal.text("warden-request")
    background = between(text, "Background", "Release plan")
    for fact in ("Completed RDAP in 2019", "GED in 2015", "No incident reports since 2014"):
        assert fact in background
    plan = between(text, "Release plan (28 C.F.R. § 571.61(a)(2))", "Enclosures")
    assert "12 Elm Street, Durham, NC 27701" in plan
    assert "Medicare Parts A and B" in plan
    enclosures = between(text, "Enclosures", "Please acknowledge")
    assert "BOP medical records" in enclosures
    assert "Robert Example's birth certificate" in enclosures
    assert "acknowledge this request in writing, stating the date the Warden received it" in text
    assert "Respectfully, ____" in text
    assert "Co-signature" not in text


def test_a_family_member_writes_in_their_own_name_alone(family):
    text = family.text("warden-request")
    assert "From: Maria Example 555-0100, maria@example.org" in text
    assert "My name is Maria Example. I am Robert Example's daughter." in text
    assert "I write on behalf of Robert Example, Register No. 12345-678" in text
    assert "held at Some County Jail (contract)" in text
    assert "Maria Example, daughter of Robert Example Contact: 555-0100" in text
    assert "join this request" not in text


def test_a_free_text_facility_prints_as_typed_with_a_blank_address(family):
    text = family.text("warden-request")
    assert "To: Warden Some County Jail (contract) ____" in text


# -- blanks and people's words -------------------------------------------------------------


def test_unknown_facts_print_as_visible_blanks(unknowns):
    letter = unknowns.text("warden-request")
    assert "To: Warden ____" in letter
    assert "Residence ____" in letter
    table = unknowns.layout("warden-request")
    assert "Sentencing court ____" in table
    assert "Case number ____" in table


def test_markup_in_facts_prints_literally(terminal, server):
    for document in ("warden-request", "motion"):
        text = terminal.text(document)
        assert "My mother, <b>x</b>, is 91" in text
        # A long URL may wrap at a slash, so compare without the spaces.
        assert _img(server).replace(" ", "") in text.replace(" ", "")


def test_a_document_never_contacts_a_server_named_in_the_facts(server):
    facts = loads(json.dumps(terminal_and_family(server)))
    for document in offering.documents(facts, screen(facts, AS_OF)):
        rendering.render(facts, document, as_of=AS_OF)
    assert server.hits == []
    # The server is real and answers: a fetch that slipped through would have been recorded.
    with urlopen(f"http://127.0.0.1:{server.server_port}/probe") as response:
        assert response.read() == b"seen"
    assert server.hits == ["/probe"]
    server.hits.clear()


# -- the URL fetcher -------------------------------------------------------------------------


@pytest.fixture
def fetcher():
    return fetching.StaticOnlyURLFetcher(fetching.static_root())


def test_the_fetcher_serves_the_project_stylesheet(fetcher):
    url = path2url(fetching.static_root() / "css" / "drafts.css")
    response = fetcher.fetch(url)
    assert response.content_type == "text/css"
    assert b"@page" in response.read()


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/style.css",
        "ftp://example.org/x.png",
        "data:text/plain,hello",
        "file:///etc/passwd",
        "file://evil.example/etc/passwd",
    ],
)
def test_the_fetcher_refuses_anything_but_static_files(fetcher, url):
    with pytest.raises(fetching.URLRefused):
        fetcher.fetch(url)


def test_the_fetcher_refuses_http_without_contacting_the_server(fetcher, server):
    with pytest.raises(fetching.URLRefused):
        fetcher.fetch(f"http://127.0.0.1:{server.server_port}/x.png")
    assert server.hits == []


def test_the_fetcher_refuses_a_path_that_climbs_out_of_static(fetcher):
    with pytest.raises(fetching.URLRefused):
        fetcher.fetch(path2url(fetching.static_root()) + "../pyproject.toml")
    with pytest.raises(fetching.URLRefused):
        fetcher.fetch(path2url(fetching.static_root() / ".." / "pyproject.toml"))


def test_the_fetcher_refuses_a_symlink_out_of_its_root(tmp_path):
    root = tmp_path / "static"
    root.mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    (root / "link.txt").symlink_to(tmp_path / "secret.txt")
    (root / "ok.txt").write_text("fine")
    fetcher = fetching.StaticOnlyURLFetcher(root)
    assert fetcher.fetch(path2url(root / "ok.txt")).read() == b"fine"
    with pytest.raises(fetching.URLRefused):
        fetcher.fetch(path2url(root / "link.txt"))
    with pytest.raises(fetching.URLRefused):
        fetcher.fetch(path2url(tmp_path / "secret.txt"))


def test_weasyprint_with_the_fetcher_stops_at_a_remote_image(fetcher, server):
    html = f"<p>hello</p>{_img(server)}"
    with pytest.raises(FatalURLFetchingError):
        weasyprint.HTML(string=html, url_fetcher=fetcher).write_pdf()
    assert server.hits == []


# -- errors, helpers, the cache ------------------------------------------------------------


def test_rendering_refuses_what_the_case_does_not_get():
    state = loads(json.dumps(_case(custody={**FEDERAL, "sentencing_court": "state"})))
    with pytest.raises(rendering.DraftError):
        rendering.render(state, "motion", as_of=AS_OF)
    age_only = loads(json.dumps(age_waiting()))
    with pytest.raises(rendering.DraftError):
        rendering.render(age_only, "seal-motion", as_of=AS_OF)
    with pytest.raises(rendering.DraftError):
        rendering.render(age_only, "petition", as_of=AS_OF)


def test_the_seal_motion_goes_only_beside_a_motion_with_sealed_exhibits(terminal, age, family):
    assert offering.documents(terminal.facts, terminal.screening) == (
        "warden-request",
        "motion",
        "seal-motion",
    )
    assert offering.documents(age.facts, age.screening) == ("warden-request", "motion")
    assert offering.documents(family.facts, family.screening) == ("warden-request",)


def test_the_seal_motion_lists_the_medical_exhibits_and_cites_rule_49_1(terminal):
    text = terminal.text("seal-motion")
    assert text.startswith("UNITED STATES DISTRICT COURT FOR THE SOUTHERN DISTRICT OF NEW YORK")
    assert "Case No. 1:12-cr-00123-ABC" in text
    assert "Motion for Leave to File Exhibits Under Seal" in text
    assert "Exhibit B: Evidence of Terminal Illness" in text
    # A parent's medical file is private too (Rule 49.1): offered for sealing.
    assert "Exhibit C: Evidence of Incapacitation of the Defendant's Parent" in text
    assert "records about members of my family" in text
    assert "Fed. R. Crim. P. 49.1(d)" in text
    assert "CERTIFICATE OF SERVICE" in text


def test_every_ground_a_motion_can_raise_has_its_legal_standard_in_the_catalogue():
    for ground in CATALOGUE:
        assert bool(ground.standard) == ground.available, ground.id
        if ground.available:
            assert ground.standard.endswith("."), ground.id
            assert "extraordinary and compelling reason" in ground.standard, ground.id


def test_the_motion_states_each_grounds_standard_from_the_catalogue(terminal):
    section = between(terminal.text("motion"), SECTIONS[2], SECTIONS[3])
    for ground in ("medical_terminal", "family_parent"):
        standard = " ".join(BY_ID[ground].standard.split())
        assert f"{standard} {BY_ID[ground].citation}." in section


def _string_constants(path: Path) -> list[str]:
    """Every string literal in a Python file, adjacent literals joined as Python joins them."""
    tree = ast.parse(path.read_text(), filename=str(path))
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]


def test_the_legal_standards_are_worded_only_in_the_grounds_catalogue():
    """The motion's words live in templates/drafts/ and eligibility/grounds.py: a standard, or
    a sentence of one, written again in any other Python file of the project is found here."""
    root = Path(__file__).resolve().parent.parent
    catalogue = root / "eligibility" / "grounds.py"
    sentences = {
        sentence.strip()
        for ground in CATALOGUE
        for sentence in re.split(r"(?<=[.;:])\s", ground.standard)
        if len(sentence.strip()) > 30
    }
    assert len(sentences) >= len([g for g in CATALOGUE if g.available])
    sources = [
        path
        for folder in (
            "benchmarks",
            "config",
            "eligibility",
            "evidence",
            "intake",
            "notices",
            "scripts",
        )
        for path in (root / folder).rglob("*.py")
        if path != catalogue and "migrations" not in path.parts
    ]
    assert root / "intake" / "drafts" / "lettering.py" in sources
    found = [
        (path.relative_to(root).as_posix(), sentence[:50])
        for path in sources
        for text in _string_constants(path)
        for sentence in sentences
        if sentence in " ".join(text.split())
    ]
    assert found == []


@pytest.mark.parametrize(
    ("residence", "expected"),
    [
        ("12 Elm Street, Durham, NC 27701", "Durham, NC"),
        ("with my sister at 4 Oak Ave., Apt 2, St. Louis, MO 63101-1234.", "St. Louis, MO"),
        ("12 Elm Street Durham, NC", None),
        ("My sister's house in Durham", None),
        (None, None),
    ],
)
def test_city_and_state_never_prints_a_street(residence, expected):
    assert formatting.city_and_state(residence) == expected


def test_the_cache_key_changes_with_the_facts_the_document_and_the_day():
    facts = loads(json.dumps(age_waiting()))
    key = caching.cache_key(facts, "motion", AS_OF)
    assert re.fullmatch(r"[0-9a-f]{64}", key)
    assert key == caching.cache_key(loads(json.dumps(age_waiting())), "motion", AS_OF)
    assert key != caching.cache_key(facts, "warden-request", AS_OF)
    assert key != caching.cache_key(facts, "motion", date(2026, 11, 30))
    changed = age_waiting()
    changed["person"]["unit"] = "C-1"
    assert key != caching.cache_key(loads(json.dumps(changed)), "motion", AS_OF)


def test_a_repeat_download_of_unchanged_data_is_not_rendered_again(monkeypatch, settings):
    # A memory cache: the project's default (a database table) would need the database.
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    facts = loads(json.dumps(age_waiting()))
    calls = []
    real_render = rendering.render

    def counting_render(*args, **kwargs):
        calls.append(args)
        return real_render(*args, **kwargs)

    monkeypatch.setattr(rendering, "render", counting_render)
    first = caching.render_cached(facts, "warden-request", as_of=AS_OF)
    second = caching.render_cached(facts, "warden-request", as_of=AS_OF)
    assert first == second
    assert first.startswith(b"%PDF")
    assert len(calls) == 1
    caching.render_cached(facts, "warden-request", as_of=date(2026, 11, 30))
    assert len(calls) == 2


def test_the_motion_leaves_out_a_ground_the_warden_never_saw():
    """domain.md § 3: with an unmatched ground the motion is the "file on the matched grounds
    alone" choice; the warden request (the new request) still lists every ground."""
    case = json.loads((Path(__file__).parent / "scenarios" / "07.json").read_text())["case"]
    facts = loads(json.dumps(case))
    as_of = date(2026, 11, 29)

    screening = screen(facts, as_of)
    assert screening.verdict == "new_request_needed"
    assert offering.documents(facts, screening)[:2] == ("warden-request", "motion-now")
    assert "motion" not in offering.documents(facts, screening)
    motion = pdftotext(rendering.render(facts, "motion-now", as_of=as_of))
    letter = pdftotext(rendering.render(facts, "warden-request", as_of=as_of))

    assert "Terminal Illness" in motion
    assert "Caregiver of the Defendant's Child" not in motion
    assert "Caregiver of the Defendant's Child" in letter or "caring for their child" in letter


# -- papers that are safe to sign (issue 15) ---------------------------------------------------


def _text(pdf: bytes) -> str:
    return " ".join(pdftotext(pdf).split())


def _papers(case: dict, *, role: str | None = None, as_of: date = AS_OF) -> dict[str, str]:
    """Every paper the screening allows for the case, as text."""
    facts = loads(json.dumps(case))
    screening = screen(facts, as_of)
    return {
        document: _text(
            rendering.render(facts, document, as_of=as_of, screening=screening, preparer_role=role)
        )
        for document in offering.documents(facts, screening, preparer_role=role)
    }


def two_requests() -> dict:
    """Age exhausted long ago; a terminal illness raised in a request still in its 30 days."""
    age = {"category": "age", "facts": "Two falls this year."}
    terminal = {"category": "medical_terminal", "facts": "Stage IV lung cancer."}
    return _case(
        person={**PERSON, "date_of_birth": "1955-01-10"},
        custody={**FEDERAL, "offense_date": "2009-12-01"},
        sentence={**SENTENCE, "custody_began": "2010-01-05", "imposed_on": "2011-02-01"},
        grounds=[age, terminal],
        warden_requests=[
            {
                "sent_on": "2026-01-05",
                "asked_for": "sentence_reduction",
                "method": "hand_delivered",
                "received_on": "2026-01-05",
                "receipt_proof": "staff_stamp",
                "grounds": [age],
                "response": "none",
            },
            {
                "sent_on": "2026-11-20",
                "asked_for": "sentence_reduction",
                "method": "hand_delivered",
                "received_on": "2026-11-20",
                "receipt_proof": "staff_stamp",
                "grounds": [terminal],
                "response": "none",
            },
        ],
    )


def test_filing_sooner_on_some_grounds_gives_motion_now_with_those_grounds_alone():
    case = two_requests()
    facts = loads(json.dumps(case))
    screening = screen(facts, AS_OF)
    assert screening.verdict == "waiting"
    assert screening.partial_grounds == ("age",)
    papers = _papers(case)
    assert {"motion", "motion-now"} <= set(papers)
    now = papers["motion-now"]
    assert "1. Age of the Defendant" in now
    assert "Terminal Illness" not in now
    # Only the request its ground rests on, and the date the screening computed for it.
    assert "On January 5, 2026" in now and "November 20, 2026" not in now
    assert "on February 5, 2026 for every reason raised in this motion" in now
    # The title follows the screening's emergency_for: no terminal illness in motion-now.
    assert now.count("Emergency Motion") == 0
    assert "Emergency Motion for Sentence Reduction" in papers["motion"]
    assert "on December 21, 2026 for every reason raised in this motion" in papers["motion"]


def test_the_exhaustion_section_says_how_receipt_is_shown_and_claims_no_more():
    papers = _papers(two_requests())
    section = between(papers["motion-now"], "II. EXHAUSTION", "III. EXTRAORDINARY")
    assert (
        "The Warden received it on January 5, 2026, as the date stamp staff put on my copy "
        "shows." in section
    )
    assert "By February 5, 2026, 30 days had lapsed since the Warden received it." in section
    exhibits = between(papers["motion-now"], "EXHIBITS", "Respectfully submitted")
    assert "Exhibit A: Request to the Warden sent January 5, 2026, with the date stamp" in exhibits
    assert "BP-9" not in exhibits and "response" not in exhibits


def test_an_estimated_receipt_is_never_sworn_as_exhaustion():
    """A date the family remembers, with nothing showing it: waiting on an estimate."""
    grounds = [{"category": "medical_terminal", "facts": "Stage IV lung cancer."}]
    case = _case(
        person=PERSON,
        custody=FEDERAL,
        sentence=SENTENCE,
        grounds=grounds,
        warden_requests=[
            {
                "sent_on": "2026-11-10",
                "asked_for": "sentence_reduction",
                "method": "mail",
                "received_on": "2026-11-17",
                "receipt_proof": "none",
                "grounds": grounds,
                "response": "none",
            }
        ],
    )
    screening = screen(loads(json.dumps(case)), AS_OF)
    assert screening.verdict == "waiting" and screening.date_is_estimate
    motion = _papers(case)["motion"]
    assert "To the best of my knowledge, the Warden received it on November 17, 2026" in motion
    assert "no document I have shows that date" in motion
    assert "met the exhaustion requirement" not in motion
    assert "30 days had lapsed" not in motion
    # Past its date, an estimate is needs_information: no motion at all.
    later = screen(loads(json.dumps(case)), date(2027, 1, 5))
    assert later.verdict == "needs_information" and later.motion_documents == ()


def mother_prepares() -> dict:
    """A mother fills in the answers for her son: a ready case with her words in it."""
    grounds = [
        {"category": "medical_self_care", "facts": "Parkinson's disease; cannot dress alone."},
        {
            "category": "family_child_caregiver",
            "facts": "The caregiver of my son Jacob Ortiz, born March 4, 2017, died in June.",
        },
    ]
    return _case(
        person={**PERSON, "name": "David Ortiz", "date_of_birth": "1980-02-02"},
        custody=FEDERAL,
        sentence={**SENTENCE, "appeal_pending": True},
        grounds=grounds,
        warden_requests=[
            {
                "sent_on": "2026-08-01",
                "asked_for": "sentence_reduction",
                "method": "mail",
                "received_on": "2026-08-08",
                "receipt_proof": "delivery_confirmation",
                "grounds": grounds,
                "response": "none",
            }
        ],
        prior_motion={"filed_on": "2025-03-03", "decided_on": "2025-06-02"},
        release_plan={
            "residence": "8 Pine Street, Tucson, AZ 85701",
            "household": "Me (María Ortiz, 68) and my daughter Ana",
            "support": "I work full time and will support him.",
            "medical_care": "Banner clinic",
            "medical_payment": "Medicaid",
        },
        background={
            "statement": "David says he is sorry and also sold pills in 2010.",
            "conduct": "No incident reports.",
            "support_letters": "My own letter and one from our pastor.",
        },
        preparer={"name": "María Ortiz", "relationship": "mother", "contact": "520-555-0199"},
    )


@pytest.fixture(scope="module")
def mother() -> dict[str, str]:
    return _papers(mother_prepares(), role="family")


def test_the_family_members_words_go_in_their_own_declaration(mother):
    motion = mother["motion"]
    for typed in ("Me (María Ortiz, 68)", "my daughter Ana", "I work full time", "My own letter"):
        assert typed not in motion, typed
    declaration = mother["family-declaration"]
    assert "Declaration of María Ortiz" in declaration
    assert "I am the mother of David Ortiz" in declaration
    assert "Me (María Ortiz, 68) and my daughter Ana" in declaration
    assert "8 Pine Street, Tucson, AZ 85701" in declaration
    assert "520-555-0199" in declaration
    assert "true and correct to the best of my knowledge. 28 U.S.C. § 1746" in declaration
    assert declaration.rstrip().endswith("María Ortiz Page 2 of 2") or "_ María Ortiz" in (
        declaration
    )
    # The motion names the sponsor, offers Probation's check, and cites the declaration.
    plan = between(motion, "V. RELEASE PLAN", "VI. THE PENDING APPEAL")
    assert "I will live with my mother, María Ortiz, in Tucson, AZ." in plan
    assert "I ask that the Probation Office verify this release plan" in plan
    assert "Declaration of María Ortiz (to be filed under seal)" in motion


def test_the_street_address_and_phone_stay_out_of_the_motion(mother):
    for document in ("motion", "seal-motion"):
        assert "8 Pine Street" not in mother[document]
        assert "520-555-0199" not in mother[document]


def test_the_offense_in_his_own_words_is_not_printed_when_the_family_typed_it(mother):
    assert "David says he is sorry" not in mother["motion"]
    assert "sold pills" not in mother["motion"]
    assert "In my own words" not in mother["motion"]


def test_a_person_writing_for_himself_gets_no_family_declaration_and_his_own_words():
    case = mother_prepares()
    case["preparer"] = {"name": "David Ortiz"}
    case["background"]["statement"] = "I accept responsibility for my offense."
    papers = _papers(case, role="self")
    assert "family-declaration" not in papers
    assert "In my own words I accept responsibility for my offense." in papers["motion"]


def test_a_pending_appeal_brings_the_rule_37_route(mother, terminal):
    section = between(mother["motion"], "VI. THE PENDING APPEAL", "VII. RELIEF REQUESTED")
    assert "Fed. R. Crim. P. 37(a)" in section
    assert "Fed. R. App. P. 12.1" in section
    assert "Rule 37" not in terminal.text("motion") and "37(a)" not in terminal.text("motion")


def test_who_sent_each_request_is_said_from_what_the_case_knows(mother, terminal):
    assert "My mother, María Ortiz, sent it on my behalf." in mother["motion"] or (
        "my mother, María Ortiz, sent it on my behalf." in mother["motion"]
    )
    assert "as the delivery confirmation shows" in mother["motion"]
    assert "I sent it myself." in terminal.text("motion")


def test_what_a_judge_looks_for_time_served_earlier_motion_and_medical_care(mother, terminal):
    info = between(terminal.text("motion"), SECTIONS[0], SECTIONS[1])
    assert "Time served as of November 29, 2026: 14 years 8 months (about 73% of the term)" in info
    assert "Earlier motion for compassionate release: none" in info
    assert (
        "Earlier motion for compassionate release: filed March 3, 2025; decided June 2, 2025"
        in (mother["motion"])
    )
    dismissed = mother_prepares()
    dismissed["prior_motion"] = {"filed_on": "2025-03-03", "outcome": "dismissed_unexhausted"}
    assert (
        "filed March 3, 2025; dismissed because the administrative requirements had not been met"
    ) in _papers(dismissed, role="family")["motion"]
    assert "18 U.S.C. § 3553(a)(2)(D)" in terminal.text("motion")
    assert "18 U.S.C. § 3553(a)(2)(D)" not in _papers(two_requests())["motion-now"]


def test_a_childs_birth_date_never_reaches_the_papers(mother):
    for document, text in mother.items():
        assert "March 4, 2017" not in text, document
    assert "born in 2017" in mother["motion"]
    assert formatting.without_birth_dates("J.O., DOB: 03/04/2017, age 9") == (
        "J.O., year of birth 2017, age 9"
    )
    assert formatting.without_birth_dates("born 2017-03-04") == "born in 2017"


def test_family_grounds_records_are_offered_for_sealing(mother):
    assert "seal-motion" in mother
    seal = mother["seal-motion"]
    assert "Evidence of Caregiver of the Defendant's Child" in seal or (
        "Caregiver" in seal and "Exhibit C" in seal
    )
    assert "records about members of my family" in seal
    assert "the street address and telephone number of the home offered to me" in seal


def test_no_instruction_to_the_family_in_any_court_paper_template():
    folder = Path(__file__).resolve().parent.parent / "templates" / "drafts"
    pattern = re.compile(r"do not sign|black out|before mailing", re.I)
    for template in folder.glob("*.html"):
        if "read" in template.name and "me" in template.name:
            continue
        if template.name == "exhibit_index.html":
            # Moved to the read-me sheet with it (its own change).
            continue
        assert not pattern.search(template.read_text()), template.name


def test_headings_keep_section_3553_a_in_lower_case(terminal):
    text = terminal.text("motion")
    assert "§ 3553(a) FACTORS SUPPORT A REDUCTION" in text
    assert "3553(A)" not in text


def test_the_share_of_the_term_for_the_age_ground_has_no_stray_day(age):
    section = between(age.text("motion"), SECTIONS[2], SECTIONS[3])
    assert "10 years or 75% of 20 years = 15 years, whichever is less" in section
    assert "1 day" not in age.text("motion")
    assert formatting.three_quarters(250) == "75% of 250 months = 187.5 months"


def _motion_pages(lines: int) -> list[str]:
    """The terminal sample's motion with `lines` more lines in the first ground's facts, so
    that the second ground's heading and "The facts:" move down the page line by line."""

    class NoServer:
        server_port = 9

    case = terminal_and_family(NoServer)
    case["grounds"][0]["facts"] = "\n".join(["Chemotherapy every two weeks."] * (lines + 1))
    facts = loads(json.dumps(case))
    return pdftotext(rendering.render(facts, "motion", as_of=AS_OF)).split("\f")


def _last_line(page: str) -> str:
    body = [line.strip() for line in page.splitlines() if line.strip()]
    body = [line for line in body if not line.startswith("Page ")]
    return body[-1] if body else ""


LEAD_INS = re.compile(r"^(The facts.*:|\d+\. .+\(USSG §1B1\.13\(b\)[^)]*\)\)|[IVX]+\. [A-Z' ,]+)$")


@pytest.mark.parametrize("lines", range(0, 24, 2))
def test_no_heading_or_lead_in_ends_a_page(lines):
    for page in _motion_pages(lines)[:-1]:
        assert not LEAD_INS.match(_last_line(page)), _last_line(page)


@pytest.mark.parametrize("lines", range(0, 24, 6))
def test_the_signature_block_keeps_with_the_declaration(lines):
    for page in _motion_pages(lines):
        if "Respectfully submitted," in page:
            assert "DECLARATION UNDER PENALTY OF PERJURY" in page
            assert "28 U.S.C. § 1746" in page
