"""Organization pages: overview, settings, sub-organizations, switching, activity."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from evident.accounts import services
from evident.accounts.forms import ChildOrganizationForm, OrganizationCreateForm, OrganizationForm
from evident.accounts.http import EvidentRequest
from evident.accounts.middleware import ACTIVE_ORGANIZATION_SESSION_KEY
from evident.accounts.models import Organization, Role
from evident.accounts.permissions import Need, access_organization, can, is_operator
from evident.accounts.selectors import audit_event_list, child_organization_list, organization_list_all
from evident.accounts.views.util import apply_validation_error


@require_POST
def organization_switch(request: EvidentRequest) -> HttpResponse:
    organization = access_organization(request.user, request.POST.get("organization", ""), Need.VIEW)
    request.session[ACTIVE_ORGANIZATION_SESSION_KEY] = str(organization.uuid)
    messages.success(request, f"You are now working in {organization.name}.")
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = ""
    return redirect(target or "accounts:dashboard")


@require_http_methods(["GET"])
def organization_detail(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    organization = access_organization(request.user, organization_uuid, Need.VIEW)
    roles = request.organization_roles.get(organization, frozenset())
    return render(
        request,
        "accounts/organization_detail.html",
        {
            "section": "organization",
            "organization": organization,
            "my_roles": [Role(r).label for r in sorted(roles)],
            "children": child_organization_list(organization),
            "can_manage": can(request.user, organization, Need.MANAGE_ORGANIZATION),
        },
    )


@require_http_methods(["GET", "POST"])
def organization_edit(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    organization = access_organization(request.user, organization_uuid, Need.MANAGE_ORGANIZATION)
    form = OrganizationForm(request.POST or None, instance=organization)
    if request.method == "POST" and form.is_valid():
        try:
            services.organization_update(
                actor=request.user,
                organization=organization,
                name=form.cleaned_data["name"],
                description=form.cleaned_data["description"],
                website=form.cleaned_data["website"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "Organization details saved.")
            return redirect(organization)
    status = 422 if form.errors else 200
    return render(
        request,
        "accounts/organization_edit.html",
        {"section": "organization", "organization": organization, "form": form},
        status=status,
    )


@require_http_methods(["GET", "POST"])
def organization_child_create(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    parent = access_organization(request.user, organization_uuid, Need.MANAGE_ORGANIZATION)
    allowed_kinds = [k for k, parents in Organization.ALLOWED_PARENTS.items() if parent.kind in parents]
    if not allowed_kinds:
        raise PermissionDenied(f"A {parent.get_kind_display().lower()} has no sub-organizations.")
    form = ChildOrganizationForm(request.POST or None, initial={"kind": allowed_kinds[0]}, parent=parent)
    if request.method == "POST" and form.is_valid():
        try:
            child = services.organization_create(
                actor=request.user,
                name=form.cleaned_data["name"],
                slug=form.cleaned_data["slug"],
                kind=form.cleaned_data["kind"],
                parent=parent,
                issues_credentials=form.cleaned_data["issues_credentials"],
                website=form.cleaned_data["website"],
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(
                request,
                f"{child.name} was added under {parent.name}. Invite its first admin from its page once you are a member, or ask an operator.",
            )
            return redirect(parent)
    return render(
        request,
        "accounts/organization_create.html",
        {"section": "organization", "form": form, "parent": parent},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def organization_list(request: EvidentRequest) -> HttpResponse:
    """Operators see every organization and create new tenants with a first admin."""
    if not is_operator(request.user):
        raise PermissionDenied("Only platform operators manage the list of organizations.")
    form = OrganizationCreateForm(
        request.POST or None, parents=organization_list_all().exclude(kind=Organization.Kind.PLATFORM)
    )
    if request.method == "POST" and form.is_valid():
        admin_email = request.POST.get("first_admin_email", "").strip()
        try:
            organization = services.organization_create(
                actor=request.user,
                name=form.cleaned_data["name"],
                slug=form.cleaned_data["slug"],
                kind=form.cleaned_data["kind"],
                parent=form.cleaned_data["parent"],
                issues_credentials=form.cleaned_data["issues_credentials"],
                website=form.cleaned_data["website"],
            )
            if admin_email:
                services.invitation_create(
                    actor=request.user, organization=organization, email=admin_email, roles=["org_admin"]
                )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            note = f" An invitation went to {admin_email}." if admin_email else ""
            messages.success(request, f"{organization.name} was created.{note}")
            return redirect("accounts:organization-list")
    paginator = Paginator(organization_list_all(), 50)
    return render(
        request,
        "accounts/organization_list.html",
        {"section": "organizations", "form": form, "page": paginator.get_page(request.GET.get("page"))},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET"])
def audit_list(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    organization = access_organization(request.user, organization_uuid, Need.VIEW_AUDIT)
    paginator = Paginator(audit_event_list(organization), 50)
    return render(
        request,
        "accounts/audit_list.html",
        {"section": "audit", "organization": organization, "page": paginator.get_page(request.GET.get("page"))},
    )
