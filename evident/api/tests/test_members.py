from __future__ import annotations

from django.core import mail

from evident.accounts import services
from evident.accounts.tests.factories import member
from evident.api.tests.client import ApiClient
from evident.testsupport.cases import TenantTestCase


def token_for(user, *, read_only: bool = False) -> ApiClient:
    return ApiClient(services.api_token_create_personal(actor=user, name="t", read_only=read_only)[1])


class MembershipApiTests(TenantTestCase):
    def setUp(self):
        self.admin_api = token_for(self.admin)
        self.educator_api = token_for(self.educator)
        self.outsider_api = token_for(self.outsider)
        self.base = f"/organizations/{self.organization.uuid}/memberships"

    def test_it_lists_people_with_their_roles_for_admins(self):
        status, body = self.admin_api.get(self.base)
        assert status == 200
        assert body["count"] == 2
        assert {(m["email"], tuple(m["roles"])) for m in body["items"]} == {
            ("admin@riverbend.example", ("org_admin",)),
            ("eddie@riverbend.example", ("educator",)),
        }

    def test_it_refuses_the_list_to_a_member_without_the_role(self):
        assert self.educator_api.get(self.base)[0] == 403

    def test_it_hides_the_list_from_outsiders(self):
        assert self.outsider_api.get(self.base)[0] == 404

    def test_it_sets_roles(self):
        status, body = self.admin_api.put(f"{self.base}/{self.educator.uuid}", {"roles": ["educator", "coach"]})
        assert status == 200
        assert body["roles"] == ["coach", "educator"]

    def test_it_rejects_unknown_and_platform_roles(self):
        status, body = self.admin_api.put(f"{self.base}/{self.educator.uuid}", {"roles": ["wizard"]})
        assert status == 422
        status, body = self.admin_api.put(f"{self.base}/{self.educator.uuid}", {"roles": ["operator"]})
        assert status == 422
        assert "platform" in body["message"]

    def test_it_keeps_the_last_admin(self):
        status, body = self.admin_api.put(f"{self.base}/{self.admin.uuid}", {"roles": ["educator"]})
        assert status == 422
        assert "only organization admin" in body["message"]

    def test_it_refuses_role_changes_to_members_without_the_role_and_outsiders(self):
        assert self.educator_api.put(f"{self.base}/{self.admin.uuid}", {"roles": ["educator"]})[0] == 403
        assert self.outsider_api.put(f"{self.base}/{self.educator.uuid}", {"roles": ["coach"]})[0] == 404

    def test_it_answers_404_for_someone_outside_the_organization(self):
        assert self.admin_api.put(f"{self.base}/{self.outsider.uuid}", {"roles": ["coach"]})[0] == 404

    def test_it_removes_a_member(self):
        status, _ = self.admin_api.delete(f"{self.base}/{self.educator.uuid}")
        assert status == 204
        assert not self.educator.memberships.filter(organization=self.organization).exists()

    def test_it_refuses_removal_to_others(self):
        assert self.educator_api.delete(f"{self.base}/{self.admin.uuid}")[0] == 403
        assert self.outsider_api.delete(f"{self.base}/{self.educator.uuid}")[0] == 404

    def test_it_refuses_writes_with_a_read_only_token(self):
        status, body = token_for(self.admin, read_only=True).put(
            f"{self.base}/{self.educator.uuid}", {"roles": ["coach"]}
        )
        assert status == 403
        assert "read-only" in body["message"]


