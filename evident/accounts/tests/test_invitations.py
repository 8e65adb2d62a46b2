from __future__ import annotations

import re
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from evident.accounts import services
from evident.accounts.invitations import invitation_from_token, invitation_token
from evident.accounts.models import AuditEvent, Invitation, Membership, Organization
from evident.accounts.tests.factories import OrganizationFactory, UserFactory, member
from evident.testsupport.cases import TenantTestCase


def link_in(message) -> str:
    match = re.search(r"http://testserver(/invitations/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


class InvitationServiceTests(TenantTestCase):
    def invite(self, email="new@example.org", roles=("coach",), actor=None):
        with self.captureOnCommitCallbacks(execute=True):
            return services.invitation_create(
                actor=actor or self.admin, organization=self.organization, email=email, roles=list(roles)
            )

    def test_it_emails_a_working_link_and_records_an_audit_event(self):
        invitation = self.invite("New@Example.org", ["coach", "educator"])
        assert invitation.email == "new@example.org"
        assert invitation.roles == ["coach", "educator"]
        assert len(mail.outbox) == 1
        assert mail.outbox[0].to == ["new@example.org"]
        assert "Riverbend Schools" in mail.outbox[0].subject
        assert "\n" not in mail.outbox[0].subject
        assert invitation_from_token(link_in(mail.outbox[0]).split("/")[2]) == invitation
        event = AuditEvent.objects.get(action="invitation.created")
        assert event.organization == self.organization
        assert event.actor == self.admin

    def test_it_refuses_a_member_without_the_role(self):
        with self.assertRaises(PermissionDenied):
            self.invite(actor=self.educator)

    def test_it_refuses_a_duplicate_pending_invitation(self):
        self.invite()
        with self.assertRaises(ValidationError) as caught:
            self.invite(roles=["educator"])
        assert "pending invitation" in str(caught.exception)

    def test_it_refuses_someone_who_already_holds_the_roles(self):
        with self.assertRaises(ValidationError):
            self.invite(email=self.educator.email, roles=["educator"])

    def test_it_invites_a_member_to_an_extra_role(self):
        invitation = self.invite(email=self.educator.email, roles=["coach"])
        assert invitation.status == "pending"

    def test_it_refuses_platform_roles_outside_the_platform(self):
        with self.assertRaises(ValidationError):
            self.invite(roles=["operator"])

    def test_an_operator_may_invite_only_the_first_admin_of_a_new_organization(self):
        platform = services.platform_organization()
        operator = member(platform, "operator")
        fresh = OrganizationFactory(slug="fresh")
        with self.captureOnCommitCallbacks(execute=True):
            services.invitation_create(
                actor=operator, organization=fresh, email="boss@fresh.example", roles=["org_admin"]
            )
        with self.assertRaises(PermissionDenied):
            services.invitation_create(actor=operator, organization=fresh, email="t@fresh.example", roles=["educator"])
        with self.assertRaises(PermissionDenied):
            services.invitation_create(
                actor=operator, organization=self.organization, email="x@example.org", roles=["org_admin"]
            )

    def test_resending_kills_the_old_link(self):
        invitation = self.invite()
        old = invitation_token(invitation)
        with self.captureOnCommitCallbacks(execute=True):
            services.invitation_resend(actor=self.admin, invitation=invitation)
        assert invitation_from_token(old) is None
        assert invitation_from_token(invitation_token(invitation)) == invitation
        assert len(mail.outbox) == 2

    def test_revoking_makes_the_invitation_unusable(self):
        invitation = self.invite()
        services.invitation_revoke(actor=self.admin, invitation=invitation)
        services.invitation_revoke(actor=self.admin, invitation=invitation)  # idempotent
        assert invitation.status == "revoked"
        user = UserFactory(email="new@example.org")
        with self.assertRaises(ValidationError):
            services.invitation_accept(user=user, invitation=invitation)

    def test_accepting_joins_with_the_roles_and_verifies_the_address(self):
        invitation = self.invite(roles=["coach", "educator"])
        user = UserFactory(email="new@example.org", verified=False)
        EmailAddress.objects.filter(user=user).update(verified=False)
        services.invitation_accept(user=user, invitation=invitation)
        assert set(Membership.objects.filter(user=user).values_list("role", flat=True)) == {"coach", "educator"}
        assert EmailAddress.objects.get(user=user).verified
        invitation.refresh_from_db()
        assert invitation.status == "accepted"
        with self.assertRaises(ValidationError):
            services.invitation_accept(user=user, invitation=invitation)

    def test_accepting_as_someone_else_is_refused(self):
        invitation = self.invite()
        with self.assertRaises(ValidationError) as caught:
            services.invitation_accept(user=self.outsider, invitation=invitation)
        assert "signed in as" in str(caught.exception)

    def test_an_expired_invitation_is_refused_with_a_plain_reason(self):
        invitation = self.invite()
        Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - timedelta(minutes=1))
        invitation.refresh_from_db()
        user = UserFactory(email="new@example.org")
        with self.assertRaises(ValidationError) as caught:
            services.invitation_accept(user=user, invitation=invitation)
        assert "expired" in str(caught.exception)

    def test_a_new_person_signs_up_through_the_invitation(self):
        invitation = self.invite(roles=["educator"])
        user = services.user_create_from_invitation(
            invitation=invitation, full_name="Nia New", password="a-long-password-1"
        )
        assert user.check_password("a-long-password-1")
        assert EmailAddress.objects.get(user=user).verified
        assert Membership.objects.filter(user=user, organization=self.organization, role="educator").exists()


