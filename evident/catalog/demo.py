"""The demo catalog: stacks and pathways of published micro-credentials from
the demo issuers (content in ``evident.catalog.demo_content``).

Loaded after the accounts demo (it needs the issuing organizations, the demo
author, who is an author in each of them, and the quality reviewer).
Everything goes through the real services, so each micro-credential passes
the same completeness checks and quality review as an author's would.
Running it again changes nothing: what exists (by title, or by slug for
stacks and pathways) is left as it is.
"""

from __future__ import annotations

from django.db import transaction

from evident.accounts.models import Organization, User
from evident.catalog import services
from evident.catalog.blueprint import Blueprint
from evident.catalog.demo_content import PATHWAYS, STACKS, DemoPathway, DemoStack, blueprints
from evident.catalog.models import MicroCredential, MicroCredentialVersion, Pathway, QualityReview, Stack

ALL_CRITERIA_MET = {c: {"meets": True, "comment": ""} for c in QualityReview.Criterion.values}


def _published(author: User, reviewer: User, organization: Organization, blueprint: Blueprint) -> MicroCredential:
    existing = MicroCredential.objects.filter(organization=organization, versions__title=blueprint.title).first()
    if existing is not None:
        return existing
    version = services.micro_credential_create(actor=author, organization=organization, blueprint=blueprint)
    services.version_submit(actor=author, version=version)
    services.version_review(actor=reviewer, version=version, verdicts=ALL_CRITERIA_MET, comment="Demo catalog.")
    return version.micro_credential


def _stack(author: User, organization: Organization, spec: DemoStack, items: dict[str, MicroCredential]) -> Stack:
    existing = Stack.objects.filter(organization=organization, slug=spec.slug).first()
    if existing is not None:
        return existing
    return services.stack_create(
        actor=author,
        organization=organization,
        slug=spec.slug,
        title=spec.title,
        description=spec.description,
        micro_credentials=[items[s["title"]] for s in spec.micro_credentials],
        required_count=spec.required_count,
        capstone=items[spec.capstone] if spec.capstone else None,
        badge_color=spec.badge_color,
    )


def _pathway(
    author: User,
    organization: Organization,
    spec: DemoPathway,
    stacks: dict[str, Stack],
    items: dict[str, MicroCredential],
) -> bool:
    if Pathway.objects.filter(organization=organization, slug=spec.slug).exists():
        return False
    services.pathway_create(
        actor=author,
        organization=organization,
        slug=spec.slug,
        title=spec.title,
        role_name=spec.role_name,
        description=spec.description,
        steps=[
            (
                step.level,
                stacks[step.stack] if step.stack else items[step.micro_credential],
                step.prerequisites,
            )
            for step in spec.steps
        ],
    )
    return True


@transaction.atomic
def load_catalog_demo(*, author: User, quality_reviewer: User) -> dict[str, int]:
    """Publish the demo micro-credentials (through the real services) with their stacks and pathways.

    Returns how many micro-credential versions, stacks and pathways were created.
    Raises Organization.DoesNotExist when the accounts demo has not been loaded.
    """
    versions_before, stacks_before = MicroCredentialVersion.objects.count(), Stack.objects.count()
    issuers: dict[str, Organization] = {}
    items: dict[str, MicroCredential] = {}
    stacks: dict[str, Stack] = {}
    for spec in STACKS:
        if spec.issuer not in issuers:
            issuers[spec.issuer] = Organization.objects.get(slug=spec.issuer)
        organization = issuers[spec.issuer]
        for blueprint in blueprints(spec.micro_credentials):
            items[blueprint.title] = _published(author, quality_reviewer, organization, blueprint)
        stacks[spec.slug] = _stack(author, organization, spec, items)
    pathways = 0
    for pathway in PATHWAYS:
        if pathway.issuer not in issuers:
            issuers[pathway.issuer] = Organization.objects.get(slug=pathway.issuer)
        pathways += _pathway(author, issuers[pathway.issuer], pathway, stacks, items)
    return {
        "micro-credentials": MicroCredentialVersion.objects.count() - versions_before,
        "stacks": Stack.objects.count() - stacks_before,
        "pathways": pathways,
    }
