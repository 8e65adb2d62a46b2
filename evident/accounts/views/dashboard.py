"""The signed-in home page."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from evident.accounts.http import EvidentRequest
from evident.accounts.models import Role
from evident.accounts.permissions import Need, roles_grant
from evident.accounts.selectors import invitation_list, invitation_list_for_user, member_list


@require_GET
def dashboard(request: EvidentRequest) -> HttpResponse:
    organization = request.organization
    context: dict[str, object] = {
        "section": "dashboard",
        "memberships": [(o, [Role(r).label for r in sorted(roles)]) for o, roles in request.organization_roles.items()],
        "pending_invitations_for_me": [i for i in invitation_list_for_user(request.user) if i.status == "pending"],
    }
    if organization is not None and roles_grant(request.roles, Need.VIEW_MEMBERS):
        context["member_count"] = len(member_list(organization))
        context["open_invitation_count"] = invitation_list(organization, pending_only=True).count()
    return render(request, "accounts/dashboard.html", context)
