from __future__ import annotations

import uuid

from evident.accounts import services
from evident.api.tests.client import ApiClient
from evident.testsupport.cases import TenantTestCase


class MeTests(TenantTestCase):
    def setUp(self):
        _, self.secret = services.api_token_create_personal(actor=self.educator, name="script", read_only=False)
        self.api = ApiClient(self.secret)

    def test_it_answers_401_in_the_error_shape_without_a_token(self):
        status, body = ApiClient().get("/me")
        assert status == 401
        assert set(body) == {"message", "extra"}

    def test_it_answers_401_for_a_wrong_or_malformed_token(self):
        assert ApiClient("evp_00000000_nope").get("/me")[0] == 401
        assert ApiClient("not-a-token").get("/me")[0] == 401

    def test_it_describes_the_caller_and_their_organizations(self):
        status, body = self.api.get("/me")
        assert status == 200
        assert body["email"] == self.educator.email
        assert [(o["slug"], o["roles"]) for o in body["organizations"]] == [("riverbend", ["educator"])]

    def test_it_shows_one_of_my_organizations(self):
        status, body = self.api.get(f"/organizations/{self.organization.uuid}")
        assert status == 200
        assert body["name"] == "Riverbend Schools"

    def test_it_hides_other_organizations(self):
        assert self.api.get(f"/organizations/{self.other_organization.uuid}")[0] == 404
        assert self.api.get(f"/organizations/{uuid.uuid4()}")[0] == 404

    def test_it_answers_422_for_a_malformed_uuid(self):
        status, body = self.api.get("/organizations/not-a-uuid")
        assert status == 422
        assert body["extra"]["errors"]

    def test_it_accepts_the_browser_session_for_reads(self):
        client = self.client_for(self.educator)
        status, body = ApiClient(client=client).get("/me")
        assert status == 200
        assert body["email"] == self.educator.email

    def test_it_refuses_session_writes_without_the_csrf_token(self):
        client = self.client_for(self.admin, enforce_csrf=True)
        status, _ = ApiClient(client=client).post("/tokens", {"name": "x"})
        assert status in (401, 403)

    def test_it_records_when_the_token_was_last_used(self):
        self.api.get("/me")
        token = self.educator.api_tokens.get()
        assert token.last_used_at is not None
        first = token.last_used_at
        self.api.get("/me")
        token.refresh_from_db()
        assert token.last_used_at == first, "a second use within a minute writes nothing"

    def test_it_marks_audit_events_as_coming_from_the_api(self):
        admin_secret = services.api_token_create_personal(actor=self.admin, name="admin", read_only=False)[1]
        ApiClient(admin_secret).post(
            f"/organizations/{self.organization.uuid}/invitations", {"email": "new@example.org", "roles": ["coach"]}
        )
        event = self.organization.audit_events.get(action="invitation.created")
        assert event.origin == "api"
        assert event.actor == self.admin
