"""Memberships and invitations of an organization."""

# No "from __future__ import annotations" here: django-ninja reads the endpoint
# signatures at import time, and the pagination wrapper would resolve string
# annotations in its own module, not this one.

from uuid import UUID

from django.http import HttpRequest
from ninja import Router, Status
from ninja.pagination import PageNumberPagination, paginate

from evident.accounts import services
from evident.accounts.models import Invitation
from evident.accounts.permissions import Need, access_invitation, access_member, access_organization
from evident.accounts.selectors import Member, invitation_list, member_get, member_list
from evident.api.errors import ERRORS, WRITE_ERRORS
from evident.api.routers.me import actor
from evident.api.schemas import InvitationIn, InvitationOut, MemberOut, RolesIn

router = Router(tags=["members"])


def member_out(member: Member) -> MemberOut:
    return MemberOut(
        uuid=member.user.uuid,
        email=member.user.email,
        full_name=member.user.full_name,
        roles=sorted(member.roles),
        member_since=member.joined_at,
    )


def invitation_out(invitation: Invitation) -> InvitationOut:
    return InvitationOut(
        uuid=invitation.uuid,
        email=invitation.email,
        roles=list(invitation.roles),
        status=invitation.status,
        created_at=invitation.created_at,
        expires_at=invitation.expires_at,
        invited_by=invitation.invited_by.email if invitation.invited_by else None,
    )


@router.get(
    "/organizations/{organization_uuid}/memberships",
    response={200: list[MemberOut], **ERRORS},
    summary="People in the organization, with their roles",
)
@paginate(PageNumberPagination, page_size=100)
def membership_list(request: HttpRequest, organization_uuid: UUID) -> list[MemberOut]:
    organization = access_organization(actor(request), organization_uuid, Need.VIEW_MEMBERS)
    return [member_out(m) for m in member_list(organization)]


@router.put(
    "/organizations/{organization_uuid}/memberships/{user_uuid}",
    response={200: MemberOut, **WRITE_ERRORS},
    summary="Set a person's roles",
)
def membership_set_roles(request: HttpRequest, organization_uuid: UUID, user_uuid: UUID, payload: RolesIn) -> MemberOut:
    user = actor(request)
    organization, member = access_member(user, organization_uuid, user_uuid, Need.MANAGE_MEMBERS)
    services.membership_set_roles(
        actor=user, organization=organization, user=member.user, roles=[str(r) for r in payload.roles]
    )
    updated = member_get(organization, user_uuid) or member
    return member_out(updated)


@router.delete(
    "/organizations/{organization_uuid}/memberships/{user_uuid}",
    response={204: None, **WRITE_ERRORS},
    summary="Remove a person from the organization",
)
def membership_remove(request: HttpRequest, organization_uuid: UUID, user_uuid: UUID) -> Status[None]:
    user = actor(request)
    organization, member = access_member(user, organization_uuid, user_uuid, Need.MANAGE_MEMBERS)
    services.membership_remove(actor=user, organization=organization, user=member.user)
    return Status(204, None)


@router.get(
    "/organizations/{organization_uuid}/invitations",
    response={200: list[InvitationOut], **ERRORS},
    summary="Invitations of the organization, newest first",
)
@paginate(PageNumberPagination, page_size=100)
def invitation_index(request: HttpRequest, organization_uuid: UUID, pending: bool = False) -> list[InvitationOut]:
    organization = access_organization(actor(request), organization_uuid, Need.MANAGE_MEMBERS)
    return [invitation_out(i) for i in invitation_list(organization, pending_only=pending)]


@router.post(
    "/organizations/{organization_uuid}/invitations",
    response={201: InvitationOut, **WRITE_ERRORS},
    summary="Invite someone by email",
)
def invitation_create(request: HttpRequest, organization_uuid: UUID, payload: InvitationIn) -> Status[InvitationOut]:
    user = actor(request)
    organization = access_organization(user, organization_uuid, Need.MANAGE_MEMBERS)
    invitation = services.invitation_create(
        actor=user, organization=organization, email=str(payload.email), roles=[str(r) for r in payload.roles]
    )
    return Status(201, invitation_out(invitation))


@router.post(
    "/organizations/{organization_uuid}/invitations/{invitation_uuid}/resend",
    response={200: InvitationOut, **WRITE_ERRORS},
    summary="Send a fresh invitation link (the old one stops working)",
)
def invitation_resend(request: HttpRequest, organization_uuid: UUID, invitation_uuid: UUID) -> InvitationOut:
    user = actor(request)
    invitation = access_invitation(user, organization_uuid, invitation_uuid)
    return invitation_out(services.invitation_resend(actor=user, invitation=invitation))


@router.delete(
    "/organizations/{organization_uuid}/invitations/{invitation_uuid}",
    response={200: InvitationOut, **WRITE_ERRORS},
    summary="Withdraw an invitation",
)
def invitation_revoke(request: HttpRequest, organization_uuid: UUID, invitation_uuid: UUID) -> InvitationOut:
    user = actor(request)
    invitation = access_invitation(user, organization_uuid, invitation_uuid)
    return invitation_out(services.invitation_revoke(actor=user, invitation=invitation))
