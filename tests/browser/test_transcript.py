"""Transcripts in a real browser: the educator reads their PDPs under Tennessee's rules, sets their cycle's
start, and downloads the PDF and the CSV; the district's program admin reads the credit rules; axe on each page."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from pypdf import PdfReader

from evident.accounts.models import Organization, User
from evident.accounts.services import platform_organization
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.tests.factories import issuer, publish, sample_blueprint
from evident.programs import credit_services
from evident.programs.models import CreditRule, RenewalCycle
from evident.programs.tests.base import earn
from tests.browser.conftest import BrowserSession, assert_accessible, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def people(transactional_db) -> tuple[Organization, User, User]:
    """Riverbend (counting under Tennessee's seeded rule), its program admin, and an educator with three credentials."""
    state = OrganizationFactory(slug="cascadia", name="Cascadia DPI", kind=Organization.Kind.STATE)
    district = OrganizationFactory(
        slug="riverbend", name="Riverbend USD", kind=Organization.Kind.DISTRICT, parent=state
    )
    school = OrganizationFactory(
        slug="maple", name="Maple Street Elementary", kind=Organization.Kind.SCHOOL, parent=district
    )
    admin = member(district, "program_admin", email="priya@riverbend.example", full_name="Priya Program")
    educator = member(school, "educator", email="elena@maple.example", full_name="Elena Educator")
    institute = issuer("institute", "Institute of Practice")
    author, reviewer = member(institute, "author"), member(platform_organization(), "quality_reviewer")
    for days, title in (
        (40, "Teaching Phonics"),
        (25, "Teaching Phonological Awareness"),
        (10, "Interactive Read Aloud"),
    ):
        version = publish(author, institute, sample_blueprint(title), reviewer)
        earn(educator, version, at=timezone.now() - timedelta(days=days))
    tennessee = CreditRule.objects.get(organization__isnull=True, jurisdiction="US-TN")
    credit_services.organization_credit_rule_set(actor=admin, organization=district, rule=tennessee)
    return district, admin, educator


def test_the_educator_reads_their_pdps_and_downloads_the_transcript(
    session: BrowserSession, people: tuple[Organization, User, User], tmp_path: Path
) -> None:
    _, _, educator = people
    page = session.new_page()
    sign_in(page, educator.email)
    page.goto("/programs/transcript/")
    expect(page.get_by_role("heading", name="Your credit under Tennessee's rules")).to_be_visible()
    expect(page.get_by_text("18 PDPs", exact=True)).to_be_visible()
    expect(page.get_by_text("18 of 60 PDPs this cycle (30%): 42 PDPs to go.")).to_be_visible()
    progress = page.get_by_role("progressbar", name="Progress toward renewal")
    expect(progress).to_have_attribute("value", "30")
    rows = page.get_by_role("table").locator("tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text("Interactive Read Aloud")
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = tmp_path / "transcript.pdf"
    download.value.save_as(pdf)
    text = " ".join("\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(pdf.read_bytes())).pages).split())
    assert "Elena Educator" in text and "Credit under Tennessee's rules" in text and "18 PDPs" in text
    assert "Teaching Phonological Awareness" in text

    with page.expect_download() as download:
        page.get_by_role("link", name="Download CSV").click()
    saved = tmp_path / "transcript.csv"
    download.value.save_as(saved)
    lines = list(csv.DictReader(io.StringIO(saved.read_text())))
    assert [(line["Credit"], line["Unit"]) for line in lines] == [("6", "PDPs")] * 3
    assert {line["Jurisdiction"] for line in lines} == {"Tennessee"}

    # The educator gives their cycle's start: the credential earned before it drops out, with the reason.
    start = timezone.localdate() - timedelta(days=30)
    page.get_by_label("Your current cycle began on").fill(start.isoformat())
    page.get_by_role("button", name="Save the start date").click()
    expect(page.get_by_text("Your cycle's start date was saved")).to_be_visible()
    expect(page.get_by_text("12 of 60 PDPs this cycle (20%): 48 PDPs to go.")).to_be_visible()
    expect(page.get_by_text("Not counted: earned outside the current cycle")).to_be_visible()
    assert RenewalCycle.objects.get(educator=educator).starts_on == start
    assert_accessible(page)

    # A date in the future is refused with a reason next to the field.
    page.get_by_label("Your current cycle began on").fill((timezone.localdate() + timedelta(days=5)).isoformat())
    page.get_by_role("button", name="Save the start date").click()
    expect(page.get_by_text("The cycle's start cannot be in the future.")).to_be_visible()
    assert_accessible(page)


def test_the_program_admin_reads_the_credit_rules_with_their_sources(
    session: BrowserSession, people: tuple[Organization, User, User]
) -> None:
    district, admin, _ = people
    page = session.new_page()
    sign_in(page, admin.email)
    page.goto(f"/programs/orgs/{district.uuid}/credit-rules/")
    expect(page.get_by_role("heading", name="Credit rules")).to_be_visible()
    expect(page.get_by_text("6 PDPs per micro-credential; 60 PDPs to renew in 6 years; no cap.").first).to_be_visible()
    expect(
        page.get_by_role(
            "link", name="NC Department of Public Instruction: Renew or Update Your Professional Educator's License"
        )
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Override Utah Professional Educator License renewal").click()
    expect(page.get_by_role("heading", name="Override Utah Professional Educator License renewal")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Cap per cycle").fill("4")
    page.get_by_role("button", name="Add the rule").click()
    expect(page.get_by_text("was added")).to_be_visible()
    own = CreditRule.objects.get(organization=district)
    assert own.cap_per_cycle == 4 and own.overrides is not None and own.overrides.jurisdiction == "US-UT"
    assert_accessible(page)
