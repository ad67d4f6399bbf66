"""The filing packet (evidence/packet.py): the motion, the index, each exhibit behind its cover,
every page numbered. Built from plain facts and in-memory files, read back with pypdf and
pdftotext."""

from __future__ import annotations

import io
import json
import re
import subprocess
from datetime import date

import pytest
from PIL import Image, ImageOps
from pypdf import PdfReader

from eligibility.facts import FORMAT, loads
from eligibility.rules import screen
from evidence import packet
from intake.drafts import lettering, rendering
from tests.evidence_files import image_bytes, pdf_bytes

AS_OF = date(2026, 11, 29)

CASE = {
    "format": FORMAT,
    "person": {"name": "Robert Example", "register_number": "12345-678", "facility": "DEV"},
    "custody": {
        "sentencing_court": "federal_district",
        "status": "bop_facility",
        "offense_date": "2012-03-01",
    },
    "sentence": {
        "district": "nysd",
        "case_number": "1:12-cr-00123-ABC",
        "imposed_on": "2013-05-01",
        "term_months": 240,
        "custody_began": "2012-03-15",
    },
    "grounds": [
        {"category": "medical_terminal", "facts": "Stage IV pancreatic cancer."},
        {"category": "family_parent", "facts": "My mother is 91 and bedridden."},
    ],
    "warden_requests": [
        {
            "sent_on": "2026-08-21",
            "asked_for": "sentence_reduction",
            "method": "hand_delivered",
            "received_on": "2026-08-21",
            "facility": "DEV",
            "grounds": [{"category": "medical_terminal"}, {"category": "family_parent"}],
            "response": "denied",
            "response_on": "2026-09-02",
        }
    ],
    "background": {"support_letters": "Letters from my sister and my pastor"},
}

FILES = {
    "stamped": pdf_bytes("Stamped copy of the request, received August 21, 2026"),
    "denial": pdf_bytes("The Warden's denial", "Denial, second page"),
    "records": pdf_bytes("Oncology records, page 1", "Oncology records, page 2", "page 3"),
    "photo": image_bytes("JPEG", (400, 900)),
    "letter": pdf_bytes("Letter from Pastor Green"),
}
TYPES = {key: "image/jpeg" if key == "photo" else "application/pdf" for key in FILES}

EVIDENCE = (
    # In upload order; the packet must reorder them.
    lettering.Evidence("letter", "Letter from Pastor Green", "background", kind="support_letter"),
    lettering.Evidence(
        "records", "Oncology records", "ground", ground="medical_terminal", kind="medical_record"
    ),
    lettering.Evidence("denial", "Warden's denial", "request", request=0, role="warden_response"),
    lettering.Evidence(
        "photo",
        "Photo of the doctor's letter from Dr. Lee",
        "ground",
        ground="medical_terminal",
        kind="doctor_letter",
    ),
    lettering.Evidence(
        "stamped", "Stamped copy of the request", "request", request=0, role="proof_of_receipt"
    ),
)


def pdftotext(pdf: bytes) -> str:
    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    return " ".join(done.stdout.decode().split())


