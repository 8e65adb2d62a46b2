from __future__ import annotations

from io import StringIO
from unittest import mock

from django.core.management import CommandError, call_command
from django.db.utils import OperationalError
from django.test import Client, RequestFactory, TestCase, override_settings

from evident.accounts import services
from evident.accounts.demo import DEMO_PASSWORD
from evident.accounts.models import Membership, Organization, User
from evident.accounts.tests.factories import UserFactory
from evident.views import server_error


class HealthTests(TestCase):
    def test_it_answers_ok_when_the_database_answers(self):
        response = Client().get("/healthz")
        assert response.status_code == 200
        assert response.json() == {"status": "ok"}

    def test_it_answers_503_when_the_database_does_not(self):
        with mock.patch("evident.views.connection.cursor", side_effect=OperationalError("down")):
            response = Client().get("/healthz")
        assert response.status_code == 503
        assert response.json()["status"] == "error"


class SecurityHeaderTests(TestCase):
    def test_pages_carry_the_security_headers(self):
        response = Client().get("/accounts/login/")
        csp = response["Content-Security-Policy"]
        assert "default-src 'self'" in csp
        assert "frame-ancestors 'none'" in csp
        assert "unsafe-inline" not in csp
        assert response["X-Frame-Options"] == "DENY"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Referrer-Policy"] == "same-origin"
        assert "camera=()" in response["Permissions-Policy"]
        assert response["X-Request-ID"]

    def test_the_session_cookie_is_http_only_and_same_site(self):
        from django.conf import settings

        assert settings.SESSION_COOKIE_HTTPONLY
        assert settings.SESSION_COOKIE_SAMESITE == "Lax"


class DemoDataTests(TestCase):
    def test_it_refuses_outside_demo_mode(self):
        with self.assertRaises(CommandError):
            call_command("load_demo", stdout=StringIO())

    @override_settings(DEMO_MODE=True)
    def test_it_loads_an_account_per_role_and_is_idempotent(self):
        out = StringIO()
        call_command("load_demo", stdout=out)
        assert DEMO_PASSWORD in out.getvalue()
        counts = (Organization.objects.count(), User.objects.count(), Membership.objects.count())
        call_command("load_demo", stdout=StringIO())
        assert (Organization.objects.count(), User.objects.count(), Membership.objects.count()) == counts
        roles = set(Membership.objects.values_list("role", flat=True))
        assert roles == {
            "educator",
            "coach",
            "reviewer",
            "lead_reviewer",
            "author",
            "program_admin",
            "org_admin",
            "quality_reviewer",
            "operator",
        }
        kinds = set(Organization.objects.values_list("kind", flat=True))
        assert {"platform", "state", "district", "school", "university", "nonprofit", "union"} <= kinds
        user = User.objects.get(email="program-admin@demo.evident.test")
        assert user.check_password(DEMO_PASSWORD)
        assert (
            Client().post("/accounts/login/", {"login": "org-admin@demo.evident.test", "password": DEMO_PASSWORD})[
                "Location"
            ]
            == "/dashboard/"
        )


class CreatePlatformAdminTests(TestCase):
    def test_it_creates_the_first_operator(self):
        with mock.patch.dict("os.environ", {"EVIDENT_ADMIN_PASSWORD": "a-long-password-1"}):
            call_command("createplatformadmin", "--email", "Ops@Example.org", "--no-input", stdout=StringIO())
        user = User.objects.get(email="ops@example.org")
        assert user.is_staff
        assert set(user.memberships.values_list("role", flat=True)) == {"operator", "org_admin"}

    def test_it_refuses_a_weak_password_and_a_bad_address(self):
        with mock.patch.dict("os.environ", {"EVIDENT_ADMIN_PASSWORD": "123"}), self.assertRaises(CommandError):
            call_command("createplatformadmin", "--email", "ops@example.org", "--no-input", stdout=StringIO())
        with self.assertRaises(CommandError):
            call_command("createplatformadmin", "--email", "nope", "--no-input", stdout=StringIO())


class ErrorPageTests(TestCase):
    def test_the_500_page_needs_nothing_from_the_database(self):
        with self.assertNumQueries(0):
            response = server_error(RequestFactory().get("/"))
        assert response.status_code == 500
        assert b"Something went wrong on our side" in response.content

    def test_an_unexpected_api_error_keeps_the_error_shape(self):
        _, secret = services.api_token_create_personal(actor=UserFactory(), name="t", read_only=False)
        with mock.patch("evident.api.routers.me.organization_roles_for_user", side_effect=RuntimeError("boom")):
            response = Client().get("/api/v1/me", headers={"Authorization": f"Bearer {secret}"})
        assert response.status_code == 500
        assert response.json()["message"].startswith("Something went wrong")
