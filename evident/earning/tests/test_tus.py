"""The tus 1.0.0 endpoint at /api/v1/uploads/: the protocol through the test
client, the chunk store directly for interruptions and races, and tuspy
against a live server for an upload that drops and resumes."""

from __future__ import annotations

import base64
import hashlib
import io
import os
from datetime import timedelta
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import unquote

from django.conf import settings
from django.core.files.storage import default_storage
from django.http import UnreadablePostError
from django.test import Client, override_settings
from django.utils import timezone
from django.utils.http import parse_http_date

from evident.accounts.models import Organization, User
from evident.accounts.services import api_token_create_personal
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.models import MicroCredentialVersion
from evident.catalog.tests.factories import issuer, publish, quality_reviewer, sample_blueprint
from evident.earning import services, tus, uploads
from evident.earning.models import Enrollment, EvidenceFile, Submission, Upload, UploadChunk
from evident.earning.tests.base import EarningTestCase

COLLECTION = "/api/v1/uploads/"
TUS = {"Tus-Resumable": "1.0.0"}
OCTETS = "application/offset+octet-stream"


def make_pdf(size: int) -> bytes:
    """A PDF by its first and last bytes (all the content check looks at), ``size`` bytes long."""
    head, tail = b"%PDF-1.4\n%", b"\n%%EOF\n"
    filler = os.urandom(size - len(head) - len(tail)).replace(b"%%EOF", b"%%EOX")
    return head + filler + tail


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def checksum(algorithm: str, data: bytes) -> str:
    return f"{algorithm} {b64(hashlib.new(algorithm, data, usedforsecurity=False).digest())}"


def folder_objects(upload: Upload) -> list[str]:
    folder = uploads.chunk_folder(upload)
    if not default_storage.exists(folder):
        return []
    return default_storage.listdir(folder)[1]


class TusTestCase(EarningTestCase):
    enrollment: Enrollment
    submission: Submission

    def setUp(self) -> None:
        super().setUp()
        self.enrollment = self.enrol()
        self.submission = self.draft(self.enrollment)
        self.client = self.client_for(self.educator)

    def metadata(self, filename: str = "lesson-plan.pdf", kind: str = "document", **extra: str) -> str:
        values = {
            "submission": str(self.submission.uuid),
            "requirement": str(self.requirement(kind).uuid),
            "filename": filename,
            "filetype": "application/pdf",
            **extra,
        }
        return tus.encode_metadata(values)

    def create(
        self, length: int, *, client: Client | None = None, body: bytes = b"", headers: dict[str, str] | None = None
    ) -> Any:
        sent = {**TUS, "Upload-Length": str(length), "Upload-Metadata": self.metadata(), **(headers or {})}
        if body:
            return (client or self.client).post(COLLECTION, data=body, content_type=OCTETS, headers=sent)
        # generic(): post() would send an empty multipart form; tus clients send no body at all.
        return (client or self.client).generic("POST", COLLECTION, headers=sent)

    def new_upload(self, length: int) -> tuple[str, Upload]:
        response = self.create(length)
        self.assertEqual(response.status_code, 201, response.content)
        url = response["Location"]
        return url, Upload.objects.get(uuid=url.rsplit("/", 1)[1])

    def patch(
        self,
        url: str,
        data: bytes,
        offset: int,
        *,
        client: Client | None = None,
        content_type: str = OCTETS,
        headers: dict[str, str] | None = None,
    ) -> Any:
        sent = {**TUS, "Upload-Offset": str(offset), **(headers or {})}
        return (client or self.client).patch(url, data=data, content_type=content_type, headers=sent)

    def head(self, url: str, *, client: Client | None = None) -> Any:
        return (client or self.client).head(url, headers=TUS)


