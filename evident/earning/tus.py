"""The tus 1.0.0 server for resumable evidence uploads, at /api/v1/uploads/.

Classroom videos run to hundreds of megabytes and school Wi-Fi drops; tus
lets any client (tus-js-client in the browser, tuspy in scripts) ask how
much arrived and carry on from there. Supported: the core protocol and the
creation, creation-with-upload, termination, checksum (sha1, sha256, md5)
and expiration extensions (https://tus.io/protocols/resumable-upload).
Not supported: deferred length and concatenation. The bytes go to the chunk
store in ``uploads.py``; the finished file to ``services.upload_finish``.
See docs/decisions/0005-tus-uploads-in-chunks.md.

Metadata the browser sends on creation: ``submission`` and ``requirement``
(uuids), ``filename``, ``filetype``. The response to the request that
completes an upload says what became of the file: ``Evident-Evidence-File:
<uuid>``, or ``Evident-Upload-Error: <percent-encoded message>`` when the
file was refused (the status is still 204: the transfer itself worked).
HEAD on a finished upload repeats that header.

Authentication is the API's: ``Authorization: Bearer <token>`` (read-only
tokens may only ask, with HEAD), or the browser's session, whose writes
must carry the CSRF token in ``X-CSRFToken``. Uploads of other people
answer 404, as if they did not exist.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import logging
from collections.abc import Callable
from typing import Any
from urllib.parse import quote
from uuid import UUID

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import CsrfViewMiddleware
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils import timezone
from django.utils.http import http_date
from django.views.decorators.csrf import csrf_exempt

from evident.accounts.models import User
from evident.accounts.selectors import api_token_for_secret
from evident.accounts.services import api_token_record_use
from evident.earning import services, uploads
from evident.earning.models import Upload
from evident.earning.permissions import access_upload

logger = logging.getLogger(__name__)

TUS_VERSION = "1.0.0"
TUS_EXTENSIONS = "creation,creation-with-upload,termination,checksum,expiration"
OFFSET_OCTET_STREAM = "application/offset+octet-stream"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
READ_ONLY_MESSAGE = "This token is read-only: it cannot make changes."
UNAUTHENTICATED_MESSAGE = "Authentication required: send a valid token as 'Authorization: Bearer <token>', or sign in."

Handler = Callable[[HttpRequest, User, UUID | None], HttpResponse]


# Views ----------------------------------------------------------------------------------------------------------
# The API authenticates every call itself and answers 401 in JSON, so the
# site's sign-in redirect must not apply; session writes are CSRF-checked in
# _authenticate, after the effective method is known.


@login_not_required
@csrf_exempt
def collection(request: HttpRequest) -> HttpResponse:
    """``/api/v1/uploads/``: OPTIONS (what this server supports) and POST (a new upload)."""
    return _dispatch(request, None, {"POST": _create})


@login_not_required
@csrf_exempt
def resource(request: HttpRequest, uuid: UUID) -> HttpResponse:
    """``/api/v1/uploads/<uuid>``: HEAD (how far it got), PATCH (more bytes), DELETE (terminate)."""
    return _dispatch(request, uuid, {"HEAD": _head, "PATCH": _patch, "DELETE": _terminate})


def _dispatch(request: HttpRequest, upload_uuid: UUID | None, handlers: dict[str, Handler]) -> HttpResponse:
    # Clients that cannot send PATCH or DELETE send POST with the real method
    # in this header. Everything below, the CSRF and read-only checks included,
    # goes by the effective method.
    override = request.headers.get("X-HTTP-Method-Override", "").strip().upper()
    if override:
        request.method = override
    method = request.method or ""
    if method == "OPTIONS":
        return _options()
    if request.headers.get("Tus-Resumable") != TUS_VERSION:
        return _error(412, f"This server speaks tus {TUS_VERSION}: send 'Tus-Resumable: {TUS_VERSION}'.")
    handler = handlers.get(method)
    if handler is None:
        response = _error(405, f"{method} is not allowed here.")
        response["Allow"] = ", ".join(["OPTIONS", *handlers])
        return response
    # Before authentication: the session's CSRF check reads a form body, and a
    # form body has no business here.
    carries_bytes = method == "PATCH" or (method == "POST" and bool(_content_length(request)))
    if carries_bytes and request.content_type != OFFSET_OCTET_STREAM:
        return _error(415, f"Send the bytes as 'Content-Type: {OFFSET_OCTET_STREAM}'.")
    actor = _authenticate(request)
    if isinstance(actor, HttpResponse):
        return actor
    try:
        return handler(request, actor, upload_uuid)
    except Exception:
        logger.exception("tus %s %s failed", method, request.path)
        return _error(500, "Something went wrong on our side. It has been logged; please retry later.")


def _options() -> HttpResponse:
    # OPTIONS ignores Tus-Resumable (the spec says so): it is how a client finds out what we speak.
    return _tus(
        HttpResponse(status=204),
        {
            "Tus-Version": TUS_VERSION,
            "Tus-Extension": TUS_EXTENSIONS,
            "Tus-Max-Size": str(settings.EARNING_MAX_UPLOAD_BYTES),
            "Tus-Checksum-Algorithm": ",".join(uploads.CHECKSUM_ALGORITHMS),
        },
    )


def _create(request: HttpRequest, actor: User, upload_uuid: UUID | None) -> HttpResponse:
    """Creation, and creation-with-upload when the POST carries the first bytes."""
    if "Upload-Length" not in request.headers and "Upload-Defer-Length" in request.headers:
        return _error(400, "Send the size of the file as Upload-Length: this server does not take deferred lengths.")
    length = _non_negative(request.headers.get("Upload-Length"))
    if length is None:
        return _error(400, "Send the size of the file in bytes as Upload-Length.")
    if length > settings.EARNING_MAX_UPLOAD_BYTES:
        return _error(
            413,
            f"The file is too large: evidence files may be up to {filesizeformat(settings.EARNING_MAX_UPLOAD_BYTES)}.",
        )
    if length == 0:
        return _error(400, "The file is empty.")
    try:
        metadata = parse_metadata(request.headers.get("Upload-Metadata", ""))
        checksum = parse_checksum(request.headers.get("Upload-Checksum"))
    except ValueError as exc:
        return _error(400, str(exc))
    if not metadata.get("submission") or not metadata.get("requirement"):
        return _error(400, "Upload-Metadata must name the 'submission' and the 'requirement' the file is for.")
    size = _content_length(request)
    if size is None:
        return _bad_length(request)
    if size > length:
        return _error(413, "The request carries more bytes than the Upload-Length it announces.")
    try:
        upload = services.upload_create(
            actor=actor,
            submission_uuid=metadata["submission"],
            requirement_uuid=metadata["requirement"],
            filename=metadata.get("filename") or metadata.get("name") or "upload",
            length=length,
            metadata=metadata,
        )
    except Http404 as exc:
        return _error(404, str(exc) or "No such submission.")
    except (ValidationError, PermissionDenied) as exc:
        return _refused(exc)
    response = HttpResponse(status=201)
    response["Location"] = request.build_absolute_uri(reverse("tus:resource", kwargs={"uuid": upload.uuid}))
    # The upload exists even if these bytes are not kept (checksum mismatch):
    # Upload-Offset 0 then tells the client to send them again with PATCH.
    with contextlib.suppress(uploads.ChecksumMismatch, uploads.UploadConflict):
        if size:
            upload = uploads.append_chunk(upload=upload, offset=0, body=request, size=size, checksum=checksum).upload
    return _tus(response, _progress_headers(upload))


def _head(request: HttpRequest, actor: User, upload_uuid: UUID | None) -> HttpResponse:
    upload = access_upload(actor, upload_uuid)
    if upload is None:
        return _not_found()
    if _expired(upload):
        return _gone()
    headers = _progress_headers(upload)
    headers["Upload-Length"] = str(upload.length)
    if upload.metadata:
        headers["Upload-Metadata"] = encode_metadata(upload.metadata)
    return _tus(HttpResponse(status=200), headers)


def _patch(request: HttpRequest, actor: User, upload_uuid: UUID | None) -> HttpResponse:
    offset = _non_negative(request.headers.get("Upload-Offset"))
    if offset is None:
        return _error(400, "Send Upload-Offset: the byte of the file these bytes start at.")
    size = _content_length(request)
    if size is None:
        return _bad_length(request)
    try:
        checksum = parse_checksum(request.headers.get("Upload-Checksum"))
    except ValueError as exc:
        return _error(400, str(exc))
    upload = access_upload(actor, upload_uuid)
    if upload is None:
        return _not_found()
    if _expired(upload):
        return _gone()
    if not upload.submission.is_draft:
        return _error(403, "This submission has been sent for review and can no longer change.")
    if offset != upload.offset:
        return _conflict()
    if offset + size > upload.length:
        return _error(413, f"The upload is {upload.length} bytes; these bytes would go past its end.")
    if upload.completed_at is not None or size == 0:
        return _tus(HttpResponse(status=204), _progress_headers(upload))
    try:
        appended = uploads.append_chunk(upload=upload, offset=offset, body=request, size=size, checksum=checksum)
    except uploads.ChecksumMismatch:
        return _error(
            460, "The bytes received do not match Upload-Checksum: send them again.", reason="Checksum Mismatch"
        )
    except uploads.UploadConflict:
        return _conflict()
    except Http404:
        return _not_found()
    except (ValidationError, PermissionDenied) as exc:
        return _refused(exc)
    return _tus(HttpResponse(status=204), _progress_headers(appended.upload))


def _terminate(request: HttpRequest, actor: User, upload_uuid: UUID | None) -> HttpResponse:
    upload = access_upload(actor, upload_uuid)
    if upload is None:
        return _not_found()
    uploads.upload_terminate(upload=upload)
    return _tus(HttpResponse(status=204), {})


# Who is asking --------------------------------------------------------------------------------------------------


def _authenticate(request: HttpRequest) -> User | HttpResponse:
    """The API's rules: a bearer token, or the signed-in browser with a CSRF token on writes."""
    scheme, _, secret = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "bearer":
        token = api_token_for_secret(secret.strip())
        if token is None:
            return _unauthenticated()
        if token.read_only and request.method not in SAFE_METHODS:
            return _error(403, READ_ONLY_MESSAGE)
        api_token_record_use(token)
        request.user = token.user
        return token.user
    user = request.user
    if not isinstance(user, User) or not user.is_active:
        return _unauthenticated()
    if request.method not in SAFE_METHODS and _csrf_refused(request):
        return _error(403, "The CSRF check failed: send the page's CSRF token in the X-CSRFToken header.")
    return user


