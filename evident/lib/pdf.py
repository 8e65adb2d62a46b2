"""PDF documents from HTML (WeasyPrint), and QR codes (segno) to print in them.

Every PDF is PDF/UA-1: tagged (headings, paragraphs, tables, figures with
their ``alt`` text in the structure tree), with its title and language in
the metadata, so a screen reader can read it. WeasyPrint keeps file
attachments in PDF/UA (it strips them only for PDF/A-1 and -2), with the
``/F``, ``/UF`` and ``/Desc`` entries PDF/UA asks of a file specification,
so a document can carry a machine-readable copy of what it prints.

Rendering never touches the network: the URL fetcher answers ``data:`` URLs
and files under the roots the caller names, and refuses everything else.
That guards against server-side request forgery (a template or a value in it
naming an internal address) and keeps the no-CDN rule: fonts come from the
system (DejaVu), never from the web.
"""

from __future__ import annotations

import base64
import io
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, unquote, urlsplit

import segno
from weasyprint import HTML, Attachment  # type: ignore[import-untyped]  # WeasyPrint ships no type hints
from weasyprint.urls import URLFetcher, URLFetcherResponse  # type: ignore[import-untyped]  # as above

logger = logging.getLogger(__name__)

PDF_VARIANT = "pdf/ua-1"


class RefusedURL(ValueError):
    """A resource outside what a PDF may load: not a data: URL nor a file under an allowed root."""


@dataclass(frozen=True)
class PdfAttachment:
    """A file embedded in the PDF, e.g. ``credential.json``."""

    name: str
    content: bytes
    description: str = ""
    # "Data", "Source", "Alternative", "Supplement" or "Unspecified" (ISO 32000-2, 7.11.3).
    relationship: str = "Data"
    modified: datetime = field(default_factory=lambda: datetime.now(UTC))


class OfflineFetcher(URLFetcher):  # type: ignore[misc]  # an untyped base class
    """WeasyPrint's fetcher, limited to ``data:`` URLs and files under ``roots``."""

    def __init__(self, roots: Iterable[Path | str] = ()) -> None:
        super().__init__(allowed_protocols={"data", "file"}, allow_redirects=False)
        self.roots = tuple(Path(root).resolve() for root in roots)

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "file":
            return self._file(url)
        logger.warning("pdf.refused_url", extra={"url": url[:200]})
        raise RefusedURL(f"PDFs load no network resources: {url[:200]}")

    def _file(self, url: str) -> URLFetcherResponse:
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            raise RefusedURL(f"PDFs load no files from other hosts: {url[:200]}")
        # resolve() follows symbolic links and "..", so a path cannot climb out of its root.
        path = Path(unquote(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            raise RefusedURL(f"PDFs load files only from the static and media folders: {path}")
        return URLFetcherResponse(path.as_uri(), path.read_bytes())


def render_pdf(
    html: str,
    *,
    attachments: Sequence[PdfAttachment] = (),
    base_url: str | None = None,
    file_roots: Iterable[Path | str] = (),
) -> bytes:
    """The HTML as a tagged PDF/UA-1 document with the given files attached.

    ``base_url`` resolves relative addresses in the HTML; whatever they
    resolve to, only ``data:`` URLs and files under ``file_roots`` load
    (anything else is left out and logged). The HTML should have a
    ``<title>`` and ``lang`` (PDF/UA shows the title and reads the language).
    """
    fetcher = OfflineFetcher(file_roots)
    document = HTML(string=html, base_url=base_url, url_fetcher=fetcher)
    return bytes(
        document.write_pdf(
            pdf_variant=PDF_VARIANT,
            attachments=[
                Attachment(
                    string=item.content,
                    name=item.name,
                    description=item.description,
                    relationship=item.relationship,
                    created=item.modified,
                    modified=item.modified,
                    url_fetcher=fetcher,
                )
                for item in attachments
            ],
        )
    )


def data_uri(content: str | bytes, media_type: str) -> str:
    """A ``data:`` URL for an image to print, e.g. an SVG badge in an ``<img>`` with its alt text."""
    raw = content.encode() if isinstance(content, str) else content
    if media_type.endswith("+xml"):
        return f"data:{media_type};charset=utf-8,{quote(raw, safe='')}"
    return f"data:{media_type};base64,{base64.b64encode(raw).decode()}"


def qr_svg(url: str, *, title: str = "QR code") -> str:
    """A standalone SVG of a QR code for ``url``, error correction M (survives a fold or a smudge)."""
    code = segno.make(url, error="m", boost_error=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=4, border=4, xmldecl=False, nl=False, title=title, dark="#000000")
    return out.getvalue().decode()
