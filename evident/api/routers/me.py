"""The caller and their organizations."""

# No "from __future__ import annotations" here: django-ninja reads the endpoint
# signatures at import time, and the pagination wrapper would resolve string
# annotations in its own module, not this one.

from uuid import UUID

from django.http import HttpRequest
from ninja import Router

from evident.accounts.models import Organization, User
from evident.accounts.permissions import Need, access_organization
from evident.accounts.selectors import membership_roles, organization_roles_for_user
from evident.api.errors import ERRORS
from evident.api.schemas import MeOut, OrganizationOut

router = Router(tags=["me"])


def actor(request: HttpRequest) -> User:
    user = request.auth  # type: ignore[attr-defined]  # set by ninja's authentication
    if not isinstance(user, User):
        raise TypeError("API endpoints run only after authentication")
    return user


def organization_out(organization: Organization, roles: frozenset[str]) -> OrganizationOut:
    return OrganizationOut(
        uuid=organization.uuid,
        slug=organization.slug,
        name=organization.name,
        kind=organization.kind,
        parent=organization.parent.uuid if organization.parent_id and organization.parent else None,
        issues_credentials=organization.issues_credentials,
        website=organization.website,
        roles=sorted(roles),
    )


def _organizations(user: User) -> list[OrganizationOut]:
    return [organization_out(o, roles) for o, roles in organization_roles_for_user(user).items()]


@router.get("/me", response={200: MeOut, **ERRORS}, summary="Who am I")
def me(request: HttpRequest) -> MeOut:
    user = actor(request)
    return MeOut(
        uuid=user.uuid, email=user.email, full_name=user.full_name, kind=user.kind, organizations=_organizations(user)
    )


@router.get("/organizations", response={200: list[OrganizationOut], **ERRORS}, summary="My organizations")
def organization_list(request: HttpRequest) -> list[OrganizationOut]:
    return _organizations(actor(request))


@router.get(
    "/organizations/{organization_uuid}",
    response={200: OrganizationOut, **ERRORS},
    summary="One of my organizations",
)
def organization_detail(request: HttpRequest, organization_uuid: UUID) -> OrganizationOut:
    user = actor(request)
    organization = access_organization(user, organization_uuid, Need.VIEW)
    return organization_out(organization, membership_roles(user, organization))
