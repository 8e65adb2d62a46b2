"""Every change to people, organizations, memberships, invitations and API tokens.

Each service checks permission, validates, writes in one transaction and
appends an audit event. Views, the API, tasks and commands all call these.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.text import slugify

from evident.accounts.audit import audit_record
from evident.accounts.models import (
    PLATFORM_ROLES,
    ApiToken,
    Invitation,
    Membership,
    Organization,
    Role,
    User,
)
from evident.accounts.permissions import Need, can, is_operator, require
from evident.accounts.selectors import member_get, organization_admin_count
from evident.accounts.tasks import send_invitation_email_task
from evident.lib.tokens import make_api_token
from evident.programs.services import cohort_members_link

PLATFORM_SLUG = "platform"


def _clean_roles(organization: Organization, roles: list[str] | set[str]) -> list[str]:
    chosen = sorted(set(roles))
    if not chosen:
        raise ValidationError({"roles": "Choose at least one role."}, code="roles_required")
    unknown = [r for r in chosen if r not in Role.values]
    if unknown:
        raise ValidationError({"roles": f"Unknown role: {', '.join(unknown)}."}, code="roles_unknown")
    if organization.kind != Organization.Kind.PLATFORM and set(chosen) & PLATFORM_ROLES:
        raise ValidationError({"roles": "Quality reviewer and operator are platform roles."}, code="platform_role")
    return chosen


# --- Organizations ---------------------------------------------------------------


@transaction.atomic
def organization_create(
    *,
    actor: User,
    name: str,
    kind: str,
    slug: str = "",
    parent: Organization | None = None,
    issues_credentials: bool | None = None,
    description: str = "",
    website: str = "",
) -> Organization:
    """Create an organization.

    Operators create any organization; an organization admin may create one
    under their own organization (a district adds its schools). Raises
    PermissionDenied otherwise and ValidationError for a bad name, kind, slug
    or parent.
    """
    if not is_operator(actor) and not (parent is not None and can(actor, parent, Need.MANAGE_ORGANIZATION)):
        raise PermissionDenied("Only operators, or admins of the parent organization, create organizations.")
    if kind == Organization.Kind.PLATFORM:
        raise ValidationError({"kind": "There is only one platform organization."}, code="platform_kind")
    if issues_credentials is None:
        issues_credentials = kind in {
            Organization.Kind.UNIVERSITY,
            Organization.Kind.NONPROFIT,
            Organization.Kind.UNION,
            Organization.Kind.COMPANY,
        }
    organization = Organization(
        name=name.strip(),
        kind=kind,
        slug=slug or slugify(name)[:60],
        parent=parent,
        issues_credentials=issues_credentials,
        description=description,
        website=website,
    )
    organization.full_clean()
    organization.save()
    audit_record(
        actor=actor,
        organization=organization,
        action="organization.created",
        target=organization,
        data={"name": organization.name, "kind": kind, "parent": str(parent.uuid) if parent else None},
    )
    return organization


@transaction.atomic
def organization_update(
    *, actor: User, organization: Organization, name: str, description: str, website: str
) -> Organization:
    """Change an organization's public details. Organization admins only."""
    require(actor, organization, Need.MANAGE_ORGANIZATION)
    before = {"name": organization.name, "description": organization.description, "website": organization.website}
    organization.name = name.strip()
    organization.description = description
    organization.website = website
    organization.full_clean()
    organization.save(update_fields=["name", "description", "website"])
    after = {"name": organization.name, "description": organization.description, "website": organization.website}
    changed = {k: {"from": before[k], "to": after[k]} for k in before if before[k] != after[k]}
    audit_record(
        actor=actor, organization=organization, action="organization.updated", target=organization, data=changed
    )
    return organization


def platform_organization() -> Organization:
    """The platform organization, created on first use."""
    organization, _ = Organization.objects.get_or_create(
        slug=PLATFORM_SLUG,
        defaults={"name": "Evident platform", "kind": Organization.Kind.PLATFORM},
    )
    return organization


