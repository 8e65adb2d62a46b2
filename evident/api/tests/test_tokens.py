from __future__ import annotations

from django.core.cache import cache

from evident.accounts import services
from evident.api.api import write_throttle
from evident.api.tests.client import ApiClient
from evident.lib.tokens import digest
from evident.testsupport.cases import TenantTestCase


class PersonalTokenApiTests(TenantTestCase):
    def setUp(self):
        self.api = ApiClient(services.api_token_create_personal(actor=self.educator, name="first", read_only=False)[1])

    def test_it_creates_a_token_shown_once_and_stored_hashed(self):
        status, body = self.api.post("/tokens", {"name": "grading script", "read_only": True})
        assert status == 201
        secret = body["token"]
        assert secret.startswith("evp_")
        stored = self.educator.api_tokens.get(uuid=body["uuid"])
        assert stored.digest == digest(secret)
        assert secret not in str(self.educator.api_tokens.filter(pk=stored.pk).values().get())
        status, listed = self.api.get("/tokens")
        assert all("token" not in t for t in listed)
        assert {t["name"] for t in listed} == {"first", "grading script"}

    def test_it_validates_the_name(self):
        status, body = self.api.post("/tokens", {"name": ""})
        assert status == 422
        assert body["extra"]["errors"]

    def test_it_revokes_a_token_which_then_gets_401(self):
        _, created = self.api.post("/tokens", {"name": "temp"})
        other = ApiClient(created["token"])
        assert other.get("/me")[0] == 200
        status, body = self.api.delete(f"/tokens/{created['uuid']}")
        assert status == 200
        assert body["revoked_at"]
        assert other.get("/me")[0] == 401

    def test_it_hides_other_peoples_tokens(self):
        token, _ = services.api_token_create_personal(actor=self.admin, name="admin's", read_only=False)
        assert self.api.delete(f"/tokens/{token.uuid}")[0] == 404
        token.refresh_from_db()
        assert token.revoked_at is None

    def test_it_lets_a_read_only_token_read_but_not_write(self):
        read_only = ApiClient(services.api_token_create_personal(actor=self.educator, name="ro", read_only=True)[1])
        assert read_only.get("/tokens")[0] == 200
        status, body = read_only.post("/tokens", {"name": "sneaky"})
        assert status == 403
        assert "read-only" in body["message"]


class ApiKeyApiTests(TenantTestCase):
    def setUp(self):
        self.admin_api = ApiClient(services.api_token_create_personal(actor=self.admin, name="a", read_only=False)[1])
        self.base = f"/organizations/{self.organization.uuid}/api-keys"

    def test_it_creates_lists_and_revokes_keys(self):
        status, body = self.admin_api.post(self.base, {"name": "SIS", "roles": ["program_admin"], "read_only": True})
        assert status == 201
        assert body["token"].startswith("evo_")
        assert body["roles"] == ["program_admin"]
        status, listed = self.admin_api.get(self.base)
        assert [(k["name"], k["roles"]) for k in listed] == [("SIS", ["program_admin"])]
        status, revoked = self.admin_api.delete(f"{self.base}/{body['uuid']}")
        assert status == 200
        assert revoked["revoked_at"]

    def test_it_refuses_keys_to_members_without_the_role_and_outsiders(self):
        educator_api = ApiClient(services.api_token_create_personal(actor=self.educator, name="e", read_only=False)[1])
        outsider_api = ApiClient(services.api_token_create_personal(actor=self.outsider, name="o", read_only=False)[1])
        assert educator_api.get(self.base)[0] == 403
        assert educator_api.post(self.base, {"name": "x", "roles": ["educator"]})[0] == 403
        assert outsider_api.get(self.base)[0] == 404
        token, _ = services.api_key_create(
            actor=self.admin, organization=self.organization, name="k", roles=["educator"], read_only=False
        )
        assert outsider_api.delete(f"{self.base}/{token.uuid}")[0] == 404
        outsider_base = f"/organizations/{self.other_organization.uuid}/api-keys"
        assert outsider_api.delete(f"{outsider_base}/{token.uuid}")[0] == 404

    def test_it_does_not_let_a_key_manage_personal_tokens(self):
        _, secret = services.api_key_create(
            actor=self.admin, organization=self.organization, name="k", roles=["org_admin"], read_only=False
        )
        assert ApiClient(secret).post("/tokens", {"name": "escalate"})[0] == 403

    def test_it_throttles_writes(self):
        cache.clear()
        throttle = write_throttle
        original = throttle.rate, throttle.num_requests, throttle.duration
        throttle.num_requests, throttle.duration = 2, 60
        try:
            statuses = [self.admin_api.post("/tokens", {"name": f"t{i}"})[0] for i in range(3)]
            assert statuses == [201, 201, 429]
            assert self.admin_api.get("/tokens")[0] == 200, "reads are not throttled"
        finally:
            throttle.rate, throttle.num_requests, throttle.duration = original
            cache.clear()
