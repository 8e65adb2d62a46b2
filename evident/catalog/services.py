"""Every change to the catalog: drafting, quality review, publishing, retiring,
stacks and pathways. Each checks permission, writes in one transaction and
appends an audit event.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import slugify

from evident.accounts.audit import audit_record
from evident.accounts.models import Organization, User
from evident.catalog.blueprint import Blueprint, blueprint_problems
from evident.catalog.models import (
    Alignment,
    Citation,
    MicroCredential,
    MicroCredentialVersion,
    Pathway,
    PathwayStep,
    QualityReview,
    Requirement,
    Resource,
    RubricLevel,
    Stack,
    StackItem,
)
from evident.catalog.permissions import CatalogNeed, is_quality_reviewer, require_in_organization
from evident.catalog.selectors import blueprint_of

Status = MicroCredentialVersion.Status


def _write_blueprint(version: MicroCredentialVersion, blueprint: Blueprint) -> None:
    """Replace a version's content with ``blueprint``. Callers check it is editable."""
    version.title = blueprint.title.strip()
    version.summary = blueprint.summary.strip()
    version.competency = blueprint.competency.strip()
    version.key_method = blueprint.key_method.strip()
    version.research = blueprint.research.strip()
    version.subject = blueprint.subject.strip()
    version.grade_bands = list(blueprint.grade_bands)
    version.effort_hours = blueprint.effort_hours
    version.pd_hours = blueprint.pd_hours
    version.validity_months = blueprint.validity_months
    version.pass_rule = blueprint.pass_rule
    version.badge_color = blueprint.badge_color
    version.full_clean(exclude=["micro_credential", "badge_image"])
    version.save()
    version.citations.all().delete()
    version.resources.all().delete()
    version.alignments.all().delete()
    version.requirements.all().delete()
    Citation.objects.bulk_create(
        Citation(version=version, order=i, text=c.text, url=c.url) for i, c in enumerate(blueprint.citations)
    )
    Resource.objects.bulk_create(
        Resource(version=version, order=i, title=r.title, url=r.url, description=r.description)
        for i, r in enumerate(blueprint.resources)
    )
    Alignment.objects.bulk_create(
        Alignment(version=version, order=i, framework=a.framework, code=a.code, name=a.name, url=a.url)
        for i, a in enumerate(blueprint.alignments)
    )
    for i, spec in enumerate(blueprint.requirements):
        requirement = Requirement.objects.create(
            version=version,
            order=i,
            title=spec.title.strip(),
            evidence_kind=spec.evidence_kind,
            instructions=spec.instructions.strip(),
            prompts=list(spec.prompts),
            file_types=list(spec.file_types),
            max_file_mb=spec.max_file_mb,
            max_video_minutes=spec.max_video_minutes,
            min_words=spec.min_words,
            max_words=spec.max_words,
            passing_score=spec.passing_score,
        )
        RubricLevel.objects.bulk_create(
            RubricLevel(requirement=requirement, order=j, name=lv.name, descriptor=lv.descriptor, score=lv.score)
            for j, lv in enumerate(spec.levels)
        )


def _check_editable(version: MicroCredentialVersion) -> None:
    if not version.is_editable:
        raise ValidationError(
            f"Version {version.number} is {version.get_status_display().lower()} and can no longer change. "
            "Start a new version to make edits.",
            code="not_editable",
        )


@transaction.atomic
def micro_credential_create(
    *, actor: User, organization: Organization, blueprint: Blueprint, slug: str = ""
) -> MicroCredentialVersion:
    """Start a micro-credential with its first draft version. Authors of an issuing organization only."""
    require_in_organization(actor, organization, CatalogNeed.AUTHOR)
    micro_credential = MicroCredential(
        organization=organization, slug=slug or slugify(blueprint.title)[:80], created_by=actor
    )
    micro_credential.full_clean()
    micro_credential.save()
    version = MicroCredentialVersion(micro_credential=micro_credential, number=1, created_by=actor)
    _write_blueprint(version, blueprint)
    audit_record(
        actor=actor,
        organization=organization,
        action="micro_credential.created",
        target=version,
        data={"title": version.title},
    )
    return version


