"""The catalog: public reads (no token needed), authoring and quality review writes."""

# No "from __future__ import annotations" here: django-ninja reads the endpoint
# signatures at import time, and the pagination wrapper would resolve string
# annotations in its own module, not this one.

from decimal import Decimal
from uuid import UUID

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Router, Schema, Status
from ninja.pagination import PageNumberPagination, paginate

from evident.accounts.permissions import Need, access_organization
from evident.api.errors import ERRORS, WRITE_ERRORS, ErrorOut
from evident.api.routers.me import actor
from evident.api.schemas import (
    BlueprintSchema,
    CatalogEntryOut,
    MicroCredentialIn,
    PathwayOut,
    PathwayStepOut,
    QualityReviewIn,
    QualityReviewOut,
    StackOut,
    VersionOut,
)
from evident.catalog import services
from evident.catalog.blueprint import Blueprint
from evident.catalog.exchange import achievement
from evident.catalog.models import MicroCredentialVersion, Pathway, Stack
from evident.catalog.permissions import CatalogNeed, access_version, is_quality_reviewer, require_in_organization
from evident.catalog.selectors import (
    CatalogFilters,
    authoring_list,
    blueprint_of,
    catalog_list,
    micro_credential_public,
    pathway_public,
    published_pathways,
    published_stacks,
    quality_queue,
    stack_public,
    version_full,
)

router = Router(tags=["catalog"])
PUBLIC_ERRORS = {404: ErrorOut, 422: ErrorOut}


def version_out(version: MicroCredentialVersion, *, with_achievement: bool = False) -> VersionOut:
    version = version_full(version)
    return VersionOut(
        uuid=version.uuid,
        micro_credential=version.micro_credential.uuid,
        number=version.number,
        status=version.status,
        issuer=version.micro_credential.organization.slug,
        published_at=version.published_at,
        blueprint=BlueprintSchema(**blueprint_of(version).to_dict()),
        achievement=achievement(version) if with_achievement else None,
    )


class CatalogQuery(Schema):
    q: str = ""
    subject: str = ""
    grade: str = ""
    issuer: str = ""
    stack: str = ""
    min_pd: Decimal | None = None
    max_effort: Decimal | None = None
    sort: str = "relevance"


@router.get(
    "/catalog/micro-credentials",
    response={200: list[CatalogEntryOut], **PUBLIC_ERRORS},
    auth=None,
    summary="Search the catalog",
)
@paginate(PageNumberPagination, page_size=24)
def catalog_search(request: HttpRequest, filters: Query[CatalogQuery]) -> QuerySet[MicroCredentialVersion]:
    return catalog_list(
        CatalogFilters(
            query=filters.q,
            subject=filters.subject,
            grade_band=filters.grade,
            issuer=filters.issuer,
            stack=filters.stack,
            min_pd_hours=filters.min_pd,
            max_effort_hours=filters.max_effort,
            sort=filters.sort,
        )
    )


@router.get(
    "/catalog/micro-credentials/{uuid}",
    response={200: VersionOut, **PUBLIC_ERRORS},
    auth=None,
    summary="A micro-credential as the catalog shows it, with its OB 3.0 Achievement",
)
def catalog_detail(request: HttpRequest, uuid: UUID) -> VersionOut:
    return version_out(micro_credential_public(uuid), with_achievement=True)


def stack_out(stack: Stack) -> StackOut:
    return StackOut(
        uuid=stack.uuid,
        slug=stack.slug,
        title=stack.title,
        description=stack.description,
        issuer=stack.organization.slug,
        completion_rule=stack.completion_rule,
        required_count=stack.required_count,
        micro_credentials=[item.micro_credential.uuid for item in stack.items.all()],
        capstone=stack.capstone.uuid if stack.capstone else None,
    )


def pathway_out(pathway: Pathway) -> PathwayOut:
    return PathwayOut(
        uuid=pathway.uuid,
        slug=pathway.slug,
        title=pathway.title,
        role_name=pathway.role_name,
        description=pathway.description,
        issuer=pathway.organization.slug,
        steps=[
            PathwayStepOut(
                order=step.order,
                level=step.level,
                stack=step.stack.uuid if step.stack else None,
                micro_credential=step.micro_credential.uuid if step.micro_credential else None,
                after=[p.order for p in step.prerequisites.all()],
            )
            for step in pathway.steps.all()
        ],
    )


@router.get("/catalog/stacks", response={200: list[StackOut], **PUBLIC_ERRORS}, auth=None, summary="Published stacks")
def stack_index(request: HttpRequest) -> list[StackOut]:
    return [stack_out(s) for s in published_stacks()]


@router.get("/catalog/stacks/{uuid}", response={200: StackOut, **PUBLIC_ERRORS}, auth=None, summary="One stack")
def stack_detail(request: HttpRequest, uuid: UUID) -> StackOut:
    return stack_out(stack_public(uuid))


