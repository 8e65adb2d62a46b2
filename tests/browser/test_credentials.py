"""Credentials in a real browser: the educator downloads the signed JSON, the baked PNG
badge and the PDF certificate of an earned micro-credential and shares it; a stranger
verifies each at /verify/, and opens the certificate's QR link."""

from __future__ import annotations

import io
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from evident.accounts.services import platform_organization
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.tests.factories import issuer, publish, sample_blueprint
from evident.credentials.certificate import verify_url
from evident.credentials.forms import FILE_LABEL
from evident.credentials.models import Award
from tests.browser.conftest import BrowserSession, assert_accessible, sign_in
from tests.browser.earned import earn

pytestmark = pytest.mark.browser


@pytest.fixture
def award(transactional_db, tmp_path: Path) -> Award:
    institute = issuer("institute", "Institute of Practice")
    version = publish(
        member(institute, "author"), institute, sample_blueprint(), member(platform_organization(), "quality_reviewer")
    )
    district = OrganizationFactory(slug="riverbend", name="Riverbend Schools")
    educator = member(district, "educator", email="elena@riverbend.example", full_name="Elena Educator")
    return earn(version, educator, tmp_path)


def test_the_educator_downloads_the_credential_and_a_stranger_verifies_it(
    session: BrowserSession, award: Award, tmp_path: Path
):
    page = session.new_page()
    sign_in(page, "elena@riverbend.example")
    page.goto(award.enrollment.get_absolute_url())  # type: ignore[union-attr]  # a micro-credential award has one
    page.get_by_role("link", name="See your credential").click()
    expect(page.get_by_role("heading", name="Teaching Phonics", level=1)).to_be_visible()
    expect(page.get_by_text("Valid.")).to_be_visible()
    assert_accessible(page)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the signed credential (JSON)").click()
    saved = tmp_path / "credential.json"
    download.value.save_as(saved)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the badge with the credential inside (PNG)").click()
    badge = tmp_path / "badge.png"
    download.value.save_as(badge)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the certificate (PDF)").click()
    assert download.value.suggested_filename == "teaching-phonics-certificate.pdf"
    certificate = tmp_path / "certificate.pdf"
    download.value.save_as(certificate)
    pdf = PdfReader(io.BytesIO(certificate.read_bytes()))
    assert "Elena Educator" in pdf.pages[0].extract_text()
    assert pdf.attachments["credential.json"] == [saved.read_bytes()]
    page.get_by_role("button", name="Make it public").click()
    expect(page.get_by_text("Anyone with the link can now see this credential.")).to_be_visible()

    stranger = session.new_page()  # a new browser context: not signed in
    stranger.goto("/verify/")
    assert_accessible(stranger)
    for upload in (saved, badge, certificate):
        stranger.get_by_label(FILE_LABEL).set_input_files(upload)
        stranger.get_by_role("button", name="Verify").click()
        expect(stranger.get_by_role("heading", name="Valid", exact=True)).to_be_visible()
        expect(stranger.get_by_text("Institute of Practice").first).to_be_visible()
    assert_accessible(stranger)

    tampered = tmp_path / "tampered.json"
    tampered.write_text(saved.read_text().replace("Teaching Phonics", "Teaching Calculus"))
    stranger.get_by_label(FILE_LABEL).set_input_files(tampered)
    stranger.get_by_role("button", name="Verify").click()
    expect(stranger.get_by_role("heading", name="Not valid")).to_be_visible()

    # What the certificate's QR code opens, now that the credential is public: its live status.
    link = urlsplit(verify_url(award))
    stranger.goto(f"{link.path}?{link.query}")
    expect(stranger.get_by_role("heading", name="Valid", exact=True)).to_be_visible()
    assert_accessible(stranger)
