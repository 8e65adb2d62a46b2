"""Input and output schemas of the API: one pair per endpoint."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any, Literal
from uuid import UUID

from ninja import Schema
from pydantic import Field

from evident.accounts.models import Role


class OrganizationOut(Schema):
    uuid: UUID
    slug: str
    name: str
    kind: str
    parent: UUID | None = Field(None, description="The parent organization (a school's district, a district's state).")
    issues_credentials: bool
    website: str
    roles: list[str] = Field(description="The caller's roles in this organization.")


class MeOut(Schema):
    uuid: UUID
    email: str
    full_name: str
    kind: str = Field(description="'person', or 'bot' for an organization API key.")
    organizations: list[OrganizationOut]


class MemberOut(Schema):
    uuid: UUID = Field(description="The person's id.")
    email: str
    full_name: str
    roles: list[str]
    member_since: datetime | None


class RolesIn(Schema):
    roles: list[Role] = Field(min_length=1, description="Every role the person should hold here.")


class InvitationIn(Schema):
    email: str = Field(min_length=3, max_length=254, description="Their email address.")
    roles: list[Role] = Field(min_length=1)


class InvitationOut(Schema):
    uuid: UUID
    email: str
    roles: list[str]
    status: str = Field(description="pending, expired, accepted or revoked")
    created_at: datetime
    expires_at: datetime
    invited_by: str | None


class TokenIn(Schema):
    name: str = Field(min_length=1, max_length=100)
    read_only: bool = False


class ApiKeyIn(TokenIn):
    roles: list[Role] = Field(min_length=1, description="The roles the key acts with in this organization.")


class TokenOut(Schema):
    uuid: UUID
    name: str
    prefix: str = Field(description="The visible start of the token, to tell tokens apart.")
    read_only: bool
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
    roles: list[str] = Field(default_factory=list, description="For organization API keys: the roles it acts with.")


class TokenCreatedOut(TokenOut):
    token: str = Field(description="The secret. Shown this once; store it now.")


# --- Catalog -------------------------------------------------------------------


class LevelSchema(Schema):
    name: str = Field(max_length=60)
    descriptor: str
    score: int = Field(ge=0, le=100)


class RequirementSchema(Schema):
    title: str = Field(max_length=160)
    evidence_kind: Literal["video", "document", "image", "link", "written"]
    instructions: str
    passing_score: int = Field(ge=0, le=100)
    levels: list[LevelSchema]
    prompts: list[str] = []
    file_types: list[str] = []
    max_file_mb: int | None = Field(None, ge=1)
    max_video_minutes: int | None = Field(None, ge=1)
    min_words: int | None = Field(None, ge=0)
    max_words: int | None = Field(None, ge=1)


class CitationSchema(Schema):
    text: str = Field(max_length=500)
    url: str = ""


class ResourceSchema(Schema):
    title: str = Field(max_length=200)
    url: str = ""
    description: str = ""


class AlignmentSchema(Schema):
    framework: str = Field(max_length=120)
    code: str = Field(max_length=40)
    name: str = Field(max_length=200)
    url: str = ""


class BlueprintSchema(Schema):
    """The whole blueprint of a micro-credential version."""

    title: str = Field(min_length=1, max_length=160)
    summary: str = Field("", max_length=300)
    competency: str = ""
    key_method: str = ""
    subject: str = Field("", max_length=80)
    requirements: list[RequirementSchema] = []
    research: str = ""
    grade_bands: list[str] = []
    effort_hours: Decimal = Field(Decimal("10"), ge=0, le=999)
    pd_hours: Decimal = Field(Decimal("10"), ge=0, le=999)
    validity_months: int | None = Field(
        None, ge=1, le=600, description="Months a credential stays valid after it is earned; null: it never expires."
    )
    pass_rule: Literal["all"] = "all"  # noqa: S105  # a rule name, not a password
    badge_color: str = Field("#0d5c63", pattern=r"^#[0-9a-fA-F]{6}$")
    citations: list[CitationSchema] = []
    resources: list[ResourceSchema] = []
    alignments: list[AlignmentSchema] = []


class MicroCredentialIn(Schema):
    organization: UUID = Field(description="The issuing organization the author writes for.")
    blueprint: BlueprintSchema


class VersionOut(Schema):
    uuid: UUID
    micro_credential: UUID
    number: int
    status: str
    issuer: str
    published_at: datetime | None
    blueprint: BlueprintSchema
    achievement: dict[str, Any] | None = Field(None, description="The Open Badges 3.0 Achievement (catalog only).")


class CatalogEntryOut(Schema):
    uuid: UUID = Field(alias="micro_credential.uuid")
    version: int = Field(alias="number")
    title: str
    summary: str
    subject: str
    grade_bands: list[str]
    pd_hours: Decimal
    effort_hours: Decimal
    issuer: str = Field(alias="micro_credential.organization.slug")
    issuer_name: str = Field(alias="micro_credential.organization.name")


class VerdictIn(Schema):
    meets: bool
    comment: str = ""


class QualityReviewIn(Schema):
    verdicts: dict[Literal["research", "evidence", "rubric", "equity"], VerdictIn]
    comment: str = ""


class QualityReviewOut(Schema):
    uuid: UUID
    outcome: str
    version: UUID


class StackOut(Schema):
    uuid: UUID
    slug: str
    title: str
    description: str
    issuer: str
    completion_rule: str
    required_count: int | None
    micro_credentials: list[UUID] = Field(description="In order.")
    capstone: UUID | None


class PathwayStepOut(Schema):
    order: int
    level: str
    stack: UUID | None
    micro_credential: UUID | None
    after: list[int] = Field(description="Orders of the steps that come first.")


class PathwayOut(Schema):
    uuid: UUID
    slug: str
    title: str
    role_name: str
    description: str
    issuer: str
    steps: list[PathwayStepOut]
