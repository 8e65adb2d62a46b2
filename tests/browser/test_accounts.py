"""The account flows a person goes through, in a real browser, with axe checks."""

from __future__ import annotations

import re

import pytest
from django.core import mail
from playwright.sync_api import Dialog, Page, expect

from evident.accounts.models import Membership, User
from evident.accounts.tests.factories import OrganizationFactory
from tests.browser.conftest import BrowserSession, assert_accessible, sign_in

pytestmark = pytest.mark.browser


def link_in_last_email(path_pattern: str) -> str:
    found = re.search(rf"https?://[^/\s]+({path_pattern})", str(mail.outbox[-1].body))
    assert found is not None, mail.outbox[-1].body
    return found.group(1)


def test_sign_in_leads_to_the_dashboard(page: Page, district):
    page.goto("/accounts/login/")
    assert_accessible(page)
    page.get_by_label("Email").fill("admin@riverbend.example")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("are not correct")).to_be_visible()
    assert_accessible(page)
    sign_in(page, "admin@riverbend.example")
    expect(page.get_by_role("heading", name="Welcome, Ada Admin")).to_be_visible()
    expect(page.get_by_text("Working in Riverbend Schools", exact=True)).to_be_visible()
    assert_accessible(page)


def test_an_educator_signs_up_and_verifies_their_email(page: Page):
    page.goto("/")
    assert_accessible(page)
    page.get_by_role("link", name="Create an educator account").click()
    assert_accessible(page)
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Full name").fill("Tess Teacher")
    page.get_by_label("Email").fill("tess@example.org")
    page.get_by_label("Password", exact=True).fill("a-long-password-1")
    page.get_by_label("Password (again)").fill("a-long-password-1")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name=re.compile("Verify your email", re.IGNORECASE))).to_be_visible()
    assert_accessible(page)
    link = link_in_last_email(r"/accounts/confirm-email/\S+")
    page.goto(link)
    assert_accessible(page)
    page.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/dashboard/")
    expect(page.get_by_role("heading", name="Welcome, Tess Teacher")).to_be_visible()
    expect(page.get_by_text("You are not part of an organization yet")).to_be_visible()


def test_an_admin_invites_someone_who_joins_through_the_link(session: BrowserSession, district):
    organization, _, _ = district
    admin_page = session.new_page()
    sign_in(admin_page, "admin@riverbend.example")
    admin_page.get_by_role("link", name="Organization", exact=True).click()
    expect(admin_page.get_by_role("heading", name="Riverbend Schools")).to_be_visible()
    assert_accessible(admin_page)
    admin_page.get_by_role("navigation", name="Main").get_by_role("link", name="Members").click()
    admin_page.get_by_label("Email address").fill("nia.new@example.org")
    roles = admin_page.get_by_role("group", name="Roles", exact=True)
    roles.get_by_role("checkbox", name=re.compile("^Educator")).check()
    roles.get_by_role("checkbox", name=re.compile("^Coach")).check()
    admin_page.get_by_role("button", name="Send invitation").click()
    expect(admin_page.get_by_text("Invitation sent to nia.new@example.org")).to_be_visible()
    expect(admin_page.get_by_role("cell", name=re.compile("^nia.new@example.org Invited"))).to_be_visible()
    assert_accessible(admin_page)

    link = link_in_last_email(r"/invitations/\S+/")
    newcomer = session.new_page()
    newcomer.goto(link)
    expect(newcomer.get_by_role("heading", name="Join Riverbend Schools")).to_be_visible()
    assert_accessible(newcomer)
    newcomer.get_by_label("Full name").fill("Nia New")
    newcomer.get_by_label("Password", exact=True).fill("a-long-password-1")
    newcomer.get_by_label("Password (again)").fill("a-long-password-1")
    newcomer.get_by_role("button", name="Create account and join").click()
    newcomer.wait_for_url("**/dashboard/")
    expect(newcomer.get_by_text("Welcome to Riverbend Schools")).to_be_visible()
    expect(newcomer.get_by_role("banner")).to_contain_text("Working in Riverbend Schools")
    expect(newcomer.get_by_role("navigation", name="Main").get_by_role("link", name="Organization")).to_be_visible()
    nia = User.objects.get(email="nia.new@example.org")
    assert set(Membership.objects.filter(user=nia, organization=organization).values_list("role", flat=True)) == {
        "coach",
        "educator",
    }


