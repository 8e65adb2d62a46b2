"""End-to-end tests in Debian's headless Chromium, driven by Playwright.

Each test gets a fresh browser context against pytest-django's live server.
Console errors, uncaught page errors and Content-Security-Policy violations
(``securitypolicyviolation`` events, reported through an exposed binding)
fail the test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, sync_playwright

from evident.accounts.models import Organization, User
from evident.accounts.tests.factories import TEST_PASSWORD, OrganizationFactory, member
from evident.testsupport.browser import CHROMIUM, CHROMIUM_ARGS

# Playwright's sync API runs an event loop in this thread; Django's ORM calls
# from the test body are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

# Runs in every document before the page's own scripts. Init scripts and
# bindings are installed through the DevTools protocol, so the page's CSP
# does not apply to them.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
    window.__evidentCspViolation(
        `${event.effectiveDirective} blocked ${event.blockedURI || "(unknown)"}`
        + ` at ${event.sourceFile || event.documentURI}:${event.lineNumber}`
    );
});
"""


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: run scripts/ensure-chromium (make test does).")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class BrowserSession:
    """Opens pages against the live server and collects browser-side errors."""

    def __init__(self, browser: Browser, base_url: str) -> None:
        self.browser = browser
        self.base_url = base_url
        self.problems: list[str] = []
        # Console messages a test expects, e.g. the 404 a not-found page is served with.
        self.expected_console_errors: list[str] = ["status of 422"]
        self.contexts: list[BrowserContext] = []

    def new_page(self, *, width: int = 1280, height: int = 900, **context_options: Any) -> Page:
        """A page in a new browser context: its own cookies, so its own signed-in person."""
        context = self.browser.new_context(
            base_url=self.base_url, viewport={"width": width, "height": height}, **context_options
        )
        self.contexts.append(context)
        context.expose_binding("__evidentCspViolation", self._csp_violation)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("console", lambda message: self._console(page, message))
        page.on("pageerror", lambda error: self.problems.append(f"page error on {page.url}: {error}"))
        return page

    def _console(self, page: Page, message: ConsoleMessage) -> None:
        # A 422 is how a form says "please correct this"; Chromium logs it anyway.
        if message.type == "error" and not any(text in message.text for text in self.expected_console_errors):
            self.problems.append(f"console error on {page.url}: {message.text}")

    def _csp_violation(self, source: dict[str, Any], description: str) -> None:
        self.problems.append(f"CSP violation on {source['page'].url}: {description}")

    def close(self) -> None:
        for context in self.contexts:
            context.close()


@pytest.fixture
def session(browser: Browser, live_server, transactional_db) -> Iterator[BrowserSession]:
    opened = BrowserSession(browser, live_server.url)
    yield opened
    opened.close()
    assert not opened.problems, "The browser reported problems:\n" + "\n".join(opened.problems)


@pytest.fixture
def page(session: BrowserSession) -> Page:
    return session.new_page()


@pytest.fixture
def district(transactional_db) -> tuple[Organization, User, User]:
    """Riverbend Schools with an organization admin (Ada) and an educator (Eddie)."""
    organization = OrganizationFactory(name="Riverbend Schools", slug="riverbend")
    admin = member(organization, "org_admin", email="admin@riverbend.example", full_name="Ada Admin")
    teacher = member(organization, "educator", email="eddie@riverbend.example", full_name="Eddie Educator")
    return organization, admin, teacher


def sign_in(page: Page, email: str, password: str = TEST_PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/dashboard/")


def assert_accessible(page: Page) -> None:
    """axe-core finds no WCAG 2.1 A/AA violation on the page as it is now."""
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_21_AA}})
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
