"""The PDF certificate of a credential: what it prints, what it carries, who may download
it, and the verifier reading it back; and the PDF helpers it is built on."""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import segno
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject

from evident.accounts.tests.factories import member
from evident.credentials import baking, services
from evident.credentials.certificate import UnreadablePdf, credential_from_pdf, verify_url
from evident.credentials.models import Award
from evident.credentials.tests.test_awards import AwardCase
from evident.lib.pdf import OfflineFetcher, PdfAttachment, RefusedURL, qr_svg, render_pdf

PLAIN_PDF_HTML = '<!doctype html><html lang="en"><head><title>Plain</title></head><body><p>Hello</p></body></html>'


def pdf_text(content: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(content)).pages)


def structure_tags(node: Any) -> list[tuple[str, str]]:
    """Every element of a tagged PDF's structure tree, as (tag, alternative text)."""
    node = node.get_object()
    if not isinstance(node, DictionaryObject):
        return []
    found = [(str(node["/S"]), str(node.get("/Alt", "")))] if "/S" in node else []
    children = node.get("/K")
    for child in children if isinstance(children, ArrayObject) else [children]:
        if hasattr(child, "get_object"):
            found += structure_tags(child)
    return found


class CertificateTests(AwardCase):
    def certificate(self, award: Award, client: Client | None = None):
        client = client or self.client_for(self.educator)
        return client.get(reverse("credentials:award-certificate", kwargs={"uuid": award.uuid}))

    def verify(self, content: bytes, name: str = "certificate.pdf"):
        upload = SimpleUploadedFile(name, content, "application/pdf")
        return Client().post(reverse("credentials:verify"), {"file": upload})

    def test_it_prints_the_educator_credential_issuer_hours_and_levels(self):
        award = self.earn()
        response = self.certificate(award)
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        assert response["Content-Disposition"] == 'attachment; filename="teaching-phonics-certificate.pdf"'
        text = pdf_text(response.content)
        achievement = award.credential["credentialSubject"]["achievement"]
        for expected in (
            "Elena Educator",
            "Teaching Phonics",
            award.organization.name,
            f"PD hours {achievement['creditsAvailable']}",
            "Meets",
            award.credential["id"],
            "Valid, with no expiry date.",
        ):
            assert expected in text, expected
        for requirement in achievement["resultDescription"]:
            assert requirement["name"] in text

    def test_it_is_a_tagged_pdf_ua_document_on_one_landscape_letter_page(self):
        reader = PdfReader(io.BytesIO(self.certificate(self.earn()).content))
        root: Any = reader.trailer["/Root"]  # pypdf types a dictionary's values as any PDF object
        assert bool(root["/MarkInfo"]["/Marked"]) and "/StructTreeRoot" in root
        assert root["/Lang"] == "en"
        assert b'pdfuaid:part="1"' in root["/Metadata"].get_object().get_data()
        tags = structure_tags(root["/StructTreeRoot"])
        assert {"/H1", "/H2", "/Table", "/TH", "/Figure"} <= {tag for tag, _ in tags}
        assert sorted(alt for tag, alt in tags if tag == "/Figure") == [
            "Badge of Teaching Phonics",
            "QR code linking to http://testserver/verify/",
        ]
        assert (
            reader.metadata is not None and reader.metadata.title == "Teaching Phonics: certificate for Elena Educator"
        )
        assert len(reader.pages) == 1
        assert [round(float(v)) for v in reader.pages[0].mediabox] == [0, 0, 792, 612]

    def test_it_prints_the_uploaded_badge_image_when_the_version_has_one(self):
        award = self.earn()
        assert list(PdfReader(io.BytesIO(self.certificate(award).content)).pages[0].images) == []  # the drawn SVG
        version = award.version
        assert version is not None
        version.badge_image.save("badge.png", ContentFile(baking.draw_badge_png("TP", "#aa3300", size=64)))
        self.addCleanup(version.badge_image.delete, save=False)
        images = PdfReader(io.BytesIO(self.certificate(award).content)).pages[0].images
        assert [image.image.size if image.image else None for image in images] == [(64, 64)]

    def test_it_attaches_the_signed_credential_byte_for_byte(self):
        award = self.earn()
        owner = self.client_for(self.educator)
        attached = PdfReader(io.BytesIO(self.certificate(award, owner).content)).attachments["credential.json"]
        downloaded = owner.get(reverse("credentials:award-json", kwargs={"uuid": award.uuid})).content
        assert attached == [downloaded]
        assert json.loads(attached[0]) == award.credential

    def test_a_public_credential_prints_its_verify_link_and_a_private_one_how_to_upload(self):
        award = self.earn()
        private = pdf_text(self.certificate(award).content)
        assert "Upload this PDF file at: http://testserver/ verify/" in private  # the printed link wraps
        assert "the educator keeps this credential private, so check it by uploading this PDF file" in private
        assert "?url=" not in private
        services.award_set_public(actor=self.educator, award=award, public=True)
        link = verify_url(award)
        assert link == f"http://testserver/verify/?url=http://testserver/credentials/{award.uuid}/"
        public = pdf_text(self.certificate(award).content).replace(" ", "")
        assert link in public  # the printed link may wrap, so compare without spaces
        # The QR code and the printed link open the verifier, which checks the live credential.
        self.assertContains(Client().get(link.removeprefix("http://testserver")), "Valid</h2>")

    def test_strangers_and_outsiders_get_404_until_the_credential_is_public(self):
        award = self.earn()
        assert self.certificate(award, Client()).status_code == 404
        assert self.certificate(award, self.client_for(self.outsider)).status_code == 404
        services.award_set_public(actor=self.educator, award=award, public=True)
        assert self.certificate(award, Client()).status_code == 200
        page = Client().get(award.get_absolute_url())
        self.assertContains(page, "Download the certificate (PDF)")

    def test_a_revoked_credential_gets_no_certificate(self):
        award = self.earn()
        services.award_revoke(actor=member(award.organization, "org_admin"), award=award, reason="Issued in error.")
        response = self.certificate(award)
        self.assertContains(response, "This credential was revoked, so it has no certificate", status_code=410)
        self.assertContains(response, "Issued in error.", status_code=410)
        page = self.client_for(self.educator).get(award.get_absolute_url())
        self.assertNotContains(page, "Download the certificate (PDF)")

    def test_an_expired_credential_says_so_and_the_valid_until_date(self):
        award = self.earn()
        Award.objects.filter(pk=award.pk).update(valid_until=timezone.now() + timedelta(days=30))
        assert "Valid until" in pdf_text(self.certificate(award).content)
        Award.objects.filter(pk=award.pk).update(valid_until=timezone.now() - timedelta(days=3))
        text = pdf_text(self.certificate(award).content)
        expired_on = timezone.localtime(timezone.now() - timedelta(days=3))
        assert f"Expired on {expired_on:%B} {expired_on.day}, {expired_on.year}." in text

    def test_the_verifier_accepts_the_pdf_and_says_revoked_after_revoking(self):
        award = self.earn()
        content = self.certificate(award).content
        self.assertContains(self.verify(content), "Valid</h2>")
        services.award_revoke(actor=member(award.organization, "org_admin"), award=award, reason="Issued in error.")
        self.assertContains(self.verify(content), "Revoked</h2>")

    def test_the_json_endpoint_takes_the_pdf_as_its_body(self):
        award = self.earn()
        response = Client().post(
            reverse("credentials:verify-api"), self.certificate(award).content, content_type="application/pdf"
        )
        assert response.status_code == 200 and response.json()["state"] == "valid"
        empty = Client().post(
            reverse("credentials:verify-api"), render_pdf(PLAIN_PDF_HTML), content_type="application/pdf"
        )
        assert empty.status_code == 400 and "carries no credential" in empty.json()["message"]

    def test_a_pdf_without_the_credential_a_damaged_pdf_and_other_files_say_why(self):
        award = self.earn()
        self.assertContains(
            self.verify(render_pdf(PLAIN_PDF_HTML)),
            "This PDF carries no credential. Download the certificate again from the credential&#x27;s page.",
            status_code=422,
        )
        content = self.certificate(award).content
        self.assertContains(self.verify(content[: len(content) // 3]), "cannot be read", status_code=422)
        self.assertContains(self.verify(b"%PDF-1.7\n\x00\x01garbage"), "cannot be read", status_code=422)
        self.assertContains(
            self.verify(b"PK\x03\x04 a word document", name="letter.docx"),
            "That file is not a credential: upload the credential&#x27;s .json file",
            status_code=422,
        )
        self.assertContains(self.verify(b"hello", name="certificate.pdf"), "is not a PDF", status_code=422)
        tampered = render_pdf(
            PLAIN_PDF_HTML,
            attachments=[PdfAttachment("credential.json", json.dumps({**award.credential, "name": "Other"}).encode())],
        )
        self.assertContains(self.verify(tampered), "Not valid</h2>")
        too_large = render_pdf(PLAIN_PDF_HTML, attachments=[PdfAttachment("credential.json", b" " * 300_000)])
        self.assertContains(self.verify(too_large), "too large to be a credential", status_code=422)

    def test_the_verify_address_of_a_private_or_foreign_credential_explains(self):
        award = self.earn()
        response = Client().get(reverse("credentials:verify"), {"url": f"http://testserver/credentials/{award.uuid}/"})
        self.assertContains(response, "No public credential is at that address", status_code=422)
        response = Client().get(reverse("credentials:verify"), {"url": "http://169.254.169.254/credentials/x"})
        self.assertContains(response, "Only addresses of credentials on this platform", status_code=422)


def test_the_fetcher_loads_data_urls_and_files_under_its_roots_only(tmp_path: Path):
    root = tmp_path / "static"
    root.mkdir()
    (root / "style.css").write_text("p { color: red }")
    (tmp_path / "secret.txt").write_text("no")
    fetcher = OfflineFetcher([root])
    assert fetcher.fetch("data:text/plain,hi").read() == b"hi"
    assert fetcher.fetch((root / "style.css").as_uri()).read() == b"p { color: red }"
    for refused in (
        "http://169.254.169.254/latest/meta-data/",
        "https://cdn.example.com/font.woff2",
        "ftp://example.com/x",
        (tmp_path / "secret.txt").as_uri(),
        (root / ".." / "secret.txt").as_uri(),
        "file://otherhost" + str(root / "style.css"),
        "file:///etc/passwd",
    ):
        with pytest.raises(RefusedURL):
            fetcher.fetch(refused)


def test_a_pdf_too_large_or_without_a_credential_is_refused_before_parsing():
    with pytest.raises(UnreadablePdf, match="too large to be a certificate"):
        credential_from_pdf(b"%PDF-1.7\n" + b"0" * (10 * 1024 * 1024))
    assert credential_from_pdf(render_pdf(PLAIN_PDF_HTML)) is None


def test_a_pdf_leaves_out_what_it_may_not_load_and_keeps_its_attachments():
    html = (
        '<!doctype html><html lang="en"><head><title>T</title>'
        '<link rel="stylesheet" href="https://cdn.example.com/x.css"></head>'
        '<body><p>Shown</p><img src="http://127.0.0.1:1/x.png" alt="Left out"></body></html>'
    )
    pdf = render_pdf(html, attachments=[PdfAttachment("data.json", b'{"a": 1}')], base_url="http://127.0.0.1:1/")
    assert "Shown" in pdf_text(pdf)
    assert credential_from_pdf(pdf) == b'{"a": 1}'  # the only JSON attachment, under another name


def test_a_qr_code_is_svg_with_error_correction_m():
    url = "http://testserver/verify/?url=http://testserver/credentials/0f53f631-a813-4f3f-bed7-4a5341913407/"
    svg = qr_svg(url, title="Verify <this>")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and "<title>Verify &lt;this&gt;</title>" in svg
    path = re.search(r' d="([^"]+)"', svg)
    assert path is not None
    # Segno would raise the level to Q for this length; the certificate keeps M, as asked.
    for level, same in (("m", True), ("q", False)):
        out = io.BytesIO()
        segno.make(url, error=level, boost_error=False).save(out, kind="svg", border=4, scale=4)
        assert (path.group(1) in out.getvalue().decode()) is same
