from __future__ import annotations

from evident.accounts.models import ApiToken, Organization
from evident.testsupport.cases import TenantTestCase


class OrganizationPageTests(TenantTestCase):
    def test_it_edits_details(self):
        url = f"/organizations/{self.organization.uuid}/edit/"
        response = self.client_for(self.admin).post(url, {"name": "Riverbend USD", "description": "", "website": ""})
        assert response.status_code == 302
        self.organization.refresh_from_db()
        assert self.organization.name == "Riverbend USD"

    def test_an_invalid_edit_keeps_the_input(self):
        url = f"/organizations/{self.organization.uuid}/edit/"
        response = self.client_for(self.admin).post(url, {"name": "", "description": "Our story", "website": "nope"})
        assert response.status_code == 422
        self.assertContains(response, "Our story", status_code=422)

    def test_a_district_admin_adds_a_school(self):
        url = f"/organizations/{self.organization.uuid}/children/new/"
        response = self.client_for(self.admin).post(url, {"name": "Hill Elementary", "kind": "school", "slug": ""})
        assert response.status_code == 302
        assert Organization.objects.get(slug="hill-elementary").parent == self.organization

    def test_the_activity_page_shows_changes(self):
        self.client_for(self.admin).post(
            f"/organizations/{self.organization.uuid}/edit/", {"name": "Renamed", "description": "", "website": ""}
        )
        response = self.client_for(self.admin).get(f"/organizations/{self.organization.uuid}/activity/")
        self.assertContains(response, "organization.updated")


class TokenPageTests(TenantTestCase):
    def test_a_personal_token_is_shown_once(self):
        client = self.client_for(self.educator)
        response = client.post("/account/tokens/", {"name": "my script"})
        assert response.status_code == 200
        secret = response.context["new_secret"]
        assert secret.startswith("evp_")
        self.assertContains(response, secret)
        self.assertNotContains(client.get("/account/tokens/"), secret)

    def test_revoking_a_token(self):
        client = self.client_for(self.educator)
        client.post("/account/tokens/", {"name": "my script"})
        token = ApiToken.objects.get()
        assert client.post(f"/account/tokens/{token.uuid}/revoke/").status_code == 302
        token.refresh_from_db()
        assert token.revoked_at is not None

    def test_an_admin_creates_an_api_key_with_roles(self):
        url = f"/organizations/{self.organization.uuid}/api-keys/"
        response = self.client_for(self.admin).post(url, {"name": "SIS", "roles": ["program_admin"], "read_only": "on"})
        assert response.status_code == 200
        assert response.context["new_secret"].startswith("evo_")
        key = ApiToken.objects.get()
        assert key.read_only
        assert list(key.user.memberships.values_list("role", flat=True)) == ["program_admin"]

    def test_a_key_needs_a_role(self):
        url = f"/organizations/{self.organization.uuid}/api-keys/"
        response = self.client_for(self.admin).post(url, {"name": "SIS"})
        assert response.status_code == 422
        self.assertContains(response, "Choose at least one role", status_code=422)
