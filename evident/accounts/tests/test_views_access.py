"""Every accounts page: signed-out visitors are sent to sign in, outsiders get
404, members without the role get 403, the right role gets the page."""

from __future__ import annotations

from django.test import Client

from evident.accounts import services
from evident.accounts.models import ApiToken, Invitation
from evident.testsupport.cases import TenantTestCase


class PageAccessTests(TenantTestCase):
    invitation: Invitation
    key: ApiToken

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.invitation = services.invitation_create(
            actor=cls.admin, organization=cls.organization, email="x@example.org", roles=["coach"]
        )
        cls.key, _ = services.api_key_create(
            actor=cls.admin, organization=cls.organization, name="k", roles=["educator"], read_only=False
        )

    def org_pages(self):
        o = f"/organizations/{self.organization.uuid}"
        # (method, url, needs an admin role)
        return [
            ("get", f"{o}/", False),
            ("get", f"{o}/edit/", True),
            ("get", f"{o}/children/new/", True),
            ("get", f"{o}/members/", True),
            ("post", f"{o}/members/{self.educator.uuid}/roles/", True),
            ("post", f"{o}/members/{self.educator.uuid}/remove/", True),
            ("post", f"{o}/invitations/", True),
            ("post", f"{o}/invitations/{self.invitation.uuid}/resend/", True),
            ("post", f"{o}/invitations/{self.invitation.uuid}/revoke/", True),
            ("get", f"{o}/api-keys/", True),
            ("post", f"{o}/api-keys/{self.key.uuid}/revoke/", True),
            ("get", f"{o}/activity/", True),
            ("post", f"{o}/leave/", False),
        ]

    def test_signed_out_visitors_are_sent_to_sign_in(self):
        pages = [
            *(url for _, url, _ in self.org_pages()),
            "/dashboard/",
            "/account/profile/",
            "/account/tokens/",
            "/platform/organizations/",
        ]
        for url in pages:
            response = Client().get(url)
            assert response.status_code == 302, url
            assert response["Location"].startswith("/accounts/login/"), url

    def test_outsiders_get_404_everywhere(self):
        client = self.client_for(self.outsider)
        for method, url, _ in self.org_pages():
            assert getattr(client, method)(url).status_code == 404, url

    def test_members_without_the_role_get_403(self):
        client = self.client_for(self.educator)
        for method, url, needs_admin in self.org_pages():
            if needs_admin:
                assert getattr(client, method)(url).status_code == 403, url

    def test_the_admin_gets_every_page(self):
        client = self.client_for(self.admin)
        for method, url, _ in self.org_pages():
            if method == "get":
                assert client.get(url).status_code == 200, url

    def test_a_personal_token_of_someone_else_is_not_found(self):
        token, _ = services.api_token_create_personal(actor=self.educator, name="n", read_only=False)
        assert self.client_for(self.admin).post(f"/account/tokens/{token.uuid}/revoke/").status_code == 404
        assert self.client_for(self.educator).post(f"/account/tokens/{token.uuid}/revoke/").status_code == 302

    def test_an_api_key_of_another_organization_is_not_found_through_mine(self):
        theirs, _ = services.api_key_create(
            actor=self.outsider, organization=self.other_organization, name="k", roles=["educator"], read_only=False
        )
        url = f"/organizations/{self.organization.uuid}/api-keys/{theirs.uuid}/revoke/"
        assert self.client_for(self.admin).post(url).status_code == 404

    def test_only_operators_see_all_organizations(self):
        assert self.client_for(self.admin).get("/platform/organizations/").status_code == 403
        operator = services.platform_admin_create(email="op@example.org", full_name="Op", password="long-password-9")
        response = self.client_for(operator).get("/platform/organizations/")
        assert response.status_code == 200
        self.assertContains(response, "Lakeshore Schools")

    def test_the_error_pages_help(self):
        response = self.client_for(self.educator).get(f"/organizations/{self.organization.uuid}/members/")
        self.assertContains(response, "You don’t have permission", status_code=403)
        self.assertContains(response, "Go to your dashboard", status_code=403)
        response = self.client_for(self.outsider).get(f"/organizations/{self.organization.uuid}/")
        self.assertContains(response, "We can’t find that page", status_code=404)
