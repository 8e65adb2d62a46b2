"""Reads about people and organizations that views, the API and tasks share."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from django.db.models import QuerySet

from evident.accounts.models import ApiToken, AuditEvent, Invitation, Membership, Organization, Role, User
from evident.lib.tokens import digest, split_api_token


def organization_roles_for_user(user: User) -> dict[Organization, frozenset[str]]:
    """Every organization the user belongs to, with their roles there, by name.

    One query; used on every request by the active-organization middleware.
    """
    grouped: dict[Organization, set[str]] = {}
    rows = (
        Membership.objects.filter(user=user, user__is_active=True)
        .select_related("organization", "organization__parent")
        .order_by("organization__name", "role")
    )
    for membership in rows:
        grouped.setdefault(membership.organization, set()).add(membership.role)
    return {organization: frozenset(roles) for organization, roles in grouped.items()}


def membership_roles(user: User, organization: Organization) -> frozenset[str]:
    """The user's roles in exactly this organization (none if not a member)."""
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    return frozenset(Membership.objects.filter(user=user, organization=organization).values_list("role", flat=True))


@dataclass
class Member:
    user: User
    roles: list[str] = field(default_factory=list)
    joined_at: datetime | None = None

    @property
    def role_labels(self) -> list[str]:
        return [Role(r).label for r in self.roles]


def member_list(organization: Organization, *, kind: str = User.Kind.PERSON) -> list[Member]:
    """People in the organization, each once with all their roles, by name."""
    members: dict[int, Member] = {}
    rows = (
        Membership.objects.filter(organization=organization, user__kind=kind)
        .select_related("user")
        .order_by("user__full_name", "user__email", "role")
    )
    for membership in rows:
        member = members.setdefault(membership.user_id, Member(user=membership.user, joined_at=membership.created_at))
        member.roles.append(membership.role)
        if member.joined_at is None or membership.created_at < member.joined_at:
            member.joined_at = membership.created_at
    return list(members.values())


def member_get(organization: Organization, user_uuid: UUID | str) -> Member | None:
    """One person in the organization with their roles, or None."""
    rows = list(
        Membership.objects.filter(organization=organization, user__uuid=user_uuid, user__kind=User.Kind.PERSON)
        .select_related("user")
        .order_by("role")
    )
    if not rows:
        return None
    return Member(user=rows[0].user, roles=[m.role for m in rows], joined_at=min(m.created_at for m in rows))


def organization_admin_count(organization: Organization) -> int:
    return Membership.objects.filter(
        organization=organization, role="org_admin", user__is_active=True, user__kind=User.Kind.PERSON
    ).count()


def invitation_list(organization: Organization, *, pending_only: bool = False) -> QuerySet[Invitation]:
    qs = Invitation.objects.filter(organization=organization).select_related("invited_by")
    if pending_only:
        qs = qs.filter(accepted_at__isnull=True, revoked_at__isnull=True)
    return qs.order_by("-created_at")


def api_token_list_for_user(user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user, kind=ApiToken.Kind.PERSONAL).order_by("-created_at")


def api_key_list(organization: Organization) -> QuerySet[ApiToken]:
    return (
        ApiToken.objects.filter(organization=organization, kind=ApiToken.Kind.ORGANIZATION)
        .select_related("created_by", "user")
        .order_by("-created_at")
    )


def audit_event_list(organization: Organization) -> QuerySet[AuditEvent]:
    return AuditEvent.objects.filter(organization=organization).select_related("actor").order_by("-occurred_at", "-id")


def child_organization_list(organization: Organization) -> QuerySet[Organization]:
    return Organization.objects.filter(parent=organization).order_by("name")


def invitation_list_for_user(user: User) -> QuerySet[Invitation]:
    """Invitations still waiting for this user's email address."""
    return Invitation.objects.filter(
        email__iexact=user.email, accepted_at__isnull=True, revoked_at__isnull=True
    ).select_related("organization")


def organization_list_all() -> QuerySet[Organization]:
    """Every organization, for platform operators only (the caller checks)."""
    return Organization.objects.select_related("parent").order_by("name")


def user_exists(email: str) -> bool:
    return User.objects.filter(email__iexact=email.strip()).exists()


def api_token_for_secret(secret: str) -> ApiToken | None:
    """The active token with this secret, or None (unknown, malformed or revoked)."""
    if split_api_token(secret) is None:
        return None
    return (
        ApiToken.objects.select_related("user", "organization")
        .filter(digest=digest(secret), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
