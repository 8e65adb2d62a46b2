"""Input and output schemas of the programs endpoints."""

# No "from __future__ import annotations" here: django-ninja reads the endpoint
# signatures at import time, and the pagination wrapper would resolve string
# annotations in its own module, not this one.

from datetime import date, datetime
from decimal import Decimal
from typing import Literal
from uuid import UUID

from ninja import Schema
from pydantic import Field


class PersonOut(Schema):
    uuid: UUID
    full_name: str
    email: str


class PlaceOut(Schema):
    uuid: UUID
    name: str


class OfferingOut(Schema):
    uuid: UUID
    title: str


class IncentiveSchema(Schema):
    amount: Decimal | None = Field(
        None, ge=0, max_digits=8, decimal_places=2, description="Paid per credential earned; null for none."
    )
    currency: str = Field("USD", pattern=r"^[A-Za-z]{3}$", description="A three-letter code, e.g. USD.")
    note: str = Field("", max_length=200, description="e.g. Paid with the next payroll.")


class CreditRuleOut(Schema):
    uuid: UUID
    name: str
    jurisdiction: str
    jurisdiction_name: str
    unit: str
    unit_label: str
    basis: str = Field(description="per_credential or per_pd_hour")
    amount: Decimal
    cap_per_cycle: Decimal | None
    cycle_years: int
    renewal_requirement: Decimal | None
    seeded: bool = Field(description="Shipped with its public source (true) or an organization's own rule.")
    source_title: str
    source_url: str


class ProgramSummaryOut(Schema):
    uuid: UUID
    title: str
    status: str = Field(description="draft, active or closed")
    organization: UUID
    organization_name: str
    can_manage: bool = Field(description="Whether the caller may change it (its own organization's admins).")
    cohort_count: int
    member_count: int
    incentive: IncentiveSchema


class ProgramOut(ProgramSummaryOut):
    description: str
    micro_credentials: list[OfferingOut]
    stacks: list[OfferingOut]
    credit_rule: CreditRuleOut | None = Field(description="How credentials earned in the program count, if set.")
    credentials_earned: int = Field(description="Credentials the incentive pays for so far.")
    incentive_owed: Decimal
    created_at: datetime
    updated_at: datetime


class ProgramIn(Schema):
    title: str = Field(min_length=1, max_length=160)
    description: str = ""
    micro_credentials: list[UUID] = Field(default_factory=list, description="Published micro-credentials offered.")
    stacks: list[UUID] = Field(default_factory=list, description="Published stacks offered.")
    incentive: IncentiveSchema | None = None
    credit_rule: UUID | None = Field(None, description="A seeded rule or one of the organization's own.")


class ProgramPatchIn(Schema):
    """Only the fields given change. ``status`` opens (active) or closes (closed) the program."""

    title: str | None = Field(None, min_length=1, max_length=160)
    description: str | None = None
    status: Literal["draft", "active", "closed"] | None = None
    micro_credentials: list[UUID] | None = None
    stacks: list[UUID] | None = None
    incentive: IncentiveSchema | None = None
    credit_rule: UUID | None = Field(None, description="null clears it.")


class CohortOut(Schema):
    uuid: UUID
    program: UUID
    name: str
    starts_on: date
    ends_on: date
    deadline: date
    deadline_text: str = Field(description='How far away the deadline is, e.g. "12 days left".')
    coaches: list[PersonOut]
    member_count: int


class CohortIn(Schema):
    name: str = Field(min_length=1, max_length=120)
    starts_on: date
    ends_on: date
    deadline: date = Field(description="Within the cohort's dates.")
    coaches: list[UUID] = Field(default_factory=list, description="People with the coach role there or below.")


class CohortPatchIn(Schema):
    """Only the fields given change; ``coaches`` replaces the cohort's coaches."""

    name: str | None = Field(None, min_length=1, max_length=120)
    starts_on: date | None = None
    ends_on: date | None = None
    deadline: date | None = None
    coaches: list[UUID] | None = None


class CohortMemberOut(Schema):
    uuid: UUID
    full_name: str
    email: str
    school: PlaceOut | None
    coach: PersonOut | None
    educator: UUID | None = Field(description="The linked account, once the address belongs to one.")
    status: Literal["linked", "invited", "not_invited"]
    invited_at: datetime | None
    added_at: datetime


