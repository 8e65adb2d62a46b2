"""Template context for the page frame: navigation by role, organization switcher."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest
from django.urls import reverse

from evident.accounts.permissions import Need, roles_grant


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    section: str


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_items": []}
    organization = getattr(request, "organization", None)
    roles: frozenset[str] = getattr(request, "roles", frozenset())
    items = [
        NavItem("Dashboard", reverse("accounts:dashboard"), "dashboard"),
        NavItem("Catalog", reverse("catalog:catalog"), "catalog"),
        NavItem("My micro-credentials", reverse("earning:enrollment-list"), "earning"),
        NavItem("My credentials", reverse("credentials:my-credentials"), "credentials"),
        NavItem("My programs", reverse("programs:my-programs"), "my-programs"),
        NavItem("Transcript", reverse("programs:my-transcript"), "transcript"),
        NavItem("Growth plans", reverse("programs:plan-list"), "growth"),
    ]
    if "coach" in roles:
        items.append(NavItem("Shared drafts", reverse("earning:coaching-list"), "coaching"))
    if organization is not None:
        kw = {"organization_uuid": organization.uuid}
        items.append(NavItem("Organization", reverse("accounts:organization-detail", kwargs=kw), "organization"))
        if roles_grant(roles, Need.VIEW_MEMBERS):
            items.append(NavItem("Members", reverse("accounts:member-list", kwargs=kw), "members"))
        if roles_grant(roles, Need.MANAGE_API_KEYS):
            items.append(NavItem("API keys", reverse("accounts:api-key-list", kwargs=kw), "api-keys"))
        if roles_grant(roles, Need.VIEW_AUDIT):
            items.append(NavItem("Activity", reverse("accounts:audit-list", kwargs=kw), "audit"))
        if organization.kind in {"state", "district", "school"} and roles_grant(roles, Need.VIEW_PROGRAMS):
            items.append(NavItem("Programs", reverse("programs:program-list"), "programs"))
            items.append(NavItem("Figures", reverse("programs:organization-dashboard", kwargs=kw), "program-dashboard"))
    if organization is not None and organization.issues_credentials and roles & {"author", "org_admin"}:
        items.append(NavItem("Authoring", reverse("catalog:authoring-list"), "authoring"))
    if roles & {"reviewer", "lead_reviewer"}:
        items.append(NavItem("Review", reverse("review:home"), "review"))
        items.append(NavItem("Calibration", reverse("review:calibration-list"), "calibration"))
    if "lead_reviewer" in roles:
        items.append(NavItem("Pools", reverse("review:pool-list"), "pools"))
    if "quality_reviewer" in roles:
        items.append(NavItem("Quality review", reverse("catalog:quality-queue"), "quality"))
    if "operator" in roles and organization is not None and organization.kind == "platform":
        items.append(NavItem("All organizations", reverse("accounts:organization-list"), "organizations"))
    return {
        "nav_items": items,
        "active_organization": organization,
        "active_roles": sorted(roles),
        "switchable_organizations": list(getattr(request, "organization_roles", {}).keys()),
    }
