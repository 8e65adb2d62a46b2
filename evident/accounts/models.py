"""People, organizations (the tenants), memberships and the audit log."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(self, email: str, password: str | None = None, **extra: Any) -> User:
        if not email:
            raise ValueError("Users need an email address.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(self, email: str, password: str | None = None, **extra: Any) -> User:
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(email, password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    """A person who signs in, or the bot behind an organization API key.

    .. pii:: email and full_name identify an educator.
    """

    class Kind(models.TextChoices):
        PERSON = "person", "Person"
        BOT = "bot", "API key"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    email = models.EmailField("email address", max_length=254, unique=True)
    full_name = models.CharField("full name", max_length=150)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PERSON)
    is_active = models.BooleanField(default=True)
    is_staff = models.BooleanField(default=False, help_text="May sign in to the Django admin (operators only).")
    date_joined = models.DateTimeField(default=timezone.now)

    objects: ClassVar[UserManager] = UserManager()

    EMAIL_FIELD = "email"
    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: ClassVar[list[str]] = ["full_name"]

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(Lower("email"), name="accounts_user_email_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.full_name or self.email

    def clean(self) -> None:
        super().clean()
        self.email = self.email.strip().lower()

    @property
    def display_name(self) -> str:
        return self.full_name or self.email.split("@", 1)[0]

    @property
    def initials(self) -> str:
        parts = [p for p in self.display_name.split() if p]
        return "".join(p[0] for p in parts[:2]).upper() or "?"


class Organization(models.Model):
    """A tenant: the platform, a state agency, a district, a school, or an issuer."""

    class Kind(models.TextChoices):
        PLATFORM = "platform", "Platform"
        STATE = "state", "State agency"
        DISTRICT = "district", "District"
        SCHOOL = "school", "School"
        UNIVERSITY = "university", "University or institute"
        NONPROFIT = "nonprofit", "Nonprofit"
        UNION = "union", "Union or association"
        COMPANY = "company", "Company"

    # Which kinds may sit under which: a school belongs to a district, a district
    # to a state; issuers and states stand on their own.
    ALLOWED_PARENTS: ClassVar[dict[str, set[str]]] = {
        Kind.SCHOOL: {Kind.DISTRICT},
        Kind.DISTRICT: {Kind.STATE},
    }

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    slug = models.SlugField(
        max_length=60, unique=True, help_text="Short public name used in web addresses and issuer identifiers."
    )
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    issues_credentials = models.BooleanField(
        default=False, help_text="An issuing organization authors micro-credentials and signs awards."
    )
    description = models.TextField(blank=True)
    website = models.URLField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["name"]
        constraints: ClassVar = [
            models.CheckConstraint(condition=~models.Q(parent=models.F("pk")), name="accounts_org_not_own_parent"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("accounts:organization-detail", kwargs={"organization_uuid": self.uuid})

    def clean(self) -> None:
        super().clean()
        allowed = self.ALLOWED_PARENTS.get(self.kind, set())
        if self.parent_id is None:
            if self.kind == self.Kind.SCHOOL:
                raise ValidationError({"parent": "A school must belong to a district."}, code="parent_required")
            return
        if self.parent is not None and self.parent.kind not in allowed:
            raise ValidationError(
                {
                    "parent": f"A {self.get_kind_display().lower()} cannot sit under a {self.parent.get_kind_display().lower()}."
                },
                code="parent_kind",
            )

    def ancestors(self) -> list[Organization]:
        """Parents from nearest to the root; the tree is at most three deep."""
        chain: list[Organization] = []
        node = self.parent
        while node is not None and len(chain) < 10:
            chain.append(node)
            node = node.parent
        return chain


class Role(models.TextChoices):
    EDUCATOR = "educator", "Educator"
    COACH = "coach", "Coach"
    REVIEWER = "reviewer", "Reviewer"
    LEAD_REVIEWER = "lead_reviewer", "Lead reviewer"
    AUTHOR = "author", "Author"
    PROGRAM_ADMIN = "program_admin", "Program admin"
    ORG_ADMIN = "org_admin", "Organization admin"
    QUALITY_REVIEWER = "quality_reviewer", "Quality reviewer"
    OPERATOR = "operator", "Operator"


PLATFORM_ROLES = frozenset({Role.QUALITY_REVIEWER, Role.OPERATOR})


class Membership(models.Model):
    """One role a user holds in one organization; a user may hold several."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=20, choices=Role.choices)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["user", "organization", "role"], name="accounts_membership_unique_role"),
        ]
        indexes: ClassVar = [models.Index(fields=["organization", "role"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.organization}"

    def clean(self) -> None:
        super().clean()
        if self.role in PLATFORM_ROLES and self.organization.kind != Organization.Kind.PLATFORM:
            raise ValidationError({"role": f"{self.get_role_display()} is a platform role."}, code="platform_role")


class Invitation(models.Model):
    """An emailed offer to join an organization with given roles.

    See :mod:`evident.accounts.invitations` for the link's token.

    .. pii:: email.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(max_length=254)
    roles = models.JSONField(default=list)
    # The emailed link carries an HMAC of (uuid, nonce) under SECRET_KEY, so
    # neither the database nor the task queue ever holds a usable token;
    # resending draws a new nonce, which kills the old link.
    nonce = models.CharField(max_length=32)
    invited_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-created_at"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                "organization",
                Lower("email"),
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="accounts_invitation_one_pending",
            ),
        ]

    def __str__(self) -> str:
        return f"Invitation of {self.email} to {self.organization}"

    def clean(self) -> None:
        super().clean()
        self.email = self.email.strip().lower()
        if not isinstance(self.roles, list) or not self.roles:
            raise ValidationError({"roles": "Choose at least one role."}, code="roles_required")
        unknown = [r for r in self.roles if r not in Role.values]
        if unknown:
            raise ValidationError({"roles": f"Unknown role: {', '.join(map(str, unknown))}."}, code="roles_unknown")
        if self.organization.kind != Organization.Kind.PLATFORM and set(self.roles) & PLATFORM_ROLES:
            raise ValidationError(
                {"roles": "Platform roles exist only in the platform organization."}, code="platform_role"
            )

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.revoked_at:
            return "revoked"
        if self.expires_at <= timezone.now():
            return "expired"
        return "pending"

    @property
    def role_labels(self) -> list[str]:
        return [Role(r).label for r in self.roles if r in Role.values]


class ApiToken(models.Model):
    """A personal access token, or an organization API key.

    An organization key acts through its own bot user, whose memberships are
    the roles granted to the key, so every permission check treats API keys
    exactly like people. Only the SHA-256 digest of the token is stored.
    """

    class Kind(models.TextChoices):
        PERSONAL = "personal", "Personal access token"
        ORGANIZATION = "organization", "Organization API key"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(max_length=20, choices=Kind.choices)
    name = models.CharField(max_length=100)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="api_keys"
    )
    prefix = models.CharField(max_length=8, unique=True)
    digest = models.CharField(max_length=64, unique=True)
    read_only = models.BooleanField(default=False)
    created_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-created_at"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="personal", organization__isnull=True)
                    | models.Q(kind="organization", organization__isnull=False)
                ),
                name="accounts_apitoken_kind_matches_organization",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


class AuditEvent(models.Model):
    """An append-only record of a change: who did what, where, when, from where.

    Rows are written by services through :func:`evident.accounts.audit.audit_record`
    and never updated or deleted by the application.

    .. pii:: actor, ip_address and user_agent identify a person.
    """

    occurred_at = models.DateTimeField(default=timezone.now, db_index=True)
    actor = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    actor_label = models.CharField(max_length=254, blank=True)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.SET_NULL, related_name="audit_events"
    )
    action = models.CharField(max_length=64)
    target_type = models.CharField(max_length=64, blank=True)
    target_id = models.CharField(max_length=64, blank=True)
    data = models.JSONField(default=dict, blank=True)
    origin = models.CharField(max_length=16, default="system")
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering: ClassVar = ["-occurred_at", "-id"]
        indexes: ClassVar = [models.Index(fields=["organization", "-occurred_at"])]

    def __str__(self) -> str:
        return f"{self.occurred_at:%Y-%m-%d %H:%M} {self.actor_label} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk is not None:
            raise RuntimeError("Audit events are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise RuntimeError("Audit events are append-only.")
