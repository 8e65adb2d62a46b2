"""tus uploads under stress: two PATCHes racing for one offset, and a real tus client
resuming an upload cut off mid-body (split from ``test_tus.py``)."""

from __future__ import annotations

import hashlib
import io
import socket
import threading
import time
from pathlib import Path
from typing import Any
from unittest import mock, skipUnless

import requests
from django.core.files.storage import default_storage
from django.db import connection
from django.test import LiveServerTestCase, TransactionTestCase
from tusclient.client import TusClient

from evident.accounts.services import api_token_create_personal
from evident.earning import services, uploads
from evident.earning.models import EvidenceFile, Upload
from evident.earning.tests.test_tus import COLLECTION, OCTETS, TUS, build_world, folder_objects, make_pdf


@skipUnless(connection.vendor == "postgresql", "real concurrent transactions need PostgreSQL")
class ConcurrentPatchTests(TransactionTestCase):
    def test_it_lets_only_one_of_two_concurrent_pieces_win(self):
        educator, version, _ = build_world()
        submission = services.enrollment_start(actor=educator, version=version).submissions.get()
        requirement = version.requirements.get(evidence_kind="document")
        upload = services.upload_create(
            actor=educator,
            submission_uuid=str(submission.uuid),
            requirement_uuid=str(requirement.uuid),
            filename="plan.pdf",
            length=3000,
            metadata={},
        )
        real_save = default_storage.save
        both_stored = threading.Barrier(2, timeout=10)
        outcomes: dict[bytes, str] = {}

        def save_then_wait(name: str, content: Any, *args: Any, **kwargs: Any) -> str:
            stored = real_save(name, content, *args, **kwargs)
            both_stored.wait()
            return stored

        def send(letter: bytes) -> None:
            try:
                uploads.append_chunk(
                    upload=Upload.objects.get(pk=upload.pk), offset=0, body=io.BytesIO(letter * 1000), size=1000
                )
                outcomes[letter] = "kept"
            except uploads.UploadConflict:
                outcomes[letter] = "conflict"
            finally:
                connection.close()

        with mock.patch.object(default_storage, "save", side_effect=save_then_wait):
            threads = [threading.Thread(target=send, args=(letter,)) for letter in (b"a", b"b")]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(timeout=20)
        self.assertEqual(sorted(outcomes.values()), ["conflict", "kept"])
        winner = next(letter for letter, outcome in outcomes.items() if outcome == "kept")
        upload.refresh_from_db()
        self.assertEqual(upload.offset, 1000)
        chunk = upload.chunks.get()
        self.assertEqual(folder_objects(upload), [Path(chunk.name).name])
        with default_storage.open(chunk.name, "rb") as stored:
            self.assertEqual(stored.read(), winner * 1000)


class TuspyResumeTests(LiveServerTestCase):
    """A real tus client over real sockets: part of the file, a dropped connection mid-body, then a resume."""

    def test_it_resumes_an_interrupted_upload_from_its_offset(self):
        educator, version, _ = build_world()
        submission = services.enrollment_start(actor=educator, version=version).submissions.get()
        requirement = version.requirements.get(evidence_kind="document")
        _, secret = api_token_create_personal(actor=educator, name="tuspy", read_only=False)
        auth = {"Authorization": f"Bearer {secret}"}
        client = TusClient(f"{self.live_server_url}{COLLECTION}", headers=auth)
        data = make_pdf(64 * 1024)
        metadata = {
            "submission": str(submission.uuid),
            "requirement": str(requirement.uuid),
            "filename": "unit-plan.pdf",
            "filetype": "application/pdf",
        }

        # Two pieces of 16 KB, then the client goes away.
        first = client.uploader(
            file_stream=io.BytesIO(data), chunk_size=16 * 1024, metadata=metadata, upload_checksum=True
        )
        first.upload(stop_at=32 * 1024)
        url = first.url
        assert url is not None
        self.assertEqual(first.offset, 32 * 1024)
        del first

        # The next piece is cut off on the wire after 5,000 of its 16,384 bytes.
        path = url.split(str(self.server_thread.port), 1)[1]
        with socket.create_connection((self.server_thread.host, self.server_thread.port), timeout=10) as raw:
            raw.sendall(
                (
                    f"PATCH {path} HTTP/1.1\r\nHost: {self.server_thread.host}:{self.server_thread.port}\r\n"
                    f"Tus-Resumable: 1.0.0\r\nAuthorization: Bearer {secret}\r\nContent-Type: {OCTETS}\r\n"
                    f"Upload-Offset: {32 * 1024}\r\nContent-Length: {16 * 1024}\r\n\r\n"
                ).encode()
                + data[32 * 1024 : 32 * 1024 + 5000]
            )
            raw.shutdown(socket.SHUT_WR)
        deadline = time.monotonic() + 10
        offset = None
        while time.monotonic() < deadline:
            offset = requests.head(url, headers={**TUS, **auth}, timeout=5).headers.get("Upload-Offset")
            if offset == str(32 * 1024 + 5000):
                break
            time.sleep(0.05)
        self.assertEqual(offset, str(32 * 1024 + 5000), "the server keeps the bytes that arrived")

        # A new client for the same URL asks where to resume and sends the rest.
        second = client.uploader(file_stream=io.BytesIO(data), url=url, chunk_size=16 * 1024, upload_checksum=True)
        self.assertEqual(second.offset, 32 * 1024 + 5000)
        second.upload()
        self.assertEqual(second.offset, len(data))
        assert second.request is not None
        file_uuid = second.request.response_headers["evident-evidence-file"]
        file = EvidenceFile.objects.get(uuid=file_uuid)
        self.assertEqual(file.sha256, hashlib.sha256(data).hexdigest())
        with file.original.open("rb") as stored:
            self.assertEqual(hashlib.sha256(stored.read()).hexdigest(), hashlib.sha256(data).hexdigest())
        upload = Upload.objects.get(uuid=url.rsplit("/", 1)[1])
        self.assertEqual(upload.offset, len(data))
        self.assertFalse(upload.chunks.exists())
