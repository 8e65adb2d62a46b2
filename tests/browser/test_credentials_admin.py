"""An issuing organization's admin in a real browser: finds a credential it issued, revokes it with a
reason, a stranger checking that credential reads "revoked"; then the admin rotates the signing key."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

from evident.accounts.services import platform_organization
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.tests.factories import issuer, publish, sample_blueprint
from evident.credentials.models import Award, IssuerKey
from tests.browser.conftest import BrowserSession, assert_accessible, sign_in
from tests.browser.earned import earn

pytestmark = pytest.mark.browser


@pytest.fixture
def awards(transactional_db, tmp_path: Path) -> tuple[Award, Award]:
    institute = issuer("institute", "Institute of Practice")
    member(institute, "org_admin", email="ines@institute.example", full_name="Ines Issuer")
    version = publish(
        member(institute, "author"), institute, sample_blueprint(), member(platform_organization(), "quality_reviewer")
    )
    district = OrganizationFactory(slug="riverbend", name="Riverbend Schools")
    elena = member(district, "educator", email="elena@riverbend.example", full_name="Elena Educator")
    omar = member(district, "educator", email="omar@riverbend.example", full_name="Omar Other")
    return earn(version, elena, tmp_path), earn(version, omar, tmp_path)


def test_an_issuer_admin_revokes_a_credential_a_stranger_sees_it_revoked_and_the_key_is_rotated(
    session: BrowserSession, awards: tuple[Award, Award]
):
    award, other = awards
    admin = session.new_page()
    sign_in(admin, "ines@institute.example")
    admin.goto(award.organization.get_absolute_url())
    admin.get_by_role("link", name="Issued credentials").click()
    expect(admin.get_by_role("heading", name="Issued credentials", level=1)).to_be_visible()
    expect(admin.get_by_text("2 credentials")).to_be_visible()
    assert_accessible(admin)

    admin.get_by_label("Educator's name or email, or title").fill("elena")
    admin.get_by_role("button", name="Search").click()
    expect(admin.get_by_text("1 credential matches")).to_be_visible()
    expect(admin.get_by_role("cell", name="Omar Other")).to_have_count(0)
    assert "q=elena" in admin.url  # the search is in the address, so it can be shared or reloaded
    admin.get_by_role("link", name="Revoke Teaching Phonics for Elena Educator").click()

    expect(admin.get_by_role("heading", name="Revoke a credential")).to_be_visible()
    expect(admin.get_by_text("Revoking cannot be undone.")).to_be_visible()
    assert_accessible(admin)
    admin.get_by_role("button", name="Revoke this credential").click()
    expect(admin.get_by_text("Say why the credential is revoked: the educator will read it.")).to_be_visible()
    assert_accessible(admin)  # with the error shown
    admin.get_by_label("Why is it revoked?").fill("The evidence was not the educator's own work.")
    admin.get_by_role("button", name="Revoke this credential").click()
    expect(admin.get_by_text("is revoked. Anyone who checks it now sees")).to_be_visible()
    admin.get_by_label("Status").select_option("revoked")
    expect(admin.get_by_text("1 credential matches")).to_be_visible()
    expect(admin.get_by_role("link", name="Why revoked Teaching Phonics for Elena Educator")).to_be_visible()

    stranger = session.new_page()
    stranger.goto("/verify/")
    stranger.get_by_label("Paste the credential (JSON)").fill(json.dumps(award.credential))
    stranger.get_by_role("button", name="Verify").click()
    expect(stranger.get_by_role("heading", name="Revoked")).to_be_visible()
    expect(stranger.get_by_text("The issuer has revoked this credential.")).to_be_visible()

    admin.get_by_role("link", name="Signing keys").click()
    expect(admin.get_by_role("heading", name="Signing keys", level=1)).to_be_visible()
    expect(admin.get_by_text("did:web:", exact=False).first).to_be_visible()
    assert_accessible(admin)
    admin.get_by_role("button", name="Rotate the signing key").click()
    expect(admin.get_by_text("Tick the box to confirm the rotation.")).to_be_visible()
    admin.get_by_label("I understand", exact=False).check()
    admin.get_by_role("button", name="Rotate the signing key").click()
    expect(admin.get_by_text("New credentials are now signed with key-2.")).to_be_visible()
    expect(admin.get_by_text("Retired", exact=True)).to_be_visible()
    assert_accessible(admin)
    keys = IssuerKey.objects.filter(organization=award.organization)
    assert [(k.fragment, k.retired_at is None) for k in keys] == [("key-1", False), ("key-2", True)]

    # The other credential was signed by the retired key and still checks out.
    stranger.get_by_label("Paste the credential (JSON)").fill(json.dumps(other.credential))
    stranger.get_by_role("button", name="Verify").click()
    expect(stranger.get_by_role("heading", name="Valid", exact=True)).to_be_visible()
