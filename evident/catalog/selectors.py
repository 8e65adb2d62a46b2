"""Reads of the catalog: the public listing and search, pages, and blueprints."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from evident.accounts.models import Organization
from evident.catalog.blueprint import (
    AlignmentSpec,
    Blueprint,
    CitationSpec,
    LevelSpec,
    RequirementSpec,
    ResourceSpec,
)
from evident.catalog.models import (
    MicroCredential,
    MicroCredentialVersion,
    Pathway,
    PathwayStep,
    QualityReview,
    Requirement,
    Stack,
    StackItem,
)
from evident.catalog.search import corrected_query, search, words

SORTS = {
    "relevance": "Best match",
    "title": "Title (A–Z)",
    "newest": "Newest",
    "pd_hours": "Most PD hours",
    "effort": "Least effort",
}


@dataclass
class CatalogFilters:
    query: str = ""
    subject: str = ""
    grade_band: str = ""
    issuer: str = ""
    stack: str = ""
    min_pd_hours: Decimal | None = None
    max_effort_hours: Decimal | None = None
    sort: str = "relevance"


def live_versions() -> QuerySet[MicroCredentialVersion]:
    """The version of each micro-credential the catalog shows."""
    return MicroCredentialVersion.objects.filter(is_live=True)


def catalog_list(filters: CatalogFilters) -> QuerySet[MicroCredentialVersion]:
    """Live versions matching the filters, best first; a fixed number of queries per page."""
    versions = live_versions().select_related("micro_credential", "micro_credential__organization")
    if filters.subject:
        versions = versions.filter(subject=filters.subject)
    if filters.grade_band:
        # JSON text search works on every database; the quotes make it an exact item.
        versions = versions.filter(grade_bands__icontains=f'"{filters.grade_band}"')
    if filters.issuer:
        versions = versions.filter(micro_credential__organization__slug=filters.issuer)
    if filters.stack:
        versions = versions.filter(
            micro_credential__stacks__slug=filters.stack, micro_credential__stacks__is_published=True
        )
    if filters.min_pd_hours is not None:
        versions = versions.filter(pd_hours__gte=filters.min_pd_hours)
    if filters.max_effort_hours is not None:
        versions = versions.filter(effort_hours__lte=filters.max_effort_hours)
    if filters.query.strip():
        versions = search(versions, filters.query)
    ordering = {
        "title": ["title", "id"],
        "newest": ["-published_at", "id"],
        "pd_hours": ["-pd_hours", "title", "id"],
        "effort": ["effort_hours", "title", "id"],
    }.get(filters.sort)
    if ordering is None:
        ordering = ["-rank", "title", "id"] if filters.query.strip() else ["title", "id"]
    return versions.order_by(*ordering)


def catalog_vocabulary() -> list[str]:
    """Every word of the live titles and subjects, for correcting misspelt searches."""
    found: set[str] = set()
    for title, subject in live_versions().values_list("title", "subject"):
        found.update(words(f"{title} {subject}"))
    return sorted(found)


def catalog_page(filters: CatalogFilters, number: str | None, per_page: int) -> tuple[Page[Any], str]:
    """One page of the catalog; when a search finds nothing, the same search
    with misspelt words corrected. Returns the page and the query actually used."""
    paginator = Paginator(catalog_list(filters), per_page)
    if filters.query.strip() and paginator.count == 0:
        better = corrected_query(filters.query, catalog_vocabulary())
        if better:
            paginator = Paginator(catalog_list(replace(filters, query=better)), per_page)
            return paginator.get_page(number), better
    return paginator.get_page(number), filters.query


def catalog_collections() -> dict[str, list[Any]]:
    """The published stacks and pathways, for browsing from the catalog page."""
    return {
        "stacks": list(Stack.objects.filter(is_published=True).order_by("title").only("uuid", "title")),
        "pathways": list(
            Pathway.objects.filter(is_published=True).order_by("title").only("uuid", "title", "role_name")
        ),
    }


def catalog_filter_options() -> dict[str, Any]:
    """Choices for the catalog's filter controls, from what is live."""
    live = live_versions()
    return {
        "subjects": list(live.order_by("subject").values_list("subject", flat=True).distinct()),
        "issuers": list(
            Organization.objects.filter(micro_credentials__versions__is_live=True)
            .distinct()
            .order_by("name")
            .values_list("slug", "name")
        ),
        "stacks": list(Stack.objects.filter(is_published=True).order_by("title").values_list("slug", "title")),
    }


