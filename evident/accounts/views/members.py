"""The members page: who is in the organization, with which roles."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from evident.accounts import services
from evident.accounts.forms import ROLE_HELP, InvitationForm, MemberRolesForm, role_choices
from evident.accounts.http import EvidentRequest
from evident.accounts.models import Organization
from evident.accounts.permissions import Need, access_member, access_organization, can
from evident.accounts.selectors import Member, invitation_list, member_get, member_list


def render_member_page(
    request: EvidentRequest, organization: Organization, invite_form: InvitationForm | None = None, status: int = 200
) -> HttpResponse:
    """The members page; also re-rendered with an invalid invitation form."""
    can_manage = can(request.user, organization, Need.MANAGE_MEMBERS)
    return render(
        request,
        "accounts/member_list.html",
        {
            "section": "members",
            "organization": organization,
            "members": member_list(organization),
            "invitations": invitation_list(organization, pending_only=True) if can_manage else [],
            "can_manage": can_manage,
            "invite_form": invite_form or InvitationForm(organization=organization),
            "role_help": ROLE_HELP,
            "role_choices": role_choices(organization),
        },
        status=status,
    )


@require_GET
def member_list_view(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    organization = access_organization(request.user, organization_uuid, Need.VIEW_MEMBERS)
    return render_member_page(request, organization)


def _row(
    request: EvidentRequest,
    organization: Organization,
    member: Member,
    form: MemberRolesForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "accounts/member_list.html#member-row",
        {
            "organization": organization,
            "member": member,
            "can_manage": True,
            "roles_form": form,
            "role_choices": role_choices(organization),
        },
        status=status,
    )


@require_POST
def member_roles(request: EvidentRequest, organization_uuid: UUID, user_uuid: UUID) -> HttpResponse:
    organization, member = access_member(request.user, organization_uuid, user_uuid, Need.MANAGE_MEMBERS)
    form = MemberRolesForm(request.POST, organization=organization)
    if form.is_valid():
        try:
            services.membership_set_roles(
                actor=request.user, organization=organization, user=member.user, roles=form.cleaned_data["roles"]
            )
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
    if form.errors:
        if request.htmx:
            return _row(request, organization, member, form, status=422)
        for error in form.non_field_errors() + form.errors.get("roles", []):
            messages.error(request, str(error))
        return redirect("accounts:member-list", organization_uuid=organization.uuid)
    updated = member_get(organization, member.user.uuid) or member
    if request.htmx:
        response = _row(request, organization, updated)
        response["HX-Trigger"] = "roles-saved"
        return response
    messages.success(request, f"Roles of {member.user.display_name} saved.")
    return redirect("accounts:member-list", organization_uuid=organization.uuid)


@require_POST
def member_remove(request: EvidentRequest, organization_uuid: UUID, user_uuid: UUID) -> HttpResponse:
    organization, member = access_member(request.user, organization_uuid, user_uuid, Need.MANAGE_MEMBERS)
    try:
        services.membership_remove(actor=request.user, organization=organization, user=member.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{member.user.display_name} was removed from {organization.name}.")
    return redirect("accounts:member-list", organization_uuid=organization.uuid)


@require_POST
def membership_leave(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    organization = access_organization(request.user, organization_uuid, Need.VIEW)
    try:
        services.membership_remove(actor=request.user, organization=organization, user=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(organization)
    messages.success(request, f"You left {organization.name}.")
    return redirect("accounts:dashboard")