class InvitationApiTests(TenantTestCase):
    def setUp(self):
        self.admin_api = token_for(self.admin)
        self.base = f"/organizations/{self.organization.uuid}/invitations"

    def test_it_invites_and_emails_a_link(self):
        with self.captureOnCommitCallbacks(execute=True):
            status, body = self.admin_api.post(self.base, {"email": "New.Person@Example.org", "roles": ["coach"]})
        assert status == 201
        assert body["email"] == "new.person@example.org"
        assert body["status"] == "pending"
        assert len(mail.outbox) == 1
        assert "/invitations/" in mail.outbox[0].body

    def test_it_rejects_a_duplicate_pending_invitation(self):
        self.admin_api.post(self.base, {"email": "x@example.org", "roles": ["coach"]})
        status, body = self.admin_api.post(self.base, {"email": "x@example.org", "roles": ["educator"]})
        assert status == 422
        assert "pending invitation" in body["message"]
        assert body["extra"]["errors"]["email"]

    def test_it_rejects_a_malformed_email(self):
        status, body = self.admin_api.post(self.base, {"email": "not an email", "roles": ["coach"]})
        assert status == 422

    def test_it_lists_resends_and_revokes(self):
        with self.captureOnCommitCallbacks(execute=True):
            _, created = self.admin_api.post(self.base, {"email": "x@example.org", "roles": ["coach"]})
        status, body = self.admin_api.get(self.base + "?pending=true")
        assert status == 200
        assert [i["email"] for i in body["items"]] == ["x@example.org"]
        with self.captureOnCommitCallbacks(execute=True):
            assert self.admin_api.post(f"{self.base}/{created['uuid']}/resend")[0] == 200
        assert len(mail.outbox) == 2
        status, body = self.admin_api.delete(f"{self.base}/{created['uuid']}")
        assert status == 200
        assert body["status"] == "revoked"

    def test_it_refuses_invitations_to_members_without_the_role_and_hides_them_from_outsiders(self):
        assert token_for(self.educator).post(self.base, {"email": "x@example.org", "roles": ["coach"]})[0] == 403
        assert token_for(self.outsider).post(self.base, {"email": "x@example.org", "roles": ["coach"]})[0] == 404
        assert token_for(self.outsider).get(self.base)[0] == 404
        invitation = services.invitation_create(
            actor=self.admin, organization=self.organization, email="y@example.org", roles=["coach"]
        )
        assert token_for(self.outsider).delete(f"{self.base}/{invitation.uuid}")[0] == 404
        other_base = f"/organizations/{self.other_organization.uuid}/invitations"
        assert token_for(self.outsider).delete(f"{other_base}/{invitation.uuid}")[0] == 404
        invitation.refresh_from_db()
        assert invitation.revoked_at is None


class OrganizationApiKeyTests(TenantTestCase):
    def test_it_acts_only_in_its_organization_with_its_roles(self):
        _, secret = services.api_key_create(
            actor=self.admin, organization=self.organization, name="HR sync", roles=["program_admin"], read_only=False
        )
        api = ApiClient(secret)
        status, body = api.get("/me")
        assert status == 200
        assert body["kind"] == "bot"
        assert api.get(f"/organizations/{self.organization.uuid}/memberships")[0] == 200
        assert api.get(f"/organizations/{self.other_organization.uuid}/memberships")[0] == 404
        # program admins may see members but not change roles
        assert (
            api.put(f"/organizations/{self.organization.uuid}/memberships/{self.educator.uuid}", {"roles": ["coach"]})[
                0
            ]
            == 403
        )

    def test_it_is_not_listed_among_people(self):
        services.api_key_create(
            actor=self.admin, organization=self.organization, name="k", roles=["org_admin"], read_only=True
        )
        status, body = token_for(self.admin).get(f"/organizations/{self.organization.uuid}/memberships")
        assert body["count"] == 2

    def test_it_stops_working_once_revoked(self):
        token, secret = services.api_key_create(
            actor=self.admin, organization=self.organization, name="k", roles=["org_admin"], read_only=False
        )
        services.api_token_revoke(actor=self.admin, token=token)
        assert ApiClient(secret).get("/me")[0] == 401

    def test_it_pages_long_member_lists(self):
        for _ in range(3):
            member(self.organization, "educator")
        status, body = token_for(self.admin).get(f"/organizations/{self.organization.uuid}/memberships?page=1")
        assert status == 200
        assert body["count"] == 5
