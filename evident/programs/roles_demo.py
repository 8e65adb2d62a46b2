"""Demo career roles, each naming stacks or pathways of the demo catalog.

Platform-wide roles (``organization`` empty), so every demo district and state
sees them. Loaded after the catalog demo (the stacks and pathways must exist);
running it again changes nothing. Descriptions are ours.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import transaction

from evident.catalog.demo_content import INSTITUTE, TEACHING_FORWARD, UNION
from evident.catalog.models import Pathway, Stack
from evident.programs.models import CareerRole


@dataclass(frozen=True)
class DemoRole:
    title: str
    description: str
    stacks: list[tuple[str, str]] = field(default_factory=list)  # (issuer slug, stack slug)
    pathways: list[tuple[str, str]] = field(default_factory=list)  # (issuer slug, pathway slug)


ROLES = [
    DemoRole(
        "Mentor Teacher",
        "Supports teachers in their first years: secure classroom practice, use of evidence, work with "
        "specialists, then mentoring itself.",
        pathways=[(UNION, "mentor-teacher")],
    ),
    DemoRole(
        "Teacher Leader",
        "Coaches colleagues and leads a school team toward better results for students.",
        pathways=[(UNION, "teacher-leader")],
    ),
    DemoRole(
        "Early Literacy Lead",
        "Leads early reading in a school: a well-run classroom and expert teaching of sounds, letters and words.",
        stacks=[(INSTITUTE, "classroom-management"), (INSTITUTE, "early-literacy")],
    ),
    DemoRole(
        "Digital Learning Specialist",
        "Helps colleagues use technology for deeper learning, for every learner.",
        pathways=[(TEACHING_FORWARD, "digital-learning-specialist")],
    ),
]


@transaction.atomic
def load_roles_demo() -> dict[str, int]:
    """Create the demo career roles that are missing; return how many were created.

    Raises Stack.DoesNotExist or Pathway.DoesNotExist when the catalog demo has not been loaded.
    """
    created = 0
    for spec in ROLES:
        if CareerRole.objects.filter(organization__isnull=True, title=spec.title).exists():
            continue
        role = CareerRole(title=spec.title, description=spec.description)
        role.full_clean()
        role.save()
        role.stacks.set([Stack.objects.get(organization__slug=o, slug=s) for o, s in spec.stacks])
        role.pathways.set([Pathway.objects.get(organization__slug=o, slug=s) for o, s in spec.pathways])
        created += 1
    return {"career roles": created}
