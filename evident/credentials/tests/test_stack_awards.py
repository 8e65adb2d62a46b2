"""Stack credentials: issued when a stack's completion rule is met, revoked when a component it needed is."""

from __future__ import annotations

import base64
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.utils import timezone

from evident.accounts.models import AuditEvent, Organization, User
from evident.accounts.tests.factories import member
from evident.catalog import services as catalog
from evident.catalog.demo import ALL_CRITERIA_MET
from evident.catalog.models import MicroCredentialVersion, Stack
from evident.catalog.tests.factories import issuer, publish, quality_reviewer, sample_blueprint
from evident.credentials import services, stacks
from evident.credentials.did import issuer_did
from evident.credentials.interop import verify_with_digital_bazaar
from evident.credentials.models import Award
from evident.credentials.tasks import issue_award_task
from evident.credentials.tests.test_awards import AwardCase, documents_for, schema_errors
from evident.credentials.verify import check_credential

REASON = "A credential it required was revoked."


class StackCase(AwardCase):
    institute: Organization
    author: User
    admin: User
    read_aloud: MicroCredentialVersion
    fluency: MicroCredentialVersion

    @classmethod
    def setUpTestData(cls) -> None:
        super().setUpTestData()
        cls.institute = cls.version.micro_credential.organization
        cls.author = member(cls.institute, "author")
        reviewer = quality_reviewer()
        blueprint = sample_blueprint("Interactive Read Aloud", pd_hours=sample_blueprint().pd_hours + 5)
        cls.read_aloud = publish(cls.author, cls.institute, blueprint, reviewer)
        cls.fluency = publish(cls.author, cls.institute, sample_blueprint("Building Fluency"), reviewer)
        cls.admin = member(cls.institute, "org_admin")

    def stack(self, versions=None, **options) -> Stack:
        versions = versions or [self.version, self.read_aloud, self.fluency]
        options.setdefault("organization", self.institute)
        options.setdefault("actor", self.author)
        return catalog.stack_create(
            title=options.pop("title", "Early Literacy"),
            description="Phonics, read-alouds and fluency in the early grades.",
            micro_credentials=[v.micro_credential for v in versions],
            **options,
        )

    def earn_version(self, version: MicroCredentialVersion, user: User | None = None) -> Award:
        """Earn ``version`` through the real services (the award and its stacks come from the task)."""
        self.version, phonics = version, self.version
        try:
            award: Award = self.earn(user)
            return award
        finally:
            self.version = phonics

    def stack_awards(self, user: User | None = None) -> list[Award]:
        return list(Award.objects.filter(educator=user or self.educator, kind=Award.Kind.STACK))

    def stack_of(self, award: Award) -> Stack:
        assert award.stack is not None
        return award.stack


