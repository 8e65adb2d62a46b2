"""Shared set-up for earning tests: a published micro-credential, an educator
in a school under a district, the people around them, and helpers that put
real files into a draft through the services."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.test import Client, TestCase

from evident.accounts.models import Organization, User
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.models import MicroCredentialVersion, Requirement
from evident.catalog.tests.factories import issuer, publish, quality_reviewer, sample_blueprint
from evident.earning import services
from evident.earning.models import Enrollment, EvidenceFile, Submission
from evident.earning.tests import samples

WORDS_350 = " ".join(["Students blended the short vowel pattern accurately in the second round."] * 35)


class EarningTestCase(TestCase):
    district: Organization
    school: Organization
    other_district: Organization
    version: MicroCredentialVersion
    educator: User
    other_educator: User
    coach: User
    other_coach: User
    reviewer: User
    outsider: User

    @classmethod
    def setUpTestData(cls) -> None:
        cls.district = OrganizationFactory(slug="riverbend", name="Riverbend Schools")
        cls.school = OrganizationFactory(
            slug="maple", name="Maple Street Elementary", kind=Organization.Kind.SCHOOL, parent=cls.district
        )
        cls.other_district = OrganizationFactory(slug="lakeshore", name="Lakeshore Schools")
        institute = issuer()
        author = member(institute, "author")
        cls.version = publish(author, institute, sample_blueprint(), quality_reviewer())
        cls.educator = member(cls.school, "educator", email="elena@maple.example", full_name="Elena Educator")
        cls.other_educator = member(cls.school, "educator", email="omar@maple.example", full_name="Omar Other")
        cls.coach = member(cls.district, "coach", email="cole@riverbend.example", full_name="Cole Coach")
        cls.other_coach = member(cls.other_district, "coach", email="cara@lakeshore.example", full_name="Cara Coach")
        cls.reviewer = member(
            cls.other_district, "reviewer", email="riley@lakeshore.example", full_name="Riley Reviewer"
        )
        cls.outsider = member(cls.other_district, "org_admin", email="olive@lakeshore.example", full_name="Olive Out")

    def setUp(self) -> None:
        self.workdir = Path(tempfile.mkdtemp(prefix="evident-earning-test-"))

    def client_for(self, user: User, *, enforce_csrf: bool = False) -> Client:
        client = Client(enforce_csrf_checks=enforce_csrf)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    def requirement(self, kind: str) -> Requirement:
        return self.version.requirements.get(evidence_kind=kind)

    def enrol(self, user: User | None = None) -> Enrollment:
        return services.enrollment_start(actor=user or self.educator, version=self.version)

    def draft(self, enrollment: Enrollment) -> Submission:
        return enrollment.submissions.get(status=Submission.Status.DRAFT)

    def add_pdf(self, enrollment: Enrollment, name: str = "lesson-plan.pdf") -> EvidenceFile:
        path = samples.make_pdf(self.workdir / name)
        return services.evidence_file_add(
            actor=enrollment.educator,
            submission=self.draft(enrollment),
            requirement_uuid=self.requirement("document").uuid,
            path=path,
            filename=name,
        )

    def add_video(self, enrollment: Enrollment, name: str = "lesson.mp4", seconds: float = 1.0) -> EvidenceFile:
        path = samples.make_video(self.workdir / name, seconds=seconds, size=(160, 120))
        # The web copy and poster are made by a task enqueued on commit; tests run it at once.
        with self.captureOnCommitCallbacks(execute=True):
            file = services.evidence_file_add(
                actor=enrollment.educator,
                submission=self.draft(enrollment),
                requirement_uuid=self.requirement("video").uuid,
                path=path,
                filename=name,
            )
        file.refresh_from_db()
        return file

    def complete_draft(self, enrollment: Enrollment) -> Submission:
        self.add_video(enrollment)
        self.add_pdf(enrollment)
        services.evidence_save(
            actor=enrollment.educator,
            submission=self.draft(enrollment),
            requirement_uuid=self.requirement("written").uuid,
            text=WORDS_350,
        )
        return self.draft(enrollment)

    def submit(self, enrollment: Enrollment) -> Submission:
        submission = self.complete_draft(enrollment)
        return services.submission_submit(
            actor=enrollment.educator, submission=submission, choices=services.SubmitChoices(consent=True)
        )