@transaction.atomic
def platform_admin_create(*, email: str, full_name: str, password: str) -> User:
    """Create (or promote) the first platform admin: operator and organization admin
    of the platform organization, with Django admin access. For the command line;
    there is no actor yet.
    """
    platform = platform_organization()
    user = User.objects.filter(email__iexact=email.strip()).first()
    created = user is None
    if user is None:
        user = User(email=email.strip().lower(), full_name=full_name.strip())
        user.set_password(password)
        user.full_clean()
        user.save()
    user.is_staff = True
    user.is_superuser = True
    user.save(update_fields=["is_staff", "is_superuser"])
    EmailAddress.objects.update_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
    for role in (Role.OPERATOR, Role.ORG_ADMIN):
        Membership.objects.get_or_create(user=user, organization=platform, role=role)
    audit_record(
        actor=None,
        organization=platform,
        action="platform_admin.created" if created else "platform_admin.promoted",
        target=user,
        data={"email": user.email},
    )
    return user


# --- Memberships -----------------------------------------------------------------


def _guard_last_admin(organization: Organization, user: User, remaining_roles: set[str]) -> None:
    had_admin = Membership.objects.filter(organization=organization, user=user, role=Role.ORG_ADMIN).exists()
    if had_admin and Role.ORG_ADMIN not in remaining_roles and organization_admin_count(organization) <= 1:
        raise ValidationError(
            f"{user.display_name} is the only organization admin of {organization.name}. "
            "Make someone else an admin first.",
            code="last_admin",
        )


@transaction.atomic
def membership_set_roles(*, actor: User, organization: Organization, user: User, roles: list[str]) -> list[str]:
    """Give a member exactly these roles in the organization.

    Organization admins only. The last organization admin cannot drop the
    role, so an organization is never left without one. Returns the roles.
    """
    require(actor, organization, Need.MANAGE_MEMBERS)
    chosen = _clean_roles(organization, roles)
    member = member_get(organization, user.uuid)
    if member is None:
        raise ValidationError("That person is not a member of this organization.", code="not_member")
    _guard_last_admin(organization, user, set(chosen))
    before = sorted(member.roles)
    Membership.objects.filter(organization=organization, user=user).exclude(role__in=chosen).delete()
    for role in chosen:
        Membership.objects.get_or_create(organization=organization, user=user, role=role)
    if before != chosen:
        audit_record(
            actor=actor,
            organization=organization,
            action="membership.roles_changed",
            target=user,
            data={"email": user.email, "from": before, "to": chosen},
        )
    return chosen


@transaction.atomic
def membership_remove(*, actor: User, organization: Organization, user: User) -> None:
    """Remove a person from the organization (all their roles).

    Organization admins may remove anyone; a member may leave by themselves.
    The last organization admin cannot be removed.
    """
    if actor.pk != user.pk:
        require(actor, organization, Need.MANAGE_MEMBERS)
    member = member_get(organization, user.uuid)
    if member is None:
        raise ValidationError("That person is not a member of this organization.", code="not_member")
    _guard_last_admin(organization, user, set())
    Membership.objects.filter(organization=organization, user=user).delete()
    audit_record(
        actor=actor,
        organization=organization,
        action="membership.removed" if actor.pk != user.pk else "membership.left",
        target=user,
        data={"email": user.email, "roles": sorted(member.roles)},
    )


# --- Invitations -----------------------------------------------------------------


def _may_invite(actor: User, organization: Organization, roles: list[str]) -> bool:
    if can(actor, organization, Need.MANAGE_MEMBERS):
        return True
    # An operator setting up a new tenant invites its first admin, and only that.
    return is_operator(actor) and roles == [Role.ORG_ADMIN] and organization_admin_count(organization) == 0


