"""The chunk store behind resumable (tus) uploads: no HTTP here.

Each accepted piece of an upload is kept through Django's storage API
(local disk by default, S3 in production) as its own object under
``uploads/<upload uuid>/``, with an :class:`UploadChunk` row. Nothing lives
in a process's memory or on one machine's disk between requests, so any app
process on any machine can take the next piece. See
docs/decisions/0005-tus-uploads-in-chunks.md.

Concurrency: the upload's offset only moves by a conditional UPDATE
(``WHERE offset = <the offset the piece starts at>``). Two requests that
carry bytes for the same offset may both store their object, but only one
UPDATE changes a row; the other deletes its object and gets
:class:`UploadConflict`.

Interruption: a body that stops short (the client went away) still counts
for the bytes that arrived, as tus asks, unless it came with a checksum,
which a partial body cannot match.

.. pii:: the bytes are classroom evidence (minors may be seen or heard).
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from evident.earning import services
from evident.earning.models import EvidenceFile, Upload, UploadChunk

logger = logging.getLogger(__name__)

# What the checksum extension accepts, in order of preference. These check
# that bytes arrived intact; they are not used for security.
CHECKSUM_ALGORITHMS = ("sha1", "sha256", "md5")
READ_BLOCK = 1024 * 1024


class Readable(Protocol):
    def read(self, size: int, /) -> bytes: ...


class UploadConflict(Exception):
    """Another request moved the upload's offset first, or the upload is finished or gone. Nothing was kept."""


class ChecksumMismatch(Exception):
    """The bytes received do not match the checksum sent with them. Nothing was kept."""


class UploadIncomplete(Exception):
    """The stored chunks do not add up to the whole upload (a gap or a short object)."""


@dataclass(frozen=True)
class Checksum:
    algorithm: str  # one of CHECKSUM_ALGORITHMS
    digest: bytes


@dataclass(frozen=True)
class Appended:
    upload: Upload
    received: int
    # The body stopped before the size announced: the client went away.
    interrupted: bool
    # These bytes completed the upload and it was handed to services.upload_finish:
    # ``evidence_file`` is what it made, or None with the reason in ``upload.error``.
    finished: bool = False
    evidence_file: EvidenceFile | None = None


def chunk_folder(upload: Upload) -> str:
    return f"uploads/{upload.uuid}"


def _chunk_name(upload: Upload, offset: int) -> str:
    # The random part matters: two requests racing for one offset must never
    # write the same object, since S3 has no "create only if absent" and the
    # loser deletes its own object afterwards.
    return f"{chunk_folder(upload)}/{offset:020d}-{secrets.token_hex(4)}.part"


def _expiry(now: datetime) -> datetime:
    return now + timedelta(hours=settings.EARNING_UPLOAD_EXPIRY_HOURS)


def _temporary_path(suffix: str = ".part") -> Path:
    """A new empty local file, which the caller deletes."""
    descriptor, name = tempfile.mkstemp(prefix="evident-upload-", suffix=suffix, dir=settings.FILE_UPLOAD_TEMP_DIR)
    os.close(descriptor)
    return Path(name)


class _FinishedTemporaryFile(File):  # type: ignore[type-arg]  # generic in django-stubs, not subscriptable at run time
    """A local temporary file we are done with: FileSystemStorage moves it into place instead of copying."""

    def temporary_file_path(self) -> str:
        return str(self.name)


def _receive(body: Readable, size: int, checksum: Checksum | None) -> tuple[Path, int, bool, bytes | None]:
    """Copy up to ``size`` bytes of ``body`` into a new temporary file.

    Returns the file, the bytes received, whether the body stopped short and
    the digest for ``checksum``'s algorithm. A read error is the client going
    away (Django raises UnreadablePostError, an OSError): what arrived is kept.
    """
    hasher = hashlib.new(checksum.algorithm, usedforsecurity=False) if checksum is not None else None
    path = _temporary_path()
    received = 0
    interrupted = False
    try:
        with path.open("wb") as handle:
            while received < size:
                try:
                    block = body.read(min(READ_BLOCK, size - received))
                except OSError:
                    interrupted = True
                    break
                if not block:
                    interrupted = True
                    break
                handle.write(block)
                if hasher is not None:
                    hasher.update(block)
                received += len(block)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path, received, interrupted, hasher.digest() if hasher is not None else None


