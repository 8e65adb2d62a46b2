"""Who may see or change what in the catalog.

Published versions are public. Drafts belong to their issuing organization:
only its authors see and edit them (its organization admins too, to retire).
Platform quality reviewers see versions submitted for quality review, from
every issuer: that is their job. Everything else answers 404.
"""

from __future__ import annotations

import enum
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from evident.accounts.models import Organization, Role, User
from evident.accounts.selectors import membership_roles
from evident.catalog.models import MicroCredentialVersion


class CatalogNeed(enum.StrEnum):
    AUTHOR = "author"
    RETIRE = "retire"
    QUALITY_REVIEW = "quality_review"


POLICY: dict[CatalogNeed, frozenset[str]] = {
    CatalogNeed.AUTHOR: frozenset({Role.AUTHOR}),
    CatalogNeed.RETIRE: frozenset({Role.AUTHOR, Role.ORG_ADMIN}),
}


def can_author(actor: User, organization: Organization) -> bool:
    return organization.issues_credentials and bool(membership_roles(actor, organization) & POLICY[CatalogNeed.AUTHOR])


def require_in_organization(actor: User, organization: Organization, need: CatalogNeed) -> None:
    """Http404 for non-members, PermissionDenied for members without the role."""
    roles = membership_roles(actor, organization)
    if not roles:
        raise Http404("No such micro-credential.")
    if need == CatalogNeed.AUTHOR and not organization.issues_credentials:
        raise PermissionDenied(f"{organization.name} is not an issuing organization.")
    if not roles & POLICY.get(need, frozenset()):
        raise PermissionDenied("Your role here does not include authoring micro-credentials.")


def is_quality_reviewer(actor: User) -> bool:
    return bool(
        actor.is_authenticated
        and actor.memberships.filter(role=Role.QUALITY_REVIEWER, organization__kind=Organization.Kind.PLATFORM).exists()
    )


def access_version(actor: User, version_uuid: Any, need: CatalogNeed) -> MicroCredentialVersion:
    """A version the actor may work on for ``need``.

    Authors (and, to retire, admins) reach their own organization's versions;
    quality reviewers reach versions in quality review. Raises Http404 for
    missing or foreign versions and PermissionDenied for members without the role.
    """
    if not actor.is_authenticated or not actor.is_active:
        raise Http404("No such micro-credential.")
    try:
        version = MicroCredentialVersion.objects.select_related(
            "micro_credential", "micro_credential__organization"
        ).get(uuid=version_uuid)
    except (MicroCredentialVersion.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such micro-credential.") from None
    if need == CatalogNeed.QUALITY_REVIEW:
        if not is_quality_reviewer(actor) or version.status != MicroCredentialVersion.Status.IN_REVIEW:
            raise Http404("No such submission for quality review.")
        return version
    require_in_organization(actor, version.micro_credential.organization, need)
    return version
