"""Programs that districts and states run, the rosters they enrol, and the credit educators earn.

A program belongs to a district, a state or a school. It offers micro-credentials
and stacks, enrols educators in cohorts (by hand or from a CSV roster), sets a
deadline per cohort, assigns coaches and may pay an incentive per credential
earned. Credit rules are data per jurisdiction (seeded from public sources;
an organization may add its own or override one); transcripts count each
educator's credentials under the rule that applies to them.

.. pii:: cohort members carry an educator's name and email (from the roster,
   before they have an account).
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import ClassVar

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone

from evident.accounts.models import Organization, User
from evident.catalog.models import MicroCredential, Stack

PROGRAM_ORGANIZATION_KINDS = (Organization.Kind.STATE, Organization.Kind.DISTRICT, Organization.Kind.SCHOOL)


class Program(models.Model):
    """What a district, state or school offers its educators, to whom, by when, and for what reward."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        ACTIVE = "active", "Active"
        CLOSED = "closed", "Closed"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="programs")
    title = models.CharField(max_length=160)
    description = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    micro_credentials = models.ManyToManyField(MicroCredential, blank=True, related_name="programs")
    stacks = models.ManyToManyField(Stack, blank=True, related_name="programs")
    # An incentive paid per credential earned in the program (e.g. a stipend); blank for none.
    incentive_amount = models.DecimalField(
        max_digits=8, decimal_places=2, null=True, blank=True, validators=[MinValueValidator(Decimal("0"))]
    )
    incentive_currency = models.CharField(max_length=3, default="USD")
    incentive_note = models.CharField(max_length=200, blank=True, help_text="e.g. Paid with the next payroll.")
    credit_rule = models.ForeignKey(
        "CreditRule",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="programs",
        help_text="How credentials earned in this program count toward license renewal.",
    )
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["title"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["organization", "title"], name="programs_program_title_per_org"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programs:program-detail", kwargs={"uuid": self.uuid})


class Cohort(models.Model):
    """A group of a program's educators with its own dates, deadline and coaches."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="cohorts")
    name = models.CharField(max_length=120)
    starts_on = models.DateField()
    ends_on = models.DateField()
    deadline = models.DateField(help_text="The date by which members should have earned the program's credentials.")
    coaches = models.ManyToManyField(User, blank=True, related_name="coached_cohorts")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["starts_on", "name"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["program", "name"], name="programs_cohort_name_per_program"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="programs_cohort_dates"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.program.title}: {self.name}"

    def get_absolute_url(self) -> str:
        return reverse("programs:cohort-detail", kwargs={"uuid": self.uuid})


class CohortMember(models.Model):
    """An educator on a cohort's roster: one cohort per program.

    Rostered by email; ``educator`` is filled in when the address belongs to an
    account (at import, or when the invitation is accepted).
    """

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="members")
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="members")
    email = models.EmailField(max_length=254)
    full_name = models.CharField(max_length=150)
    educator = models.ForeignKey(User, null=True, blank=True, on_delete=models.PROTECT, related_name="cohort_places")
    school = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.PROTECT, related_name="cohort_members"
    )
    coach = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="coachees")
    invited_at = models.DateTimeField(null=True, blank=True)
    added_at = models.DateTimeField(default=timezone.now)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["full_name"]
        constraints: ClassVar = [
            models.UniqueConstraint("program", Lower("email"), name="programs_member_once_per_program"),
        ]
        indexes: ClassVar = [models.Index(fields=["educator", "program"], name="programs_member_educator")]

    def __str__(self) -> str:
        return f"{self.full_name} in {self.cohort}"


class RosterImport(models.Model):
    """One uploaded roster file: previewed first, then applied all at once or not at all.

    The file is kept (nothing uploaded is lost); the preview's line-by-line
    report is stored so the admin reads the same thing before and after applying.
    """

    class Status(models.TextChoices):
        PREVIEWED = "previewed", "Previewed"
        APPLIED = "applied", "Applied"
        DISCARDED = "discarded", "Discarded"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="roster_imports")
    uploaded_by = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    file = models.FileField(upload_to="rosters/")
    original_name = models.CharField(max_length=255)
    sha256 = models.CharField(max_length=64)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PREVIEWED)
    row_count = models.PositiveIntegerField(default=0)
    created_count = models.PositiveIntegerField(default=0)
    updated_count = models.PositiveIntegerField(default=0)
    unchanged_count = models.PositiveIntegerField(default=0)
    rejected_count = models.PositiveIntegerField(default=0)
    # [{"line": 3, "action": "create"|"update"|"unchanged"|"reject", "email": …, "changes": […], "errors": […]}]
    report = models.JSONField(default=list)
    created_at = models.DateTimeField(default=timezone.now)
    applied_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering: ClassVar = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.original_name} for {self.program}"


class CreditRule(models.Model):
    """How a jurisdiction counts micro-credentials toward license renewal.

    Seeded rules (``organization`` empty) cite their public source; an
    organization may add its own rule or override a seeded one for its educators.
    """

    class Unit(models.TextChoices):
        CLOCK_HOURS = "clock_hours", "Clock hours"
        PDP = "pdp", "Professional development points (PDPs)"
        CEU = "ceu", "Continuing education units (CEUs)"
        USBE_CREDIT = "usbe_credit", "USBE credit"
        OTHER = "other", "Other"

    class Basis(models.TextChoices):
        PER_CREDENTIAL = "per_credential", "A fixed amount per credential"
        PER_PD_HOUR = "per_pd_hour", "An amount per PD hour the credential offers"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization, null=True, blank=True, on_delete=models.CASCADE, related_name="credit_rules"
    )
    overrides = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="overridden_by"
    )
    jurisdiction = models.CharField(max_length=10, help_text="ISO 3166-2 code, e.g. US-TN.")
    jurisdiction_name = models.CharField(max_length=80)
    name = models.CharField(max_length=160)
    unit = models.CharField(max_length=20, choices=Unit.choices)
    unit_label = models.CharField(max_length=40, help_text="How the unit is written on a transcript, e.g. PDPs.")
    basis = models.CharField(max_length=20, choices=Basis.choices)
    amount = models.DecimalField(max_digits=7, decimal_places=2, validators=[MinValueValidator(Decimal("0"))])
    cap_per_cycle = models.DecimalField(
        max_digits=7,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Most credit micro-credentials may earn per cycle.",
    )
    cycle_years = models.PositiveSmallIntegerField(default=5)
    renewal_requirement = models.DecimalField(
        max_digits=7, decimal_places=2, null=True, blank=True, help_text="Credit needed per cycle to renew."
    )
    counted_issuers = models.ManyToManyField(
        Organization, blank=True, related_name="+", help_text="Only these issuers count; none chosen means any."
    )
    source_title = models.CharField(max_length=200, blank=True)
    source_url = models.URLField(blank=True)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["jurisdiction", "name"]
        constraints: ClassVar = [
            models.UniqueConstraint(
                fields=["jurisdiction", "name"],
                condition=models.Q(organization__isnull=True),
                name="programs_seed_rule_unique",
            ),
            models.UniqueConstraint(fields=["organization", "jurisdiction", "name"], name="programs_org_rule_unique"),
        ]

    def __str__(self) -> str:
        return self.name


class OrganizationCreditRule(models.Model):
    """The rule an organization's educators (and its children's) count their credit under."""

    organization = models.OneToOneField(Organization, on_delete=models.CASCADE, related_name="credit_setting")
    rule = models.ForeignKey(CreditRule, on_delete=models.PROTECT, related_name="+")
    updated_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.organization}: {self.rule}"


class RenewalCycle(models.Model):
    """When an educator's current license renewal cycle began, under a rule: caps and progress count from it."""

    educator = models.ForeignKey(User, on_delete=models.CASCADE, related_name="renewal_cycles")
    rule = models.ForeignKey(CreditRule, on_delete=models.CASCADE, related_name="+")
    starts_on = models.DateField()

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["educator", "rule"], name="programs_one_cycle_per_rule"),
        ]

    def __str__(self) -> str:
        return f"{self.educator} from {self.starts_on}"


