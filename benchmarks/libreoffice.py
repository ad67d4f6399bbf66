"""LibreOffice, the route other document-assembly tools take: fill a DOCX, then convert it with
`soffice --headless --convert-to pdf`. Used by bench_drafts (time) and bench_memory (peak RSS)
where `soffice` is installed; without it they say so and skip.

The DOCX is the motion's own text: the same HTML WeasyPrint lays out (with its stylesheet
beside it) imported by LibreOffice Writer and saved as DOCX once, before anything is timed.
Each conversion is a new `soffice` process, as a web app shelling out to it would start one,
with a profile folder made once up front so the first-run set-up is not counted.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from common import ROOT

TIMEOUT = 120


def soffice() -> str | None:
    return shutil.which("soffice")


class Converter:
    """A scratch folder with the motion as DOCX and a LibreOffice profile ready to use."""

    def __init__(self, html: str) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="bench-soffice-"))
        self.profile = f"-env:UserInstallation=file://{self.folder / 'profile'}"
        (self.folder / "css").mkdir()
        shutil.copy(ROOT / "static" / "css" / "drafts.css", self.folder / "css")
        source = self.folder / "motion.html"
        source.write_text(html, encoding="utf-8")
        self._soffice(
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(self.folder),
            str(source),
        )
        self.docx = self.folder / "motion.docx"
        if not self.docx.exists():
            raise RuntimeError("LibreOffice did not write the DOCX")
        self.convert()  # once, untimed: the profile's first use is slower

    def convert_command(self) -> list[str]:
        """The command that converts the DOCX to PDF, in a clean output folder."""
        shutil.rmtree(self.folder / "pdf", ignore_errors=True)
        return self._command("--convert-to", "pdf", "--outdir", str(self.folder / "pdf"))

    def convert(self) -> bytes:
        """The DOCX converted to PDF by a new soffice process; the PDF's bytes."""
        subprocess.run(self.convert_command(), check=True, capture_output=True, timeout=TIMEOUT)
        pdf = (self.folder / "pdf" / "motion.pdf").read_bytes()
        if not pdf.startswith(b"%PDF"):
            raise RuntimeError("LibreOffice did not write a PDF")
        return pdf

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _command(self, *args: str) -> list[str]:
        return [soffice(), self.profile, "--headless", "--norestore", *args, str(self.docx)]

    def _soffice(self, *args: str) -> None:
        command = [soffice(), self.profile, "--headless", "--norestore", *args]
        subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT)
