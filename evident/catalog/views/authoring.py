"""Authoring: an issuing organization's authors draft micro-credentials in a
structured editor, preview them as educators will see them, and send them to
quality review. Every edit is saved as a draft; nothing typed is dropped.
"""

from __future__ import annotations

from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evident.accounts.http import EvidentRequest
from evident.accounts.models import Organization
from evident.catalog import services
from evident.catalog.blueprint import Blueprint
from evident.catalog.editor import apply_action, editor_view, empty_blueprint, parse_draft
from evident.catalog.models import GradeBand, MicroCredentialVersion, QualityReview, Requirement
from evident.catalog.permissions import CatalogNeed, access_version, require_in_organization
from evident.catalog.selectors import authoring_list as select_authoring_list
from evident.catalog.selectors import blueprint_of, latest_quality_review, version_for_badge, version_full
from evident.catalog.views.public import badge_response


def _authoring_organization(request: EvidentRequest, need: CatalogNeed = CatalogNeed.AUTHOR) -> Organization:
    organization = request.organization
    if organization is None or not organization.issues_credentials:
        raise PermissionDenied("Authoring happens in an issuing organization. Switch to one where you are an author.")
    require_in_organization(request.user, organization, need)
    return organization


class NewMicroCredentialForm(forms.Form):
    title = forms.CharField(label="Title", max_length=160, help_text="Name the single skill, e.g. “Teaching Phonics”.")


@require_GET
def authoring_list(request: EvidentRequest) -> HttpResponse:
    organization = _authoring_organization(request, CatalogNeed.RETIRE)
    return render(
        request,
        "catalog/authoring_list.html",
        {
            "section": "authoring",
            "organization": organization,
            "micro_credentials": select_authoring_list(organization),
        },
    )


@require_http_methods(["GET", "POST"])
def micro_credential_new(request: EvidentRequest) -> HttpResponse:
    organization = _authoring_organization(request)
    form = NewMicroCredentialForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            version = services.micro_credential_create(
                actor=request.user, organization=organization, blueprint=empty_blueprint(form.cleaned_data["title"])
            )
        except ValidationError as exc:
            form.add_error("title", " ".join(exc.messages))
        else:
            return redirect("catalog:version-edit", uuid=version.uuid)
    return render(
        request,
        "catalog/micro_credential_new.html",
        {"section": "authoring", "form": form},
        status=422 if form.errors else 200,
    )


def _render_editor(
    request: EvidentRequest,
    version: MicroCredentialVersion,
    blueprint: Blueprint,
    *,
    errors: dict[str, str] | None = None,
    problems: list[str] | None = None,
    notice: str = "",
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "catalog/version_edit.html",
        {
            "section": "authoring",
            "version": version,
            "editor": editor_view(blueprint, errors or {}),
            "form_error": (errors or {}).get("__all__", ""),
            "error_count": len(errors or {}),
            "problems": problems or [],
            "notice": notice,
            "review": latest_quality_review(version),
            "criteria": QualityReview.Criterion.choices,
            "grade_bands": GradeBand.choices,
            "evidence_kinds": Requirement.EvidenceKind.choices,
        },
        status=status,
    )


@require_http_methods(["GET", "POST"])
def version_edit(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    version = access_version(request.user, uuid, CatalogNeed.AUTHOR)
    if request.method == "GET" or not version.is_editable:
        return _render_editor(request, version, blueprint_of(version_full(version)))
    parsed = parse_draft(request.POST, request.POST.getlist("grade_bands"))
    action = request.POST.get("action", "save")
    notice = apply_action(parsed.blueprint, action) if action not in {"save", "autosave"} else ""
    if parsed.errors:
        # Not saved: show every problem beside what was typed.
        if action == "autosave":
            return HttpResponse("Not saved yet: fix the fields marked in red.", status=422)
        return _render_editor(request, version, parsed.blueprint, errors=parsed.errors, notice=notice, status=422)
    try:
        services.version_update(actor=request.user, version=version, blueprint=parsed.blueprint)
    except ValidationError as exc:
        return _render_editor(
            request, version, parsed.blueprint, errors={"__all__": " ".join(exc.messages)}, status=422
        )
    saved = f"Draft saved at {timezone.localtime():%-I:%M %p}."
    if action == "autosave":
        return HttpResponse(saved)
    return _render_editor(request, version, parsed.blueprint, notice=f"{notice} {saved}".strip())


@require_POST
def version_badge(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    version = access_version(request.user, uuid, CatalogNeed.AUTHOR)
    upload = request.FILES.get("badge_image")
    try:
        if request.POST.get("action") == "remove":
            services.version_set_badge_image(actor=request.user, version=version, upload=None)
            messages.success(request, "The badge image was removed; a badge is drawn from the title and colour.")
        elif upload is None:
            messages.error(request, "Choose an image file first.")
        else:
            services.version_set_badge_image(actor=request.user, version=version, upload=upload)
            messages.success(request, "The badge image was uploaded.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect("catalog:version-edit", uuid=version.uuid)


@login_not_required
@require_GET
def version_badge_image(request: HttpRequest, uuid: UUID) -> HttpResponse | FileResponse:
    """The badge of a version: public once published, else only for its authors."""
    return badge_response(version_for_badge(request.user, uuid))


@require_GET
def version_preview(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    version = access_version(request.user, uuid, CatalogNeed.AUTHOR)
    return render(
        request,
        "catalog/micro_credential_detail.html",
        {"section": "authoring", "version": version_full(version), "preview": True, "stacks": [], "pathways": []},
    )


@require_POST
def version_submit(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    version = access_version(request.user, uuid, CatalogNeed.AUTHOR)
    try:
        services.version_submit(actor=request.user, version=version)
    except ValidationError as exc:
        return _render_editor(request, version, blueprint_of(version_full(version)), problems=exc.messages, status=422)
    messages.success(request, f"“{version.title}” was sent to quality review. You will see the outcome here.")
    return redirect("catalog:authoring-list")


@require_POST
def version_retire(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    version = access_version(request.user, uuid, CatalogNeed.RETIRE)
    try:
        services.version_retire(actor=request.user, version=version)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Version {version.number} of “{version.title}” was retired. Earners keep it.")
    return redirect("catalog:authoring-list")


@require_POST
def version_new(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    organization = _authoring_organization(request)
    micro_credential = select_authoring_list(organization).filter(uuid=uuid).first()
    if micro_credential is None:
        raise Http404("No such micro-credential.")
    try:
        version = services.version_new_draft(actor=request.user, micro_credential=micro_credential)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("catalog:authoring-list")
    messages.success(request, f"Version {version.number} started from the published one.")
    return redirect("catalog:version-edit", uuid=version.uuid)