class FrameworkComponent(models.Model):
    """One component of a teaching framework a growth goal can aim at (Danielson 3b, InTASC 8, a state indicator)."""

    framework = models.CharField(max_length=120, help_text="e.g. Danielson Framework for Teaching (2022).")
    code = models.CharField(max_length=40)
    name = models.CharField(max_length=200)
    domain = models.CharField(max_length=120, blank=True)
    description = models.TextField(blank=True)
    source_url = models.URLField(blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering: ClassVar = ["framework", "order", "code"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["framework", "code"], name="programs_component_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class GrowthPlan(models.Model):
    """An educator's plan for a school year, kept with their supervisor."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    educator = models.ForeignKey(User, on_delete=models.CASCADE, related_name="growth_plans")
    organization = models.ForeignKey(
        Organization, on_delete=models.PROTECT, related_name="growth_plans", help_text="Where the educator works."
    )
    supervisor = models.ForeignKey(
        User, null=True, blank=True, on_delete=models.SET_NULL, related_name="supervised_plans"
    )
    title = models.CharField(max_length=160)
    school_year = models.CharField(max_length=9, help_text="e.g. 2026-2027.")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-school_year", "title"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["educator", "school_year", "title"], name="programs_plan_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.school_year})"

    def get_absolute_url(self) -> str:
        return reverse("programs:plan-detail", kwargs={"uuid": self.uuid})


class GrowthGoal(models.Model):
    """A goal in a growth plan: framework components it works on, a target date, the micro-credentials chosen."""

    class Status(models.TextChoices):
        ACTIVE = "active", "In progress"
        MET = "met", "Met"
        DROPPED = "dropped", "Dropped"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    plan = models.ForeignKey(GrowthPlan, on_delete=models.CASCADE, related_name="goals")
    order = models.PositiveSmallIntegerField(default=0)
    statement = models.TextField()
    components = models.ManyToManyField(FrameworkComponent, blank=True, related_name="goals")
    target_date = models.DateField(null=True, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    micro_credentials = models.ManyToManyField(MicroCredential, blank=True, related_name="growth_goals")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["order", "created_at"]

    def __str__(self) -> str:
        return self.statement[:60]


class CareerRole(models.Model):
    """A role such as Mentor Teacher, and the stacks and pathways it requires (all of them)."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(
        Organization,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="career_roles",
        help_text="Empty for a role every organization sees.",
    )
    title = models.CharField(max_length=120)
    description = models.TextField(blank=True)
    stacks = models.ManyToManyField(Stack, blank=True, related_name="career_roles")
    pathways = models.ManyToManyField("catalog.Pathway", blank=True, related_name="career_roles")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["title"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["organization", "title"], name="programs_role_title_per_org"),
            # NULLs differ in a unique index: platform-wide roles need their own rule.
            models.UniqueConstraint(
                fields=["title"], condition=models.Q(organization__isnull=True), name="programs_platform_role_title"
            ),
        ]

    def __str__(self) -> str:
        return self.title


