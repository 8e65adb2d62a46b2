"""Serving evidence: only through a permission check, by expiring link, with Range.

Evidence is never under a public URL. Each request checks who is asking
(:func:`access_evidence_file`) and that the link was made for them and has
not expired. Local storage is streamed here with HTTP Range support, so
video seeks; object storage gets a redirect to a short-lived presigned URL.
Every view is recorded; a video's later Range requests (seeks, buffering)
are part of the view that opened it and are not recorded again.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import IO, Any, cast
from uuid import UUID

from django.core.files.storage import FileSystemStorage, default_storage
from django.http import Http404, HttpResponse, HttpResponseRedirect, StreamingHttpResponse
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_http_methods

from evident.accounts.http import EvidentRequest
from evident.earning import services
from evident.earning.links import VARIANTS, link_is_valid
from evident.earning.models import EvidenceFile
from evident.earning.permissions import Capacity, access_evidence_file
from evident.lib.ranges import UnsatisfiableRange, parse_range

BLOCK = 256 * 1024
# Shown in the browser; anything else (DOCX) downloads.
INLINE_TYPES = ("video/", "image/", "application/pdf")


def _stored_name(file: EvidenceFile, variant: str) -> tuple[str, str]:
    if variant == "web" and file.web_video.name:
        return file.web_video.name, "video/mp4"
    if variant == "web" and file.processing == EvidenceFile.Processing.READY:
        # Already web-friendly: the original plays as it is.
        return file.original.name, file.content_type
    if variant == "poster" and file.poster.name:
        return file.poster.name, "image/jpeg"
    if variant in {"web", "poster"}:
        raise Http404("This copy is not ready yet.")
    return file.original.name, file.content_type


def _stream(handle: IO[bytes], first: int, length: int) -> Iterator[bytes]:
    try:
        handle.seek(first)
        remaining = length
        while remaining > 0:
            block = handle.read(min(BLOCK, remaining))
            if not block:
                break
            remaining -= len(block)
            yield block
    finally:
        handle.close()


@require_http_methods(["GET", "HEAD"])
def evidence_file(request: EvidentRequest, uuid: UUID, variant: str) -> HttpResponse | StreamingHttpResponse:
    if variant not in VARIANTS:
        raise Http404("No such file.")
    file, capacity = access_evidence_file(request.user, uuid)
    if not link_is_valid(request.GET.get("t", ""), file=file, viewer=request.user, variant=variant):
        # An expired or borrowed link: the page that made it makes a fresh one.
        raise Http404("This link has expired. Go back and open the evidence again.")
    name, content_type = _stored_name(file, variant)
    range_header = request.headers.get("Range")
    if not range_header or range_header.strip().startswith("bytes=0-"):
        services.evidence_view_record(viewer=request.user, file=file, capacity=capacity, variant=variant)
    disposition = "inline" if content_type.startswith(INLINE_TYPES) else "attachment"
    if capacity == Capacity.REVIEWER:
        # Review is blind, and a file's own name can carry the educator's.
        filename = f"evidence-{file.uuid}.{name.rsplit('.', 1)[-1]}"
    else:
        filename = file.original_name if variant == "original" else f"{file.uuid}-{variant}"
    header = content_disposition_header(disposition == "attachment", filename) or disposition
    if not isinstance(default_storage, FileSystemStorage):
        # Object storage (django-storages' S3Storage) presigns a short-lived URL
        # that keeps the file's name; its url() takes parameters the base class lacks.
        presigning = cast(Any, default_storage)
        url = presigning.url(name, parameters={"ResponseContentDisposition": header})
        response: HttpResponse | StreamingHttpResponse = HttpResponseRedirect(url)
        response["Cache-Control"] = "private, no-store"
        return response
    size = default_storage.size(name)
    try:
        byte_range = parse_range(range_header, size)
    except UnsatisfiableRange:
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
        return response
    first, last = byte_range if byte_range else (0, size - 1)
    length = max(last - first + 1, 0)
    if request.method == "HEAD":
        response = HttpResponse(status=206 if byte_range else 200)
    else:
        response = StreamingHttpResponse(
            _stream(default_storage.open(name, "rb"), first, length), status=206 if byte_range else 200
        )
    response["Content-Type"] = content_type
    response["Content-Length"] = str(length)
    response["Accept-Ranges"] = "bytes"
    if byte_range:
        response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Content-Disposition"] = header
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    # A PDF or image opened on its own must not run anything in our origin.
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; media-src 'self'; sandbox"
    return response