def _csrf_refused(request: HttpRequest) -> bool:
    """Django's own CSRF check (token and origin), as the middleware would have made it."""
    middleware = CsrfViewMiddleware(_unused_response)
    return middleware.process_view(request, _csrf_protected, (), {}) is not None


def _unused_response(request: HttpRequest) -> HttpResponse:
    raise AssertionError("only process_view is called")  # pragma: no cover


def _csrf_protected(request: HttpRequest) -> HttpResponse:
    raise AssertionError("never called: stands for a view without csrf_exempt")  # pragma: no cover


def _expired(upload: Upload) -> bool:
    # Kept until expire_uploads deletes it, so it can answer 410 rather than 404.
    return upload.completed_at is None and upload.expires_at <= timezone.now()


# Headers --------------------------------------------------------------------------------------------------------


def parse_metadata(header: str) -> dict[str, str]:
    """``Upload-Metadata``: comma-separated ``key base64(value)`` pairs; a key alone means an empty value.

    Raises ValueError for an empty or repeated key, or a value that is not
    Base64 of UTF-8 text.
    """
    metadata: dict[str, str] = {}
    for pair in header.split(","):
        pair = pair.strip()
        if not pair:
            continue
        key, _, value = pair.partition(" ")
        if not key.isascii() or not key.isprintable() or key in metadata:
            raise ValueError("Upload-Metadata keys must be unique, printable ASCII words.")
        try:
            decoded = base64.b64decode(value.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise ValueError(f"The Upload-Metadata value for '{key}' is not Base64-encoded text.") from None
        if "\x00" in decoded:
            raise ValueError(f"The Upload-Metadata value for '{key}' contains a NUL character.")
        metadata[key] = decoded
    return metadata


def encode_metadata(metadata: dict[str, Any]) -> str:
    """``Upload-Metadata`` again from the decoded values (Base64 keeps it safe as a header)."""
    pairs = []
    for key, value in metadata.items():
        text = str(value)
        pairs.append(f"{key} {base64.b64encode(text.encode()).decode('ascii')}" if text else key)
    return ",".join(pairs)


def parse_checksum(header: str | None) -> uploads.Checksum | None:
    """``Upload-Checksum: <algorithm> <base64 digest>``. Raises ValueError for an unknown algorithm or bad digest."""
    if header is None:
        return None
    algorithm, _, encoded = header.strip().partition(" ")
    if algorithm not in uploads.CHECKSUM_ALGORITHMS:
        raise ValueError(f"Upload-Checksum algorithms accepted: {', '.join(uploads.CHECKSUM_ALGORITHMS)}.")
    try:
        digest = base64.b64decode(encoded.strip(), validate=True)
    except binascii.Error:
        raise ValueError("The Upload-Checksum digest is not Base64.") from None
    return uploads.Checksum(algorithm=algorithm, digest=digest)


def _non_negative(value: str | None) -> int | None:
    if value is None or not value.strip().isdigit():
        return None
    return int(value)


def _content_length(request: HttpRequest) -> int | None:
    """The body's size: 0 when absent (a chunked body then reads as empty), None when malformed."""
    raw = request.META.get("CONTENT_LENGTH") or ""
    if not raw:
        return None if "Transfer-Encoding" in request.headers else 0
    return _non_negative(raw)


def _progress_headers(upload: Upload) -> dict[str, str]:
    headers = {"Upload-Offset": str(upload.offset)}
    if upload.completed_at is None:
        headers["Upload-Expires"] = http_date(upload.expires_at.timestamp())
    elif upload.evidence_file is not None:
        headers["Evident-Evidence-File"] = str(upload.evidence_file.uuid)
    elif upload.error:
        headers["Evident-Upload-Error"] = quote(upload.error, safe="")
    return headers


# Responses ------------------------------------------------------------------------------------------------------


def _tus(response: HttpResponse, headers: dict[str, str]) -> HttpResponse:
    response["Tus-Resumable"] = TUS_VERSION
    # HEAD must not be cached (the offset changes); nothing else here should be either.
    response["Cache-Control"] = "no-store"
    if not response.content:
        # An empty answer has no type (Django would call it text/html).
        del response["Content-Type"]
    for name, value in headers.items():
        response[name] = value
    return response


def _error(status: int, message: str, *, reason: str | None = None) -> HttpResponse:
    """The API's error envelope, with the tus headers."""
    response = JsonResponse({"message": message, "extra": {}}, status=status, reason=reason)
    headers = {"Tus-Version": TUS_VERSION} if status == 412 else {}
    return _tus(response, headers)


def _unauthenticated() -> HttpResponse:
    response = _error(401, UNAUTHENTICATED_MESSAGE)
    response["WWW-Authenticate"] = 'Bearer realm="evident"'
    return response


def _not_found() -> HttpResponse:
    return _error(404, "No such upload.")


def _gone() -> HttpResponse:
    return _error(410, "This upload expired before it was finished. Start the upload again.")


def _bad_length(request: HttpRequest) -> HttpResponse:
    if "Transfer-Encoding" in request.headers:
        return _error(411, "Send Content-Length: chunked request bodies are not accepted.")
    return _error(400, "Content-Length must be a number of bytes.")


def _conflict() -> HttpResponse:
    return _error(409, "Those bytes are not where the upload stands: ask with HEAD where to resume.")


def _refused(exc: ValidationError | PermissionDenied) -> HttpResponse:
    if isinstance(exc, PermissionDenied):
        return _error(403, str(exc) or "You may not upload here.")
    status = {"too_large": 413, "not_draft": 403, "carried_over": 403}.get(str(getattr(exc, "code", "")), 400)
    return _error(status, " ".join(exc.messages))