def _full_version(queryset: QuerySet[MicroCredentialVersion]) -> QuerySet[MicroCredentialVersion]:
    return queryset.select_related("micro_credential", "micro_credential__organization").prefetch_related(
        "citations",
        "resources",
        "alignments",
        Prefetch("requirements", queryset=Requirement.objects.prefetch_related("levels")),
    )


def micro_credential_public(micro_credential_uuid: Any) -> MicroCredentialVersion:
    """The live version of a micro-credential with everything its page shows, or Http404."""
    try:
        return _full_version(live_versions()).get(micro_credential__uuid=micro_credential_uuid)
    except (MicroCredentialVersion.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such micro-credential in the catalog.") from None


def version_for_badge(user: Any, version_uuid: Any) -> MicroCredentialVersion:
    """A published version for anyone; a draft only for its organization's members."""
    try:
        version = MicroCredentialVersion.objects.select_related("micro_credential").get(uuid=version_uuid)
    except (MicroCredentialVersion.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such badge.") from None
    if version.status in {MicroCredentialVersion.Status.PUBLISHED, MicroCredentialVersion.Status.RETIRED}:
        return version
    if user.is_authenticated and version.micro_credential.organization.memberships.filter(user=user).exists():
        return version
    raise Http404("No such badge.")


def version_full(version: MicroCredentialVersion) -> MicroCredentialVersion:
    """The same version with its content prefetched (for previews and exports)."""
    return _full_version(MicroCredentialVersion.objects.filter(pk=version.pk)).get()


def stacks_of(micro_credential: MicroCredential) -> QuerySet[Stack]:
    return Stack.objects.filter(is_published=True, items__micro_credential=micro_credential).order_by("title")


def pathways_of(micro_credential: MicroCredential) -> QuerySet[Pathway]:
    return (
        Pathway.objects.filter(is_published=True)
        .filter(steps__micro_credential=micro_credential)
        .union(Pathway.objects.filter(is_published=True, steps__stack__items__micro_credential=micro_credential))
        .order_by("title")
    )


def published_stacks() -> QuerySet[Stack]:
    return (
        Stack.objects.filter(is_published=True)
        .select_related("organization", "capstone")
        .prefetch_related(Prefetch("items", queryset=StackItem.objects.select_related("micro_credential")))
        .order_by("title")
    )


def published_pathways() -> QuerySet[Pathway]:
    return (
        Pathway.objects.filter(is_published=True)
        .select_related("organization")
        .prefetch_related(
            Prefetch(
                "steps",
                queryset=PathwayStep.objects.select_related("stack", "micro_credential").prefetch_related(
                    "prerequisites"
                ),
            )
        )
        .order_by("title")
    )


def stack_public(stack_uuid: Any) -> Stack:
    try:
        return (
            Stack.objects.filter(is_published=True)
            .select_related("organization", "capstone")
            .prefetch_related(
                Prefetch(
                    "items",
                    queryset=StackItem.objects.select_related(
                        "micro_credential__live_version", "micro_credential__organization"
                    ),
                )
            )
            .get(uuid=stack_uuid)
        )
    except (Stack.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such stack.") from None


def pathway_public(pathway_uuid: Any) -> Pathway:
    try:
        return (
            Pathway.objects.filter(is_published=True)
            .select_related("organization")
            .prefetch_related(
                Prefetch(
                    "steps",
                    queryset=PathwayStep.objects.select_related(
                        "stack", "micro_credential__live_version"
                    ).prefetch_related("prerequisites"),
                )
            )
            .get(uuid=pathway_uuid)
        )
    except (Pathway.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such pathway.") from None


def issuer_public(slug: str) -> Organization:
    try:
        return Organization.objects.get(slug=slug, issues_credentials=True)
    except Organization.DoesNotExist:
        raise Http404("No such issuer.") from None


def issuer_catalog(organization: Organization, number: str | None, per_page: int) -> dict[str, Any]:
    """An issuer's published stacks and pathways, and one page of its micro-credentials
    in the catalog, by title (each with its live version)."""
    # Paged, because one issuer may own thousands. Reached from the issuer's
    # micro-credentials through live_version (a primary key), not by filtering
    # live versions: PostgreSQL answers that with a scan of every live version
    # in the catalog (bench/catalog.py).
    micro_credentials = (
        MicroCredential.objects.filter(organization=organization, live_version__isnull=False)
        .select_related("live_version")
        .order_by("live_version__title", "id")
    )
    return {
        "page": Paginator(micro_credentials, per_page).get_page(number),
        "stacks": Stack.objects.filter(organization=organization, is_published=True).order_by("title"),
        "pathways": Pathway.objects.filter(organization=organization, is_published=True).order_by("title"),
    }


def blueprint_of(version: MicroCredentialVersion) -> Blueprint:
    """The version's content as a Blueprint (the inverse of writing one)."""
    return Blueprint(
        title=version.title,
        summary=version.summary,
        competency=version.competency,
        key_method=version.key_method,
        research=version.research,
        subject=version.subject,
        grade_bands=list(version.grade_bands),
        effort_hours=version.effort_hours,
        pd_hours=version.pd_hours,
        validity_months=version.validity_months,
        pass_rule=version.pass_rule,
        badge_color=version.badge_color,
        citations=[CitationSpec(text=c.text, url=c.url) for c in version.citations.all()],
        resources=[ResourceSpec(title=r.title, url=r.url, description=r.description) for r in version.resources.all()],
        alignments=[
            AlignmentSpec(framework=a.framework, code=a.code, name=a.name, url=a.url) for a in version.alignments.all()
        ],
        requirements=[
            RequirementSpec(
                title=r.title,
                evidence_kind=r.evidence_kind,
                instructions=r.instructions,
                passing_score=r.passing_score,
                prompts=list(r.prompts),
                file_types=list(r.file_types),
                max_file_mb=r.max_file_mb,
                max_video_minutes=r.max_video_minutes,
                min_words=r.min_words,
                max_words=r.max_words,
                levels=[LevelSpec(name=lv.name, descriptor=lv.descriptor, score=lv.score) for lv in r.levels.all()],
            )
            for r in version.requirements.all()
        ],
    )


def authoring_list(organization: Organization) -> QuerySet[MicroCredential]:
    """The organization's micro-credentials with every version, newest first."""
    return (
        MicroCredential.objects.filter(organization=organization)
        .select_related("live_version")
        .prefetch_related(Prefetch("versions", queryset=MicroCredentialVersion.objects.order_by("-number")))
        .order_by("-created_at")
    )


def quality_queue() -> QuerySet[MicroCredentialVersion]:
    """Versions waiting for quality review, oldest submission first (for quality reviewers only)."""
    return (
        MicroCredentialVersion.objects.filter(status=MicroCredentialVersion.Status.IN_REVIEW)
        .select_related("micro_credential__organization")
        .order_by("submitted_at")
    )


def latest_quality_review(version: MicroCredentialVersion) -> QualityReview | None:
    return version.quality_reviews.select_related("reviewer").first()


def stacks_for_authoring(organization: Organization) -> QuerySet[Stack]:
    return Stack.objects.filter(organization=organization).prefetch_related("items").order_by("title")


def stack_for_authoring(organization: Organization, stack_uuid: Any) -> Stack:
    """One of the organization's stacks, or Http404."""
    try:
        return Stack.objects.select_related("organization").get(organization=organization, uuid=stack_uuid)
    except (Stack.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such stack.") from None


def stackable_micro_credentials() -> QuerySet[MicroCredential]:
    """Every micro-credential in the catalog (a stack may include other issuers' work)."""
    return (
        MicroCredential.objects.filter(live_version__isnull=False)
        .select_related("live_version", "organization")
        .order_by("live_version__title")
    )


def pathways_for_authoring(organization: Organization) -> QuerySet[Pathway]:
    return Pathway.objects.filter(organization=organization).prefetch_related("steps").order_by("title")


def pathway_for_authoring(organization: Organization, pathway_uuid: Any) -> Pathway:
    try:
        return Pathway.objects.get(organization=organization, uuid=pathway_uuid)
    except (Pathway.DoesNotExist, ValueError, ValidationError):
        raise Http404("No such pathway.") from None


def pathway_targets() -> dict[str, Stack | MicroCredential]:
    """Everything a pathway step can point at, by form value ("stack:<uuid>" or "mc:<uuid>")."""
    targets: dict[str, Stack | MicroCredential] = {
        f"stack:{s.uuid}": s for s in Stack.objects.filter(is_published=True).order_by("title")
    }
    targets.update({f"mc:{mc.uuid}": mc for mc in stackable_micro_credentials()})
    return targets
