"""Every page a person reaches, signed out and signed in: WCAG 2.1 AA by axe, and it fits a phone.

Console errors and CSP violations on any of these pages fail the test too
(see the ``session`` fixture).
"""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from tests.browser.conftest import WCAG_21_AA, BrowserSession, sign_in

pytestmark = pytest.mark.browser


class AxeAudit:
    """Runs axe on each page and reports every page's violations at the end, not just the first."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.reports: list[str] = []

    def check(self, what: str) -> None:
        results = Axe().run(self.page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
        if results.violations_count:
            self.reports.append(f"== {what} ({self.page.url})\n{results.generate_report()}")

    def assert_clean(self) -> None:
        assert not self.reports, "\n\n".join(self.reports)


def test_signed_out_pages_are_accessible(session: BrowserSession, district):
    session.expected_console_errors.append("status of 404")  # the not-found pages
    page = session.new_page()
    audit = AxeAudit(page)
    for path, what in [
        ("/", "home"),
        ("/accounts/password/reset/", "password reset"),
        ("/no-such-page/", "not found"),
        ("/invitations/not-a-real-token/", "invalid invitation"),
    ]:
        page.goto(path)
        audit.check(what)
    page.goto("/accounts/password/reset/")
    page.get_by_role("button", name="Reset").click()
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    audit.check("password reset with errors")
    audit.assert_clean()


def test_an_admins_pages_are_accessible(page: Page, district):
    organization, _, _ = district
    org = f"/organizations/{organization.uuid}"
    sign_in(page, "admin@riverbend.example")
    audit = AxeAudit(page)

    page.goto(f"{org}/edit/")
    audit.check("organization edit")
    page.get_by_label("Name").fill("")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    audit.check("organization edit with errors")

    page.goto(f"{org}/members/")
    page.get_by_role("button", name="Send invitation").click()
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    audit.check("members with invitation errors")

    page.goto(f"{org}/api-keys/")
    audit.check("API keys, none yet")
    page.get_by_role("button", name="Create API key").click()
    expect(page.get_by_text("This field is required.").first).to_be_visible()
    audit.check("API keys with errors")
    page.get_by_label("Name").fill("SIS export")
    page.get_by_role("checkbox", name="Educator", exact=True).check()
    page.get_by_role("button", name="Create API key").click()
    expect(page.get_by_label("New API key")).to_have_value(re.compile("^evo_"))
    audit.check("API keys with a new key shown")

    page.goto(f"{org}/activity/")
    expect(page.get_by_role("cell", name="api_key.created")).to_be_visible()
    audit.check("activity")

    for path, what in [
        ("/account/profile/", "profile"),
        ("/accounts/password/change/", "change password"),
        ("/accounts/email/", "email addresses"),
    ]:
        page.goto(path)
        audit.check(what)
    page.get_by_role("button", name="Add email").click()
    audit.check("email addresses with errors")
    audit.assert_clean()


PHONE_PAGES = [
    ("/", False),
    ("/accounts/login/", False),
    ("/accounts/signup/", False),
    ("/dashboard/", True),
    ("{org}/", True),
    ("{org}/members/", True),
    ("{org}/api-keys/", True),
    ("{org}/activity/", True),
    ("/account/tokens/", True),
    ("/account/profile/", True),
    ("/accounts/email/", True),
    ("/accounts/password/change/", True),
]


def test_pages_fit_a_phone_screen(session: BrowserSession, district):
    organization, _, _ = district
    org = f"/organizations/{organization.uuid}"
    signed_out = session.new_page(width=390, height=844)
    signed_in = session.new_page(width=390, height=844)
    sign_in(signed_in, "admin@riverbend.example")
    # Rows in the key, invitation and activity tables, with long names and addresses.
    signed_in.goto(f"{org}/api-keys/")
    signed_in.get_by_label("Name").fill("A key with a rather long name for a narrow screen")
    signed_in.get_by_role("checkbox", name="Educator", exact=True).check()
    signed_in.get_by_role("button", name="Create API key").click()
    expect(signed_in.get_by_label("New API key")).to_be_visible()
    signed_in.goto(f"{org}/members/")
    signed_in.get_by_label("Email address").fill("someone.with.a.long.address@riverbend-unified.example")
    signed_in.get_by_role("group", name="Roles", exact=True).get_by_role("checkbox", name=re.compile("^Coach")).check()
    signed_in.get_by_role("button", name="Send invitation").click()
    expect(signed_in.get_by_text("Invitation sent")).to_be_visible()

    too_wide = []
    audits = {signed_out: AxeAudit(signed_out), signed_in: AxeAudit(signed_in)}
    for path, needs_sign_in in PHONE_PAGES:
        phone = signed_in if needs_sign_in else signed_out
        phone.goto(path.format(org=org))
        overflow = phone.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
        if overflow > 1:
            too_wide.append(f"{path} scrolls sideways by {overflow}px")
        audits[phone].check(f"{path} on a phone")
    assert not too_wide, "On a 390px-wide phone:\n" + "\n".join(too_wide)
    for audit in audits.values():
        audit.assert_clean()
