"""The browser fixtures themselves: a CSP violation or a console error is noticed."""

from __future__ import annotations

import time

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import BrowserSession

pytestmark = pytest.mark.browser


def wait_for_problems(session: BrowserSession, count: int) -> None:
    """Bindings call back asynchronously: give the browser a moment to report."""
    deadline = time.monotonic() + 5
    while len(session.problems) < count and time.monotonic() < deadline:
        session.contexts[-1].pages[0].wait_for_timeout(50)


def test_it_reports_csp_violations_and_console_errors(browser: Browser, live_server, transactional_db):
    # Not the ``session`` fixture: that one fails the test on what we provoke here.
    session = BrowserSession(browser, live_server.url)
    try:
        page = session.new_page()
        page.goto("/")
        assert session.problems == []
        # An inline script and a style attribute: both forbidden by the CSP.
        page.evaluate("""() => {
            const script = document.createElement("script");
            script.textContent = "window.__ran = true";
            document.body.append(script);
            document.body.setAttribute("style", "color: red");
        }""")
        page.evaluate("console.error('something broke')")
        wait_for_problems(session, 4)
        assert page.evaluate("window.__ran") is None, "the inline script ran despite the CSP"
    finally:
        session.close()
    violations = [problem for problem in session.problems if problem.startswith("CSP violation")]
    assert any("script-src-elem blocked inline" in problem for problem in violations), session.problems
    assert any("style-src-attr blocked inline" in problem for problem in violations), session.problems
    assert any("something broke" in problem for problem in session.problems), session.problems
