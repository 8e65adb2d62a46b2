"""The blueprint of a micro-credential, its versions, stacks and pathways.

A micro-credential belongs to an issuing organization and has numbered
versions. Only a draft version changes; submitting it freezes it for the
quality review, and approving publishes it. Editing a published
micro-credential starts a new draft version; earners stay on theirs.
"""

from __future__ import annotations

import uuid
from decimal import Decimal
from typing import ClassVar

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone

from evident.accounts.models import Organization, User


class GradeBand(models.TextChoices):
    EARLY_CHILDHOOD = "early_childhood", "Early childhood (PreK)"
    K_2 = "k_2", "Grades K–2"
    GRADES_3_5 = "3_5", "Grades 3–5"
    GRADES_6_8 = "6_8", "Grades 6–8"
    GRADES_9_12 = "9_12", "Grades 9–12"
    ADULT = "adult", "Adult learners and colleagues"


class MicroCredential(models.Model):
    """A catalog entry: the stable identity across its versions."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="micro_credentials")
    slug = models.SlugField(max_length=80)
    # The version the catalog shows: the newest published, not retired one.
    live_version = models.ForeignKey(
        "MicroCredentialVersion", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["organization", "slug"], name="catalog_mc_slug_per_org"),
        ]

    def __str__(self) -> str:
        return self.slug

    def get_absolute_url(self) -> str:
        return reverse("catalog:micro-credential-detail", kwargs={"uuid": self.uuid})


class MicroCredentialVersion(models.Model):
    """One version of the blueprint. Immutable once it leaves the draft state."""

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        IN_REVIEW = "in_review", "In quality review"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"
        PUBLISHED = "published", "Published"
        RETIRED = "retired", "Retired"

    EDITABLE: ClassVar[frozenset[str]] = frozenset({Status.DRAFT, Status.CHANGES_REQUESTED})

    class PassRule(models.TextChoices):
        ALL_REQUIREMENTS = "all", "Every requirement at or above its passing level"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    micro_credential = models.ForeignKey(MicroCredential, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    # True for exactly the version the catalog shows (kept with live_version by
    # the services); one indexed column keeps catalog pages off a join.
    is_live = models.BooleanField(default=False)

    title = models.CharField(max_length=160)
    # Drafts may be incomplete; blueprint_problems() says what is missing before review.
    summary = models.CharField(max_length=300, blank=True, help_text="One or two sentences shown in the catalog.")
    competency = models.TextField(blank=True, help_text="The skill, in one statement.")
    key_method = models.TextField(blank=True, help_text="The key method an educator practises.")
    research = models.TextField(blank=True, help_text="Why this practice works: the research behind it.")
    subject = models.CharField(max_length=80, blank=True)
    grade_bands = models.JSONField(default=list, blank=True)
    effort_hours = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        default=Decimal("10"),
        validators=[MinValueValidator(Decimal("0.5"))],
        help_text="Estimated hours to earn it.",
    )
    pd_hours = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        default=Decimal("10"),
        validators=[MinValueValidator(Decimal("0"))],
        help_text="Professional development hours offered.",
    )
    validity_months = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="How long a credential stays valid, in months; blank for no expiry.",
    )
    pass_rule = models.CharField(max_length=10, choices=PassRule.choices, default=PassRule.ALL_REQUIREMENTS)
    badge_color = models.CharField(max_length=7, default="#0d5c63")
    badge_image = models.FileField(upload_to="badges/", blank=True)

    created_at = models.DateTimeField(default=timezone.now)
    created_by = models.ForeignKey(User, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["micro_credential", "number"], name="catalog_version_number_unique"),
            models.UniqueConstraint(
                fields=["micro_credential"],
                condition=models.Q(status__in=["draft", "in_review", "changes_requested"]),
                name="catalog_one_open_draft",
            ),
        ]
        indexes: ClassVar = [
            models.Index(fields=["status", "title"]),
            models.Index(fields=["title", "id"], condition=models.Q(is_live=True), name="catalog_live_by_title"),
        ]

    def __str__(self) -> str:
        return f"{self.title} (v{self.number})"

    def get_absolute_url(self) -> str:
        return reverse("catalog:micro-credential-detail", kwargs={"uuid": self.micro_credential.uuid})

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE

    @property
    def grade_band_labels(self) -> list[str]:
        return [GradeBand(g).label for g in self.grade_bands if g in GradeBand.values]


class Citation(models.Model):
    version = models.ForeignKey(MicroCredentialVersion, on_delete=models.CASCADE, related_name="citations")
    order = models.PositiveSmallIntegerField()
    text = models.CharField(max_length=500)
    url = models.URLField(blank=True)

    class Meta:
        ordering: ClassVar = ["order"]

    def __str__(self) -> str:
        return self.text


class Resource(models.Model):
    version = models.ForeignKey(MicroCredentialVersion, on_delete=models.CASCADE, related_name="resources")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)
    url = models.URLField(blank=True)
    description = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering: ClassVar = ["order"]

    def __str__(self) -> str:
        return self.title


class Alignment(models.Model):
    """A framework item the competency aligns to (InTASC, Danielson, a state rubric)."""

    version = models.ForeignKey(MicroCredentialVersion, on_delete=models.CASCADE, related_name="alignments")
    order = models.PositiveSmallIntegerField()
    framework = models.CharField(max_length=120)
    code = models.CharField(max_length=40)
    name = models.CharField(max_length=200)
    url = models.URLField(blank=True)

    class Meta:
        ordering: ClassVar = ["order"]

    def __str__(self) -> str:
        return f"{self.framework} {self.code}"


class Requirement(models.Model):
    """One piece of evidence asked for, with its limits and its rubric."""

    class EvidenceKind(models.TextChoices):
        VIDEO = "video", "Classroom video"
        DOCUMENT = "document", "Document"
        IMAGE = "image", "Images"
        LINK = "link", "Link"
        WRITTEN = "written", "Written response"

    # Evidence, uploads and scores name the requirement by this in URLs and the API.
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    version = models.ForeignKey(MicroCredentialVersion, on_delete=models.CASCADE, related_name="requirements")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=160, blank=True)
    evidence_kind = models.CharField(max_length=10, choices=EvidenceKind.choices)
    instructions = models.TextField(blank=True, help_text="What to submit and how.")
    prompts = models.JSONField(default=list, blank=True, help_text="Questions to answer, e.g. for a reflection.")
    file_types = models.JSONField(default=list, blank=True, help_text="Accepted file extensions.")
    max_file_mb = models.PositiveIntegerField(null=True, blank=True)
    max_video_minutes = models.PositiveSmallIntegerField(null=True, blank=True)
    min_words = models.PositiveIntegerField(null=True, blank=True)
    max_words = models.PositiveIntegerField(null=True, blank=True)
    passing_score = models.PositiveSmallIntegerField(help_text="Levels scoring this or more pass.")

    class Meta:
        ordering: ClassVar = ["order"]

    def __str__(self) -> str:
        return self.title


class RubricLevel(models.Model):
    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="levels")
    order = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=60, blank=True)
    descriptor = models.TextField(blank=True)
    score = models.PositiveSmallIntegerField()

    class Meta:
        ordering: ClassVar = ["order"]

    def __str__(self) -> str:
        return self.name

    @property
    def passes(self) -> bool:
        return self.score >= self.requirement.passing_score


class Stack(models.Model):
    """An ordered group of micro-credentials on one theme, with its own badge."""

    class CompletionRule(models.TextChoices):
        ALL = "all", "All of them"
        N_OF_M = "n_of_m", "A number of them"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="stacks")
    slug = models.SlugField(max_length=80)
    title = models.CharField(max_length=160)
    description = models.TextField()
    completion_rule = models.CharField(max_length=10, choices=CompletionRule.choices, default=CompletionRule.ALL)
    required_count = models.PositiveSmallIntegerField(null=True, blank=True)
    capstone = models.ForeignKey(
        MicroCredential, null=True, blank=True, on_delete=models.SET_NULL, related_name="capstone_of"
    )
    badge_color = models.CharField(max_length=7, default="#0d5c63")
    is_published = models.BooleanField(default=False)
    micro_credentials = models.ManyToManyField["MicroCredential", "StackItem"](
        MicroCredential, through="StackItem", related_name="stacks"
    )

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["organization", "slug"], name="catalog_stack_slug_per_org"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:stack-detail", kwargs={"uuid": self.uuid})

    @property
    def completion_text(self) -> str:
        if self.completion_rule == self.CompletionRule.N_OF_M and self.required_count:
            text = f"Earn any {self.required_count} of these micro-credentials"
        else:
            text = "Earn every micro-credential in this stack"
        if self.capstone_id:
            text += ", including the capstone"
        return text + "."


class StackItem(models.Model):
    stack = models.ForeignKey(Stack, on_delete=models.CASCADE, related_name="items")
    micro_credential = models.ForeignKey(MicroCredential, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveSmallIntegerField()

    class Meta:
        ordering: ClassVar = ["order"]
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["stack", "micro_credential"], name="catalog_stack_item_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.stack} #{self.order}"


class Pathway(models.Model):
    """A sequence of stacks and micro-credentials leading to a role."""

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    organization = models.ForeignKey(Organization, on_delete=models.PROTECT, related_name="pathways")
    slug = models.SlugField(max_length=80)
    title = models.CharField(max_length=160)
    role_name = models.CharField(max_length=120, help_text="The role it leads to, e.g. Mentor Teacher.")
    description = models.TextField()
    is_published = models.BooleanField(default=False)

    class Meta:
        constraints: ClassVar = [
            models.UniqueConstraint(fields=["organization", "slug"], name="catalog_pathway_slug_per_org"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("catalog:pathway-detail", kwargs={"uuid": self.uuid})


class PathwayStep(models.Model):
    """A stack or a single micro-credential on a pathway, with its prerequisites."""

    class Level(models.TextChoices):
        FOUNDATIONAL = "foundational", "Foundational"
        INTERMEDIATE = "intermediate", "Intermediate"
        ADVANCED = "advanced", "Advanced"

    pathway = models.ForeignKey(Pathway, on_delete=models.CASCADE, related_name="steps")
    order = models.PositiveSmallIntegerField()
    level = models.CharField(max_length=15, choices=Level.choices)
    stack = models.ForeignKey(Stack, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    micro_credential = models.ForeignKey(
        MicroCredential, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    prerequisites = models.ManyToManyField("self", symmetrical=False, blank=True, related_name="unlocks")

    class Meta:
        ordering: ClassVar = ["order"]
        constraints: ClassVar = [
            models.CheckConstraint(
                condition=(
                    models.Q(stack__isnull=False, micro_credential__isnull=True)
                    | models.Q(stack__isnull=True, micro_credential__isnull=False)
                ),
                name="catalog_step_is_stack_or_micro_credential",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.pathway} step {self.order}"


class QualityReview(models.Model):
    """A platform quality reviewer's decision on a submitted version (the "stress test")."""

    class Outcome(models.TextChoices):
        APPROVED = "approved", "Approved"
        CHANGES_REQUESTED = "changes_requested", "Changes requested"

    class Criterion(models.TextChoices):
        RESEARCH = "research", "The research supports the practice"
        EVIDENCE = "evidence", "The evidence asked for shows the competency in a real classroom"
        RUBRIC = "rubric", "Rubric levels are distinct and observable"
        EQUITY = "equity", "Privacy, bias and accessibility are considered"

    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    version = models.ForeignKey(MicroCredentialVersion, on_delete=models.CASCADE, related_name="quality_reviews")
    reviewer = models.ForeignKey(User, null=True, on_delete=models.SET_NULL, related_name="+")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    verdicts = models.JSONField(default=dict, help_text="criterion → {'meets': bool, 'comment': str}")
    comment = models.TextField(blank=True)
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering: ClassVar = ["-decided_at"]

    def __str__(self) -> str:
        return f"{self.version}: {self.get_outcome_display()}"
