"""The demo catalog: stacks and pathways of published micro-credentials.

Loaded after the accounts demo (it needs the issuing organizations and the
demo author and quality reviewer). Running it again changes nothing.
"""

from __future__ import annotations

from django.db import transaction

from evident.accounts.models import Organization, User
from evident.catalog import services
from evident.catalog.blueprint import Blueprint
from evident.catalog.demo_data import CLASSROOM_MANAGEMENT, EARLY_LITERACY, blueprints
from evident.catalog.models import MicroCredential, MicroCredentialVersion, Pathway, PathwayStep, QualityReview, Stack

ALL_CRITERIA_MET = {c: {"meets": True, "comment": ""} for c in QualityReview.Criterion.values}


def _published(author: User, reviewer: User, organization: Organization, blueprint: Blueprint) -> MicroCredential:
    existing = MicroCredential.objects.filter(organization=organization, versions__title=blueprint.title).first()
    if existing is not None:
        return existing
    version = services.micro_credential_create(actor=author, organization=organization, blueprint=blueprint)
    services.version_submit(actor=author, version=version)
    services.version_review(actor=reviewer, version=version, verdicts=ALL_CRITERIA_MET, comment="Demo catalog.")
    return version.micro_credential


@transaction.atomic
def load_catalog_demo(*, author: User, quality_reviewer: User) -> dict[str, int]:
    """Publish the demo micro-credentials (through the real services) with their stacks and pathways."""
    before = MicroCredentialVersion.objects.count()
    institute = Organization.objects.get(slug="institute-classroom-practice")
    literacy = [_published(author, quality_reviewer, institute, b) for b in blueprints(EARLY_LITERACY)]
    management = [_published(author, quality_reviewer, institute, b) for b in blueprints(CLASSROOM_MANAGEMENT)]
    stacks = {}
    for slug, title, description, items, color in [
        (
            "early-literacy",
            "Early Literacy",
            "The foundations of reading and writing in the early grades: sounds, letters, words and meaning.",
            literacy,
            "#0d5c63",
        ),
        (
            "classroom-management",
            "Classroom Management",
            "Routines and shared expectations that give every lesson more time for learning.",
            management,
            "#37474f",
        ),
    ]:
        stack = Stack.objects.filter(organization=institute, slug=slug).first()
        if stack is None:
            stack = services.stack_create(
                actor=author,
                organization=institute,
                slug=slug,
                title=title,
                description=description,
                micro_credentials=items,
                badge_color=color,
            )
        stacks[slug] = stack
    if not Pathway.objects.filter(organization=institute, slug="early-literacy-lead").exists():
        services.pathway_create(
            actor=author,
            organization=institute,
            slug="early-literacy-lead",
            title="Early Literacy Lead Teacher",
            role_name="Early Literacy Lead Teacher",
            description=(
                "From a well-run classroom to expert early reading instruction: the path for teachers who will "
                "lead literacy in their school."
            ),
            steps=[
                (PathwayStep.Level.FOUNDATIONAL, stacks["classroom-management"], []),
                (PathwayStep.Level.INTERMEDIATE, stacks["early-literacy"], [0]),
            ],
        )
    return {"micro-credentials": MicroCredentialVersion.objects.count() - before}