@router.get(
    "/catalog/pathways", response={200: list[PathwayOut], **PUBLIC_ERRORS}, auth=None, summary="Published pathways"
)
def pathway_index(request: HttpRequest) -> list[PathwayOut]:
    return [pathway_out(p) for p in published_pathways()]


@router.get("/catalog/pathways/{uuid}", response={200: PathwayOut, **PUBLIC_ERRORS}, auth=None, summary="One pathway")
def pathway_detail(request: HttpRequest, uuid: UUID) -> PathwayOut:
    return pathway_out(pathway_public(uuid))


@router.get(
    "/authoring/organizations/{organization_uuid}/versions",
    response={200: list[VersionOut], **ERRORS},
    summary="Every version of the organization's micro-credentials (authors)",
)
def authoring_versions(request: HttpRequest, organization_uuid: UUID) -> list[VersionOut]:
    user = actor(request)
    organization = access_organization(user, organization_uuid, Need.VIEW)
    require_in_organization(user, organization, CatalogNeed.AUTHOR)
    return [version_out(v) for mc in authoring_list(organization) for v in mc.versions.all()]


@router.post(
    "/authoring/micro-credentials",
    response={201: VersionOut, **WRITE_ERRORS},
    summary="Start a micro-credential with its first draft",
)
def micro_credential_create(request: HttpRequest, payload: MicroCredentialIn) -> Status[VersionOut]:
    user = actor(request)
    organization = access_organization(user, payload.organization, Need.VIEW)
    version = services.micro_credential_create(
        actor=user, organization=organization, blueprint=Blueprint.from_dict(payload.blueprint.model_dump())
    )
    return Status(201, version_out(version))


@router.get("/authoring/versions/{uuid}", response={200: VersionOut, **ERRORS}, summary="A version (authors)")
def version_detail(request: HttpRequest, uuid: UUID) -> VersionOut:
    return version_out(access_version(actor(request), uuid, CatalogNeed.AUTHOR))


@router.put(
    "/authoring/versions/{uuid}", response={200: VersionOut, **WRITE_ERRORS}, summary="Replace a draft's content"
)
def version_update(request: HttpRequest, uuid: UUID, payload: BlueprintSchema) -> VersionOut:
    user = actor(request)
    version = access_version(user, uuid, CatalogNeed.AUTHOR)
    updated = services.version_update(actor=user, version=version, blueprint=Blueprint.from_dict(payload.model_dump()))
    return version_out(updated)


@router.post(
    "/authoring/versions/{uuid}/submit",
    response={200: VersionOut, **WRITE_ERRORS},
    summary="Send a draft to quality review",
)
def version_submit(request: HttpRequest, uuid: UUID) -> VersionOut:
    user = actor(request)
    return version_out(services.version_submit(actor=user, version=access_version(user, uuid, CatalogNeed.AUTHOR)))


@router.post(
    "/authoring/versions/{uuid}/retire",
    response={200: VersionOut, **WRITE_ERRORS},
    summary="Take a published version out of the catalog",
)
def version_retire(request: HttpRequest, uuid: UUID) -> VersionOut:
    user = actor(request)
    return version_out(services.version_retire(actor=user, version=access_version(user, uuid, CatalogNeed.RETIRE)))


@router.post(
    "/authoring/versions/{uuid}/next",
    response={201: VersionOut, **WRITE_ERRORS},
    summary="Start the next version from this one's micro-credential",
)
def version_next(request: HttpRequest, uuid: UUID) -> Status[VersionOut]:
    user = actor(request)
    version = access_version(user, uuid, CatalogNeed.AUTHOR)
    return Status(201, version_out(services.version_new_draft(actor=user, micro_credential=version.micro_credential)))


@router.get(
    "/quality-reviews",
    response={200: list[VersionOut], **ERRORS},
    summary="Versions waiting for quality review (quality reviewers)",
)
def quality_review_queue(request: HttpRequest) -> list[VersionOut]:
    if not is_quality_reviewer(actor(request)):
        raise PermissionDenied("Only platform quality reviewers see the quality review queue.")
    return [version_out(v) for v in quality_queue()]


@router.post(
    "/quality-reviews/{uuid}",
    response={201: QualityReviewOut, **WRITE_ERRORS},
    summary="Record a quality review: approve (publishes) or request changes",
)
def quality_review_record(request: HttpRequest, uuid: UUID, payload: QualityReviewIn) -> Status[QualityReviewOut]:
    user = actor(request)
    version = access_version(user, uuid, CatalogNeed.QUALITY_REVIEW)
    review = services.version_review(
        actor=user,
        version=version,
        verdicts={k: v.model_dump() for k, v in payload.verdicts.items()},
        comment=payload.comment,
    )
    return Status(201, QualityReviewOut(uuid=review.uuid, outcome=review.outcome, version=version.uuid))
