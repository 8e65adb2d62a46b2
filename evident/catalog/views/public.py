"""The public catalog: search and filters, and pages for micro-credentials,
stacks, pathways and issuers. No sign-in needed."""

from __future__ import annotations

from mimetypes import guess_type
from uuid import UUID

from django.contrib.auth.decorators import login_not_required
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from evident.catalog.forms import CatalogFilterForm
from evident.catalog.models import MicroCredentialVersion
from evident.catalog.selectors import (
    CatalogFilters,
    catalog_collections,
    catalog_filter_options,
    catalog_page,
    issuer_catalog,
    issuer_public,
    micro_credential_public,
    pathway_public,
    pathways_of,
    stack_public,
    stacks_of,
)
from evident.lib.badges import badge_svg

PAGE_SIZE = 24


@login_not_required
@require_GET
def catalog(request: HttpRequest) -> HttpResponse:
    form = CatalogFilterForm(request.GET or None, options=catalog_filter_options())
    filters = form.filters() if form.is_bound else CatalogFilters()
    page, used_query = catalog_page(filters, request.GET.get("page"), PAGE_SIZE)
    query_without_page = request.GET.copy()
    query_without_page.pop("page", None)
    context = {
        "section": "catalog",
        "form": form,
        "filters": filters,
        "used_query": used_query,
        "page": page,
        "querystring": query_without_page.urlencode(),
        **({} if getattr(request, "htmx", False) else {"collections": catalog_collections()}),
    }
    template = "catalog/catalog.html#results" if getattr(request, "htmx", False) else "catalog/catalog.html"
    return render(request, template, context)


@login_not_required
@require_GET
def micro_credential_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    version = micro_credential_public(uuid)
    return render(
        request,
        "catalog/micro_credential_detail.html",
        {
            "section": "catalog",
            "version": version,
            "stacks": stacks_of(version.micro_credential),
            "pathways": pathways_of(version.micro_credential),
        },
    )


@login_not_required
@require_GET
def micro_credential_badge(request: HttpRequest, uuid: UUID) -> HttpResponse | FileResponse:
    """The badge image: the uploaded one, or an SVG drawn from the title and colour."""
    return badge_response(micro_credential_public(uuid))


def badge_response(version: MicroCredentialVersion) -> HttpResponse | FileResponse:
    """The version's uploaded badge, or one drawn from its title and colour."""
    if version.badge_image:
        return FileResponse(version.badge_image.open("rb"), content_type=guess_type(version.badge_image.name)[0])
    response = HttpResponse(badge_svg(version.title, version.badge_color), content_type="image/svg+xml")
    # Served as an image, never as a document: no scripts, and only our own resources.
    response["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return response


@login_not_required
@require_GET
def stack_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    return render(request, "catalog/stack_detail.html", {"section": "catalog", "stack": stack_public(uuid)})


@login_not_required
@require_GET
def pathway_detail(request: HttpRequest, uuid: UUID) -> HttpResponse:
    return render(request, "catalog/pathway_detail.html", {"section": "catalog", "pathway": pathway_public(uuid)})


@login_not_required
@require_GET
def issuer_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organization = issuer_public(slug)
    return render(
        request,
        "catalog/issuer_detail.html",
        {
            "section": "catalog",
            "organization": organization,
            **issuer_catalog(organization, request.GET.get("page"), PAGE_SIZE),
        },
    )