@transaction.atomic
def invitation_create(*, actor: User, organization: Organization, email: str, roles: list[str]) -> Invitation:
    """Invite someone by email to join with the given roles; the email goes out
    from a background task once the transaction commits.

    Raises PermissionDenied unless the actor manages members here, and
    ValidationError when the person already holds every role or is already invited.
    """
    email = email.strip().lower()
    chosen = _clean_roles(organization, roles)
    if not _may_invite(actor, organization, chosen):
        raise PermissionDenied("Only organization admins invite people.")
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        held = set(Membership.objects.filter(organization=organization, user=existing).values_list("role", flat=True))
        if held and set(chosen) <= held:
            raise ValidationError(
                {"email": f"{email} is already a member with those roles. Change their roles on the members page."},
                code="already_member",
            )
    if Invitation.objects.filter(
        organization=organization, email__iexact=email, accepted_at__isnull=True, revoked_at__isnull=True
    ).exists():
        raise ValidationError(
            {"email": f"{email} already has a pending invitation. Resend it or revoke it first."},
            code="already_invited",
        )
    invitation = Invitation(
        organization=organization,
        email=email,
        roles=chosen,
        nonce=secrets.token_hex(16),
        invited_by=actor,
        expires_at=timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS),
    )
    invitation.full_clean()
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:
        # A concurrent request invited the same address a moment ago.
        raise ValidationError({"email": f"{email} already has a pending invitation."}, code="already_invited") from None
    audit_record(
        actor=actor,
        organization=organization,
        action="invitation.created",
        target=invitation,
        data={"email": email, "roles": chosen},
    )
    transaction.on_commit(lambda: send_invitation_email_task.enqueue(str(invitation.uuid)))
    return invitation


@transaction.atomic
def invitation_resend(*, actor: User, invitation: Invitation) -> Invitation:
    """Send a fresh link (the old one stops working) and restart the expiry clock."""
    require(actor, invitation.organization, Need.MANAGE_MEMBERS)
    if invitation.accepted_at or invitation.revoked_at:
        raise ValidationError("Only a pending or expired invitation can be resent.", code="not_pending")
    invitation.nonce = secrets.token_hex(16)
    invitation.expires_at = timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)
    invitation.save(update_fields=["nonce", "expires_at"])
    audit_record(
        actor=actor,
        organization=invitation.organization,
        action="invitation.resent",
        target=invitation,
        data={"email": invitation.email},
    )
    transaction.on_commit(lambda: send_invitation_email_task.enqueue(str(invitation.uuid)))
    return invitation


@transaction.atomic
def invitation_revoke(*, actor: User, invitation: Invitation) -> Invitation:
    """Withdraw an invitation; its link stops working. Idempotent."""
    require(actor, invitation.organization, Need.MANAGE_MEMBERS)
    if invitation.accepted_at:
        raise ValidationError("This invitation was already accepted. Remove the member instead.", code="accepted")
    if invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            organization=invitation.organization,
            action="invitation.revoked",
            target=invitation,
            data={"email": invitation.email},
        )
    return invitation


def check_invitation_acceptable(invitation: Invitation) -> None:
    """Raise ValidationError with a plain reason if the invitation cannot be used."""
    status = invitation.status
    if status == "accepted":
        raise ValidationError("This invitation has already been used.", code="accepted")
    if status == "revoked":
        raise ValidationError("This invitation was withdrawn by the organization.", code="revoked")
    if status == "expired":
        raise ValidationError(
            "This invitation has expired. Ask the organization's admin to send a new one.", code="expired"
        )


@transaction.atomic
def invitation_accept(*, user: User, invitation: Invitation) -> list[Membership]:
    """Join the organization with the invited roles.

    The signed-in user's email must be the invited address: the link proves
    the inbox, and the address proves it is the same person. Accepting also
    marks that address verified.
    """
    invitation = Invitation.objects.select_for_update().select_related("organization").get(pk=invitation.pk)
    check_invitation_acceptable(invitation)
    if user.email.lower() != invitation.email.lower():
        raise ValidationError(
            f"This invitation is for {invitation.email}, but you are signed in as {user.email}.",
            code="wrong_user",
        )
    organization = invitation.organization
    memberships = [
        Membership.objects.get_or_create(user=user, organization=organization, role=role)[0]
        for role in _clean_roles(organization, invitation.roles)
    ]
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    EmailAddress.objects.filter(user=user, email__iexact=invitation.email).update(verified=True)
    # Programs may have rostered this address before the account existed.
    cohort_members_link(user=user)
    audit_record(
        actor=user,
        organization=organization,
        action="invitation.accepted",
        target=invitation,
        data={"email": user.email, "roles": invitation.roles},
    )
    return memberships