@transaction.atomic
def version_update(*, actor: User, version: MicroCredentialVersion, blueprint: Blueprint) -> MicroCredentialVersion:
    """Save new content into a draft (or a draft sent back with changes requested)."""
    version = (
        MicroCredentialVersion.objects.select_for_update()
        .select_related("micro_credential__organization")
        .get(pk=version.pk)
    )
    require_in_organization(actor, version.micro_credential.organization, CatalogNeed.AUTHOR)
    _check_editable(version)
    _write_blueprint(version, blueprint)
    audit_record(
        actor=actor,
        organization=version.micro_credential.organization,
        action="version.updated",
        target=version,
        data={"title": version.title, "number": version.number},
    )
    return version


BADGE_TYPES = {b"\x89PNG\r\n\x1a\n": ".png", b"\xff\xd8\xff": ".jpg"}
BADGE_MAX_BYTES = 1024 * 1024


@transaction.atomic
def version_set_badge_image(
    *, actor: User, version: MicroCredentialVersion, upload: UploadedFile | None
) -> MicroCredentialVersion:
    """Attach an uploaded PNG or JPEG badge to a draft, or remove it (``upload=None``).

    The type is read from the file's first bytes, never from its name. SVG is
    refused: an uploaded SVG can carry scripts.
    """
    require_in_organization(actor, version.micro_credential.organization, CatalogNeed.AUTHOR)
    _check_editable(version)
    if upload is None:
        if version.badge_image:
            version.badge_image.delete(save=False)
        version.badge_image = ""
        version.save(update_fields=["badge_image"])
        return version
    if upload.size is not None and upload.size > BADGE_MAX_BYTES:
        raise ValidationError("The badge image is larger than 1 MB. Export it smaller and try again.", code="size")
    head = upload.read(8)
    upload.seek(0)
    extension = next((ext for magic, ext in BADGE_TYPES.items() if head.startswith(magic)), None)
    if extension is None:
        raise ValidationError("Upload the badge as a PNG or JPEG image.", code="type")
    version.badge_image.save(f"{version.uuid}{extension}", upload, save=False)
    version.save(update_fields=["badge_image"])
    audit_record(
        actor=actor,
        organization=version.micro_credential.organization,
        action="version.badge_changed",
        target=version,
        data={"number": version.number},
    )
    return version


@transaction.atomic
def version_submit(*, actor: User, version: MicroCredentialVersion) -> MicroCredentialVersion:
    """Send a complete draft to quality review; it is frozen from then on.

    Raises ValidationError listing every problem when the blueprint is incomplete.
    """
    version = (
        MicroCredentialVersion.objects.select_for_update()
        .select_related("micro_credential__organization")
        .get(pk=version.pk)
    )
    require_in_organization(actor, version.micro_credential.organization, CatalogNeed.AUTHOR)
    _check_editable(version)
    found = blueprint_problems(blueprint_of(version))
    if found:
        raise ValidationError(found, code="incomplete")
    version.status = Status.IN_REVIEW
    version.submitted_at = timezone.now()
    version.save(update_fields=["status", "submitted_at"])
    audit_record(
        actor=actor,
        organization=version.micro_credential.organization,
        action="version.submitted",
        target=version,
        data={"title": version.title, "number": version.number},
    )
    return version


@transaction.atomic
def version_review(
    *,
    actor: User,
    version: MicroCredentialVersion,
    verdicts: dict[str, dict[str, object]],
    comment: str,
) -> QualityReview:
    """Record a quality review. Every criterion met approves and publishes;
    any criterion not met sends the version back with the comments.
    """
    if not is_quality_reviewer(actor):
        raise PermissionDenied("Only platform quality reviewers review micro-credentials.")
    version = (
        MicroCredentialVersion.objects.select_for_update()
        .select_related("micro_credential__organization")
        .get(pk=version.pk)
    )
    if version.status != Status.IN_REVIEW:
        raise ValidationError("This version is not waiting for quality review.", code="not_in_review")
    missing = [c for c in QualityReview.Criterion.values if c not in verdicts]
    if missing:
        raise ValidationError(
            "Give a verdict on every criterion: " + ", ".join(QualityReview.Criterion(c).label for c in missing) + ".",
            code="verdict_missing",
        )
    unmet = [c for c in QualityReview.Criterion.values if not verdicts[c].get("meets")]
    for criterion in unmet:
        if not str(verdicts[criterion].get("comment", "")).strip():
            raise ValidationError(
                f"Say what to change for “{QualityReview.Criterion(criterion).label}”.", code="comment_required"
            )
    outcome = QualityReview.Outcome.CHANGES_REQUESTED if unmet else QualityReview.Outcome.APPROVED
    review = QualityReview.objects.create(
        version=version,
        reviewer=actor,
        outcome=outcome,
        verdicts={
            c: {"meets": bool(v.get("meets")), "comment": str(v.get("comment", ""))} for c, v in verdicts.items()
        },
        comment=comment.strip(),
    )
    if outcome == QualityReview.Outcome.APPROVED:
        _publish(version)
    else:
        version.status = Status.CHANGES_REQUESTED
        version.save(update_fields=["status"])
    audit_record(
        actor=actor,
        organization=version.micro_credential.organization,
        action=f"version.{outcome}",
        target=version,
        data={"title": version.title, "number": version.number},
    )
    return review


