"""Authoring stacks: an ordered group of micro-credentials with a completion rule."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from evident.accounts.http import EvidentRequest
from evident.catalog import services
from evident.catalog.forms import StackForm
from evident.catalog.models import Stack
from evident.catalog.selectors import stack_for_authoring, stacks_for_authoring
from evident.catalog.views.authoring import _authoring_organization


@require_GET
def stack_list(request: EvidentRequest) -> HttpResponse:
    organization = _authoring_organization(request)
    return render(
        request,
        "catalog/stack_list.html",
        {"section": "authoring", "organization": organization, "stacks": stacks_for_authoring(organization)},
    )


@require_http_methods(["GET", "POST"])
def stack_edit(request: EvidentRequest, uuid: UUID | None = None) -> HttpResponse:
    organization = _authoring_organization(request)
    stack: Stack | None = stack_for_authoring(organization, uuid) if uuid else None
    initial: dict[str, Any] = {"badge_color": "#0d5c63", "is_published": True}
    positions: dict[str, object] = {}
    if stack is not None:
        items = list(stack.items.select_related("micro_credential"))
        initial = {
            "title": stack.title,
            "description": stack.description,
            "micro_credentials": [i.micro_credential for i in items],
            "required_count": stack.required_count,
            "capstone": stack.capstone,
            "badge_color": stack.badge_color,
            "is_published": stack.is_published,
        }
        positions = {str(i.micro_credential.pk): i.order + 1 for i in items}
    form = StackForm(request.POST or None, initial=initial)
    if request.method == "POST":
        positions = {k.removeprefix("position-"): v for k, v in request.POST.items() if k.startswith("position-")}
        if form.is_valid():
            values = {
                "actor": request.user,
                "title": form.cleaned_data["title"],
                "description": form.cleaned_data["description"],
                "micro_credentials": form.ordered(request.POST),
                "required_count": form.cleaned_data["required_count"],
                "capstone": form.cleaned_data["capstone"],
                "badge_color": form.cleaned_data["badge_color"],
            }
            try:
                if stack is None:
                    stack = services.stack_create(
                        organization=organization, publish=form.cleaned_data["is_published"], **values
                    )
                else:
                    services.stack_update(stack=stack, publish=form.cleaned_data["is_published"], **values)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, f"Stack “{stack.title}” saved.")
                return redirect("catalog:stack-list")
    return render(
        request,
        "catalog/stack_edit.html",
        {"section": "authoring", "form": form, "stack": stack, "positions": positions},
        status=422 if form.errors else 200,
    )
