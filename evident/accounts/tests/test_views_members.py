from __future__ import annotations

from django.core import mail
from django.test import Client

from evident.accounts.models import Invitation, Membership
from evident.accounts.tests.factories import member
from evident.testsupport.cases import TenantTestCase


class MemberPageTests(TenantTestCase):
    def setUp(self):
        self.client = self.client_for(self.admin)
        self.base = f"/organizations/{self.organization.uuid}"

    def test_it_lists_people_and_role_descriptions(self):
        response = self.client.get(f"{self.base}/members/")
        self.assertContains(response, "Eddie Educator")
        self.assertContains(response, "Scores submitted evidence against the rubric")

    def test_it_uses_a_fixed_number_of_queries(self):
        for _ in range(3):
            member(self.organization, "educator")
        self.client.get(f"{self.base}/members/")  # the first visit also records the active organization
        with self.assertNumQueries(8) as few:
            self.client.get(f"{self.base}/members/")
        for _ in range(10):
            member(self.organization, "coach", "educator")
        with self.assertNumQueries(len(few.captured_queries)):
            self.client.get(f"{self.base}/members/")

    def test_it_invites_from_the_page(self):
        with self.captureOnCommitCallbacks(execute=True):
            response = self.client.post(
                f"{self.base}/invitations/", {"email": "New@Example.org", "roles": ["coach", "educator"]}
            )
        assert response.status_code == 302
        assert Invitation.objects.get().roles == ["coach", "educator"]
        assert len(mail.outbox) == 1

    def test_an_invalid_invitation_keeps_what_was_typed(self):
        response = self.client.post(f"{self.base}/invitations/", {"email": "typo@example", "roles": []})
        assert response.status_code == 422
        self.assertContains(response, 'value="typo@example"', status_code=422)
        self.assertContains(response, "Choose at least one role", status_code=422)

    def test_it_changes_roles_in_place_with_htmx(self):
        response = self.client.post(
            f"{self.base}/members/{self.educator.uuid}/roles/", {"roles": ["coach", "educator"]}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 200
        assert response.content.decode().lstrip().startswith("<tr")
        assert response["HX-Trigger"] == "roles-saved"
        assert set(self.educator.memberships.values_list("role", flat=True)) == {"coach", "educator"}

    def test_it_shows_the_last_admin_error_in_the_row(self):
        response = self.client.post(
            f"{self.base}/members/{self.admin.uuid}/roles/", {"roles": ["educator"]}, HTTP_HX_REQUEST="true"
        )
        assert response.status_code == 422
        self.assertContains(response, "only organization admin", status_code=422)

    def test_it_changes_roles_without_javascript_too(self):
        response = self.client.post(f"{self.base}/members/{self.educator.uuid}/roles/", {"roles": ["coach"]})
        assert response.status_code == 302
        assert list(self.educator.memberships.values_list("role", flat=True)) == ["coach"]

    def test_it_removes_a_member(self):
        response = self.client.post(f"{self.base}/members/{self.educator.uuid}/remove/")
        assert response.status_code == 302
        assert not Membership.objects.filter(user=self.educator).exists()

    def test_its_forms_need_the_csrf_token(self):
        client = self.client_for(self.admin, enforce_csrf=True)
        for url, data in [
            (f"{self.base}/invitations/", {"email": "x@example.org", "roles": ["coach"]}),
            (f"{self.base}/members/{self.educator.uuid}/roles/", {"roles": ["coach"]}),
            (f"{self.base}/members/{self.educator.uuid}/remove/", {}),
            (f"{self.base}/edit/", {"name": "X"}),
            (f"{self.base}/api-keys/", {"name": "x", "roles": ["educator"]}),
            ("/account/tokens/", {"name": "x"}),
            ("/account/profile/", {"full_name": "X"}),
            ("/organizations/switch/", {"organization": str(self.organization.uuid)}),
        ]:
            response = client.post(url, data)
            assert response.status_code == 403, url
            self.assertContains(response, "Your form expired", status_code=403)
        assert Membership.objects.filter(user=self.educator).exists()


class SwitcherTests(TenantTestCase):
    def test_it_switches_to_one_of_my_organizations_only(self):
        member_of_both = member(self.organization, "educator")
        Membership.objects.create(user=member_of_both, organization=self.other_organization, role="coach")
        client = self.client_for(member_of_both)
        self.assertContains(client.get("/dashboard/"), "You are working in Lakeshore Schools")
        response = client.post("/organizations/switch/", {"organization": str(self.organization.uuid)})
        assert response.status_code == 302
        self.assertContains(client.get("/dashboard/"), "You are working in Riverbend Schools")
        assert (
            self.client_for(self.educator)
            .post("/organizations/switch/", {"organization": str(self.other_organization.uuid)})
            .status_code
            == 404
        )

    def test_it_ignores_an_unsafe_next_address(self):
        client = self.client_for(self.educator)
        response = client.post(
            "/organizations/switch/", {"organization": str(self.organization.uuid), "next": "https://evil.example/"}
        )
        assert response["Location"] == "/dashboard/"

    def test_a_removed_member_loses_the_organization_at_once(self):
        client = self.client_for(self.educator)
        self.assertContains(client.get("/dashboard/"), "Riverbend Schools")
        Membership.objects.filter(user=self.educator).delete()
        response = client.get(f"/organizations/{self.organization.uuid}/")
        assert response.status_code == 404
        self.assertNotContains(client.get("/dashboard/"), "You are working in Riverbend Schools")


class AnonymousPagesTests(TenantTestCase):
    def test_the_home_page_is_public_and_sends_members_to_their_dashboard(self):
        self.assertContains(Client().get("/"), "Recognition for the teaching you already do")
        assert self.client_for(self.educator).get("/")["Location"] == "/dashboard/"


class ActiveOrganizationFollowsThePageTests(TenantTestCase):
    def test_opening_a_page_of_another_of_my_organizations_makes_it_active(self):
        both = member(self.organization, "educator")
        Membership.objects.create(user=both, organization=self.other_organization, role="coach")
        client = self.client_for(both)
        self.assertContains(client.get("/dashboard/"), "You are working in Lakeshore Schools")
        client.get(f"/organizations/{self.organization.uuid}/")
        self.assertContains(client.get("/dashboard/"), "You are working in Riverbend Schools")
