"""The demo educator's growth plan: two goals with framework components and chosen micro-credentials.

Elena (``educator@…``) keeps the plan at Maple Street Elementary with Cole the
coach as her supervisor: one goal on questioning and discussion (Danielson 3b,
InTASC 8), one on early reading, whose micro-credentials she is already
working on. Loaded after the catalog and earning demos, through the real
services (so the plan's history shows who did what). Running it again changes
nothing.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.catalog.models import MicroCredentialVersion
from evident.programs import growth
from evident.programs.frameworks_seed import DANIELSON, INTASC
from evident.programs.models import FrameworkComponent, GrowthPlan

TITLE = "Talk and reading in second grade"

GOALS = [
    (
        "Ask questions that push my second graders to explain their thinking and build on each other's ideas "
        "in whole-class and small-group discussion.",
        [(DANIELSON, "3b"), (INTASC, "8")],
        (1, 31),
        ["Interactive Read Aloud"],
    ),
    (
        "Teach phonics and phonological awareness so that every reader in my group decodes grade-level words by spring.",
        [(DANIELSON, "1a"), (INTASC, "4")],
        (5, 15),
        ["Teaching Phonics", "Teaching Phonological Awareness"],
    ),
]


@transaction.atomic
def load_growth_demo(*, educator: User, supervisor: User, school: Organization) -> dict[str, int]:
    """Give the demo educator a growth plan for this school year; return how many plans and goals were created.

    Raises MicroCredentialVersion.DoesNotExist when the catalog demo has not been loaded.
    """
    school_year = growth.school_year_of(timezone.localdate())
    if GrowthPlan.objects.filter(educator=educator, school_year=school_year, title=TITLE).exists():
        return {"growth plans": 0, "growth goals": 0}
    plan = growth.plan_create(
        actor=educator, organization=school, title=TITLE, school_year=school_year, supervisor=supervisor
    )
    first_year = int(school_year[:4])
    for statement, keys, (month, day), titles in GOALS:
        components = [FrameworkComponent.objects.get(framework=f, code=c) for f, c in keys]
        goal = growth.goal_create(
            actor=educator,
            plan=plan,
            statement=statement,
            components=components,
            target_date=date(first_year + 1, month, day),
        )
        for title in titles:
            version = MicroCredentialVersion.objects.select_related("micro_credential").get(title=title, is_live=True)
            growth.goal_micro_credential_add(actor=educator, goal=goal, micro_credential=version.micro_credential)
    return {"growth plans": 1, "growth goals": len(GOALS)}