def pages_of(pdf: bytes) -> int:
    return len(PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture(scope="module")
def facts():
    return loads(json.dumps(CASE))


@pytest.fixture(scope="module")
def built(facts):
    result = packet.build_packet(
        facts,
        as_of=AS_OF,
        screening=screen(facts, AS_OF),
        evidence=EVIDENCE,
        open_file=lambda key: io.BytesIO(FILES[key]),
        content_types=TYPES,
    )
    pdf = result.file.read()
    return result, pdf, pdftotext(pdf)


@pytest.fixture(scope="module")
def parts(facts):
    """Page counts of the parts, each rendered on its own."""
    screening = screen(facts, AS_OF)
    motion = rendering.render(facts, "motion", as_of=AS_OF, screening=screening, exhibits=EVIDENCE)
    exhibits = lettering.exhibit_list(facts, screening, EVIDENCE)
    index = rendering.render_exhibit_index(facts, screening, exhibits, first_pages={})
    return {"motion": pages_of(motion), "index": len(index.pages), "exhibits": exhibits}


def test_it_letters_the_exhibits_requests_first_then_grounds_then_background(built, parts):
    described = [(e.letter, e.description) for e in parts["exhibits"]]
    assert described == [
        (
            "A",
            "Request to the Warden sent August 21, 2026; "
            "the Warden's response dated September 2, 2026",
        ),
        ("B", "Oncology records"),
        ("C", "Photo of the doctor's letter from Dr. Lee"),
        ("D", "Evidence of Incapacitation of the Defendant's Parent"),
        ("E", "Letter from Pastor Green"),
    ]
    request = parts["exhibits"][0]
    assert [f.key for f in request.files] == ["stamped", "denial"]


def test_its_page_count_is_the_parts_plus_one_cover_per_exhibit(built, parts):
    result, pdf, _ = built
    exhibit_pages = 1 + 2 + 3 + 1 + 1  # stamped, denial, records, photo, letter
    covers = len(parts["exhibits"])
    assert pages_of(pdf) == parts["motion"] + parts["index"] + covers + exhibit_pages
    assert result.pages == pages_of(pdf)


def test_its_text_shows_the_motion_the_index_and_the_covers_in_order(built):
    _, _, text = built
    order = [
        "Emergency Motion for Sentence Reduction",
        "Index of Exhibits",
        "Exhibit A — Request to the Warden sent August 21, 2026",
        "Stamped copy of the request, received August 21, 2026",
        "The Warden's denial",
        "Exhibit B — Oncology records",
        "Oncology records, page 1",
        "Exhibit C — Photo of the doctor's letter from Dr. Lee",
        "Exhibit D — Evidence of Incapacitation of the Defendant's Parent",
        "Exhibit E — Letter from Pastor Green",
        "Letter from Pastor Green",
    ]
    at = 0
    for phrase in order:
        at = text.index(phrase, at)  # raises if a phrase is missing or out of order


def test_every_page_says_page_x_of_y_once(built):
    _, pdf, _ = built
    reader = PdfReader(io.BytesIO(pdf))
    total = len(reader.pages)
    for number, page in enumerate(reader.pages, start=1):
        found = re.findall(r"Page (\d+) of (\d+)", page.extract_text())
        assert found == [(str(number), str(total))], number


def test_the_index_gives_the_page_each_exhibit_begins_on(built):
    _, pdf, _ = built
    reader = PdfReader(io.BytesIO(pdf))
    covers = {
        m[1]: number
        for number, page in enumerate(reader.pages, start=1)
        if (m := re.search(r"Exhibit ([A-E]) —", page.extract_text()))
    }
    index_page = next(p for p in reader.pages if "Index of Exhibits" in p.extract_text())
    rows = " ".join(index_page.extract_text().split())
    for letter, number in covers.items():
        assert re.search(rf"\b{letter} .*? {number}\b", rows), (letter, number, rows)


def test_medical_exhibits_are_marked_for_sealing_on_the_index_and_their_covers(built):
    _, _, text = built
    index = text[text.index("Index of Exhibits") : text.index("Exhibit A —")]
    assert "Oncology records (to be filed under seal)" in index
    # The parent's records (Exhibit D) are offered for sealing too.
    assert "Exhibits B, C and D contain" in index
    assert "Fed. R. Crim. P. 49.1" in index
    cover_b = text[text.index("Exhibit B —") : text.index("Oncology records, page 1")]
    assert "FILED UNDER SEAL" in cover_b
    cover_e = text[text.index("Exhibit E —") :]
    assert "FILED UNDER SEAL" not in cover_e


def test_a_ground_without_uploads_keeps_a_checklist_cover(built):
    _, _, text = built
    cover = text[text.index("Exhibit D —") : text.index("Exhibit E —")]
    assert "This exhibit contains (marked):" in cover
    assert "Put copies" not in cover  # instructions are on the family's sheet
    assert "Robert Example's birth certificate" in cover


def test_a_photo_becomes_one_us_letter_page_scaled_to_fit(built, parts):
    _, pdf, text = built
    reader = PdfReader(io.BytesIO(pdf))
    cover = next(i for i, p in enumerate(reader.pages) if "Exhibit C —" in p.extract_text())
    photo = reader.pages[cover + 1]
    assert (round(float(photo.mediabox.width)), round(float(photo.mediabox.height))) == (612, 792)
    assert "/XObject" in photo["/Resources"]
    assert "Exhibit D —" in reader.pages[cover + 2].extract_text()


def test_a_photo_page_is_turned_upright_and_keeps_its_shape():
    out = io.BytesIO()
    tall = Image.new("RGB", (400, 900), "navy")
    exif = tall.getexif()
    exif[0x0112] = 6  # the camera was held sideways: rotate 90° to show it upright
    tall.save(out, "JPEG", exif=exif)
    page = PdfReader(io.BytesIO(packet.image_page(io.BytesIO(out.getvalue())))).pages[0]
    drawn = ImageOps.invert(next(iter(page.images)).image.convert("L")).getbbox()
    left, top, right, bottom = drawn
    assert right - left > bottom - top  # 900 wide and 400 high once upright


def test_the_packets_motion_has_no_page_numbers_of_its_own(facts):
    screening = screen(facts, AS_OF)
    plain = rendering.render(facts, "motion", as_of=AS_OF, screening=screening, page_numbers=False)
    assert "Page 1 of" not in pdftotext(plain)


def test_the_key_changes_when_a_file_changes(facts):
    other = (
        *EVIDENCE[:-1],
        lettering.Evidence(
            "stamped",
            "Stamped copy of the request",
            "request",
            request=0,
            role="proof_of_receipt",
            sha256="0" * 64,
        ),
    )
    assert packet.packet_key(facts, AS_OF, EVIDENCE) != packet.packet_key(facts, AS_OF, other)
    assert packet.packet_key(facts, AS_OF, EVIDENCE) == packet.packet_key(facts, AS_OF, EVIDENCE)


# -- a tagged PDF, like the drafts (issue "Accessible to everyone") ------------------------------


def structure_text(pdf: bytes) -> str:
    """The packet's structure tree as poppler reads it: element types and the text under them."""
    done = subprocess.run(
        ["pdfinfo", "-struct-text", "-"], input=pdf, capture_output=True, check=True
    )
    return done.stdout.decode()


def test_the_packet_is_a_tagged_pdf_in_english_with_a_title(built):
    _, pdf, _ = built
    reader = PdfReader(io.BytesIO(pdf))
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root
    assert root["/MarkInfo"]["/Marked"]
    assert str(root["/Lang"]).startswith("en")
    assert root["/ViewerPreferences"]["/DisplayDocTitle"]
    assert reader.metadata.title.endswith("Robert Example")
    assert all(page["/Tabs"] == "/S" for page in reader.pages)


def test_its_structure_reads_in_page_order_with_a_figure_for_each_uploaded_page(built):
    _, pdf, _ = built
    tree = structure_text(pdf)
    order = [
        "H1",
        "Emergency Motion for Sentence Reduction",
        "Index of Exhibits",
        "Exhibit A — Request to the Warden",
        "Figure",
        "Stamped copy of the request, received August 21, 2026",
        "Figure",
        "The Warden's denial",
        "Figure",
        "Denial, second page",
        "Exhibit B — Oncology records",
        "Figure",
        "Oncology records, page 1",
        "Exhibit C — Photo of the doctor's letter",
        "Figure",
        "Exhibit D — Evidence of Incapacitation",
        "Exhibit E — Letter from Pastor Green",
        "Figure",
        "Letter from Pastor Green",
    ]
    at = 0
    for phrase in order:
        at = tree.index(phrase, at) + len(phrase)  # raises if missing or out of order
    # Uploaded pages: 2 + 3 + 1 + 1 from PDFs, and the photo.
    assert tree.count("Figure") == 8
    # The stamped page numbers are artifacts, which a screen reader skips.
    assert "Page 1 of" not in tree


def test_each_uploaded_page_is_described_by_its_exhibit_and_page(built):
    _, pdf, _ = built
    reader = PdfReader(io.BytesIO(pdf))
    figures = []

    def walk(element):
        element = element.get_object()
        if element.get("/S") == "/Figure":
            figures.append(str(element["/Alt"]))
        kids = element.get("/K", [])
        for kid in kids if isinstance(kids, list) else [kids]:
            if not isinstance(kid, int) and "/S" in kid.get_object():
                walk(kid)

    walk(reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0])
    assert figures[:2] == [
        "Exhibit A, Stamped copy of the request: page 1 of 1, as uploaded.",
        "Exhibit A, Warden's denial: page 1 of 2, as uploaded.",
    ]
    assert "Exhibit C, Photo of the doctor's letter from Dr. Lee: page 1 of 1, as uploaded." in (
        figures
    )


