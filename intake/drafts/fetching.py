"""What WeasyPrint may load while it lays out a draft: the project's static files, nothing else.

Every render fetches through `StaticOnlyURLFetcher` (intake/drafts/rendering.py `layout`), so a
document can never make a network request or read another local file.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

from django.conf import settings
from weasyprint.urls import URLFetcher, URLFetcherResponse


class URLRefused(ValueError):
    """A URL outside the project's static files: drafts never load anything else."""


class StaticOnlyURLFetcher(URLFetcher):
    """WeasyPrint's fetcher, narrowed to files inside one directory (the project's static/).

    Every other URL (http, https, ftp, data, file elsewhere, a symlink out of the directory) is
    refused. WeasyPrint is told to treat a refusal as fatal, so a document that tries to load
    something it should not fails loudly instead of printing without it.
    """

    def __init__(self, root: Path):
        super().__init__(allowed_protocols=("file",), fail_on_errors=True)
        self.root = root.resolve()

    def fetch(self, url, headers=None):
        path = self.local_path(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": content_type})

    def local_path(self, url: str) -> Path:
        """The file a URL names, if it is a file under the root; URLRefused otherwise."""
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise URLRefused(f"drafts load only the project's static files, not {url}")
        path = Path(url2pathname(parts.path)).resolve()
        if not path.is_relative_to(self.root) or not path.is_file():
            raise URLRefused(f"drafts load only the project's static files, not {url}")
        return path


def static_root() -> Path:
    """The one directory documents may load files from."""
    return Path(settings.BASE_DIR) / "static"
