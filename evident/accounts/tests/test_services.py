from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError

from evident.accounts import services
from evident.accounts.models import ApiToken, AuditEvent, Membership, Organization, User
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.lib.tokens import digest
from evident.testsupport.cases import TenantTestCase


class MembershipServiceTests(TenantTestCase):
    def test_it_sets_roles_and_records_from_and_to(self):
        services.membership_set_roles(
            actor=self.admin, organization=self.organization, user=self.educator, roles=["coach", "educator"]
        )
        assert set(self.educator.memberships.values_list("role", flat=True)) == {"coach", "educator"}
        event = AuditEvent.objects.get(action="membership.roles_changed")
        assert event.data["from"] == ["educator"]
        assert event.data["to"] == ["coach", "educator"]

    def test_it_never_leaves_an_organization_without_an_admin(self):
        with self.assertRaises(ValidationError) as caught:
            services.membership_set_roles(
                actor=self.admin, organization=self.organization, user=self.admin, roles=["educator"]
            )
        assert "only organization admin" in str(caught.exception)
        with self.assertRaises(ValidationError):
            services.membership_remove(actor=self.admin, organization=self.organization, user=self.admin)

    def test_a_second_admin_may_step_down(self):
        second = member(self.organization, "org_admin")
        services.membership_set_roles(actor=second, organization=self.organization, user=self.admin, roles=["coach"])
        assert list(self.admin.memberships.values_list("role", flat=True)) == ["coach"]

    def test_only_admins_change_roles(self):
        with self.assertRaises(PermissionDenied):
            services.membership_set_roles(
                actor=self.educator, organization=self.organization, user=self.educator, roles=["org_admin"]
            )
        with self.assertRaises(PermissionDenied):
            services.membership_set_roles(
                actor=self.outsider, organization=self.organization, user=self.educator, roles=["coach"]
            )

    def test_a_member_may_leave_but_not_remove_others(self):
        with self.assertRaises(PermissionDenied):
            services.membership_remove(actor=self.educator, organization=self.organization, user=self.admin)
        services.membership_remove(actor=self.educator, organization=self.organization, user=self.educator)
        assert not Membership.objects.filter(user=self.educator).exists()
        assert AuditEvent.objects.filter(action="membership.left").exists()

    def test_removing_someone_outside_the_organization_is_refused(self):
        with self.assertRaises(ValidationError):
            services.membership_remove(actor=self.admin, organization=self.organization, user=self.outsider)


class OrganizationServiceTests(TenantTestCase):
    def test_an_operator_creates_an_organization(self):
        operator = member(services.platform_organization(), "operator")
        created = services.organization_create(actor=operator, name="Teach Institute", kind="university")
        assert created.slug == "teach-institute"
        assert created.issues_credentials
        assert AuditEvent.objects.filter(action="organization.created", organization=created).exists()

    def test_a_district_admin_adds_a_school(self):
        school = services.organization_create(
            actor=self.admin, name="Hill Elementary", kind="school", parent=self.organization
        )
        assert school.parent == self.organization

    def test_a_school_cannot_sit_under_a_state(self):
        operator = member(services.platform_organization(), "operator")
        state = OrganizationFactory(slug="state", kind=Organization.Kind.STATE)
        with self.assertRaises(ValidationError) as caught:
            services.organization_create(actor=operator, name="Lost School", kind="school", parent=state)
        assert "cannot sit under" in str(caught.exception)

    def test_others_may_not_create_organizations(self):
        with self.assertRaises(PermissionDenied):
            services.organization_create(actor=self.educator, name="X", kind="school", parent=self.organization)
        with self.assertRaises(PermissionDenied):
            services.organization_create(actor=self.admin, name="X", kind="district")

    def test_only_admins_update_details(self):
        services.organization_update(
            actor=self.admin, organization=self.organization, name="Riverbend", description="d", website=""
        )
        assert AuditEvent.objects.get(action="organization.updated").data["name"]["to"] == "Riverbend"
        with self.assertRaises(PermissionDenied):
            services.organization_update(
                actor=self.educator, organization=self.organization, name="Mine", description="", website=""
            )

    def test_the_first_platform_admin_is_created_once(self):
        first = services.platform_admin_create(email="Root@Example.org", full_name="Root", password="long-password-9")
        again = services.platform_admin_create(email="root@example.org", full_name="Root", password="ignored-9999")
        assert first == again
        assert first.is_staff
        assert set(first.memberships.values_list("role", flat=True)) == {"operator", "org_admin"}
        assert first.check_password("long-password-9")


class ApiTokenServiceTests(TenantTestCase):
    def test_it_stores_only_a_digest(self):
        token, secret = services.api_token_create_personal(actor=self.educator, name="n", read_only=True)
        assert token.digest == digest(secret)
        assert secret not in repr(ApiToken.objects.filter(pk=token.pk).values().get())

    def test_an_api_key_gets_a_bot_with_its_roles_and_revoking_deactivates_it(self):
        token, _ = services.api_key_create(
            actor=self.admin, organization=self.organization, name="SIS", roles=["program_admin"], read_only=False
        )
        assert token.user.kind == User.Kind.BOT
        assert not token.user.has_usable_password()
        assert list(token.user.memberships.values_list("role", flat=True)) == ["program_admin"]
        services.api_token_revoke(actor=self.admin, token=token)
        token.user.refresh_from_db()
        assert not token.user.is_active

    def test_only_admins_manage_api_keys_and_only_owners_revoke_tokens(self):
        with self.assertRaises(PermissionDenied):
            services.api_key_create(
                actor=self.educator, organization=self.organization, name="x", roles=["educator"], read_only=False
            )
        token, _ = services.api_token_create_personal(actor=self.educator, name="n", read_only=False)
        with self.assertRaises(PermissionDenied):
            services.api_token_revoke(actor=self.admin, token=token)


class AuditEventTests(TenantTestCase):
    def test_it_is_append_only(self):
        services.organization_update(
            actor=self.admin, organization=self.organization, name="R", description="", website=""
        )
        event = AuditEvent.objects.get(action="organization.updated")
        event.action = "tampered"
        with self.assertRaises(RuntimeError):
            event.save()
        with self.assertRaises(RuntimeError):
            event.delete()
