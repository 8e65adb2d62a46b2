"""Catalog test data: published micro-credentials through the real services."""

from __future__ import annotations

from copy import deepcopy

from evident.accounts.models import Organization, User
from evident.accounts.services import platform_organization
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog import services
from evident.catalog.blueprint import Blueprint
from evident.catalog.demo import ALL_CRITERIA_MET
from evident.catalog.demo_content import EARLY_LITERACY, blueprints
from evident.catalog.models import MicroCredentialVersion


def issuer(slug: str = "institute", name: str = "Institute of Practice") -> Organization:
    return OrganizationFactory(slug=slug, name=name, kind=Organization.Kind.UNIVERSITY, issues_credentials=True)


def quality_reviewer() -> User:
    return member(platform_organization(), "quality_reviewer")


def sample_blueprint(title: str = "Teaching Phonics", **changes: object) -> Blueprint:
    spec = deepcopy(next(s for s in EARLY_LITERACY if s["title"] == "Teaching Phonics"))
    blueprint = blueprints([spec])[0]
    blueprint.title = title
    for key, value in changes.items():
        setattr(blueprint, key, value)
    return blueprint


def publish(author: User, organization: Organization, blueprint: Blueprint, reviewer: User) -> MicroCredentialVersion:
    version = services.micro_credential_create(actor=author, organization=organization, blueprint=blueprint)
    services.version_submit(actor=author, version=version)
    services.version_review(actor=reviewer, version=version, verdicts=ALL_CRITERIA_MET, comment="")
    version.refresh_from_db()
    return version
