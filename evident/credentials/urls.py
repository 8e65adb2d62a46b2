from __future__ import annotations

from django.urls import path

from evident.credentials.views import certificate, manage, profiles, public, verifier

app_name = "credentials"

urlpatterns = [
    path("verify/", verifier.verify_page, name="verify"),
    path("verify/api", verifier.verify_api, name="verify-api"),
    path("orgs/<slug:slug>/did.json", public.did_document, name="did-document"),
    path("credentials/status/<uuid:uuid>", public.status_list, name="status-list"),
    path("credentials/<uuid:uuid>/", public.award_detail, name="award-detail"),
    path("credentials/<uuid:uuid>.json", public.award_json, name="award-json"),
    path("credentials/<uuid:uuid>/badge.png", public.award_badge_png, name="award-badge-png"),
    path("credentials/<uuid:uuid>/badge.svg", public.award_badge_svg, name="award-badge-svg"),
    path("credentials/<uuid:uuid>/share/", public.award_share, name="award-share"),
    path("credentials/<uuid:uuid>/certificate.pdf", certificate.award_certificate_pdf, name="award-certificate"),
    # The educator's own credentials and public profile.
    path("credentials/", profiles.my_credentials, name="my-credentials"),
    path("credentials/profile/", profiles.profile_settings, name="profile-settings"),
    path("people/<slug:slug>/", profiles.public_profile, name="public-profile"),
    # An issuing organization's admins: what it issued, revoking, signing keys.
    path("orgs/<uuid:organization_uuid>/credentials/", manage.issued_list, name="issued-list"),
    path("orgs/<uuid:organization_uuid>/credentials/<uuid:uuid>/revoke/", manage.award_revoke, name="award-revoke"),
    path("orgs/<uuid:organization_uuid>/keys/", manage.issuer_keys, name="issuer-keys"),
]