def test_roles_change_in_place_and_the_last_admin_is_kept(page: Page, district):
    organization, admin, teacher = district
    sign_in(page, "admin@riverbend.example")
    page.goto(f"/organizations/{organization.uuid}/members/")
    page.evaluate("window.__stillTheSamePage = true")
    row = page.locator(f"#member-{teacher.uuid}")
    row.get_by_text("Change").click()
    row.get_by_label("Coach").check()
    row.get_by_role("button", name="Save roles").click()
    expect(page.locator(f"#member-{teacher.uuid} .badge", has_text="Coach")).to_be_visible()
    assert page.evaluate("window.__stillTheSamePage") is True, "the row was swapped without a page load"
    assert set(teacher.memberships.values_list("role", flat=True)) == {"coach", "educator"}

    admin_row = page.locator(f"#member-{admin.uuid}")
    admin_row.get_by_text("Change").click()
    admin_row.get_by_label("Organization admin").uncheck()
    admin_row.get_by_label("Educator").check()
    admin_row.get_by_role("button", name="Save roles").click()
    expect(page.locator(f"#member-{admin.uuid}").get_by_role("alert")).to_contain_text("only organization admin")
    assert_accessible(page)


def test_removing_a_member_asks_first(page: Page, district):
    organization, _, teacher = district
    sign_in(page, "admin@riverbend.example")
    page.goto(f"/organizations/{organization.uuid}/members/")
    remove = page.get_by_role("button", name="Remove Eddie Educator")
    asked: list[str] = []
    removals: list[str] = []
    page.on("request", lambda request: removals.append(request.url) if "/remove/" in request.url else None)

    def answer(dialog: Dialog, accept: bool) -> None:
        asked.append(dialog.message)
        if accept:
            dialog.accept()
        else:
            dialog.dismiss()

    page.once("dialog", lambda dialog: answer(dialog, accept=False))
    remove.click()
    assert asked == ["Remove Eddie Educator from Riverbend Schools?"]
    expect(page.locator(f"#member-{teacher.uuid}")).to_be_visible()
    assert teacher.memberships.exists()

    page.once("dialog", lambda dialog: answer(dialog, accept=True))
    remove.click()
    expect(page.get_by_text("Eddie Educator was removed from Riverbend Schools.")).to_be_visible()
    expect(page.locator(f"#member-{teacher.uuid}")).to_have_count(0)
    assert not teacher.memberships.exists()
    assert len(removals) == 1, "dismissing the question must not send the form"
    assert_accessible(page)


def test_a_member_of_two_organizations_switches_between_them(page: Page, district):
    organization, _, teacher = district
    other = OrganizationFactory(name="Lakeshore Schools", slug="lakeshore")
    Membership.objects.create(user=teacher, organization=other, role="coach")
    sign_in(page, "eddie@riverbend.example")
    expect(page.get_by_text("You are working in Lakeshore Schools.")).to_be_visible()
    page.get_by_label("Working in").select_option(label="Riverbend Schools")
    page.get_by_role("button", name="Switch").click()
    expect(page.get_by_text("You are now working in Riverbend Schools.")).to_be_visible()
    expect(page.get_by_label("Working in")).to_have_value(str(organization.uuid))


def test_a_personal_token_is_shown_once_and_can_be_revoked(session: BrowserSession, district):
    page = session.new_page(permissions=["clipboard-read", "clipboard-write"])
    sign_in(page, "eddie@riverbend.example")
    page.goto("/account/tokens/")
    assert_accessible(page)
    page.get_by_label("Name").fill("grade export")
    page.get_by_role("button", name="Create token").click()
    secret = page.get_by_label("New token").input_value()
    assert secret.startswith("evp_")
    page.get_by_role("button", name="Copy").click()
    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == secret
    assert_accessible(page)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Revoke grade export").click()
    expect(page.get_by_text("was revoked")).to_be_visible()
    expect(page.get_by_text(re.compile("^Revoked"))).to_be_visible()
    page.reload()
    assert secret not in page.content()
