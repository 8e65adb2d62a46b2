"""Awards, the keys that sign them, and the status lists that revoke them.

An award is an Open Badges 3.0 ``AchievementCredential``, signed with the
issuing organization's Ed25519 key (``eddsa-rdfc-2022``) and kept exactly as
signed. Awards are revoked, never deleted: revoking sets the award's bit in
its organization's status list, whose signed credential is served at a
stable URL.

.. pii:: an award names its educator (the signed subject carries only a
   salted hash of their email); its document is private until the educator
   makes it public. A public profile shows the educator's name and headline.
"""

from __future__ import annotations

import re
import uuid
from typing import ClassVar

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.catalog.models import MicroCredentialVersion, Stack
from evident.earning.models import Enrollment

STATUS_LIST_SIZE = 131_072  # the minimum the Bitstring Status List spec allows, for herd privacy


class IssuerKey(models.Model):
    """An Ed25519 key of an issuing organization. The private half is encrypted at rest.

    Rotating adds a new key and retires the old one: retired keys stay in the
    organization's DID document so credentials they signed still verify.
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="issuer_keys")
    fragment = models.CharField(max_length=40, help_text="The key's id within the DID document, e.g. key-1.")
    public_key_multibase = models.CharField(max_length=100)
    private_key_encrypted = models.TextField()
    created_at = models.DateTimeField(default=timezone.now)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["created_at"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["organization", "fragment"], name="credentials_key_fragment_unique"),
            models.UniqueConstraint(
                fields=["organization"],
                condition=models.Q(retired_at__isnull=True),
                name="credentials_one_active_key",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organization.slug}#{self.fragment}"


class StatusList(models.Model):
    """One organization's revocation list: a bit per award, set when revoked."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="status_lists")
    purpose = models.CharField(max_length=20, default="revocation")
    size = models.PositiveIntegerField(default=STATUS_LIST_SIZE)
    # The signed BitstringStatusListCredential, re-signed whenever a bit changes.
    credential = models.JSONField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.organization.slug} {self.purpose} list"

    def get_absolute_url(self) -> str:
        return reverse("credentials:status-list", kwargs={"uuid": self.uuid})


class Award(models.Model):
    """An issued credential: for a micro-credential (from its enrolment) or for a stack."""

    class Kind(models.TextChoices):
        MICRO_CREDENTIAL = "micro_credential", "Micro-credential"
        STACK = "stack", "Stack"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="awards")
    educator = models.ForeignKey(User, on_delete=models.PROTECT, related_name="awards")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.MICRO_CREDENTIAL)
    enrollment = models.OneToOneField(Enrollment, null=True, blank=True, on_delete=models.PROTECT, related_name="award")
    version = models.ForeignKey(
        MicroCredentialVersion, null=True, blank=True, on_delete=models.PROTECT, related_name="awards"
    )
    stack = models.ForeignKey(Stack, null=True, blank=True, on_delete=models.PROTECT, related_name="awards")
    title = models.CharField(max_length=200)
    credential = models.JSONField(help_text="The signed AchievementCredential, exactly as issued.")
    status_list = models.ForeignKey(StatusList, on_delete=models.PROTECT, related_name="awards")
    status_index = models.PositiveIntegerField()
    issued_at = models.DateTimeField(default=timezone.now)
    valid_until = models.DateTimeField(null=True, blank=True)
    is_public = models.BooleanField(default=False, help_text="Anyone with the link may see it.")
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_reason = models.CharField(max_length=300, blank=True)
    revoked_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering: ClassVar = ["-issued_at"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["status_list", "status_index"], name="credentials_status_index_unique"),
            # One standing credential per stack: once revoked, the stack can be earned again.
            models.UniqueConstraint(
                fields=["educator", "stack"],
                condition=models.Q(stack__isnull=False, revoked_at__isnull=True),
                name="credentials_one_standing_stack_award",
            ),
        ]
        # The issuer admins' list: an organization's awards, newest first.
        indexes: ClassVar = [models.Index(fields=["organization", "-issued_at"], name="credentials_award_issued")]

    def __str__(self) -> str:
        return f"{self.title} for {self.educator}"

    def get_absolute_url(self) -> str:
        return reverse("credentials:award-detail", kwargs={"uuid": self.uuid})

    @property
    def is_revoked(self) -> bool:
        return self.revoked_at is not None

    @property
    def is_expired(self) -> bool:
        return self.valid_until is not None and self.valid_until <= timezone.now()


PROFILE_SLUG_PATTERN = re.compile(r"^[a-z0-9](?:[a-z0-9-]{1,48}[a-z0-9])$")
# Addresses that would read as the platform speaking, or that we may want for pages under /people/ later.
RESERVED_PROFILE_SLUGS = frozenset(
    {
        "about", "account", "accounts", "admin", "administrator", "api", "catalog", "credentials", "dashboard",
        "edit", "evident", "help", "login", "logout", "me", "new", "official", "people", "platform", "profile",
        "profiles", "root", "search", "settings", "signin", "signup", "staff", "support", "system", "verify",
    }
)  # fmt: skip


def validate_profile_slug(value: str) -> None:
    """A profile address: 3 to 50 lowercase letters, digits and inner hyphens, not a reserved word."""
    if not PROFILE_SLUG_PATTERN.match(value) or "--" in value:
        raise ValidationError(
            "Use 3 to 50 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
            code="invalid_slug",
        )
    if value in RESERVED_PROFILE_SLUGS:
        raise ValidationError(f"“{value}” is reserved. Choose another address.", code="reserved_slug")


class PublicProfile(models.Model):
    """An educator's page at ``/people/<slug>/`` listing the credentials they made public.

    Nothing is shown until the educator turns the profile public; search
    engines are asked not to list it unless the educator also allows that.

    .. pii:: names the educator (full name) and carries their headline; never their email.
    """

    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="public_profile")
    slug = models.CharField(max_length=50, unique=True, validators=[validate_profile_slug])
    is_public = models.BooleanField(default=False, help_text="Anyone with the address may see the profile.")
    allow_indexing = models.BooleanField(default=False, help_text="Search engines may list the profile.")
    headline = models.CharField(max_length=120, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"/people/{self.slug}/"

    def get_absolute_url(self) -> str:
        return reverse("credentials:public-profile", kwargs={"slug": self.slug})