class IssuingTests(StackCase):
    def test_the_all_rule_issues_the_stack_credential_with_the_last_micro_credential(self):
        stack = self.stack()
        phonics = self.earn()
        read_aloud = self.earn_version(self.read_aloud)
        assert self.stack_awards() == []
        fluency = self.earn_version(self.fluency)
        [award] = self.stack_awards()
        assert (award.stack, award.organization, award.title) == (stack, self.institute, "Early Literacy")
        assert award.version is None and award.enrollment is None and award.valid_until is None
        document = award.credential
        assert document["type"] == ["VerifiableCredential", "AchievementCredential"]
        assert document["id"] == "http://testserver" + award.get_absolute_url()
        assert document["issuer"]["id"] == issuer_did(self.institute)
        assert document["name"] == "Early Literacy"
        assert "validUntil" not in document
        achievement = document["credentialSubject"]["achievement"]
        assert achievement["id"] == "http://testserver" + stack.get_absolute_url()
        assert achievement["achievementType"] == "Certificate"
        assert achievement["description"] == stack.description
        assert achievement["creditsAvailable"] == 15 + 20 + 15
        narrative = achievement["criteria"]["narrative"]
        assert narrative.startswith("Earn every micro-credential in this stack.")
        for title in ("Teaching Phonics", "Interactive Read Aloud", "Building Fluency"):
            assert title in narrative
        image = achievement["image"]
        assert image["type"] == "Image" and image["id"].startswith("data:image/svg+xml;base64,")
        assert b"Early Literacy" in base64.b64decode(image["id"].split(",", 1)[1])
        identifier = document["credentialSubject"]["identifier"][0]
        assert identifier["identityHash"] == services.identity_hash(self.educator.email, identifier["salt"])
        assert self.educator.email not in str(document)
        assert [e["id"] for e in document["evidence"]] == [
            "http://testserver" + a.get_absolute_url() for a in (phonics, read_aloud, fluency)
        ]
        assert document["evidence"][0]["name"] == "Teaching Phonics"
        assert document["credentialStatus"]["statusListCredential"].startswith("http://testserver/credentials/status/")
        assert check_credential(document).state == "valid"
        assert AuditEvent.objects.filter(action="award.issued", target_id=str(award.uuid)).exists()
        assert self.stack_awards(self.other_educator) == []

    def test_the_count_rule_issues_once_enough_are_earned(self):
        stack = self.stack(required_count=2)
        self.earn()
        assert self.stack_awards() == []
        self.earn_version(self.fluency)
        [award] = self.stack_awards()
        assert award.stack == stack
        assert award.credential["credentialSubject"]["achievement"]["criteria"]["narrative"].startswith(
            "Earn any 2 of these micro-credentials."
        )
        assert len(award.credential["evidence"]) == 2

    def test_the_capstone_must_be_among_those_earned(self):
        stack = self.stack(required_count=2, capstone=self.fluency.micro_credential)
        self.earn()
        self.earn_version(self.read_aloud)
        assert self.stack_awards() == []  # two earned, but not the capstone
        with self.assertRaises(ValidationError) as raised:
            services.award_issue_for_stack(self.educator, stack)
        assert raised.exception.code == "not_complete"
        capstone = self.earn_version(self.fluency)
        [award] = self.stack_awards()
        evidence = [e["id"] for e in award.credential["evidence"]]
        assert len(evidence) == 2 and "http://testserver" + capstone.get_absolute_url() in evidence
        assert "(capstone)" in award.credential["credentialSubject"]["achievement"]["criteria"]["narrative"]

    def test_an_unpublished_stack_gets_no_credential(self):
        stack = self.stack([self.version], publish=False)
        self.earn()
        assert self.stack_awards() == []
        with self.assertRaises(ValidationError) as raised:
            services.award_issue_for_stack(self.educator, stack)
        assert raised.exception.code == "not_published"

    def test_issuing_twice_gives_the_same_award(self):
        self.stack([self.version])
        phonics = self.earn()
        [award] = self.stack_awards()
        assert services.stack_awards_issue_after(phonics) == []
        assert services.award_issue_for_stack(self.educator, self.stack_of(award)).pk == award.pk
        assert issue_award_task.call(str(phonics.enrollment.uuid)) == str(phonics.uuid)
        assert self.stack_awards() == [award]
        assert AuditEvent.objects.filter(action="award.issued", target_id=str(award.uuid)).count() == 1

    def test_an_award_for_an_older_version_counts(self):
        self.stack([self.version, self.read_aloud])
        old = self.earn()
        draft = catalog.version_new_draft(actor=self.author, micro_credential=self.version.micro_credential)
        catalog.version_update(actor=self.author, version=draft, blueprint=sample_blueprint("Teaching Phonics, v2"))
        catalog.version_submit(actor=self.author, version=draft)
        catalog.version_review(actor=quality_reviewer(), version=draft, verdicts=ALL_CRITERIA_MET, comment="")
        self.version.refresh_from_db()
        assert not self.version.is_live
        self.earn_version(self.read_aloud)
        [award] = self.stack_awards()
        assert "http://testserver" + old.get_absolute_url() in [e["id"] for e in award.credential["evidence"]]

    def test_a_stack_of_another_issuer_is_signed_by_that_issuer(self):
        district_office = issuer("literacy-office", "State Literacy Office")
        stack = self.stack(
            [self.version, self.read_aloud], organization=district_office, actor=member(district_office, "author")
        )
        self.earn()
        self.earn_version(self.read_aloud)
        [award] = self.stack_awards()
        assert award.organization == district_office
        assert award.credential["issuer"]["id"] == issuer_did(district_office)
        assert award.credential["issuer"]["name"] == "State Literacy Office"
        assert award.status_list.organization == district_office
        assert award.stack == stack
        assert check_credential(award.credential).state == "valid"

    def test_a_stack_whose_organization_does_not_issue_credentials_gets_none(self):
        office = issuer("reading-network", "Reading Network")
        stack = self.stack([self.version], organization=office, actor=member(office, "author"))
        type(office).objects.filter(pk=office.pk).update(issues_credentials=False)
        self.earn()
        assert self.stack_awards() == []
        stack.refresh_from_db()
        with self.assertRaises(ValidationError) as raised:
            services.award_issue_for_stack(self.educator, Stack.objects.select_related("organization").get(pk=stack.pk))
        assert raised.exception.code == "not_issuer"


