"""End-to-end tests in Debian's headless Chromium, driven by Playwright.

Each test gets a fresh browser context against pytest-django's live server.
Console errors (which include Content-Security-Policy violations) and
uncaught page errors fail the test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, ConsoleMessage, Page, sync_playwright

from evident.accounts.tests.factories import TEST_PASSWORD
from evident.testsupport.browser import CHROMIUM, CHROMIUM_ARGS

# Playwright's sync API runs an event loop in this thread; Django's ORM calls
# from the test body are still synchronous and safe here.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


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
        self.contexts: list[object] = []

    def new_page(self, *, width: int = 1280, height: int = 900) -> Page:
        context = self.browser.new_context(base_url=self.base_url, viewport={"width": width, "height": height})
        self.contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.on("console", self._console)
        page.on("pageerror", lambda e: self.problems.append(f"page error: {e}"))
        return page

    def _console(self, message: ConsoleMessage) -> None:
        # A 422 is how a form says "please correct this"; Chromium logs it anyway.
        if message.type == "error" and "status of 422" not in message.text:
            self.problems.append(f"console {message.type}: {message.text}")

    def close(self) -> None:
        for context in self.contexts:
            context.close()  # type: ignore[attr-defined]


@pytest.fixture
def session(browser: Browser, live_server, transactional_db) -> Iterator[BrowserSession]:
    opened = BrowserSession(browser, live_server.url)
    yield opened
    opened.close()
    assert not opened.problems, "The browser reported problems:\n" + "\n".join(opened.problems)


@pytest.fixture
def page(session: BrowserSession) -> Page:
    return session.new_page()


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
