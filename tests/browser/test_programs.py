"""A district program admin sets up a program and enrols a roster; the educator sees their deadline."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from evident.accounts.models import Organization
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.models import MicroCredentialVersion
from evident.catalog.tests.factories import issuer, publish, quality_reviewer, sample_blueprint
from evident.earning.services import enrollment_start
from evident.programs.analytics.facts import refresh_changed
from evident.programs.models import CohortMember, Program
from tests.browser.conftest import BrowserSession, assert_accessible, sign_in

pytestmark = pytest.mark.browser


def test_a_district_admin_runs_a_program_and_the_educator_sees_the_deadline(
    session: BrowserSession, page: Page, tmp_path: Path
) -> None:
    district = OrganizationFactory(slug="riverbend", name="Riverbend USD", kind=Organization.Kind.DISTRICT)
    school = OrganizationFactory(
        slug="maple-street", name="Maple Street Elementary School", kind=Organization.Kind.SCHOOL, parent=district
    )
    admin = member(district, "program_admin", email="priya@riverbend.example", full_name="Priya Program")
    member(district, "coach", email="cole@riverbend.example", full_name="Cole Coach")
    educator = member(school, "educator", email="elena@maple.example", full_name="Elena Educator")
    institute = issuer()
    publish(member(institute, "author"), institute, sample_blueprint("Teaching Phonics"), quality_reviewer())

    sign_in(page, admin.email)
    page.goto("/programs/")
    assert_accessible(page)
    page.get_by_role("link", name="New program in Riverbend USD").click()
    page.get_by_label("Title").fill("Early Literacy 2026–27")
    page.get_by_label("Teaching Phonics (Institute of Practice)").check()
    page.get_by_label("Incentive per credential earned").fill("150")
    assert_accessible(page)
    page.get_by_role("button", name="Create the program").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Early Literacy 2026–27")
    assert_accessible(page)

    page.get_by_role("link", name="Add a cohort").click()
    today = timezone.localdate()
    deadline = today.replace(year=today.year + 1, month=3, day=31)
    page.get_by_label("Name").fill("Fall")
    page.get_by_label("Starts on").fill(today.isoformat())
    page.get_by_label("Ends on").fill(today.replace(year=today.year + 1, month=6, day=30).isoformat())
    page.get_by_label("Deadline").fill(deadline.isoformat())
    assert_accessible(page)
    page.get_by_role("button", name="Add the cohort").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Fall")

    page.get_by_role("link", name="Early Literacy 2026–27").click()
    page.get_by_role("link", name="Import a roster (CSV)").click()
    assert_accessible(page)
    bad = tmp_path / "roster.csv"
    bad.write_text(
        "Name,Email,School,Cohort,Coach\n"
        "Elena Educator,elena@maple.example,Maple Street Elementary School,Fall,\n"
        "Jo Jones,jo@,Maple St,Fall,\n"
        "Ana Alvarez,ana@example.org,maple-street,Fal,\n"
    )
    page.get_by_label("Roster file (CSV)").set_input_files(str(bad))
    page.get_by_role("button", name="Upload and preview").click()
    rejected = page.locator("#rejected-lines")
    expect(rejected).to_contain_text("Line 3: the email ‘jo@’ is not a valid address")
    expect(rejected).to_contain_text(
        "no school called ‘Maple St’ in Riverbend USD — did you mean Maple Street Elementary School?"
    )
    expect(rejected).to_contain_text("Line 4: no cohort called ‘Fal’ in this program — did you mean Fall?")
    expect(page.get_by_role("button", name="Apply the roster")).to_have_count(0)
    assert_accessible(page)
    assert not CohortMember.objects.exists()

    good = tmp_path / "roster-fixed.csv"
    good.write_text(
        "Name,Email,School,Cohort,Coach\n"
        "Elena Educator,elena@maple.example,Maple Street Elementary School,Fall,\n"
        "Jo Jones,jo@example.org,Maple Street Elementary School,Fall,\n"
        "Ana Alvarez,ana@example.org,maple-street,Fall,\n"
    )
    page.get_by_role("link", name="Upload a corrected file").click()
    page.get_by_label("Roster file (CSV)").set_input_files(str(good))
    page.get_by_role("button", name="Upload and preview").click()
    expect(page.get_by_text("Every line can be applied")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Apply the roster").click()
    expect(page.get_by_text("The roster was applied: 3 new")).to_be_visible()
    assert CohortMember.objects.count() == 3

    page.get_by_role("link", name="Fall").click()
    page.get_by_label("Cole Coach (cole@riverbend.example)").check()
    page.get_by_role("button", name="Save the coaches").click()
    expect(page.get_by_text("The cohort's coaches were saved.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Early Literacy 2026–27").click()
    page.get_by_role("button", name="Open to educators").click()
    expect(page.get_by_text("Open to educators", exact=True)).to_be_visible()
    assert Program.objects.get().status == Program.Status.ACTIVE

    teacher = session.new_page()
    sign_in(teacher, educator.email)
    teacher.goto("/programs/mine/")
    card = teacher.get_by_role("region", name="Early Literacy 2026–27")
    expect(card).to_contain_text(f"{deadline:%A}, {deadline:%B} {deadline.day}, {deadline.year}")
    expect(card).to_contain_text(re.compile(r"\d+ days left"))
    expect(card).to_contain_text("Cole Coach")
    expect(card).to_contain_text("150.00 USD per credential earned")
    expect(card.get_by_role("link", name="Start Teaching Phonics")).to_be_visible()
    assert_accessible(teacher)

    # The educator starts one; once the periodic refresh has run, the admin reads the district's figures.
    version = MicroCredentialVersion.objects.get(title="Teaching Phonics")
    enrollment_start(actor=educator, version=version)
    refresh_changed()
    page.get_by_role("link", name="Figures", exact=True).click()
    expect(page.get_by_role("heading", name="Dashboard: Riverbend USD")).to_be_visible()
    funnel = page.get_by_role("region", name="Enrolment funnel")
    expect(funnel.get_by_role("row", name="Started 1 100%")).to_be_visible()
    expect(funnel.locator("canvas")).to_be_visible()
    expect(page.get_by_role("region", name="By school")).to_contain_text("Maple Street Elementary School")
    # Her deadline is months away: nobody is at risk yet.
    expect(page.get_by_role("region", name="Educators at risk of missing a deadline")).to_contain_text(
        "0 enrolments not earned"
    )
    assert_accessible(page)
    with page.expect_download() as download:
        funnel.get_by_role("link", name="Download CSV of enrolment funnel").click()
    assert Path(download.value.path()).read_text(encoding="utf-8-sig").startswith("Stage,Enrolments,Share of started")
    page.get_by_role("link", name="Early Literacy 2026–27").click()
    expect(page.get_by_role("region", name="By cohort")).to_contain_text("Fall")
    assert_accessible(page)
