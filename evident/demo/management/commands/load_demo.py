"""``manage.py load_demo``: fictional organizations, demo sign-ins and a demo catalog (demo mode only)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from evident.accounts import audit
from evident.accounts.demo import DEMO_DOMAIN, DEMO_PASSWORD, demo_accounts, load_demo
from evident.accounts.models import Organization, User
from evident.catalog.demo import load_catalog_demo
from evident.credentials.demo import load_credentials_demo
from evident.earning.demo import load_earning_demo
from evident.programs.analytics.demo import load_dashboard_demo
from evident.programs.analytics.facts import refresh_changed
from evident.programs.credit_demo import load_credit_demo
from evident.programs.demo import TITLE as PROGRAM_TITLE
from evident.programs.demo import load_programs_demo
from evident.programs.growth_demo import load_growth_demo
from evident.programs.roles_demo import load_roles_demo
from evident.review.demo import load_review_demo


class Command(BaseCommand):
    help = (
        "Load fictional demo organizations, one account per role, a demo catalog, the demo educator's work "
        "and credentials. Idempotent; demo mode only."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-accounts", action="store_true", help="Do not print the demo sign-ins.")

    def handle(self, *args: Any, **options: Any) -> None:
        if not settings.DEMO_MODE:
            raise CommandError(
                "Demo data is only loaded with EVIDENT_DEMO=true (and DEBUG=true). `make run` sets both."
            )
        with audit.origin(audit.Origin(kind="command")):
            created = load_demo()
            created |= load_catalog_demo(
                author=User.objects.get(email=f"author@{DEMO_DOMAIN}"),
                quality_reviewer=User.objects.get(email=f"quality-reviewer@{DEMO_DOMAIN}"),
            )
            created |= load_earning_demo(
                educator=User.objects.get(email=f"educator@{DEMO_DOMAIN}"),
                coach=User.objects.get(email=f"coach@{DEMO_DOMAIN}"),
                school=Organization.objects.get(slug="maple-street-elementary"),
            )
            created |= load_credentials_demo(
                educator=User.objects.get(email=f"educator@{DEMO_DOMAIN}"),
                issuer_admin=User.objects.get(email=f"issuer-admin@{DEMO_DOMAIN}"),
                school=Organization.objects.get(slug="maple-street-elementary"),
            )
            educator = User.objects.get(email=f"educator@{DEMO_DOMAIN}")
            program_admin = User.objects.get(email=f"program-admin@{DEMO_DOMAIN}")
            coach = User.objects.get(email=f"coach@{DEMO_DOMAIN}")
            created |= load_programs_demo(program_admin=program_admin, coach=coach, educator=educator)
            created |= load_credit_demo(
                program_admin=program_admin, district=Organization.objects.get(slug="riverbend-usd")
            )
            created |= load_roles_demo()
            created |= load_dashboard_demo(program_title=PROGRAM_TITLE)
            created |= load_growth_demo(
                educator=educator, supervisor=coach, school=Organization.objects.get(slug="maple-street-elementary")
            )
            created |= load_review_demo(
                reviewers=[
                    User.objects.get(email=f"reviewer@{DEMO_DOMAIN}"),
                    User.objects.get(email=f"lead-reviewer@{DEMO_DOMAIN}"),
                ],
                organization=Organization.objects.get(slug="teaching-forward"),
            )
        # The dashboards read flattened facts, refreshed every few minutes by the scheduler: build them now.
        refresh_changed()
        summary = ", ".join(f"{n} {kind}" for kind, n in created.items())
        self.stdout.write(self.style.SUCCESS(f"Demo data ready (created {summary})."))
        if not options["quiet_accounts"]:
            self.stdout.write("\nDemo sign-ins (password for all: " + self.style.WARNING(DEMO_PASSWORD) + "):")
            for email, roles in demo_accounts():
                self.stdout.write(f"  {email:<36} {roles}")