def test_every_marked_piece_of_every_page_belongs_to_an_element_on_that_page(built):
    """The parent tree is what lets a reader go from a page's content to its element."""
    _, pdf, _ = built
    reader = PdfReader(io.BytesIO(pdf))
    tree = reader.trailer["/Root"]["/StructTreeRoot"]
    nums = tree["/ParentTree"]["/Nums"]
    parents = {int(nums[i]): nums[i + 1].get_object() for i in range(0, len(nums), 2)}
    assert int(tree["/ParentTreeNextKey"]) == len(parents)
    keys = [page["/StructParents"] for page in reader.pages]
    assert len(set(keys)) == len(reader.pages)  # every page has a key of its own
    for number, page in enumerate(reader.pages, start=1):
        ids = [int(i) for i in re.findall(rb"/MCID (\d+)", page.get_contents().get_data())]
        assert ids, number
        elements = parents[page["/StructParents"]]
        for mcid in ids:
            element = elements[mcid].get_object()
            assert element["/Pg"].indirect_reference == page.indirect_reference, (number, mcid)


def tagged_upload() -> bytes:
    """A PDF that is tagged already, with a link: what a letter saved from Word often is."""
    import weasyprint

    html = '<html lang="en"><h1>Letter</h1><p>See <a href="https://example.org">this</a>.</p>'
    return weasyprint.HTML(string=html).write_pdf(pdf_tags=True)