class EnrollmentFact(models.Model):
    """One row per enrolment, flattened for the dashboards and kept fresh by a periodic job.

    Where the educator enrolled (school, district, state), the program and
    cohort it counts for, and the figures the charts need, so a state's
    dashboard reads one narrow table instead of joining millions of
    submissions. Built by :mod:`evident.programs.analytics.facts`.
    """

    enrollment = models.OneToOneField(
        "earning.Enrollment", primary_key=True, on_delete=models.CASCADE, related_name="fact"
    )
    educator = models.ForeignKey(User, on_delete=models.CASCADE, related_name="+", db_index=False)
    school = models.ForeignKey(Organization, null=True, on_delete=models.SET_NULL, related_name="+")
    district = models.ForeignKey(Organization, null=True, on_delete=models.SET_NULL, related_name="+")
    state = models.ForeignKey(Organization, null=True, on_delete=models.SET_NULL, related_name="+")
    program = models.ForeignKey(Program, null=True, on_delete=models.SET_NULL, related_name="+")
    cohort = models.ForeignKey(Cohort, null=True, on_delete=models.SET_NULL, related_name="+", db_index=False)
    micro_credential = models.ForeignKey(MicroCredential, on_delete=models.CASCADE, related_name="+", db_index=False)
    status = models.CharField(max_length=20)
    started_on = models.DateField()
    submitted_on = models.DateField(null=True)
    earned_on = models.DateField(null=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    first_attempt_passed = models.BooleanField(null=True)
    days_to_earn = models.PositiveIntegerField(null=True)
    first_turnaround_hours = models.PositiveIntegerField(null=True)
    deadline = models.DateField(null=True)
    pd_hours = models.DecimalField(max_digits=5, decimal_places=1, default=Decimal("0"))
    refreshed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes: ClassVar = [
            models.Index(fields=["program", "cohort"], name="programs_fact_program"),
            models.Index(fields=["deadline", "status"], name="programs_fact_deadline"),
        ]

    def __str__(self) -> str:
        return f"fact for enrolment {self.enrollment_id}"