class RevocationTests(StackCase):
    def test_a_revoked_micro_credential_does_not_count(self):
        self.stack([self.version, self.read_aloud])
        phonics = self.earn()
        services.award_revoke(actor=self.admin, award=phonics, reason="Issued in error.")
        self.earn_version(self.read_aloud)
        assert self.stack_awards() == []

    def test_revoking_a_component_revokes_the_stack_credential(self):
        stack = self.stack([self.version, self.read_aloud])
        phonics = self.earn()
        self.earn_version(self.read_aloud)
        [award] = self.stack_awards()
        services.award_revoke(actor=self.admin, award=phonics, reason="The evidence was not the educator's own.")
        award.refresh_from_db()
        assert award.is_revoked and award.revoked_reason == REASON and award.revoked_by is None
        assert check_credential(award.credential).state == "revoked"
        event = AuditEvent.objects.get(action="award.revoked", target_id=str(award.uuid))
        assert event.organization == self.institute
        assert event.data == {"reason": REASON, "component": str(phonics.uuid)}
        response = self.client_for(self.educator).get(stack.get_absolute_url())
        self.assertContains(response, "Your credential for this stack was revoked: " + REASON)

    def test_revoking_a_component_of_another_issuers_stack_revokes_it_there(self):
        office = issuer("literacy-office", "State Literacy Office")
        self.stack([self.version, self.read_aloud], organization=office, actor=member(office, "author"))
        phonics = self.earn()
        self.earn_version(self.read_aloud)
        [award] = self.stack_awards()
        services.award_revoke(actor=self.admin, award=phonics, reason="Issued in error.")
        award.refresh_from_db()
        assert award.is_revoked and check_credential(award.credential).state == "revoked"
        assert AuditEvent.objects.get(action="award.revoked", target_id=str(award.uuid)).organization == office

    def test_a_stack_credential_stays_when_the_rule_is_still_met_without_the_revoked_one(self):
        self.stack(required_count=2)
        phonics = self.earn()
        self.earn_version(self.read_aloud)
        [award] = self.stack_awards()
        self.earn_version(self.fluency)
        counted = {e["id"] for e in award.credential["evidence"]}
        assert "http://testserver" + phonics.get_absolute_url() in counted
        services.award_revoke(actor=self.admin, award=phonics, reason="Issued in error.")
        award.refresh_from_db()
        assert not award.is_revoked
        assert check_credential(award.credential).state == "valid"

    def test_revoking_a_micro_credential_the_stack_did_not_count_leaves_it(self):
        self.stack([self.version, self.read_aloud])
        self.earn()
        self.earn_version(self.read_aloud)
        [award] = self.stack_awards()
        elsewhere = self.earn_version(self.fluency)
        services.award_revoke(actor=self.admin, award=elsewhere, reason="Issued in error.")
        award.refresh_from_db()
        assert not award.is_revoked


