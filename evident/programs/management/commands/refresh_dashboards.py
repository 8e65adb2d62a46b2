"""``manage.py refresh_dashboards [--all]``: bring the dashboards' figures up to date now."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from evident.programs.analytics import facts


class Command(BaseCommand):
    help = "Rebuild the dashboards' figures for enrolments that changed (all of them with --all)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--all", action="store_true", help="Rebuild every enrolment's figures from scratch.")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        count = facts.rebuild() if options["all"] else facts.refresh_changed()
        self.stdout.write(f"Refreshed {count} enrolments in {time.perf_counter() - started:.1f} s.")