def test_an_upload_tagged_already_becomes_one_figure_and_keeps_no_keys_of_its_own(facts):
    upload = tagged_upload()
    uploaded = PdfReader(io.BytesIO(upload)).pages[0]
    assert b"/MCID 1" in uploaded.get_contents().get_data()  # its own marked content
    assert any("/StructParent" in a.get_object() for a in uploaded["/Annots"])  # the link
    evidence = (lettering.Evidence("letter", "Letter from Pastor Green", "background"),)
    result = packet.build_packet(
        facts,
        as_of=AS_OF,
        screening=screen(facts, AS_OF),
        evidence=evidence,
        open_file=lambda key: io.BytesIO(upload),
        content_types={"letter": "application/pdf"},
    )
    pdf = result.file.read()
    reader = PdfReader(io.BytesIO(pdf))
    page = next(p for p in reader.pages if "See this" in p.extract_text())

    assert re.findall(rb"/MCID (\d+)", page.get_contents().get_data()) == [b"0"]
    assert all("/StructParent" not in a.get_object() for a in page.get("/Annots", []))
    assert "Letter" in structure_text(pdf)
    test_every_marked_piece_of_every_page_belongs_to_an_element_on_that_page((None, pdf, ""))


def test_a_family_members_declaration_is_an_exhibit_of_the_packet():
    case = {
        **CASE,
        "release_plan": {"residence": "12 Elm Street, Durham, NC 27701", "household": "Me"},
        "preparer": {"name": "Ann Example", "relationship": "sister", "contact": "555-0100"},
    }
    facts = loads(json.dumps(case))
    screening = screen(facts, AS_OF)
    built = packet.build_packet(
        facts,
        as_of=AS_OF,
        screening=screening,
        evidence=(),
        open_file=lambda key: io.BytesIO(FILES[key]),
        content_types=TYPES,
        preparer_role="family",
    )
    text = pdftotext(built.file.read())
    cover = text[text.index("Exhibit D — Declaration of Ann Example") :]
    assert "FILED UNDER SEAL" in cover
    assert "I, Ann Example, declare" in cover
    assert "12 Elm Street" in cover
    motion = text[: text.index("Index of Exhibits")]
    assert "12 Elm Street" not in motion and "555-0100" not in motion


def test_the_packet_of_motion_now_holds_only_its_grounds():
    """A ground the warden never saw: the packet is of motion-now, on the matched grounds."""
    case = {**CASE, "grounds": [*CASE["grounds"], {"category": "family_spouse_partner"}]}
    facts = loads(json.dumps(case))
    screening = screen(facts, AS_OF)
    assert screening.motion_documents == ("motion-now",)
    built = packet.build_packet(
        facts,
        as_of=AS_OF,
        screening=screening,
        evidence=EVIDENCE,
        open_file=lambda key: io.BytesIO(FILES[key]),
        content_types=TYPES,
        document="motion-now",
    )
    text = pdftotext(built.file.read())
    assert "Emergency Motion for Sentence Reduction" in text
    assert "Spouse" not in text