@transaction.atomic
def user_create_from_invitation(*, invitation: Invitation, full_name: str, password: str) -> User:
    """Create the account of someone who arrived through an invitation link and
    accept it. The link proves the address, so it starts verified.
    """
    check_invitation_acceptable(invitation)
    if User.objects.filter(email__iexact=invitation.email).exists():
        raise ValidationError("An account with this email already exists. Sign in to accept.", code="exists")
    user = User(email=invitation.email, full_name=full_name.strip())
    user.set_password(password)
    user.full_clean()
    user.save()
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    audit_record(
        actor=user,
        organization=invitation.organization,
        action="user.signed_up",
        target=user,
        data={"via": "invitation"},
    )
    invitation_accept(user=user, invitation=invitation)
    return user


# --- Profile -----------------------------------------------------------------------


@transaction.atomic
def user_update_profile(*, actor: User, full_name: str) -> User:
    """Change one's own name."""
    actor.full_name = full_name.strip()
    actor.full_clean(exclude=["password"])
    actor.save(update_fields=["full_name"])
    audit_record(actor=actor, organization=None, action="user.profile_updated", target=actor)
    return actor


# --- API tokens --------------------------------------------------------------------


@transaction.atomic
def api_token_create_personal(*, actor: User, name: str, read_only: bool) -> tuple[ApiToken, str]:
    """A token that acts as the actor in every organization they belong to.

    Returns the row and the token itself, which is never shown again.
    """
    if actor.kind != User.Kind.PERSON:
        raise PermissionDenied("API keys cannot create tokens.")
    secret, prefix, digest = make_api_token("evp")
    token = ApiToken(
        kind=ApiToken.Kind.PERSONAL,
        name=name.strip(),
        user=actor,
        prefix=prefix,
        digest=digest,
        read_only=read_only,
        created_by=actor,
    )
    token.full_clean()
    token.save()
    audit_record(
        actor=actor,
        organization=None,
        action="api_token.created",
        target=token,
        data={"name": token.name, "prefix": prefix, "read_only": read_only},
    )
    return token, secret


@transaction.atomic
def api_key_create(
    *, actor: User, organization: Organization, name: str, roles: list[str], read_only: bool
) -> tuple[ApiToken, str]:
    """An organization API key acting with the given roles in that organization only.

    The key gets a bot user holding those roles, so permission checks treat
    it like a member. Organization admins only.
    """
    require(actor, organization, Need.MANAGE_API_KEYS)
    chosen = _clean_roles(organization, roles)
    secret, prefix, digest = make_api_token("evo")
    bot = User(
        email=f"api-key-{prefix}@bots.evident.invalid",
        full_name=f"API key: {name.strip()}",
        kind=User.Kind.BOT,
    )
    bot.set_unusable_password()
    bot.full_clean(exclude=["password"])
    bot.save()
    for role in chosen:
        Membership.objects.create(user=bot, organization=organization, role=role)
    token = ApiToken(
        kind=ApiToken.Kind.ORGANIZATION,
        name=name.strip(),
        user=bot,
        organization=organization,
        prefix=prefix,
        digest=digest,
        read_only=read_only,
        created_by=actor,
    )
    token.full_clean()
    token.save()
    audit_record(
        actor=actor,
        organization=organization,
        action="api_key.created",
        target=token,
        data={"name": token.name, "prefix": prefix, "roles": chosen, "read_only": read_only},
    )
    return token, secret


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> ApiToken:
    """Revoke a token at once. Idempotent. An API key's bot user is deactivated too."""
    if token.kind == ApiToken.Kind.PERSONAL:
        if token.user_id != actor.pk:
            raise PermissionDenied("You can only revoke your own tokens.")
    elif token.organization is None or not can(actor, token.organization, Need.MANAGE_API_KEYS):
        raise PermissionDenied("Only organization admins revoke the organization's API keys.")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        if token.kind == ApiToken.Kind.ORGANIZATION:
            token.user.is_active = False
            token.user.save(update_fields=["is_active"])
        audit_record(
            actor=actor,
            organization=token.organization,
            action="api_key.revoked" if token.organization else "api_token.revoked",
            target=token,
            data={"name": token.name, "prefix": token.prefix},
        )
    return token


def api_token_record_use(token: ApiToken) -> None:
    """Note when a token was last used, at most once a minute per token.

    A conditional UPDATE, so busy integrations cause no write per request and
    concurrent requests don't race. Not audited: it is bookkeeping, not a change.
    """
    now = timezone.now()
    ApiToken.objects.filter(pk=token.pk).filter(
        Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - timedelta(minutes=1))
    ).update(last_used_at=now)