class DiscoveryTests(TusTestCase):
    def test_it_answers_options_with_what_it_supports(self):
        response = Client().options(COLLECTION)
        self.assertEqual(response.status_code, 204)
        self.assertEqual(response["Tus-Resumable"], "1.0.0")
        self.assertEqual(response["Tus-Version"], "1.0.0")
        self.assertEqual(
            set(response["Tus-Extension"].split(",")),
            {"creation", "creation-with-upload", "termination", "checksum", "expiration"},
        )
        self.assertEqual(response["Tus-Max-Size"], str(settings.EARNING_MAX_UPLOAD_BYTES))
        self.assertEqual(set(response["Tus-Checksum-Algorithm"].split(",")), {"sha1", "sha256", "md5"})

    def test_it_refuses_other_protocol_versions(self):
        for headers in ({"Tus-Resumable": "0.2.2"}, {}):
            response = self.client.post(
                COLLECTION, headers={**headers, "Upload-Length": "10", "Upload-Metadata": self.metadata()}
            )
            self.assertEqual(response.status_code, 412)
            self.assertEqual(response["Tus-Version"], "1.0.0")
            self.assertEqual(response["Tus-Resumable"], "1.0.0")
        self.assertFalse(Upload.objects.exists())

    def test_it_refuses_methods_it_does_not_know(self):
        response = self.client.get(COLLECTION, headers=TUS)
        self.assertEqual(response.status_code, 405)
        self.assertIn("POST", response["Allow"])


class CreationTests(TusTestCase):
    def test_it_creates_an_upload_at_an_absolute_url(self):
        before = timezone.now()
        response = self.create(2048)
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response["Tus-Resumable"], "1.0.0")
        upload = Upload.objects.get()
        self.assertEqual(response["Location"], f"http://testserver/api/v1/uploads/{upload.uuid}")
        self.assertEqual(response["Upload-Offset"], "0")
        expires = parse_http_date(response["Upload-Expires"])
        hours = settings.EARNING_UPLOAD_EXPIRY_HOURS
        self.assertAlmostEqual(expires, (before + timedelta(hours=hours)).timestamp(), delta=5)
        self.assertEqual(
            (upload.owner, upload.submission, upload.length, upload.offset), (self.educator, self.submission, 2048, 0)
        )
        self.assertEqual(upload.filename, "lesson-plan.pdf")
        self.assertEqual(upload.metadata["filetype"], "application/pdf")

    def test_it_reports_progress_and_metadata_with_head(self):
        url, upload = self.new_upload(2048)
        response = self.head(url)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(response["Upload-Offset"], "0")
        self.assertEqual(response["Upload-Length"], "2048")
        self.assertEqual(response["Cache-Control"], "no-store")
        self.assertEqual(tus.parse_metadata(response["Upload-Metadata"]), tus.parse_metadata(self.metadata()))
        self.assertIn("Upload-Expires", response)

    def test_it_refuses_files_over_the_maximum_with_413(self):
        response = self.create(settings.EARNING_MAX_UPLOAD_BYTES + 1)
        self.assertEqual(response.status_code, 413)
        self.assertEqual(set(response.json()), {"message", "extra"})
        # The requirement's own limit (50 MB for the document) comes from the service.
        response = self.create(51 * 1024 * 1024)
        self.assertEqual(response.status_code, 413)
        self.assertIn("50 MB", response.json()["message"])
        self.assertFalse(Upload.objects.exists())

    def test_it_refuses_bad_creation_requests(self):
        cases = [
            ({"Upload-Length": "ten"}, 400),
            ({"Upload-Length": "0"}, 400),
            ({"Upload-Length": "", "Upload-Defer-Length": "1"}, 400),
            ({"Upload-Metadata": "filename bm90IGJhc2U2NA=!"}, 400),
            ({"Upload-Metadata": tus.encode_metadata({"filename": "plan.pdf"})}, 400),
            ({"Upload-Metadata": self.metadata(kind="written")}, 400),
            ({"Upload-Metadata": self.metadata(filename="plan.exe")}, 400),
            ({"Upload-Metadata": self.metadata(submission="00000000-0000-0000-0000-000000000000")}, 404),
        ]
        for headers, status in cases:
            with self.subTest(headers=headers):
                self.assertEqual(self.create(100, headers=headers).status_code, status)
        self.assertFalse(Upload.objects.exists())

    def test_it_takes_the_first_bytes_with_the_creation_request(self):
        data = make_pdf(3000)
        response = self.create(len(data), body=data[:1000])
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response["Upload-Offset"], "1000")
        response = self.patch(response["Location"], data[1000:], 1000)
        self.assertEqual(response.status_code, 204)
        self.assertIn("Evident-Evidence-File", response)

    def test_it_makes_evidence_from_a_whole_file_sent_with_the_creation_request(self):
        data = make_pdf(3000)
        response = self.create(len(data), body=data)
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response["Upload-Offset"], "3000")
        file = EvidenceFile.objects.get(uuid=response["Evident-Evidence-File"])
        self.assertEqual(file.sha256, hashlib.sha256(data).hexdigest())

    def test_it_refuses_a_form_body_before_reading_it(self):
        response = self.client.post(
            COLLECTION,
            data="a=1",
            content_type="application/x-www-form-urlencoded",
            headers={**TUS, "Upload-Length": "3", "Upload-Metadata": self.metadata()},
        )
        self.assertEqual(response.status_code, 415)


