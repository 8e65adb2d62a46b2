"""A demo program of Riverbend USD, through the real services: two cohorts with deadlines, the demo
coach on both, the demo educator on the first, a $150 stipend per credential earned.

Loaded after the catalog demo (it offers the Early Literacy stack's
micro-credentials). Running it again changes nothing.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.catalog.models import Stack
from evident.programs import services
from evident.programs.models import Cohort, CohortMember, Program

TITLE = "Early Literacy Micro-credentials 2026–27"


def _school_year_start(today: date) -> date:
    year = today.year if today.month >= 8 else today.year - 1
    return date(year, 8, 15)


@transaction.atomic
def load_programs_demo(*, program_admin: User, coach: User, educator: User) -> dict[str, int]:
    """Create the demo program if it is missing; return how many programs, cohorts and members were created.

    Raises Organization.DoesNotExist or Stack.DoesNotExist when the accounts or
    catalog demos have not been loaded.
    """
    district = Organization.objects.get(slug="riverbend-usd")
    if Program.objects.filter(organization=district, title=TITLE).exists():
        return {"programs": 0, "cohorts": 0, "cohort members": 0}
    stack = Stack.objects.get(slug="early-literacy")
    micro_credentials = [item.micro_credential for item in stack.items.select_related("micro_credential")]
    program = services.program_create(
        actor=program_admin,
        organization=district,
        title=TITLE,
        description=(
            "Riverbend's K–3 teachers earn the Early Literacy micro-credentials this school year, "
            "with a coach for each cohort. Each credential earned pays a stipend."
        ),
        incentive_amount=Decimal("150.00"),
        incentive_note="Paid with the payroll after the credential is issued.",
        micro_credentials=[mc for mc in micro_credentials if mc.live_version_id is not None],
    )
    starts_on = _school_year_start(timezone.localdate())
    cohorts = [
        services.cohort_create(
            actor=program_admin,
            program=program,
            name="Maple Street K–3",
            starts_on=starts_on,
            ends_on=starts_on + timedelta(days=300),
            deadline=starts_on + timedelta(days=270),
            coaches=[coach],
        ),
        services.cohort_create(
            actor=program_admin,
            program=program,
            name="Riverbend High reading specialists",
            starts_on=starts_on + timedelta(days=30),
            ends_on=starts_on + timedelta(days=330),
            deadline=starts_on + timedelta(days=300),
            coaches=[coach],
        ),
    ]
    services.member_add(
        actor=program_admin,
        cohort=cohorts[0],
        email=educator.email,
        full_name=educator.full_name,
        school=Organization.objects.get(slug="maple-street-elementary"),
        coach=coach,
    )
    services.program_activate(actor=program_admin, program=program)
    return {
        "programs": 1,
        "cohorts": Cohort.objects.filter(program=program).count(),
        "cohort members": CohortMember.objects.filter(program=program).count(),
    }
