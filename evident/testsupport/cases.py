"""The base test case: three personas in two organizations.

* ``admin`` is the organization admin of ``organization``;
* ``educator`` is a member of ``organization`` with another role (educator);
* ``outsider`` is the organization admin of ``other_organization``.

Every view and endpoint test checks that the outsider gets 404 and the
member without the role gets 403 or 404.
"""

from __future__ import annotations

from django.test import Client, TestCase

from evident.accounts.models import Organization, User
from evident.accounts.tests.factories import OrganizationFactory, member


class TenantTestCase(TestCase):
    organization: Organization
    other_organization: Organization
    admin: User
    educator: User
    outsider: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.organization = OrganizationFactory(name="Riverbend Schools", slug="riverbend")
        cls.other_organization = OrganizationFactory(name="Lakeshore Schools", slug="lakeshore")
        cls.admin = member(cls.organization, "org_admin", email="admin@riverbend.example", full_name="Ada Admin")
        cls.educator = member(cls.organization, "educator", email="eddie@riverbend.example", full_name="Eddie Educator")
        cls.outsider = member(
            cls.other_organization, "org_admin", email="olive@lakeshore.example", full_name="Olive Outsider"
        )

    def client_for(self, user: User, *, enforce_csrf: bool = False) -> Client:
        client = Client(enforce_csrf_checks=enforce_csrf)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client