class RosterLineOut(Schema):
    line: int = Field(description="The line number in the file (the header is line 1).")
    action: Literal["create", "update", "unchanged", "reject"]
    email: str
    name: str
    cohort: str | None
    changes: list[str] = Field(description="For an update: what changes, in plain words.")
    errors: list[str] = Field(description="For a rejected line: every reason.")
    problem: str = Field(description="The reasons as one sentence.")
    note: str


class RosterCountsOut(Schema):
    lines: int
    create: int
    update: int
    unchanged: int
    reject: int


class RosterOut(Schema):
    uuid: UUID
    program: UUID
    file_name: str
    status: str = Field(description="previewed, applied or discarded")
    uploaded_by: str | None
    created_at: datetime
    applied_at: datetime | None
    counts: RosterCountsOut
    lines: list[RosterLineOut] = Field(description="One page of the preview's lines.")
    lines_matching: int = Field(description="How many lines the filter matches.")
    page: int
    pages: int


class RosterLinesQuery(Schema):
    show: Literal["all", "create", "update", "unchanged", "reject"] = Field(
        "all", description="Which lines: all of them or those with one action."
    )
    page: int = Field(1, ge=1, description="Lines come 500 to a page.")


class RosterChangedExtra(Schema):
    roster: RosterOut = Field(description="The preview against the roster as it is now.")


class RosterChangedOut(Schema):
    message: str
    extra: RosterChangedExtra


class AppliedRuleOut(CreditRuleOut):
    applies_through: str = Field(description="program, organization, or chosen (by the educator).")
    via: str = Field(description="The program's title or organization's name it comes through.")


class RenewalCycleOut(Schema):
    starts_on: date
    ends_on: date
    set_by_educator: bool = Field(description="False when counted from the first credential.")


class TranscriptLineOut(Schema):
    credential: UUID
    title: str
    kind: str = Field(description="micro_credential or stack")
    issuer: str
    earned_on: date
    pd_hours: Decimal
    credit: Decimal | None = Field(description="Under the educator's rule; null without a rule.")
    status: str = Field(
        description="counted, partly_capped, capped, outside_cycle, issuer_not_counted, revoked, stack, or earned"
    )
    status_label: str
    reason: str
    expired: bool
    address: str
    check_url: str = Field(description="Where a reader verifies it.")


class TranscriptTotalsOut(Schema):
    pd_hours: Decimal = Field(description="Micro-credentials only (a stack's PD hours are its parts').")
    credit: Decimal | None
    requirement: Decimal | None = Field(description="Credit needed per cycle to renew.")
    remaining: Decimal | None
    percent: int | None
    met: bool | None
    capped: bool


class TranscriptOut(Schema):
    educator: PersonOut
    rule: AppliedRuleOut | None = Field(description="null: the educator has not chosen their state yet.")
    rule_figures: str = Field(description="The rule's figures in one sentence.")
    cycle: RenewalCycleOut | None
    totals: TranscriptTotalsOut
    progress: str = Field(description="Progress toward renewal in words.")
    rows: list[TranscriptLineOut] = Field(description="Newest first.")
    generated_on: date


class DashboardTableOut(Schema):
    key: str
    title: str
    columns: list[str]
    rows: list[list[str | int | float | None]]
    chart: str = Field(description='"bar", "line" or "" (a table only).')
    note: str


class DashboardOut(Schema):
    title: str
    organization: UUID
    program: UUID | None
    refreshed: datetime | None = Field(description="When the newest figure in this scope was built.")
    computed_at: datetime
    tables: list[DashboardTableOut]


class MyOfferingOut(Schema):
    title: str
    kind: str = Field(description="micro_credential or stack")
    state: str = Field(description="not_started, working, submitted or earned")
    state_label: str
    issuer: str
    pd_hours: Decimal | None
    url: str
    parts: list["MyOfferingOut"] = Field(default_factory=list, description="A stack's micro-credentials.")


class MyProgramOut(Schema):
    program: UUID
    title: str
    description: str
    organization_name: str
    cohort: UUID
    cohort_name: str
    deadline: date
    deadline_text: str
    coach: PersonOut | None
    cohort_coaches: list[PersonOut]
    offerings: list[MyOfferingOut]
    earned_count: int
    incentive: IncentiveSchema
    incentive_earned: Decimal