class InvitationTokenTests(TenantTestCase):
    def test_it_rejects_forged_and_malformed_tokens(self):
        invitation = services.invitation_create(
            actor=self.admin, organization=self.organization, email="x@example.org", roles=["coach"]
        )
        token = invitation_token(invitation)
        assert invitation_from_token(token) == invitation
        assert invitation_from_token(token[:-1] + ("0" if token[-1] != "0" else "1")) is None
        assert invitation_from_token("nonsense") is None
        assert invitation_from_token("") is None
        assert invitation_from_token(f"{invitation.uuid.hex}.") is None


class InvitationAcceptViewTests(TenantTestCase):
    def setUp(self):
        with self.captureOnCommitCallbacks(execute=True):
            self.invitation = services.invitation_create(
                actor=self.admin, organization=self.organization, email="nia@example.org", roles=["educator"]
            )
        self.url = link_in(mail.outbox[0])

    def test_it_shows_a_public_page_with_a_sign_up_form(self):
        response = self.client.get(self.url)
        assert response.status_code == 200
        self.assertContains(response, "Join Riverbend Schools")
        self.assertContains(response, "Create account and join")

    def test_it_creates_the_account_signs_in_and_joins(self):
        response = self.client.post(
            self.url, {"full_name": "Nia New", "password1": "a-long-password-1", "password2": "a-long-password-1"}
        )
        assert response.status_code == 302
        assert response["Location"] == "/dashboard/"
        dashboard = self.client.get("/dashboard/")
        self.assertContains(dashboard, "Welcome, Nia New")
        self.assertContains(dashboard, "Riverbend Schools")

    def test_it_keeps_what_was_typed_when_the_passwords_differ(self):
        response = self.client.post(
            self.url, {"full_name": "Nia New", "password1": "a-long-password-1", "password2": "x"}
        )
        assert response.status_code == 422
        self.assertContains(response, 'value="Nia New"', status_code=422)
        self.assertContains(response, "The two passwords differ", status_code=422)

    def test_it_lets_a_signed_in_invitee_accept_with_one_click(self):
        user = UserFactory(email="nia@example.org")
        client = self.client_for(user)
        self.assertContains(client.get(self.url), "Accept and join")
        response = client.post(self.url)
        assert response.status_code == 302
        assert Membership.objects.filter(user=user, organization=self.organization).exists()

    def test_it_explains_a_wrong_account(self):
        response = self.client_for(self.outsider).post(self.url)
        assert response.status_code == 422
        self.assertContains(response, "signed in as olive@lakeshore.example", status_code=422)

    def test_it_answers_404_for_a_forged_link_and_410_for_a_withdrawn_one(self):
        assert self.client.get("/invitations/forged.abc/").status_code == 404
        services.invitation_revoke(actor=self.admin, invitation=self.invitation)
        response = self.client.get(self.url)
        assert response.status_code == 410
        self.assertContains(response, "withdrawn", status_code=410)

    def test_it_asks_an_existing_account_to_sign_in(self):
        UserFactory(email="nia@example.org")
        response = self.client.get(self.url)
        self.assertContains(response, "Sign in to accept")


class OrganizationKindsTests(TenantTestCase):
    def test_it_keeps_platform_roles_in_the_platform(self):
        platform = services.platform_organization()
        assert platform.kind == Organization.Kind.PLATFORM