class ValidityTests(StackCase):
    def set_validity(self, version: MicroCredentialVersion, months: int) -> None:
        MicroCredentialVersion.objects.filter(pk=version.pk).update(validity_months=months)
        version.refresh_from_db()

    def test_the_stack_credential_expires_with_its_first_component_to_expire(self):
        self.set_validity(self.version, 24)
        self.set_validity(self.read_aloud, 6)
        self.stack([self.version, self.read_aloud, self.fluency])
        self.earn()
        read_aloud = self.earn_version(self.read_aloud)
        self.earn_version(self.fluency)  # never expires
        [award] = self.stack_awards()
        assert award.valid_until == read_aloud.valid_until
        assert award.credential["validUntil"] == read_aloud.credential["validUntil"]
        assert check_credential(award.credential).state == "valid"
        assert award.valid_until is not None
        later = award.valid_until + timedelta(seconds=1)
        assert check_credential(award.credential, now=later).state == "expired"

    def test_an_expired_micro_credential_does_not_count(self):
        self.stack([self.version, self.read_aloud])
        phonics = self.earn()
        Award.objects.filter(pk=phonics.pk).update(valid_until=timezone.now() - timedelta(days=1))
        self.earn_version(self.read_aloud)
        assert self.stack_awards() == []

    def test_the_count_rule_counts_the_longest_lasting_credentials(self):
        self.set_validity(self.version, 3)
        self.stack(required_count=2)
        self.earn()
        self.earn_version(self.read_aloud)
        [award] = self.stack_awards()
        assert award.valid_until is not None  # the phonics one was needed
        counted = stacks.stack_counted_awards(self.educator, self.stack_of(award))
        assert counted is not None and len(counted) == 2
        self.earn_version(self.fluency)
        counted = stacks.stack_counted_awards(self.educator, self.stack_of(award))
        assert counted is not None
        assert [a.version for a in counted] == [self.read_aloud, self.fluency]  # the expiring one is left out


class StandardsTests(StackCase):
    def test_the_stack_credential_follows_the_schema_and_digital_bazaar_verifies_it(self):
        MicroCredentialVersion.objects.filter(pk=self.version.pk).update(validity_months=12)
        self.version.refresh_from_db()
        self.stack([self.version, self.read_aloud], required_count=2, capstone=self.read_aloud.micro_credential)
        phonics = self.earn()
        self.earn_version(self.read_aloud)
        [award] = self.stack_awards()
        assert "validUntil" in award.credential
        errors = schema_errors(award.credential)
        assert not errors, "\n".join(errors)
        items = [{"credential": award.credential, "documents": documents_for(award)}]
        [result] = verify_with_digital_bazaar(items)
        assert (result["verified"], result["revoked"]) == (True, False), result
        services.award_revoke(actor=self.admin, award=phonics, reason="Issued in error.")
        award.refresh_from_db()
        [result] = verify_with_digital_bazaar([{"credential": award.credential, "documents": documents_for(award)}])
        assert result["revoked"] is True, result


class StackPageTests(StackCase):
    def test_the_stack_page_links_the_educator_to_their_stack_credential(self):
        stack = self.stack([self.version])
        self.earn()
        [award] = self.stack_awards()
        page = self.client_for(self.educator).get(stack.get_absolute_url())
        self.assertContains(page, "You earned this stack")
        self.assertContains(page, f'href="{award.get_absolute_url()}"')
        credential_page = self.client_for(self.educator).get(award.get_absolute_url())
        self.assertContains(credential_page, "Early Literacy")
        self.assertContains(credential_page, "The credentials it counts")
        self.assertContains(credential_page, f"<strong>{self.version.title}</strong>", html=True)
        for client in (self.client, self.client_for(self.other_educator)):
            page = client.get(stack.get_absolute_url())
            assert page.status_code == 200
            self.assertNotContains(page, "You earned this stack")
            self.assertNotContains(page, award.get_absolute_url())
