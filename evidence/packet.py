"""The filing packet: one PDF to print and mail, with every page numbered.

The motion comes first, then the index of exhibits, then each exhibit behind its cover page:
an uploaded PDF's pages as they are, a photo or scan as a page of its own scaled to fit US
Letter, and, for an exhibit with no uploads yet, the cover's checklist of papers to put behind
it by hand. Lettering, covers and index come from intake.drafts, so the packet always matches
the motion's exhibit list. Page numbers are stamped last over the whole packet ("Page X of Y"),
in the same place and type as the motion's own footer, which the packet's copy leaves off.

The packet is a tagged PDF like the drafts: evidence.tagging carries the structure WeasyPrint
writes for the motion, the index and the covers onto the packet's pages, describes each
uploaded page as a figure, and marks the stamped page numbers as artifacts.

Exhibit pages are read from storage as they are copied and the result is spooled to a
temporary file, so a large packet does not have to sit in memory twice.
"""

from __future__ import annotations

import hashlib
import io
import tempfile
from collections.abc import Callable, Sequence
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import IO

from PIL import Image, ImageOps
from pypdf import PdfReader, PdfWriter, Transformation

from eligibility import rules
from eligibility.facts import CaseFacts
from evidence.tagging import StructureTree, mark_as_artifact
from evidence.validation import open_pdf
from intake.drafts import caching, lettering, rendering

LETTER = (612, 792)  # US Letter in PDF points
# Photos are drawn at this resolution inside these margins (inches): left, top, right, bottom.
# The bottom margin leaves the page number clear.
IMAGE_DPI = 200
IMAGE_MARGINS = (0.5, 0.5, 0.5, 1.0)
IMAGE_QUALITY = 85
_SPOOL_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class Packet:
    file: IO[bytes]
    pages: int


def packet_key(
    facts: CaseFacts,
    as_of: date,
    evidence: Sequence[lettering.Evidence],
    document: str = "motion",
    preparer_role: str | None = None,
) -> str:
    """The packet's ETag: everything in the drafts' key, plus this module's own code."""
    key = caching.cache_key(facts, f"filing-packet:{document}", as_of, evidence, preparer_role)
    return hashlib.sha256(f"{key}:{_packet_version()}".encode()).hexdigest()


