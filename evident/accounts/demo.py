"""Fictional organizations and one demo account per role, for trying Evident out.

Loaded by ``manage.py load_demo`` in demo mode only (EVIDENT_DEMO=true, which
settings refuse outside DEBUG). Running it again changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.db import transaction

from evident.accounts.audit import audit_record
from evident.accounts.models import Membership, Organization, Role, User
from evident.accounts.services import platform_organization

DEMO_PASSWORD = "evident-demo"  # noqa: S105  # demo mode only; settings refuse demo mode in production
DEMO_DOMAIN = "demo.evident.test"


@dataclass(frozen=True)
class DemoOrganization:
    slug: str
    name: str
    kind: str
    parent: str | None = None
    description: str = ""
    website: str = ""


ORGANIZATIONS = [
    DemoOrganization(
        "cascadia-dpi",
        "Cascadia Department of Public Instruction",
        Organization.Kind.STATE,
        description="The (fictional) state education agency of Cascadia.",
    ),
    DemoOrganization(
        "riverbend-usd",
        "Riverbend Unified School District",
        Organization.Kind.DISTRICT,
        "cascadia-dpi",
        description="Twelve schools along the Riverbend valley.",
    ),
    DemoOrganization(
        "maple-street-elementary", "Maple Street Elementary School", Organization.Kind.SCHOOL, "riverbend-usd"
    ),
    DemoOrganization("riverbend-high", "Riverbend High School", Organization.Kind.SCHOOL, "riverbend-usd"),
    DemoOrganization("north-fork-sd", "North Fork School District", Organization.Kind.DISTRICT, "cascadia-dpi"),
    DemoOrganization("cedar-ridge-middle", "Cedar Ridge Middle School", Organization.Kind.SCHOOL, "north-fork-sd"),
    DemoOrganization(
        "willow-creek-elementary", "Willow Creek Elementary School", Organization.Kind.SCHOOL, "north-fork-sd"
    ),
    DemoOrganization(
        "institute-classroom-practice",
        "Institute for Classroom Practice",
        Organization.Kind.UNIVERSITY,
        description="A university institute that researches and credentials teaching practice.",
    ),
    DemoOrganization(
        "teaching-forward",
        "Teaching Forward",
        Organization.Kind.NONPROFIT,
        description="A nonprofit that trains and calibrates reviewers of classroom evidence.",
    ),
    DemoOrganization(
        "cascadia-education-association",
        "Cascadia Education Association",
        Organization.Kind.UNION,
        description="The educators' union of Cascadia, issuing micro-credentials for teacher leaders.",
    ),
]

# email local part -> (full name, [(organization slug, role), ...])
ACCOUNTS: dict[str, tuple[str, list[tuple[str, str]]]] = {
    "educator": ("Elena Educator", [("riverbend-usd", Role.EDUCATOR), ("maple-street-elementary", Role.EDUCATOR)]),
    "coach": ("Cole Coach", [("riverbend-usd", Role.COACH)]),
    "reviewer": ("Riley Reviewer", [("teaching-forward", Role.REVIEWER)]),
    "lead-reviewer": (
        "Lee Lead-Reviewer",
        [("teaching-forward", Role.LEAD_REVIEWER), ("teaching-forward", Role.REVIEWER)],
    ),
    # An author in every demo issuer, so the demo catalog can be published for each of them.
    "author": (
        "Avery Author",
        [
            ("institute-classroom-practice", Role.AUTHOR),
            ("teaching-forward", Role.AUTHOR),
            ("cascadia-education-association", Role.AUTHOR),
        ],
    ),
    "program-admin": (
        "Priya Program-Admin",
        [("riverbend-usd", Role.PROGRAM_ADMIN), ("cascadia-dpi", Role.PROGRAM_ADMIN)],
    ),
    "org-admin": ("Omar Org-Admin", [("riverbend-usd", Role.ORG_ADMIN), ("maple-street-elementary", Role.ORG_ADMIN)]),
    # The issuers' admin: revokes credentials and rotates signing keys.
    "issuer-admin": (
        "Ines Issuer-Admin",
        [
            ("institute-classroom-practice", Role.ORG_ADMIN),
            ("teaching-forward", Role.ORG_ADMIN),
            ("cascadia-education-association", Role.ORG_ADMIN),
        ],
    ),
    "quality-reviewer": ("Quinn Quality-Reviewer", [("platform", Role.QUALITY_REVIEWER)]),
    "operator": ("Ola Operator", [("platform", Role.OPERATOR), ("platform", Role.ORG_ADMIN)]),
}


def demo_accounts() -> list[tuple[str, str]]:
    """(email, what the account is for), for printing at start-up."""
    return [
        (f"{local}@{DEMO_DOMAIN}", ", ".join(sorted({Role(r).label for _, r in grants})))
        for local, (_, grants) in ACCOUNTS.items()
    ]


@transaction.atomic
def load_demo() -> dict[str, int]:
    """Create what is missing; return how many rows of each kind were created."""
    created = {"organizations": 0, "users": 0, "memberships": 0}
    by_slug: dict[str, Organization] = {"platform": platform_organization()}
    for spec in ORGANIZATIONS:
        organization, was_created = Organization.objects.get_or_create(
            slug=spec.slug,
            defaults={
                "name": spec.name,
                "kind": spec.kind,
                "parent": by_slug.get(spec.parent) if spec.parent else None,
                "description": spec.description,
                "issues_credentials": spec.kind
                in {Organization.Kind.UNIVERSITY, Organization.Kind.NONPROFIT, Organization.Kind.UNION},
            },
        )
        by_slug[spec.slug] = organization
        created["organizations"] += was_created
    for local, (full_name, grants) in ACCOUNTS.items():
        email = f"{local}@{DEMO_DOMAIN}"
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User(email=email, full_name=full_name)
            user.set_password(DEMO_PASSWORD)
            user.save()
            created["users"] += 1
        EmailAddress.objects.get_or_create(user=user, email=email, defaults={"verified": True, "primary": True})
        for slug, role in grants:
            _, was_created = Membership.objects.get_or_create(user=user, organization=by_slug[slug], role=role)
            created["memberships"] += was_created
    if any(created.values()):
        audit_record(actor=None, organization=by_slug["platform"], action="demo.loaded", data=created)
    return created
