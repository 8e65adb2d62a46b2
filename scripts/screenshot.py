#!/usr/bin/env python
"""Screenshot pages of a running Evident in headless Chromium, to look at them.

    .venv/bin/python scripts/screenshot.py --login org-admin@demo.evident.test /dashboard/ /organizations/…
Writes PNGs under screenshots/ (ignored by git). Desktop and phone widths.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from playwright.sync_api import sync_playwright

from evident.testsupport.browser import CHROMIUM, CHROMIUM_ARGS


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--login", help="demo account email to sign in as")
    parser.add_argument("--password", default="evident-demo")
    parser.add_argument("--phone", action="store_true", help="also take a 390px-wide shot")
    args = parser.parse_args()
    out = Path("screenshots")
    out.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        sizes = [("desktop", 1280, 900)] + ([("phone", 390, 844)] if args.phone else [])
        for label, width, height in sizes:
            page = browser.new_page(viewport={"width": width, "height": height})
            if args.login:
                page.goto(args.base + "/accounts/login/")
                page.fill("input[name=login]", args.login)
                page.fill("input[name=password]", args.password)
                page.click("button[type=submit]")
                page.wait_for_load_state()
            for path in args.paths:
                page.goto(args.base + path)
                name = re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-") or "home"
                target = out / f"{name}-{label}.png"
                page.screenshot(path=str(target), full_page=True)
                print(target)  # noqa: T201  # a command-line tool
        browser.close()


if __name__ == "__main__":
    main()