def append_chunk(
    *, upload: Upload, offset: int, body: Readable, size: int, checksum: Checksum | None = None
) -> Appended:
    """Add the bytes of ``body`` (``size`` announced) to ``upload`` at ``offset``.

    Preconditions (the caller checks them): the upload is the actor's, its
    submission is a draft, ``offset`` is the upload's offset as last read and
    ``offset + size <= upload.length``.

    Keeps what arrived if the body stops short. Raises ChecksumMismatch or
    UploadConflict, keeping nothing. When the bytes complete the upload, the
    chunks are assembled and handed to ``services.upload_finish``, then
    deleted; if that raises, the offset goes back to where these bytes
    started (so the client's retry sends them again) and the exception
    propagates.
    """
    path, received, interrupted, digest = _receive(body, size, checksum)
    try:
        if checksum is not None and digest != checksum.digest:
            raise ChecksumMismatch()
        if interrupted:
            logger.info("upload %s: body stopped after %d of %d bytes at %d", upload.uuid, received, size, offset)
        if received == 0:
            return Appended(upload=upload, received=0, interrupted=interrupted)
        if offset + received < upload.length:
            _store_chunk(upload, offset, path, received)
            return Appended(upload=upload, received=received, interrupted=interrupted)
        return _complete(upload, offset, path, received, interrupted)
    finally:
        path.unlink(missing_ok=True)


def _store_chunk(upload: Upload, offset: int, path: Path, size: int) -> None:
    """Keep a piece in storage, then move the offset past it if nobody else did first."""
    with path.open("rb") as handle:
        name = default_storage.save(_chunk_name(upload, offset), _FinishedTemporaryFile(handle, name=str(path)))
    now = timezone.now()
    try:
        with transaction.atomic():
            moved = Upload.objects.filter(pk=upload.pk, offset=offset, completed_at__isnull=True).update(
                offset=offset + size, expires_at=_expiry(now)
            )
            if moved != 1:
                raise UploadConflict()
            UploadChunk.objects.create(upload=upload, offset=offset, size=size, name=name)
    except BaseException:
        _delete_objects([name])
        raise
    upload.offset, upload.expires_at = offset + size, _expiry(now)


def _complete(upload: Upload, offset: int, tail: Path, size: int, interrupted: bool) -> Appended:
    """The last piece: claim the upload, assemble it and hand it to the service.

    The conditional UPDATE to the full length is the claim: of two requests
    completing the same upload, only one finishes it. The last piece is
    never stored as a chunk; it is appended from the local file.
    """
    now = timezone.now()
    claimed = Upload.objects.filter(pk=upload.pk, offset=offset, completed_at__isnull=True).update(
        offset=upload.length, expires_at=_expiry(now)
    )
    if claimed != 1:
        raise UploadConflict()
    upload.offset, upload.expires_at = upload.length, _expiry(now)
    assembled: Path | None = None
    try:
        # A file sent in one piece is already whole: no copy.
        assembled = assemble(upload, tail=tail) if upload.chunks.exists() else tail
        evidence_file = services.upload_finish(upload=upload, path=assembled)
    except BaseException:
        Upload.objects.filter(pk=upload.pk, offset=upload.length, completed_at__isnull=True).update(offset=offset)
        upload.offset = offset
        raise
    finally:
        if assembled is not None and assembled != tail:
            assembled.unlink(missing_ok=True)
    _discard_chunks(upload)
    upload.refresh_from_db(fields=["offset", "completed_at", "error", "evidence_file", "expires_at"])
    return Appended(upload=upload, received=size, interrupted=interrupted, finished=True, evidence_file=evidence_file)


