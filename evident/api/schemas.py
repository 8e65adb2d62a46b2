"""Input and output schemas of the API: one pair per endpoint."""

from __future__ import annotations

from datetime import datetime
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
