from __future__ import annotations

from django.urls import path

from evident.accounts.views import account, dashboard, invitations, members, organizations, tokens

app_name = "accounts"

org = "organizations/<uuid:organization_uuid>"

urlpatterns = [
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("organizations/switch/", organizations.organization_switch, name="organization-switch"),
    path("platform/organizations/", organizations.organization_list, name="organization-list"),
    path(f"{org}/", organizations.organization_detail, name="organization-detail"),
    path(f"{org}/edit/", organizations.organization_edit, name="organization-edit"),
    path(f"{org}/children/new/", organizations.organization_child_create, name="organization-child-create"),
    path(f"{org}/members/", members.member_list_view, name="member-list"),
    path(f"{org}/members/<uuid:user_uuid>/roles/", members.member_roles, name="member-roles"),
    path(f"{org}/members/<uuid:user_uuid>/remove/", members.member_remove, name="member-remove"),
    path(f"{org}/leave/", members.membership_leave, name="membership-leave"),
    path(f"{org}/invitations/", invitations.invitation_create, name="invitation-create"),
    path(f"{org}/invitations/<uuid:invitation_uuid>/resend/", invitations.invitation_resend, name="invitation-resend"),
    path(f"{org}/invitations/<uuid:invitation_uuid>/revoke/", invitations.invitation_revoke, name="invitation-revoke"),
    path("invitations/<str:token>/", invitations.invitation_accept, name="invitation-accept"),
    path(f"{org}/api-keys/", tokens.api_key_list, name="api-key-list"),
    path(f"{org}/api-keys/<uuid:token_uuid>/revoke/", tokens.api_key_revoke, name="api-key-revoke"),
    path(f"{org}/activity/", organizations.audit_list, name="audit-list"),
    path("account/profile/", account.profile, name="profile"),
    path("account/tokens/", tokens.api_token_list, name="api-token-list"),
    path("account/tokens/<uuid:token_uuid>/revoke/", tokens.api_token_revoke, name="api-token-revoke"),
]