def _set_live(micro_credential: MicroCredential, version: MicroCredentialVersion | None) -> None:
    """Make ``version`` (or none) the one the catalog shows."""
    micro_credential.versions.filter(is_live=True).update(is_live=False)
    if version is not None:
        MicroCredentialVersion.objects.filter(pk=version.pk).update(is_live=True)
        version.is_live = True
    micro_credential.live_version = version
    micro_credential.save(update_fields=["live_version"])


def _publish(version: MicroCredentialVersion) -> None:
    version.status = Status.PUBLISHED
    version.published_at = timezone.now()
    version.save(update_fields=["status", "published_at"])
    _set_live(version.micro_credential, version)


@transaction.atomic
def version_new_draft(*, actor: User, micro_credential: MicroCredential) -> MicroCredentialVersion:
    """Start the next version as a copy of the live one. Earners stay on theirs."""
    require_in_organization(actor, micro_credential.organization, CatalogNeed.AUTHOR)
    if micro_credential.versions.filter(status__in=MicroCredentialVersion.EDITABLE | {Status.IN_REVIEW}).exists():
        raise ValidationError("This micro-credential already has a version in progress.", code="draft_exists")
    source = micro_credential.live_version or micro_credential.versions.order_by("-number").first()
    if source is None:
        raise ValidationError("There is no version to start from.", code="no_source")
    number = (micro_credential.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = MicroCredentialVersion(micro_credential=micro_credential, number=number, created_by=actor)
    _write_blueprint(version, blueprint_of(source))
    audit_record(
        actor=actor,
        organization=micro_credential.organization,
        action="version.drafted",
        target=version,
        data={"from": source.number, "number": number},
    )
    return version


@transaction.atomic
def version_retire(*, actor: User, version: MicroCredentialVersion) -> MicroCredentialVersion:
    """Take a published version out of the catalog. Earners on it are unaffected."""
    require_in_organization(actor, version.micro_credential.organization, CatalogNeed.RETIRE)
    if version.status != Status.PUBLISHED:
        raise ValidationError("Only a published version can be retired.", code="not_published")
    version.status = Status.RETIRED
    version.retired_at = timezone.now()
    version.save(update_fields=["status", "retired_at"])
    micro_credential = version.micro_credential
    if micro_credential.live_version_id == version.pk:
        _set_live(
            micro_credential, micro_credential.versions.filter(status=Status.PUBLISHED).order_by("-number").first()
        )
    audit_record(
        actor=actor,
        organization=micro_credential.organization,
        action="version.retired",
        target=version,
        data={"title": version.title, "number": version.number},
    )
    return version


@transaction.atomic
def stack_create(
    *,
    actor: User,
    organization: Organization,
    title: str,
    description: str,
    micro_credentials: list[MicroCredential],
    required_count: int | None = None,
    capstone: MicroCredential | None = None,
    slug: str = "",
    badge_color: str = "#0d5c63",
    publish: bool = True,
) -> Stack:
    """An ordered stack of micro-credentials (from any issuer) owned by an issuing organization."""
    require_in_organization(actor, organization, CatalogNeed.AUTHOR)
    if required_count is not None and not 0 < required_count <= len(micro_credentials):
        raise ValidationError("The number required must be between 1 and the number of micro-credentials.")
    if capstone is not None and capstone not in micro_credentials:
        raise ValidationError("The capstone must be one of the stack's micro-credentials.", code="capstone")
    stack = Stack(
        organization=organization,
        slug=slug or slugify(title)[:80],
        title=title,
        description=description,
        completion_rule=Stack.CompletionRule.N_OF_M if required_count else Stack.CompletionRule.ALL,
        required_count=required_count,
        capstone=capstone,
        badge_color=badge_color,
        is_published=publish,
    )
    stack.full_clean()
    stack.save()
    StackItem.objects.bulk_create(
        StackItem(stack=stack, micro_credential=mc, order=i) for i, mc in enumerate(micro_credentials)
    )
    audit_record(actor=actor, organization=organization, action="stack.created", target=stack, data={"title": title})
    return stack


@transaction.atomic
def pathway_create(
    *,
    actor: User,
    organization: Organization,
    title: str,
    role_name: str,
    description: str,
    steps: list[tuple[str, Stack | MicroCredential, list[int]]],
    slug: str = "",
    publish: bool = True,
) -> Pathway:
    """A pathway of steps ``(level, stack or micro-credential, [indexes of prerequisite steps])``."""
    require_in_organization(actor, organization, CatalogNeed.AUTHOR)
    pathway = Pathway(
        organization=organization,
        slug=slug or slugify(title)[:80],
        title=title,
        role_name=role_name,
        description=description,
        is_published=publish,
    )
    pathway.full_clean()
    pathway.save()
    created: list[PathwayStep] = []
    for i, (level, target, prerequisites) in enumerate(steps):
        if any(p >= i or p < 0 for p in prerequisites):
            raise ValidationError(f"Step {i + 1} can only come after earlier steps.", code="prerequisite_order")
        step = PathwayStep.objects.create(
            pathway=pathway,
            order=i,
            level=level,
            stack=target if isinstance(target, Stack) else None,
            micro_credential=target if isinstance(target, MicroCredential) else None,
        )
        step.prerequisites.set([created[p] for p in prerequisites])
        created.append(step)
    audit_record(
        actor=actor, organization=organization, action="pathway.created", target=pathway, data={"title": title}
    )
    return pathway


@transaction.atomic
def stack_update(
    *,
    actor: User,
    stack: Stack,
    title: str,
    description: str,
    micro_credentials: list[MicroCredential],
    required_count: int | None,
    capstone: MicroCredential | None,
    badge_color: str,
    publish: bool,
) -> Stack:
    """Change a stack's content and order. Earned stack credentials are not affected."""
    require_in_organization(actor, stack.organization, CatalogNeed.AUTHOR)
    if not micro_credentials:
        raise ValidationError("Choose at least one micro-credential.", code="empty")
    if required_count is not None and not 0 < required_count <= len(micro_credentials):
        raise ValidationError("The number required must be between 1 and the number of micro-credentials.")
    if capstone is not None and capstone not in micro_credentials:
        raise ValidationError("The capstone must be one of the stack's micro-credentials.", code="capstone")
    stack.title = title.strip()
    stack.description = description.strip()
    stack.completion_rule = Stack.CompletionRule.N_OF_M if required_count else Stack.CompletionRule.ALL
    stack.required_count = required_count
    stack.capstone = capstone
    stack.badge_color = badge_color
    stack.is_published = publish
    stack.full_clean()
    stack.save()
    stack.items.all().delete()
    StackItem.objects.bulk_create(
        StackItem(stack=stack, micro_credential=mc, order=i) for i, mc in enumerate(micro_credentials)
    )
    audit_record(
        actor=actor,
        organization=stack.organization,
        action="stack.updated",
        target=stack,
        data={"title": stack.title, "items": len(micro_credentials)},
    )
    return stack


@transaction.atomic
def pathway_update(
    *,
    actor: User,
    pathway: Pathway,
    title: str,
    role_name: str,
    description: str,
    steps: list[tuple[str, Stack | MicroCredential, list[int]]],
    publish: bool,
) -> Pathway:
    """Replace a pathway's details and steps (same step shape as pathway_create)."""
    require_in_organization(actor, pathway.organization, CatalogNeed.AUTHOR)
    if not steps:
        raise ValidationError("A pathway needs at least one step.", code="empty")
    pathway.title, pathway.role_name, pathway.description = title.strip(), role_name.strip(), description.strip()
    pathway.is_published = publish
    pathway.full_clean()
    pathway.save()
    pathway.steps.all().delete()
    created: list[PathwayStep] = []
    for i, (level, target, prerequisites) in enumerate(steps):
        if any(p >= i or p < 0 for p in prerequisites):
            raise ValidationError(f"Step {i + 1} can only come after earlier steps.", code="prerequisite_order")
        step = PathwayStep.objects.create(
            pathway=pathway,
            order=i,
            level=level,
            stack=target if isinstance(target, Stack) else None,
            micro_credential=target if isinstance(target, MicroCredential) else None,
        )
        step.prerequisites.set([created[p] for p in prerequisites])
        created.append(step)
    audit_record(
        actor=actor,
        organization=pathway.organization,
        action="pathway.updated",
        target=pathway,
        data={"title": pathway.title, "steps": len(steps)},
    )
    return pathway
