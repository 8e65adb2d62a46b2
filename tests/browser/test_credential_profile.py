"""The public profile in a real browser: the educator makes a credential and their profile public
from My credentials, and a stranger opens the profile and follows it to the credential page."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from evident.accounts.services import platform_organization
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.tests.factories import issuer, publish, sample_blueprint
from evident.credentials import services
from evident.credentials.models import Award
from tests.browser.conftest import BrowserSession, assert_accessible, sign_in
from tests.browser.earned import earn

pytestmark = pytest.mark.browser


@pytest.fixture
def awards(transactional_db, tmp_path: Path) -> tuple[Award, Award]:
    """Elena's two credentials, both private: Teaching Phonics, and Teaching Fluency (revoked)."""
    institute = issuer("institute", "Institute of Practice")
    author = member(institute, "author")
    reviewer = member(platform_organization(), "quality_reviewer")
    phonics = publish(author, institute, sample_blueprint(), reviewer)
    fluency = publish(author, institute, sample_blueprint("Teaching Fluency"), reviewer)
    district = OrganizationFactory(slug="riverbend", name="Riverbend Schools")
    educator = member(district, "educator", email="elena@riverbend.example", full_name="Elena Educator")
    earned = earn(phonics, educator, tmp_path)
    revoked = earn(fluency, educator, tmp_path)
    services.award_revoke(actor=member(institute, "org_admin"), award=revoked, reason="Issued in error.")
    return earned, revoked


def test_the_educator_shares_a_credential_on_their_profile_and_a_stranger_follows_it(
    session: BrowserSession, awards: tuple[Award, Award]
):
    earned, revoked = awards
    page = session.new_page()
    sign_in(page, "elena@riverbend.example")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="My credentials").click()
    expect(page.get_by_role("heading", name="My credentials", level=1)).to_be_visible()
    expect(page.get_by_text("Issued in error.")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Make it public Teaching Phonics").click()
    expect(page.get_by_text("Anyone with the link can now see this credential.")).to_be_visible()
    assert page.url.endswith(f"/credentials/#award-{earned.uuid}")
    expect(page.get_by_role("button", name="Make it private Teaching Phonics")).to_be_visible()
    page.get_by_role("button", name="Make it public Teaching Fluency").click()  # revoked: still never listed

    page.get_by_role("link", name="Public profile settings").click()
    expect(page.get_by_role("heading", name="Public profile settings")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Address").fill("admin")
    page.get_by_label("Make my profile public").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("“admin” is reserved. Choose another address.")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Address").fill("Elena Reads")
    page.get_by_label("Headline (optional)").fill("Grade 3 teacher, Lincoln Elementary")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Your profile is public: anyone with its address can see it.")).to_be_visible()
    expect(page.get_by_role("link", name="http://testserver/people/elena-reads/")).to_be_visible()

    stranger = session.new_page()
    response = stranger.goto("/people/elena-reads/")
    assert response is not None and response.status == 200
    expect(stranger.get_by_role("heading", name="Elena Educator", level=1)).to_be_visible()
    expect(stranger.get_by_text("Grade 3 teacher, Lincoln Elementary")).to_be_visible()
    expect(stranger.get_by_role("heading", name="Teaching Phonics", level=3)).to_be_visible()
    expect(stranger.get_by_text("Teaching Fluency")).to_have_count(0)
    expect(stranger.get_by_text("elena@riverbend.example")).to_have_count(0)
    expect(stranger.locator('meta[name="robots"]')).to_have_attribute("content", "noindex")
    assert_accessible(stranger)
    stranger.get_by_role("link", name="Check it with the verifier Teaching Phonics").click()
    expect(stranger.get_by_role("heading", name="Valid", exact=True)).to_be_visible()
    stranger.go_back()
    stranger.get_by_role("link", name="See the credential Teaching Phonics").click()
    expect(stranger.get_by_role("heading", name="Teaching Phonics", level=1)).to_be_visible()
    expect(stranger.get_by_text("Valid.")).to_be_visible()
    assert stranger.url.endswith(earned.get_absolute_url())
    assert_accessible(stranger)