class PatchTests(TusTestCase):
    def test_it_takes_the_file_in_pieces_and_makes_evidence(self):
        data = make_pdf(10_000)
        workdir = self.workdir / "tmp"
        workdir.mkdir()
        with override_settings(FILE_UPLOAD_TEMP_DIR=str(workdir)):
            url, upload = self.new_upload(len(data))
            pieces = [(0, 4000, "sha1"), (4000, 8000, "sha256"), (8000, 10_000, "md5")]
            for start, end, algorithm in pieces[:2]:
                response = self.patch(
                    url, data[start:end], start, headers={"Upload-Checksum": checksum(algorithm, data[start:end])}
                )
                self.assertEqual(response.status_code, 204, response.content)
                self.assertEqual(response["Upload-Offset"], str(end))
                self.assertEqual(response["Tus-Resumable"], "1.0.0")
                self.assertIn("Upload-Expires", response)
            self.assertEqual(list(upload.chunks.values_list("offset", "size")), [(0, 4000), (4000, 4000)])
            self.assertEqual(len(folder_objects(upload)), 2)
            self.assertEqual(self.head(url)["Upload-Offset"], "8000")
            response = self.patch(url, data[8000:], 8000, headers={"Upload-Checksum": checksum("md5", data[8000:])})
        self.assertEqual(response.status_code, 204, response.content)
        self.assertEqual(response["Upload-Offset"], "10000")
        file = EvidenceFile.objects.get(uuid=response["Evident-Evidence-File"])
        self.assertEqual(file.sha256, hashlib.sha256(data).hexdigest())
        with file.original.open("rb") as stored:
            self.assertEqual(stored.read(), data)
        upload.refresh_from_db()
        self.assertIsNotNone(upload.completed_at)
        self.assertEqual(upload.evidence_file, file)
        # The chunks, their folder and every temporary file are gone.
        self.assertFalse(UploadChunk.objects.exists())
        self.assertFalse(default_storage.exists(uploads.chunk_folder(upload)))
        self.assertEqual(list(workdir.iterdir()), [])
        # HEAD on a finished upload says so, for a client that missed the last answer.
        response = self.head(url)
        self.assertEqual((response["Upload-Offset"], response["Upload-Length"]), ("10000", "10000"))
        self.assertEqual(response["Evident-Evidence-File"], str(file.uuid))
        self.assertNotIn("Upload-Expires", response)

    def test_it_reports_a_refused_file_on_the_last_answer(self):
        data = b"Just some notes, not a document anyone can open.\n" * 100
        url, upload = self.new_upload(len(data))
        self.assertEqual(self.patch(url, data[:2000], 0).status_code, 204)
        response = self.patch(url, data[2000:], 2000)
        self.assertEqual(response.status_code, 204)
        message = unquote(response["Evident-Upload-Error"])
        self.assertIn("lesson-plan.pdf", message)
        upload.refresh_from_db()
        self.assertEqual(upload.error, message)
        self.assertFalse(EvidenceFile.objects.exists())
        self.assertEqual(folder_objects(upload), [])
        self.assertEqual(self.head(url)["Evident-Upload-Error"], response["Evident-Upload-Error"])

    def test_it_refuses_a_wrong_offset_with_409(self):
        url, upload = self.new_upload(3000)
        self.assertEqual(self.patch(url, b"x" * 100, 100).status_code, 409)
        self.assertEqual(self.patch(url, b"x" * 100, 0).status_code, 204)
        response = self.patch(url, b"x" * 100, 0)
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response["Tus-Resumable"], "1.0.0")
        upload.refresh_from_db()
        self.assertEqual(upload.offset, 100)
        self.assertEqual(upload.chunks.count(), 1)

    def test_it_requires_the_offset_octet_stream_content_type(self):
        url, upload = self.new_upload(3000)
        response = self.patch(url, b"x" * 100, 0, content_type="application/octet-stream")
        self.assertEqual(response.status_code, 415)
        self.assertEqual(self.head(url)["Upload-Offset"], "0")

    def test_it_discards_a_piece_whose_checksum_does_not_match(self):
        url, upload = self.new_upload(3000)
        response = self.patch(url, b"x" * 100, 0, headers={"Upload-Checksum": checksum("sha1", b"y" * 100)})
        self.assertEqual(response.status_code, 460)
        self.assertEqual(response.reason_phrase, "Checksum Mismatch")
        upload.refresh_from_db()
        self.assertEqual(upload.offset, 0)
        self.assertFalse(upload.chunks.exists())
        self.assertEqual(folder_objects(upload), [])
        for header in ("crc32 AAAAAA==", "sha1 not*base64"):
            with self.subTest(header=header):
                self.assertEqual(self.patch(url, b"x" * 100, 0, headers={"Upload-Checksum": header}).status_code, 400)

    def test_it_refuses_bytes_past_the_end_with_413(self):
        url, upload = self.new_upload(100)
        self.assertEqual(self.patch(url, b"x" * 101, 0).status_code, 413)
        self.assertEqual(self.head(url)["Upload-Offset"], "0")

    def test_it_needs_an_upload_offset(self):
        url, upload = self.new_upload(100)
        response = self.client.patch(url, data=b"x", content_type=OCTETS, headers=TUS)
        self.assertEqual(response.status_code, 400)

    def test_it_refuses_more_bytes_once_the_draft_is_submitted(self):
        url, upload = self.new_upload(3000)
        Submission.objects.filter(pk=self.submission.pk).update(status=Submission.Status.SUBMITTED)
        self.assertEqual(self.patch(url, b"x" * 100, 0).status_code, 403)

    def test_it_honours_x_http_method_override(self):
        url, upload = self.new_upload(3000)
        response = self.client.post(
            url,
            data=b"x" * 100,
            content_type=OCTETS,
            headers={**TUS, "Upload-Offset": "0", "X-HTTP-Method-Override": "PATCH"},
        )
        self.assertEqual(response.status_code, 204)
        self.assertEqual(response["Upload-Offset"], "100")
        response = self.client.post(url, headers={**TUS, "X-HTTP-Method-Override": "HEAD"})
        self.assertEqual(response["Upload-Offset"], "100")
        response = self.client.post(url, headers={**TUS, "X-HTTP-Method-Override": "DELETE"})
        self.assertEqual(response.status_code, 204)
        self.assertFalse(Upload.objects.exists())

    def test_it_gives_the_last_piece_back_when_finishing_fails(self):
        data = make_pdf(3000)
        url, upload = self.new_upload(len(data))
        self.patch(url, data[:1000], 0)
        with mock.patch.object(services, "upload_finish", side_effect=RuntimeError("storage down")):
            response = self.patch(url, data[1000:], 1000)
        self.assertEqual(response.status_code, 500)
        self.assertEqual(set(response.json()), {"message", "extra"})
        # The client's retry asks where to resume and sends the last piece again.
        self.assertEqual(self.head(url)["Upload-Offset"], "1000")
        response = self.patch(url, data[1000:], 1000)
        self.assertEqual(response.status_code, 204)
        self.assertEqual(
            EvidenceFile.objects.get(uuid=response["Evident-Evidence-File"]).sha256, hashlib.sha256(data).hexdigest()
        )


