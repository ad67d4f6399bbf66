"""What an uploaded file really is, judged by its content, never by its name or the browser.

A PDF must open and every page must read (the filing packet copies them all); an image must be
a JPEG or a PNG that decodes to the last pixel. Anything else is refused with a message that
says what to do. Reading the whole file costs a moment on upload and saves the family from a
packet that cannot be built on the day they need it.
"""

from __future__ import annotations

import hashlib
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import IO

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageFile, UnidentifiedImageError
from pypdf import PdfReader, apply_configuration
from pypdf.errors import DependencyError, LimitReachedError, PyPdfError

NOT_SUPPORTED = _(
    "This file is not a PDF, a JPEG photo or a PNG picture, so it cannot go in the court "
    "papers. Choose a PDF, JPEG or PNG file. (On an iPhone, photos can be saved as JPEG: in "
    "Settings, Camera, Formats, choose “Most Compatible”.)"
)
BROKEN_PDF = _(
    "This PDF cannot be opened: it may be damaged, or only part of it was downloaded. Open it "
    "on your device to check it, save or download it again, and add the new copy."
)
LOCKED_PDF = _(
    "This PDF is locked with a password. Open it, save a copy without the password, and add "
    "that copy."
)
BROKEN_IMAGE = _(
    "This picture cannot be opened: it may be damaged, or only part of it was copied. Take the "
    "photo again, or choose another copy of it."
)
HUGE_PDF = _(
    "This PDF holds more than a court filing can: too many pages, or pages too heavy to print. "
    "Split it into smaller parts, or print the pages that matter to a new PDF, and add that."
)
HUGE_IMAGE = _(
    "This picture is too large to print. Take the photo again with a lower setting, or take "
    "a screenshot of it and add that."
)

# What one upload may cost to check and to copy into the filing packet. A PDF's pages are
# instructions that unpack when read: a 2.7 MB file unpacked to 2.8 GB, a picture of 86 KB to
# 88 megapixels. Each bound is checked before the work it bounds.
MAX_STREAM_BYTES = 16 * 1024 * 1024  # one unpacked stream of a page
MAX_CONTENT_BYTES = 64 * 1024 * 1024  # all of one PDF's pages, unpacked
MAX_IMAGE_PIXELS = 50_000_000  # a 50-megapixel photo; the largest phone cameras need no more

# How far into a file the PDF header may start (the PDF standard tolerates leading bytes).
_PDF_HEADER_WINDOW = 1024
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Inspected:
    content_type: str
    sha256: str
    size: int
    pages: int


def inspect(file: IO[bytes]) -> Inspected:
    """The file's real type, digest, size and page count; ValidationError if it is refused."""
    file.seek(0)
    head = file.read(_PDF_HEADER_WINDOW)
    if b"%PDF-" in head:
        content_type, pages = "application/pdf", _pdf_pages(file)
    elif head.startswith(b"\xff\xd8\xff"):
        content_type, pages = "image/jpeg", _image_pages(file, "JPEG")
    elif head.startswith(b"\x89PNG\r\n\x1a\n"):
        content_type, pages = "image/png", _image_pages(file, "PNG")
    else:
        raise ValidationError(NOT_SUPPORTED, code="not_supported")
    digest, size = _digest(file)
    return Inspected(content_type, digest, size, pages)


def open_pdf(file: IO[bytes]) -> PdfReader:
    """A reader over an accepted PDF, unlocked if it opens without a password."""
    reader = PdfReader(file)
    if reader.is_encrypted and not reader.decrypt(""):
        raise ValidationError(LOCKED_PDF, code="locked_pdf")
    return reader


def _pdf_pages(file: IO[bytes]) -> int:
    file.seek(0)
    try:
        with apply_configuration(**_STREAM_LIMITS):
            reader = open_pdf(file)
            pages = len(reader.pages)
            if pages > settings.EVIDENCE_MAX_PAGES_PER_FILE:
                raise ValidationError(HUGE_PDF, code="huge_pdf")
            unpacked = 0
            for page in reader.pages:
                # Reading each page's box and contents reaches every object the packet copies;
                # parsing the contents is what the packet's page numbering does to each page.
                _ = page.mediabox
                contents = page.get_contents()
                if contents is not None:
                    unpacked += len(contents.get_data())
                    if unpacked > MAX_CONTENT_BYTES:
                        raise ValidationError(HUGE_PDF, code="huge_pdf")
                    _ = contents.operations
    except ValidationError:
        raise
    except LimitReachedError:
        raise ValidationError(HUGE_PDF, code="huge_pdf") from None
    except DependencyError:
        # Encrypted with AES, which pypdf reads only with an extra library: treat as locked.
        raise ValidationError(LOCKED_PDF, code="locked_pdf") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError):
        raise ValidationError(BROKEN_PDF, code="broken_pdf") from None
    if pages == 0:
        raise ValidationError(BROKEN_PDF, code="broken_pdf")
    return pages


# pypdf's own bounds on one stream (75 MB each by default), narrowed.
_STREAM_LIMITS = {
    "maximum_declared_stream_length": MAX_STREAM_BYTES,
    "array_based_stream_maximum_output_length": MAX_STREAM_BYTES,
    "lzw_maximum_output_length": MAX_STREAM_BYTES,
    "run_length_maximum_output_length": MAX_STREAM_BYTES,
    "zlib_maximum_output_length": MAX_STREAM_BYTES,
    "brotli_maximum_output_length": MAX_STREAM_BYTES,
    "jbig2_maximum_output_length": MAX_STREAM_BYTES,
}


@contextmanager
def _strict_decoding() -> Iterator[None]:
    """Let Pillow refuse a truncated image while we check one.

    WeasyPrint sets Pillow's process-wide LOAD_TRUNCATED_IMAGES on import, which would make a
    photo cut short decode as if whole (its missing part grey). Drafts load only the project's
    own static images, so turning it off for a moment changes nothing for them.
    """
    before = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        yield
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = before


def _image_pages(file: IO[bytes], expected: str) -> int:
    file.seek(0)
    with warnings.catch_warnings(), _strict_decoding():
        # Pillow warns, then refuses, past MAX_IMAGE_PIXELS: refuse at the warning.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(file) as image:
                if image.format != expected:
                    raise ValidationError(NOT_SUPPORTED, code="not_supported")
                # Read from the header, before a single pixel is unpacked.
                width, height = image.size
                if width * height > MAX_IMAGE_PIXELS:
                    raise ValidationError(HUGE_IMAGE, code="huge_image")
                # verify() walks the chunks to the end (a PNG cut short of its end chunk);
                # load() decodes every pixel (a JPEG cut short). verify() needs a fresh open.
                image.verify()
            file.seek(0)
            with Image.open(file) as image:
                image.load()
        except ValidationError:
            raise
        except (Image.DecompressionBombWarning, Image.DecompressionBombError):
            raise ValidationError(HUGE_IMAGE, code="huge_image") from None
        except (UnidentifiedImageError, OSError, ValueError, SyntaxError):
            raise ValidationError(BROKEN_IMAGE, code="broken_image") from None
    return 1


def _digest(file: IO[bytes]) -> tuple[str, int]:
    file.seek(0)
    digest, size = hashlib.sha256(), 0
    while chunk := file.read(_CHUNK):
        digest.update(chunk)
        size += len(chunk)
    file.seek(0)
    return digest.hexdigest(), size
