from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.test import TestCase

from evident.accounts.models import AuditEvent, Organization, User
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog import services
from evident.catalog.blueprint import Blueprint, blueprint_problems
from evident.catalog.demo import ALL_CRITERIA_MET
from evident.catalog.demo_content import CLASSROOM_MANAGEMENT, EARLY_LITERACY, blueprints
from evident.catalog.models import MicroCredentialVersion, QualityReview
from evident.catalog.permissions import CatalogNeed, access_version
from evident.catalog.selectors import blueprint_of, live_versions
from evident.catalog.tests.factories import issuer, publish, quality_reviewer, sample_blueprint

Status = MicroCredentialVersion.Status


class AuthoringLifecycleTests(TestCase):
    institute: Organization
    author: User
    reviewer: User

    @classmethod
    def setUpTestData(cls):
        cls.institute = issuer()
        cls.author = member(cls.institute, "author")
        cls.reviewer = quality_reviewer()

    def test_a_draft_goes_through_changes_requested_to_published(self):
        version = services.micro_credential_create(
            actor=self.author, organization=self.institute, blueprint=sample_blueprint()
        )
        assert version.status == Status.DRAFT
        services.version_submit(actor=self.author, version=version)
        verdicts = {**ALL_CRITERIA_MET, "rubric": {"meets": False, "comment": "Make Approaching observable."}}
        review = services.version_review(actor=self.reviewer, version=version, verdicts=verdicts, comment="Close.")
        assert review.outcome == QualityReview.Outcome.CHANGES_REQUESTED
        version.refresh_from_db()
        assert version.status == Status.CHANGES_REQUESTED
        assert not live_versions().exists()
        services.version_update(actor=self.author, version=version, blueprint=sample_blueprint(summary="Clearer."))
        services.version_submit(actor=self.author, version=version)
        services.version_review(actor=self.reviewer, version=version, verdicts=ALL_CRITERIA_MET, comment="")
        version.refresh_from_db()
        assert version.status == Status.PUBLISHED
        assert list(live_versions()) == [version]
        assert AuditEvent.objects.filter(action="version.approved").exists()

    def test_an_incomplete_draft_cannot_be_submitted_and_says_why(self):
        blueprint = sample_blueprint()
        blueprint.requirements[0].passing_score = 9
        version = services.micro_credential_create(actor=self.author, organization=self.institute, blueprint=blueprint)
        with self.assertRaises(ValidationError) as caught:
            services.version_submit(actor=self.author, version=version)
        assert "has no passing level" in " ".join(caught.exception.messages)

    def test_a_published_version_cannot_be_altered(self):
        version = publish(self.author, self.institute, sample_blueprint(), self.reviewer)
        with self.assertRaises(ValidationError) as caught:
            services.version_update(actor=self.author, version=version, blueprint=sample_blueprint(title="Changed"))
        assert "can no longer change" in " ".join(caught.exception.messages)
        with self.assertRaises(ValidationError):
            services.version_submit(actor=self.author, version=version)
        version.refresh_from_db()
        assert version.title == "Teaching Phonics"

    def test_editing_a_published_micro_credential_starts_a_new_version(self):
        first = publish(self.author, self.institute, sample_blueprint(), self.reviewer)
        draft = services.version_new_draft(actor=self.author, micro_credential=first.micro_credential)
        assert draft.number == 2
        assert blueprint_of(draft) == blueprint_of(first)
        with self.assertRaises(ValidationError):
            services.version_new_draft(actor=self.author, micro_credential=first.micro_credential)
        services.version_update(
            actor=self.author, version=draft, blueprint=sample_blueprint(title="Teaching Phonics 2")
        )
        services.version_submit(actor=self.author, version=draft)
        services.version_review(actor=self.reviewer, version=draft, verdicts=ALL_CRITERIA_MET, comment="")
        first.refresh_from_db()
        assert first.status == Status.PUBLISHED, "earners on version 1 keep it"
        assert first.title == "Teaching Phonics"
        assert [v.title for v in live_versions()] == ["Teaching Phonics 2"]

    def test_retiring_hides_a_version_from_the_catalog(self):
        version = publish(self.author, self.institute, sample_blueprint(), self.reviewer)
        admin = member(self.institute, "org_admin")
        services.version_retire(actor=admin, version=version)
        assert not live_versions().exists()
        with self.assertRaises(ValidationError):
            services.version_retire(actor=admin, version=version)

    def test_only_quality_reviewers_review_and_only_what_was_submitted(self):
        version = services.micro_credential_create(
            actor=self.author, organization=self.institute, blueprint=sample_blueprint()
        )
        with self.assertRaises(ValidationError):
            services.version_review(actor=self.reviewer, version=version, verdicts=ALL_CRITERIA_MET, comment="")
        services.version_submit(actor=self.author, version=version)
        with self.assertRaises(PermissionDenied):
            services.version_review(actor=self.author, version=version, verdicts=ALL_CRITERIA_MET, comment="")
        with self.assertRaises(ValidationError) as caught:
            services.version_review(
                actor=self.reviewer,
                version=version,
                verdicts={**ALL_CRITERIA_MET, "equity": {"meets": False, "comment": ""}},
                comment="",
            )
        assert "Say what to change" in " ".join(caught.exception.messages)