def assemble(upload: Upload, *, tail: Path | None = None) -> Path:
    """The whole upload in one new local temporary file, which the caller deletes.

    The stored chunks are copied in order, then ``tail`` (a last piece not
    stored as a chunk). Raises UploadIncomplete when the pieces leave a gap
    or do not add up to the upload's length.
    """
    suffix = Path(upload.filename).suffix.lower()
    path = _temporary_path(suffix if suffix[1:].isalnum() and len(suffix) <= 10 else ".upload")
    try:
        expected = 0
        with path.open("wb") as out:
            for chunk in upload.chunks.order_by("offset"):
                if chunk.offset != expected:
                    raise UploadIncomplete(f"upload {upload.uuid}: chunk at {chunk.offset}, expected {expected}")
                with default_storage.open(chunk.name, "rb") as source:
                    shutil.copyfileobj(source, out, READ_BLOCK)
                expected += chunk.size
                if out.tell() != expected:
                    raise UploadIncomplete(f"upload {upload.uuid}: chunk {chunk.name} is not {chunk.size} bytes")
            if tail is not None:
                with tail.open("rb") as source:
                    shutil.copyfileobj(source, out, READ_BLOCK)
            if out.tell() != upload.length:
                raise UploadIncomplete(f"upload {upload.uuid}: {out.tell()} bytes, expected {upload.length}")
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return path


def upload_terminate(*, upload: Upload) -> None:
    """Forget an upload and free its bytes (tus termination).

    The caller has checked that the upload is the actor's. An evidence file
    the upload already made stays: removing evidence is
    ``services.evidence_file_remove``. A request still sending bytes to it
    finds the row gone and deletes its own piece.
    """
    names = list(upload.chunks.values_list("name", flat=True))
    Upload.objects.filter(pk=upload.pk).delete()
    _delete_objects(names)
    _delete_leftovers(upload)


def expire_uploads(now: datetime | None = None) -> int:
    """Delete unfinished uploads past their expiry, with their chunks; returns how many.

    Periodic. Expiry slides: every accepted piece pushes it to
    ``EARNING_UPLOAD_EXPIRY_HOURS`` from then, so only abandoned uploads go.
    Also removes chunks left behind by finished uploads whose clean-up failed.
    """
    now = now or timezone.now()
    expired = 0
    for upload in list(Upload.objects.filter(completed_at__isnull=True, expires_at__lt=now).only("pk", "uuid")):
        names = list(UploadChunk.objects.filter(upload=upload).values_list("name", flat=True))
        # Conditional: a piece accepted since the query above renewed the expiry.
        deleted, _ = Upload.objects.filter(pk=upload.pk, completed_at__isnull=True, expires_at__lt=now).delete()
        if deleted:
            _delete_objects(names)
            _delete_leftovers(upload)
            expired += 1
    for upload in list(Upload.objects.filter(completed_at__isnull=False, chunks__isnull=False).distinct()):
        _discard_chunks(upload)
    return expired


def _discard_chunks(upload: Upload) -> None:
    names = list(upload.chunks.values_list("name", flat=True))
    UploadChunk.objects.filter(upload=upload).delete()
    _delete_objects(names)
    _delete_leftovers(upload)


def _delete_objects(names: list[str]) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:
            # Storage trouble must not undo the database change; expire_uploads retries.
            logger.exception("could not delete upload chunk %s", name)


def _delete_leftovers(upload: Upload) -> None:
    """Objects with no row (a process died between storing and recording one), then the folder itself."""
    folder = chunk_folder(upload)
    try:
        _, files = default_storage.listdir(folder)
    except (FileNotFoundError, NotImplementedError):
        return
    _delete_objects([f"{folder}/{name}" for name in files])
    try:
        # FileSystemStorage removes an empty folder; object stores have none to remove.
        default_storage.delete(folder)
    except OSError:
        logger.warning("could not remove the upload folder %s", folder)
