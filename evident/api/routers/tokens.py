"""Personal access tokens and organization API keys."""

# No "from __future__ import annotations" here: django-ninja reads the endpoint
# signatures at import time, and the pagination wrapper would resolve string
# annotations in its own module, not this one.

from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from ninja import Router, Status

from evident.accounts import services
from evident.accounts.models import ApiToken, User
from evident.accounts.permissions import Need, access_api_token, access_organization
from evident.accounts.selectors import api_key_list, api_token_list_for_user, membership_roles
from evident.api.errors import ERRORS, WRITE_ERRORS
from evident.api.routers.me import actor
from evident.api.schemas import ApiKeyIn, TokenCreatedOut, TokenIn, TokenOut

router = Router(tags=["tokens"])


def token_out(token: ApiToken, roles: frozenset[str] = frozenset()) -> TokenOut:
    return TokenOut(
        uuid=token.uuid,
        name=token.name,
        prefix=token.prefix,
        read_only=token.read_only,
        created_at=token.created_at,
        last_used_at=token.last_used_at,
        revoked_at=token.revoked_at,
        roles=sorted(roles),
    )


def _person(request: HttpRequest) -> User:
    user = actor(request)
    if user.kind != User.Kind.PERSON:
        raise PermissionDenied("Organization API keys cannot manage personal tokens.")
    return user


@router.get("/tokens", response={200: list[TokenOut], **ERRORS}, summary="My personal access tokens")
def token_list(request: HttpRequest) -> list[TokenOut]:
    return [token_out(t) for t in api_token_list_for_user(_person(request))]


@router.post("/tokens", response={201: TokenCreatedOut, **WRITE_ERRORS}, summary="Create a personal access token")
def token_create(request: HttpRequest, payload: TokenIn) -> Status[TokenCreatedOut]:
    token, secret = services.api_token_create_personal(
        actor=_person(request), name=payload.name, read_only=payload.read_only
    )
    return Status(201, TokenCreatedOut(**token_out(token).model_dump(), token=secret))


@router.delete("/tokens/{token_uuid}", response={200: TokenOut, **WRITE_ERRORS}, summary="Revoke a personal token")
def token_revoke(request: HttpRequest, token_uuid: UUID) -> TokenOut:
    user = _person(request)
    token = access_api_token(user, token_uuid)
    if token.kind != ApiToken.Kind.PERSONAL:
        raise Http404("No such token.")
    return token_out(services.api_token_revoke(actor=user, token=token))


@router.get(
    "/organizations/{organization_uuid}/api-keys",
    response={200: list[TokenOut], **ERRORS},
    summary="API keys of the organization",
)
def api_key_index(request: HttpRequest, organization_uuid: UUID) -> list[TokenOut]:
    organization = access_organization(actor(request), organization_uuid, Need.MANAGE_API_KEYS)
    return [token_out(k, membership_roles(k.user, organization)) for k in api_key_list(organization)]


@router.post(
    "/organizations/{organization_uuid}/api-keys",
    response={201: TokenCreatedOut, **WRITE_ERRORS},
    summary="Create an organization API key",
)
def api_key_create(request: HttpRequest, organization_uuid: UUID, payload: ApiKeyIn) -> Status[TokenCreatedOut]:
    user = actor(request)
    organization = access_organization(user, organization_uuid, Need.MANAGE_API_KEYS)
    token, secret = services.api_key_create(
        actor=user,
        organization=organization,
        name=payload.name,
        roles=[str(r) for r in payload.roles],
        read_only=payload.read_only,
    )
    roles = frozenset(str(r) for r in payload.roles)
    return Status(201, TokenCreatedOut(**token_out(token, roles).model_dump(), token=secret))


@router.delete(
    "/organizations/{organization_uuid}/api-keys/{token_uuid}",
    response={200: TokenOut, **WRITE_ERRORS},
    summary="Revoke an organization API key",
)
def api_key_revoke(request: HttpRequest, organization_uuid: UUID, token_uuid: UUID) -> TokenOut:
    user = actor(request)
    organization = access_organization(user, organization_uuid, Need.MANAGE_API_KEYS)
    token = access_api_token(user, token_uuid)
    if token.organization_id != organization.pk:
        raise Http404("No such API key.")
    return token_out(services.api_token_revoke(actor=user, token=token))
