"""Authoring pathways: steps (stacks or micro-credentials) with prerequisites, toward a role."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from evident.accounts.http import EvidentRequest
from evident.catalog import services
from evident.catalog.models import MicroCredential, Pathway, PathwayStep, Stack
from evident.catalog.selectors import pathway_for_authoring, pathway_targets, pathways_for_authoring
from evident.catalog.views.authoring import _authoring_organization

BLANK_STEPS = 3


@require_GET
def pathway_list(request: EvidentRequest) -> HttpResponse:
    organization = _authoring_organization(request)
    return render(
        request, "catalog/pathway_list.html", {"section": "authoring", "pathways": pathways_for_authoring(organization)}
    )


def _step_rows(pathway: Pathway | None) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    if pathway is not None:
        for step in pathway.steps.prefetch_related("prerequisites").select_related("stack", "micro_credential"):
            target = f"stack:{step.stack.uuid}" if step.stack else f"mc:{step.micro_credential.uuid}"  # type: ignore[union-attr]  # one of the two is set
            rows.append(
                {"level": step.level, "target": target, "after": [p.order + 1 for p in step.prerequisites.all()]}
            )
    return rows


@require_http_methods(["GET", "POST"])
def pathway_edit(request: EvidentRequest, uuid: UUID | None = None) -> HttpResponse:
    organization = _authoring_organization(request)
    pathway = pathway_for_authoring(organization, uuid) if uuid else None
    targets = pathway_targets()
    details = {
        "title": pathway.title if pathway else "",
        "role_name": pathway.role_name if pathway else "",
        "description": pathway.description if pathway else "",
        "is_published": pathway.is_published if pathway else True,
    }
    rows = _step_rows(pathway)
    errors: list[str] = []
    if request.method == "POST":
        details = {key: request.POST.get(key, "").strip() for key in ("title", "role_name", "description")}
        details["is_published"] = request.POST.get("is_published") == "on"
        rows = []
        steps: list[tuple[str, Stack | MicroCredential, list[int]]] = []
        for i in range(int(request.POST.get("step_count", "0") or 0)):
            target_key = request.POST.get(f"step-{i}-target", "")
            level = request.POST.get(f"step-{i}-level", "")
            after = [int(v) for v in request.POST.getlist(f"step-{i}-after") if v.isdigit()]
            if not target_key:
                continue
            rows.append({"level": level, "target": target_key, "after": after})
            if target_key not in targets or level not in PathwayStep.Level.values:
                errors.append(f"Step {len(rows)}: choose a level and a stack or micro-credential.")
                continue
            steps.append((level, targets[target_key], [a - 1 for a in after]))
        for key, label in (
            ("title", "a title"),
            ("role_name", "the role it leads to"),
            ("description", "a description"),
        ):
            if not details[key]:
                errors.append(f"Give the pathway {label}.")
        if not errors:
            try:
                if pathway is None:
                    pathway = services.pathway_create(
                        actor=request.user,
                        organization=organization,
                        title=str(details["title"]),
                        role_name=str(details["role_name"]),
                        description=str(details["description"]),
                        steps=steps,
                        publish=bool(details["is_published"]),
                    )
                else:
                    services.pathway_update(
                        actor=request.user,
                        pathway=pathway,
                        title=str(details["title"]),
                        role_name=str(details["role_name"]),
                        description=str(details["description"]),
                        steps=steps,
                        publish=bool(details["is_published"]),
                    )
            except ValidationError as exc:
                errors.extend(exc.messages)
            else:
                messages.success(request, f"Pathway “{pathway.title}” saved.")
                return redirect("catalog:pathway-list")
    rows = rows + [{"level": "", "target": "", "after": []} for _ in range(BLANK_STEPS)]
    return render(
        request,
        "catalog/pathway_edit.html",
        {
            "section": "authoring",
            "pathway": pathway,
            "details": details,
            "rows": rows,
            "step_numbers": list(range(1, len(rows) + 1)),
            "levels": PathwayStep.Level.choices,
            "stacks": [(k, v) for k, v in targets.items() if k.startswith("stack:")],
            "micro_credentials": [(k, v) for k, v in targets.items() if k.startswith("mc:")],
            "errors": errors,
        },
        status=422 if errors else 200,
    )