class TenancyTests(TestCase):
    institute: Organization
    other: Organization
    author: User
    other_author: User
    educator: User
    reviewer: User
    draft: MicroCredentialVersion

    @classmethod
    def setUpTestData(cls):
        cls.institute = issuer()
        cls.other = issuer("other-issuer", "Other Issuer")
        cls.author = member(cls.institute, "author")
        cls.other_author = member(cls.other, "author")
        cls.educator = member(cls.institute, "educator")
        cls.reviewer = quality_reviewer()
        cls.draft = services.micro_credential_create(
            actor=cls.author, organization=cls.institute, blueprint=sample_blueprint()
        )

    def test_an_author_of_another_organization_can_neither_see_nor_change_a_draft(self):
        with self.assertRaises(Http404):
            access_version(self.other_author, self.draft.uuid, CatalogNeed.AUTHOR)
        with self.assertRaises(Http404):
            services.version_update(actor=self.other_author, version=self.draft, blueprint=sample_blueprint("X"))
        with self.assertRaises(Http404):
            services.version_submit(actor=self.other_author, version=self.draft)
        with self.assertRaises(Http404):
            services.micro_credential_create(
                actor=self.other_author, organization=self.institute, blueprint=sample_blueprint("Y")
            )

    def test_a_member_without_the_author_role_is_refused(self):
        with self.assertRaises(PermissionDenied):
            access_version(self.educator, self.draft.uuid, CatalogNeed.AUTHOR)
        with self.assertRaises(PermissionDenied):
            services.version_update(actor=self.educator, version=self.draft, blueprint=sample_blueprint("X"))

    def test_quality_reviewers_reach_only_submitted_versions(self):
        with self.assertRaises(Http404):
            access_version(self.reviewer, self.draft.uuid, CatalogNeed.QUALITY_REVIEW)
        services.version_submit(actor=self.author, version=self.draft)
        assert access_version(self.reviewer, self.draft.uuid, CatalogNeed.QUALITY_REVIEW) == self.draft
        with self.assertRaises(Http404):
            access_version(self.other_author, self.draft.uuid, CatalogNeed.QUALITY_REVIEW)

    def test_a_district_cannot_author(self):
        district = OrganizationFactory(slug="district")
        teacher = member(district, "author")
        with self.assertRaises(PermissionDenied):
            services.micro_credential_create(actor=teacher, organization=district, blueprint=sample_blueprint())


class BlueprintTests(TestCase):
    def test_it_round_trips_through_the_database_and_json(self):
        institute = issuer()
        author = member(institute, "author")
        blueprint = sample_blueprint()
        version = services.micro_credential_create(actor=author, organization=institute, blueprint=blueprint)
        assert blueprint_of(version) == blueprint
        assert Blueprint.from_dict(blueprint.to_dict()) == blueprint

    def test_the_demo_blueprints_are_complete(self):
        for blueprint in blueprints(EARLY_LITERACY + CLASSROOM_MANAGEMENT):
            assert blueprint_problems(blueprint) == [], blueprint.title

    def test_it_lists_what_is_missing_in_plain_words(self):
        blueprint = sample_blueprint()
        blueprint.summary = ""
        blueprint.requirements[1].levels[2].score = 1
        found = blueprint_problems(blueprint)
        assert "The summary is empty." in found
        assert any("same score" in p for p in found)


class StackAndPathwayRulesTests(TestCase):
    def test_a_new_stack_refuses_a_capstone_outside_it_and_a_pathway_refuses_later_prerequisites(self):
        institute = issuer()
        author = member(institute, "author")
        reviewer = quality_reviewer()
        first = publish(author, institute, sample_blueprint("First"), reviewer).micro_credential
        second = publish(author, institute, sample_blueprint("Second"), reviewer).micro_credential
        with self.assertRaises(ValidationError) as caught:
            services.stack_create(
                actor=author,
                organization=institute,
                title="Reading",
                description="Reading.",
                micro_credentials=[first],
                capstone=second,
            )
        assert caught.exception.code == "capstone"
        for prerequisites in ([1], [-1]):
            with self.assertRaises(ValidationError) as caught:
                services.pathway_create(
                    actor=author,
                    organization=institute,
                    title=f"Path {prerequisites}",
                    role_name="Lead",
                    description="Lead.",
                    steps=[("foundational", first, prerequisites)],
                )
            assert caught.exception.code == "prerequisite_order"
