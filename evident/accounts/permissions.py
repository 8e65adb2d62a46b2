"""Who may see or change what in accounts: the one policy, and the access guards.

Every view, API endpoint and task fetches organizations, members, invitations
and API tokens through the ``access_*`` functions here. They filter by the
actor's memberships in the query itself and raise ``Http404`` both for
"missing" and for "not yours", so an outsider cannot even learn that an
object exists. A member who lacks the role gets ``PermissionDenied`` (403).
Unknown needs are denied.
"""

from __future__ import annotations

import enum
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from evident.accounts.models import ApiToken, Invitation, Organization, Role, User
from evident.accounts.selectors import Member, member_get, membership_roles


class Need(enum.StrEnum):
    VIEW = "view"
    VIEW_MEMBERS = "view_members"
    MANAGE_MEMBERS = "manage_members"
    MANAGE_ORGANIZATION = "manage_organization"
    MANAGE_API_KEYS = "manage_api_keys"
    VIEW_AUDIT = "view_audit"
    VIEW_PROGRAMS = "view_programs"
    MANAGE_PROGRAMS = "manage_programs"


ANY_ROLE = frozenset(Role.values)

# Which roles in an organization grant each need there. A need not listed is
# granted to no one.
ORGANIZATION_POLICY: dict[Need, frozenset[str]] = {
    Need.VIEW: ANY_ROLE,
    Need.VIEW_MEMBERS: frozenset({Role.ORG_ADMIN, Role.PROGRAM_ADMIN}),
    Need.MANAGE_MEMBERS: frozenset({Role.ORG_ADMIN}),
    Need.MANAGE_ORGANIZATION: frozenset({Role.ORG_ADMIN}),
    Need.MANAGE_API_KEYS: frozenset({Role.ORG_ADMIN}),
    Need.VIEW_AUDIT: frozenset({Role.ORG_ADMIN}),
    # Programs, rosters, transcripts and analytics of a district, state or school.
    Need.VIEW_PROGRAMS: frozenset({Role.ORG_ADMIN, Role.PROGRAM_ADMIN}),
    Need.MANAGE_PROGRAMS: frozenset({Role.ORG_ADMIN, Role.PROGRAM_ADMIN}),
}


def roles_grant(roles: frozenset[str], need: Need) -> bool:
    return bool(roles & ORGANIZATION_POLICY.get(need, frozenset()))


def can(actor: User, organization: Organization, need: Need) -> bool:
    """Whether the actor holds a role granting ``need`` in this organization."""
    return roles_grant(membership_roles(actor, organization), need)


def is_operator(actor: User) -> bool:
    """Platform operators create organizations; they do not see inside them."""
    return bool(
        actor.is_authenticated
        and actor.is_active
        and actor.memberships.filter(role=Role.OPERATOR, organization__kind=Organization.Kind.PLATFORM).exists()
    )


def require(actor: User, organization: Organization, need: Need) -> None:
    """Raise PermissionDenied unless the actor may ``need`` in the organization."""
    if not can(actor, organization, need):
        raise PermissionDenied(f"You need a role that allows '{need.value}' in {organization.name}.")


def access_organization(actor: User, organization_uuid: Any, need: Need = Need.VIEW) -> Organization:
    """The organization, if the actor is a member of it and may ``need`` there.

    Raises Http404 when the organization does not exist or the actor is not a
    member, PermissionDenied when the actor is a member without the role.
    """
    if not actor.is_authenticated or not actor.is_active:
        raise Http404("No such organization.")
    try:
        organization = Organization.objects.filter(memberships__user=actor).distinct().get(uuid=organization_uuid)
    except (Organization.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such organization.") from None
    require(actor, organization, need)
    return organization


def access_member(
    actor: User, organization_uuid: Any, user_uuid: Any, need: Need = Need.MANAGE_MEMBERS
) -> tuple[Organization, Member]:
    """A person in one of the actor's organizations, with the roles they hold there."""
    organization = access_organization(actor, organization_uuid, need)
    try:
        member = member_get(organization, user_uuid)
    except (ValueError, TypeError, ValidationError):
        member = None
    if member is None:
        raise Http404("No such member.")
    return organization, member


def access_invitation(
    actor: User, organization_uuid: Any, invitation_uuid: Any, need: Need = Need.MANAGE_MEMBERS
) -> Invitation:
    """An invitation of an organization the actor may manage members of."""
    organization = access_organization(actor, organization_uuid, need)
    try:
        return Invitation.objects.select_related("organization").get(organization=organization, uuid=invitation_uuid)
    except (Invitation.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such invitation.") from None


def access_api_token(actor: User, token_uuid: Any) -> ApiToken:
    """A personal token the actor owns, or an API key of an organization they administer.

    Raises Http404 otherwise, including for keys of organizations where the
    actor is a member without the admin role: they have no business knowing
    which keys exist.
    """
    if not actor.is_authenticated:
        raise Http404("No such token.")
    try:
        token = ApiToken.objects.select_related("organization", "user").get(uuid=token_uuid)
    except (ApiToken.DoesNotExist, ValueError, TypeError, ValidationError):
        raise Http404("No such token.") from None
    if token.kind == ApiToken.Kind.PERSONAL and token.user_id == actor.pk:
        return token
    if (
        token.kind == ApiToken.Kind.ORGANIZATION
        and token.organization is not None
        and can(actor, token.organization, Need.MANAGE_API_KEYS)
    ):
        return token
    raise Http404("No such token.")
