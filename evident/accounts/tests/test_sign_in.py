from __future__ import annotations

import re

from axes.models import AccessAttempt
from django.core import mail
from django.test import Client, TestCase

from evident.accounts.models import AuditEvent, User
from evident.accounts.tests.factories import TEST_PASSWORD, UserFactory


class SignInThrottleTests(TestCase):
    def setUp(self):
        self.user = UserFactory(email="teacher@example.org")
        self.other = UserFactory(email="other@example.org")

    def sign_in(self, email: str, password: str, client: Client | None = None):
        return (client or self.client).post("/accounts/login/", {"login": email, "password": password})

    def test_it_signs_in_with_email_and_password(self):
        response = self.sign_in("Teacher@Example.org", TEST_PASSWORD)
        assert response.status_code == 302
        assert response["Location"] == "/dashboard/"

    def test_it_locks_an_address_after_five_wrong_passwords_even_with_the_right_one(self):
        for _ in range(4):
            response = self.sign_in("teacher@example.org", "wrong password")
            assert response.status_code == 200
            self.assertContains(response, "not correct")
        fifth = self.sign_in("teacher@example.org", "wrong password")
        self.assertContains(fifth, "Too many sign-in attempts", status_code=429)
        locked = self.sign_in("teacher@example.org", TEST_PASSWORD)
        assert locked.status_code in (403, 429)
        self.assertContains(locked, "Too many sign-in attempts", status_code=locked.status_code)
        assert "_auth_user_id" not in self.client.session
        # Another address from the same place still works.
        assert self.sign_in("other@example.org", TEST_PASSWORD, Client()).status_code == 302
        assert AccessAttempt.objects.filter(username="teacher@example.org").exists()


class SignUpTests(TestCase):
    def test_an_educator_signs_up_verifies_and_signs_in(self):
        response = self.client.post(
            "/accounts/signup/",
            {
                "full_name": "Tess Teacher",
                "email": "tess@example.org",
                "password1": "a-long-password-1",
                "password2": "a-long-password-1",
            },
        )
        assert response.status_code == 302
        user = User.objects.get(email="tess@example.org")
        assert user.full_name == "Tess Teacher"
        assert user.check_password("a-long-password-1")
        assert AuditEvent.objects.filter(action="user.signed_up", actor=user).exists()
        assert len(mail.outbox) == 1
        # Not verified yet: signing in leads to the verification page, not the dashboard.
        response = Client().post("/accounts/login/", {"login": "tess@example.org", "password": "a-long-password-1"})
        assert response["Location"] != "/dashboard/"
        found = re.search(r"http://testserver(/accounts/confirm-email/[^\s]+)", str(mail.outbox[0].body))
        assert found is not None
        link = found.group(1)
        response = self.client.post(link)
        assert response.status_code == 302
        client = Client()
        assert (
            client.post("/accounts/login/", {"login": "tess@example.org", "password": "a-long-password-1"})["Location"]
            == "/dashboard/"
        )

    def test_it_explains_what_is_missing(self):
        response = self.client.post("/accounts/signup/", {"email": "not-an-email"})
        assert response.status_code == 200
        self.assertContains(response, "This field is required")
        self.assertContains(response, 'value="not-an-email"')

    def test_a_password_reset_email_is_sent_for_a_known_address(self):
        UserFactory(email="known@example.org")
        response = self.client.post("/accounts/password/reset/", {"email": "known@example.org"})
        assert response.status_code == 302
        assert len(mail.outbox) == 1
        assert "/accounts/password/reset/key/" in mail.outbox[0].body