class TerminationAndExpiryTests(TusTestCase):
    def test_it_terminates_an_upload_and_frees_its_chunks(self):
        url, upload = self.new_upload(3000)
        self.patch(url, b"x" * 1000, 0)
        self.assertEqual(len(folder_objects(upload)), 1)
        response = self.client.delete(url, headers=TUS)
        self.assertEqual(response.status_code, 204)
        self.assertEqual(response["Tus-Resumable"], "1.0.0")
        self.assertFalse(Upload.objects.exists())
        self.assertFalse(UploadChunk.objects.exists())
        self.assertFalse(default_storage.exists(uploads.chunk_folder(upload)))
        self.assertEqual(self.head(url).status_code, 404)
        self.assertEqual(self.patch(url, b"x", 1000).status_code, 404)

    def test_it_answers_410_once_expired_and_expiry_deletes_it(self):
        url, upload = self.new_upload(3000)
        self.patch(url, b"x" * 1000, 0)
        kept_url, kept = self.new_upload(3000)
        Upload.objects.filter(pk=upload.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
        self.assertEqual(self.head(url).status_code, 410)
        self.assertEqual(self.patch(url, b"x" * 1000, 1000).status_code, 410)
        self.assertEqual(uploads.expire_uploads(), 1)
        self.assertEqual(self.head(url).status_code, 404)
        self.assertFalse(default_storage.exists(uploads.chunk_folder(upload)))
        self.assertEqual(self.head(kept_url).status_code, 200)

    def test_it_pushes_the_expiry_on_with_every_piece(self):
        url, upload = self.new_upload(3000)
        soon = timezone.now() + timedelta(minutes=5)
        Upload.objects.filter(pk=upload.pk).update(expires_at=soon)
        response = self.patch(url, b"x" * 1000, 0)
        upload.refresh_from_db()
        self.assertGreater(upload.expires_at, soon + timedelta(hours=1))
        self.assertEqual(parse_http_date(response["Upload-Expires"]), int(upload.expires_at.timestamp()))

    def test_it_keeps_finished_uploads_and_removes_chunks_they_left_behind(self):
        data = make_pdf(3000)
        url, upload = self.new_upload(len(data))
        self.patch(url, data[:1000], 0)
        with mock.patch.object(uploads, "_discard_chunks"):
            self.patch(url, data[1000:], 1000)
        self.assertEqual(len(folder_objects(upload)), 1)
        self.assertEqual(uploads.expire_uploads(now=timezone.now() + timedelta(days=30)), 0)
        self.assertTrue(Upload.objects.filter(pk=upload.pk).exists())
        self.assertFalse(UploadChunk.objects.exists())
        self.assertEqual(folder_objects(upload), [])


class AccessTests(TusTestCase):
    def test_it_hides_other_peoples_uploads(self):
        url, upload = self.new_upload(3000)
        self.patch(url, b"x" * 1000, 0)
        other = self.client_for(self.other_educator)
        self.assertEqual(self.head(url, client=other).status_code, 404)
        self.assertEqual(self.patch(url, b"x" * 1000, 1000, client=other).status_code, 404)
        self.assertEqual(other.delete(url, headers=TUS).status_code, 404)
        upload.refresh_from_db()
        self.assertEqual(upload.offset, 1000)
        # Nor can they upload into someone else's draft.
        self.assertEqual(self.create(3000, client=other).status_code, 404)

    def test_it_requires_authentication(self):
        url, upload = self.new_upload(3000)
        anonymous = Client()
        responses = [
            self.create(3000, client=anonymous),
            self.head(url, client=anonymous),
            self.patch(url, b"x" * 10, 0, client=anonymous),
            anonymous.delete(url, headers=TUS),
        ]
        for response in responses:
            self.assertEqual(response.status_code, 401)
            self.assertEqual(response["Tus-Resumable"], "1.0.0")
            self.assertIn("Bearer", response["WWW-Authenticate"])
        self.assertEqual(set(responses[0].json()), {"message", "extra"})
        self.assertEqual(
            self.create(3000, client=anonymous, headers={"Authorization": "Bearer evp_not-a-token"}).status_code, 401
        )

    def test_it_takes_bearer_tokens_without_csrf_and_refuses_writes_with_read_only_ones(self):
        _, secret = api_token_create_personal(actor=self.educator, name="script", read_only=False)
        _, read_only = api_token_create_personal(actor=self.educator, name="reader", read_only=True)
        client = Client(enforce_csrf_checks=True)
        response = self.create(3000, client=client, headers={"Authorization": f"Bearer {secret}"})
        self.assertEqual(response.status_code, 201)
        url = response["Location"]
        self.assertEqual(
            self.patch(url, b"x" * 10, 0, client=client, headers={"Authorization": f"Bearer {secret}"}).status_code, 204
        )
        bearer = {"Authorization": f"Bearer {read_only}"}
        self.assertEqual(client.head(url, headers={**TUS, **bearer}).status_code, 200)
        for response in (
            self.create(3000, client=client, headers=bearer),
            self.patch(url, b"x" * 10, 10, client=client, headers=bearer),
            client.delete(url, headers={**TUS, **bearer}),
        ):
            self.assertEqual(response.status_code, 403)
            self.assertIn("read-only", response.json()["message"])
        self.assertEqual(Upload.objects.get().offset, 10)

    def test_it_requires_the_csrf_token_for_session_writes(self):
        url, upload = self.new_upload(3000)
        browser = self.client_for(self.educator, enforce_csrf=True)
        secret = "a" * 32
        browser.cookies[settings.CSRF_COOKIE_NAME] = secret
        self.assertEqual(self.create(3000, client=browser).status_code, 403)
        self.assertEqual(self.patch(url, b"x" * 10, 0, client=browser).status_code, 403)
        self.assertEqual(browser.delete(url, headers=TUS).status_code, 403)
        override = {**TUS, "X-HTTP-Method-Override": "DELETE"}
        self.assertEqual(browser.post(url, headers=override).status_code, 403)
        self.assertEqual(self.head(url, client=browser).status_code, 200)
        self.assertEqual(Upload.objects.count(), 1)
        token = {"X-CSRFToken": secret}
        self.assertEqual(self.create(3000, client=browser, headers=token).status_code, 201)
        self.assertEqual(self.patch(url, b"x" * 10, 0, client=browser, headers=token).status_code, 204)
        self.assertEqual(browser.delete(url, headers={**TUS, **token}).status_code, 204)


class ChunkStoreTests(TusTestCase):
    """append_chunk directly: bodies that stop short, and two requests racing for one offset."""

    def test_it_keeps_what_arrived_when_the_body_stops_short(self):
        url, upload = self.new_upload(3000)

        class Dropping(io.BytesIO):
            def read(self, size: int | None = -1, /) -> bytes:
                if self.tell() >= 700:
                    raise UnreadablePostError("connection reset by peer")
                return super().read(min(size or 0, 700 - self.tell()))

        appended = uploads.append_chunk(upload=upload, offset=0, body=Dropping(b"x" * 1000), size=1000)
        self.assertEqual((appended.received, appended.interrupted), (700, True))
        appended = uploads.append_chunk(upload=upload, offset=700, body=io.BytesIO(b"y" * 300), size=1000)
        self.assertEqual((appended.received, appended.interrupted), (300, True))
        self.assertEqual(self.head(url)["Upload-Offset"], "1000")
        self.assertEqual(list(upload.chunks.values_list("offset", "size")), [(0, 700), (700, 300)])

    def test_it_keeps_nothing_of_a_short_body_sent_with_a_checksum(self):
        url, upload = self.new_upload(3000)
        sent = uploads.Checksum("sha1", hashlib.sha1(b"x" * 1000, usedforsecurity=False).digest())
        with self.assertRaises(uploads.ChecksumMismatch):
            uploads.append_chunk(upload=upload, offset=0, body=io.BytesIO(b"x" * 600), size=1000, checksum=sent)
        self.assertEqual(self.head(url)["Upload-Offset"], "0")
        self.assertEqual(folder_objects(upload), [])

    def test_it_lets_only_one_of_two_pieces_at_the_same_offset_win(self):
        url, upload = self.new_upload(3000)
        real_save = default_storage.save
        raced: list[bool] = []

        def save_after_a_rival(name: str, content: Any, *args: Any, **kwargs: Any) -> str:
            # The rival arrives after this request checked the offset and
            # before it moved it: both have read offset 0.
            if not raced:
                raced.append(True)
                rival = Upload.objects.get(pk=upload.pk)
                uploads.append_chunk(upload=rival, offset=0, body=io.BytesIO(b"r" * 500), size=500)
            return real_save(name, content, *args, **kwargs)

        with mock.patch.object(default_storage, "save", side_effect=save_after_a_rival):
            response = self.patch(url, b"x" * 800, 0)
        self.assertEqual(response.status_code, 409)
        upload.refresh_from_db()
        self.assertEqual(upload.offset, 500)
        chunk = upload.chunks.get()
        self.assertEqual((chunk.offset, chunk.size), (0, 500))
        # The loser's object is gone; only the winner's remains.
        self.assertEqual(folder_objects(upload), [Path(chunk.name).name])
        with default_storage.open(chunk.name, "rb") as stored:
            self.assertEqual(stored.read(), b"r" * 500)


def build_world() -> tuple[User, MicroCredentialVersion, Organization]:
    """For tests outside a TestCase transaction: an educator and a published micro-credential."""
    district = OrganizationFactory(slug="riverbend", name="Riverbend Schools")
    school = OrganizationFactory(
        slug="maple", name="Maple Street Elementary", kind=Organization.Kind.SCHOOL, parent=district
    )
    institute = issuer()
    version = publish(member(institute, "author"), institute, sample_blueprint(), quality_reviewer())
    educator = member(school, "educator", email="elena@maple.example", full_name="Elena Educator")
    return educator, version, school
