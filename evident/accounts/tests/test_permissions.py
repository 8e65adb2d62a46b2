from __future__ import annotations

import uuid

from django.core.exceptions import PermissionDenied
from django.http import Http404

from evident.accounts import services
from evident.accounts.permissions import (
    Need,
    access_api_token,
    access_invitation,
    access_member,
    access_organization,
)
from evident.testsupport.cases import TenantTestCase


class AccessOrganizationTests(TenantTestCase):
    def test_it_returns_the_organization_to_a_member_with_the_role(self):
        assert access_organization(self.admin, self.organization.uuid, Need.MANAGE_MEMBERS) == self.organization
        assert access_organization(self.educator, self.organization.uuid, Need.VIEW) == self.organization

    def test_it_answers_404_to_outsiders_and_for_missing_or_malformed_ids(self):
        for value in (self.organization.uuid, uuid.uuid4(), "not-a-uuid", None):
            with self.assertRaises(Http404):
                access_organization(self.outsider, value, Need.VIEW)

    def test_it_answers_403_to_a_member_without_the_role(self):
        with self.assertRaises(PermissionDenied):
            access_organization(self.educator, self.organization.uuid, Need.MANAGE_MEMBERS)

    def test_it_denies_a_deactivated_user(self):
        self.admin.is_active = False
        with self.assertRaises(Http404):
            access_organization(self.admin, self.organization.uuid, Need.VIEW)


class AccessOtherObjectsTests(TenantTestCase):
    def test_members_are_found_only_inside_the_organization(self):
        organization, found = access_member(self.admin, self.organization.uuid, self.educator.uuid)
        assert found.user == self.educator
        with self.assertRaises(Http404):
            access_member(self.admin, self.organization.uuid, self.outsider.uuid)
        with self.assertRaises(Http404):
            access_member(self.outsider, self.organization.uuid, self.educator.uuid)

    def test_invitations_are_found_only_through_their_organization(self):
        invitation = services.invitation_create(
            actor=self.admin, organization=self.organization, email="x@example.org", roles=["coach"]
        )
        assert access_invitation(self.admin, self.organization.uuid, invitation.uuid) == invitation
        with self.assertRaises(Http404):
            access_invitation(self.outsider, self.other_organization.uuid, invitation.uuid)
        with self.assertRaises(PermissionDenied):
            access_invitation(self.educator, self.organization.uuid, invitation.uuid)

    def test_tokens_are_found_by_their_owner_or_the_admins_of_their_organization(self):
        personal, _ = services.api_token_create_personal(actor=self.educator, name="n", read_only=False)
        key, _ = services.api_key_create(
            actor=self.admin, organization=self.organization, name="k", roles=["educator"], read_only=False
        )
        assert access_api_token(self.educator, personal.uuid) == personal
        assert access_api_token(self.admin, key.uuid) == key
        for actor, token in ((self.admin, personal), (self.educator, key), (self.outsider, key)):
            with self.assertRaises(Http404):
                access_api_token(actor, token.uuid)
