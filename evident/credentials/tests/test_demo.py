"""The demo educator's credentials: one per state, real signatures, loaded once."""

from __future__ import annotations

from typing import Any

from django.test import Client, TestCase

from evident.accounts.demo import DEMO_DOMAIN, load_demo
from evident.accounts.models import AuditEvent, Organization, User
from evident.catalog.demo import load_catalog_demo
from evident.credentials.demo import CREDENTIALS, load_credentials_demo
from evident.credentials.models import Award, PublicProfile
from evident.credentials.verify import check_credential
from evident.earning.demo import load_earning_demo
from evident.earning.models import Enrollment


class CredentialsDemoTests(TestCase):
    educator: User
    arguments: dict[str, Any]
    created: dict[str, int]

    @classmethod
    def setUpTestData(cls) -> None:
        load_demo()
        load_catalog_demo(
            author=User.objects.get(email=f"author@{DEMO_DOMAIN}"),
            quality_reviewer=User.objects.get(email=f"quality-reviewer@{DEMO_DOMAIN}"),
        )
        cls.educator = User.objects.get(email=f"educator@{DEMO_DOMAIN}")
        school = Organization.objects.get(slug="maple-street-elementary")
        load_earning_demo(educator=cls.educator, coach=User.objects.get(email=f"coach@{DEMO_DOMAIN}"), school=school)
        cls.arguments = {
            "educator": cls.educator,
            "issuer_admin": User.objects.get(email=f"issuer-admin@{DEMO_DOMAIN}"),
            "school": school,
        }
        cls.created = load_credentials_demo(**cls.arguments)

    def award(self, title: str) -> Award:
        return Award.objects.get(educator=self.educator, title=title)

    def test_the_demo_educator_has_earned_credentials_in_every_state(self):
        assert self.created == {"credentials": 4, "public profiles": 1}
        assert Award.objects.filter(educator=self.educator).count() == len(CREDENTIALS) == 4
        earned = Enrollment.objects.filter(educator=self.educator, status=Enrollment.Status.EARNED)
        assert set(earned.values_list("version__title", flat=True)) == {spec.title for spec in CREDENTIALS}

    def test_each_demo_credential_verifies_as_its_state_says(self):
        states = {spec.title: check_credential(self.award(spec.title).credential).state for spec in CREDENTIALS}
        assert states == {
            "Creating Physical Environments for Learning": "valid",
            "Developing a Climate of Respect and Rapport": "valid",
            "Aligning Learning Objectives with Assessments": "revoked",
            "Strategic Grouping Based on Data": "expired",
        }
        revoked = self.award("Aligning Learning Objectives with Assessments")
        assert revoked.revoked_reason.startswith("The reviewer who scored")
        assert revoked.revoked_by == self.arguments["issuer_admin"]
        expired = self.award("Strategic Grouping Based on Data")
        assert expired.is_expired and expired.credential["validUntil"]

    def test_the_public_profile_shows_the_public_credentials_but_not_the_revoked_one(self):
        profile = PublicProfile.objects.get(user=self.educator)
        assert profile.is_public and profile.slug == "elena-educator"
        response = Client().get(profile.get_absolute_url())
        self.assertContains(response, "Grade 2 teacher, Maple Street Elementary School")
        self.assertContains(response, self.award("Creating Physical Environments for Learning").get_absolute_url())
        self.assertContains(response, self.award("Strategic Grouping Based on Data").get_absolute_url())
        self.assertContains(response, "Expired on")
        self.assertNotContains(response, "Aligning Learning Objectives")
        self.assertNotContains(response, "Developing a Climate")

    def test_loading_again_creates_nothing(self):
        counts = (Award.objects.count(), Enrollment.objects.count(), AuditEvent.objects.count())
        assert load_credentials_demo(**self.arguments) == {"credentials": 0, "public profiles": 0}
        assert (Award.objects.count(), Enrollment.objects.count(), AuditEvent.objects.count()) == counts