def build_packet(
    facts: CaseFacts,
    *,
    as_of: date,
    screening: rules.Screening,
    evidence: Sequence[lettering.Evidence],
    open_file: Callable[[str], IO[bytes]],
    content_types: dict[str, str],
    document: str = "motion",
    preparer_role: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> Packet:
    """Assemble the packet of one motion ("motion" or "motion-now", as the screening allows).
    `open_file(key)` opens an uploaded document for reading, and `content_types[key]` says
    whether it is a PDF or an image (as checked on upload). `progress(done, total)` is told of
    each step: every page placed, then every page numbered."""
    exhibits = lettering.exhibit_list(facts, screening, evidence, document, preparer_role)
    motion = PdfReader(
        io.BytesIO(
            rendering.render(
                facts,
                document,
                as_of=as_of,
                screening=screening,
                exhibits=evidence,
                page_numbers=False,
                preparer_role=preparer_role,
            )
        )
    )
    cover_pdf, covers = _cover_pages(rendering.render_exhibit_covers(facts, exhibits), exhibits)
    writer = PdfWriter()
    tree = StructureTree(writer)
    with ExitStack() as files:
        contents = {
            e.letter: [
                _document_pages(files.enter_context(open_file(f.key)), content_types[f.key])
                for f in e.files
            ]
            for e in exhibits
        }
        # A paper the product drafts (the family member's declaration) goes behind its cover.
        drafted = {
            e.letter: _drafted_pages(facts, e.drafted, as_of, screening, preparer_role)
            for e in exhibits
            if e.drafted
        }
        for letter, pages in drafted.items():
            contents[letter].append(list(pages.pages))
        sizes = {
            e.letter: len(covers[e.letter]) + sum(len(p) for p in contents[e.letter])
            for e in exhibits
        }
        index = _index(facts, screening, exhibits, len(motion.pages), sizes, document)
        steps = 2 * (len(motion.pages) + len(index.pages) + sum(sizes.values()))
        report = _Progress(progress, steps)

        writer.append(motion)
        writer.add_outline_item(title="Motion", page_number=0)
        tree.add_tagged(motion, dict(enumerate(writer.pages)))
        start = len(writer.pages)
        writer.append(index)
        writer.add_outline_item(title="Index of exhibits", page_number=start)
        tree.add_tagged(index, {n: writer.pages[start + n] for n in range(len(index.pages))})
        report.step(len(writer.pages))
        placed_covers = {}
        for exhibit in exhibits:
            writer.add_outline_item(
                title=f"Exhibit {exhibit.letter} \u2014 {exhibit.description}",
                page_number=len(writer.pages),
            )
            for number in covers[exhibit.letter]:
                placed_covers[number] = writer.add_page(cover_pdf.pages[number])
                report.step()
            uploaded = contents[exhibit.letter][: len(exhibit.files)]
            for file, pages in zip(exhibit.files, uploaded, strict=True):
                for number, page in enumerate(pages, start=1):
                    tree.add_figure(
                        writer.add_page(page),
                        f"Exhibit {exhibit.letter}, {file.description}: "
                        f"page {number} of {len(pages)}, as uploaded.",
                    )
                    report.step()
            if exhibit.letter in drafted:
                reader = drafted[exhibit.letter]
                start = len(writer.pages)
                writer.append(reader)
                tree.add_tagged(
                    reader, {n: writer.pages[start + n] for n in range(len(reader.pages))}
                )
                for _ in reader.pages:
                    report.step()
        tree.add_tagged(cover_pdf, placed_covers)
        total = len(writer.pages)
        _stamp_page_numbers(writer, report.step)
        tree.finish(_title(facts))
        # Closed by whoever sends it (a FileResponse closes its file when done).
        out = tempfile.SpooledTemporaryFile(max_size=_SPOOL_BYTES)  # noqa: SIM115
        writer.write(out)
    out.seek(0)
    return Packet(out, total)


def _drafted_pages(
    facts: CaseFacts,
    document: str,
    as_of: date,
    screening: rules.Screening,
    preparer_role: str | None,
) -> PdfReader:
    pdf = rendering.render(
        facts,
        document,
        as_of=as_of,
        screening=screening,
        page_numbers=False,
        preparer_role=preparer_role,
    )
    return PdfReader(io.BytesIO(pdf))


def _title(facts: CaseFacts) -> str:
    title = "Motion for compassionate release, with exhibits"
    return f"{title} \u2014 {facts.person.name}" if facts.person.name else title


def image_page(file: IO[bytes]) -> bytes:
    """A photo or scan as one US Letter PDF page: turned upright, scaled to fit, centred."""
    dpi = IMAGE_DPI
    width, height = (round(side / 72 * dpi) for side in LETTER)
    left, top, right, bottom = (round(m * dpi) for m in IMAGE_MARGINS)
    box = (width - left - right, height - top - bottom)
    with Image.open(file) as opened:
        image = ImageOps.exif_transpose(opened)
        if image.mode in ("RGBA", "LA", "P"):
            image = image.convert("RGBA")
            flat = Image.new("RGB", image.size, "white")
            flat.paste(image, mask=image.getchannel("A"))
            image = flat
        else:
            image = image.convert("RGB")
        scale = min(box[0] / image.width, box[1] / image.height)
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    page = Image.new("RGB", (width, height), "white")
    page.paste(image, (left + (box[0] - size[0]) // 2, top + (box[1] - size[1]) // 2))
    out = io.BytesIO()
    page.save(out, "PDF", resolution=dpi, quality=IMAGE_QUALITY)
    return out.getvalue()


def _document_pages(file: IO[bytes], content_type: str) -> list:
    if content_type == "application/pdf":
        return list(open_pdf(file).pages)
    return list(PdfReader(io.BytesIO(image_page(file))).pages)


def _cover_pages(
    document, exhibits: Sequence[lettering.Exhibit]
) -> tuple[PdfReader, dict[str, range]]:
    """The covers, and each exhibit's cover pages in them (usually one), found by the anchor
    each cover carries."""
    reader = PdfReader(io.BytesIO(document.write_pdf(pdf_tags=True)))
    starts = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith("exhibit-"):
                starts.setdefault(anchor.removeprefix("exhibit-"), number)
    ordered = [starts[e.letter] for e in exhibits] + [len(reader.pages)]
    return reader, {e.letter: range(ordered[i], ordered[i + 1]) for i, e in enumerate(exhibits)}


def _index(
    facts: CaseFacts,
    screening: rules.Screening,
    exhibits: Sequence[lettering.Exhibit],
    motion_pages: int,
    sizes: dict[str, int],
    document: str = "motion",
) -> PdfReader:
    """The index, laid out until the page numbers it prints agree with its own length."""
    index_pages = 1
    for _ in range(3):
        first_pages, page = {}, motion_pages + index_pages + 1
        for exhibit in exhibits:
            first_pages[exhibit.letter] = page
            page += sizes[exhibit.letter]
        laid_out = rendering.render_exhibit_index(
            facts, screening, exhibits, first_pages=first_pages, document=document
        )
        if len(laid_out.pages) == index_pages:
            break
        index_pages = len(laid_out.pages)
    return PdfReader(io.BytesIO(laid_out.write_pdf(pdf_tags=True)))


def _stamp_page_numbers(writer: PdfWriter, stamped: Callable[[], None] = lambda: None) -> None:
    """Stamp "Page X of Y" on every page, centred at the foot of pages of any size or rotation."""
    stamps = PdfReader(io.BytesIO(rendering.render_page_numbers(len(writer.pages)))).pages
    for page, stamp in zip(writer.pages, stamps, strict=True):
        page.transfer_rotation_to_content()
        box = page.mediabox
        shift_x = float(box.left) + (float(box.width) - LETTER[0]) / 2
        page.merge_transformed_page(
            mark_as_artifact(stamp), Transformation().translate(shift_x, float(box.bottom))
        )
        stamped()


class _Progress:
    """Counts the builder's steps for an optional `progress(done, total)` callback."""

    def __init__(self, callback: Callable[[int, int], None] | None, total: int):
        self.callback, self.total, self.done = callback, total, 0

    def step(self, count: int = 1) -> None:
        self.done += count
        if self.callback is not None:
            self.callback(min(self.done, self.total), self.total)


@cache
def _packet_version() -> str:
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
