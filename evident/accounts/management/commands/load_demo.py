"""``manage.py load_demo``: fictional organizations and demo sign-ins (demo mode only)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from evident.accounts import audit
from evident.accounts.demo import DEMO_PASSWORD, demo_accounts, load_demo


class Command(BaseCommand):
    help = "Load fictional demo organizations and one account per role. Idempotent; demo mode only."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-accounts", action="store_true", help="Do not print the demo sign-ins.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "Demo data is only loaded with EVIDENT_DEMO=true (and DEBUG=true). `make run` sets both."
            )
        with audit.origin(audit.Origin(kind="command")):
            created = load_demo()
        summary = ", ".join(f"{n} {kind}" for kind, n in created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data ready (created {summary})."))
        if not options["quiet_accounts"]:
            self.stdout.write("\nDemo sign-ins (password for all: " + self.style.WARNING(DEMO_PASSWORD) + "):")
            for email, roles in demo_accounts():
                self.stdout.write(f"  {email:<36} {roles}")
