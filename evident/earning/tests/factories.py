"""factory_boy factories for enrolments and their evidence, made directly (not through services).

The catalog side is made directly too: a published version with one
requirement is enough for earning's tests.
"""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path
from typing import Any

import factory
from django.core.files import File
from django.core.files.storage import default_storage
from django.utils import timezone

from evident.accounts.models import Organization
from evident.accounts.tests.factories import OrganizationFactory, UserFactory
from evident.catalog.models import MicroCredential, MicroCredentialVersion, Requirement
from evident.earning.media import inspect_file
from evident.earning.models import Enrollment, Evidence, EvidenceFile, Submission


class MicroCredentialFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MicroCredential

    organization = factory.SubFactory(
        OrganizationFactory,
        slug=factory.Sequence(lambda n: f"issuer-{n}"),
        kind=Organization.Kind.UNIVERSITY,
        issues_credentials=True,
    )
    slug = factory.Sequence(lambda n: f"micro-credential-{n}")


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MicroCredentialVersion

    micro_credential = factory.SubFactory(MicroCredentialFactory)
    number = 1
    status = MicroCredentialVersion.Status.PUBLISHED
    title = factory.Sequence(lambda n: f"Teaching Practice {n}")
    published_at = factory.LazyFunction(timezone.now)


class RequirementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Requirement

    version = factory.SubFactory(VersionFactory)
    order = factory.Sequence(lambda n: n)
    title = "A classroom video"
    evidence_kind = Requirement.EvidenceKind.VIDEO
    file_types = factory.LazyFunction(list)
    max_video_minutes = 10
    passing_score = 2


class EnrollmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrollment

    educator = factory.SubFactory(UserFactory)
    organization = factory.SubFactory(OrganizationFactory)
    version = factory.SubFactory(VersionFactory)
    micro_credential = factory.LazyAttribute(lambda o: o.version.micro_credential)
    status = Enrollment.Status.WORKING


class SubmissionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Submission

    enrollment = factory.SubFactory(EnrollmentFactory)
    number = factory.LazyAttribute(lambda o: o.enrollment.submissions.count() + 1)
    status = Submission.Status.DRAFT


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Evidence

    submission = factory.SubFactory(SubmissionFactory)
    requirement = factory.SubFactory(
        RequirementFactory, version=factory.SelfAttribute("..submission.enrollment.version")
    )


class EvidenceFileFactory(factory.django.DjangoModelFactory):
    """A row only: ``original`` names nothing stored. Use :func:`stored_evidence_file` for real bytes."""

    class Meta:
        model = EvidenceFile

    evidence = factory.SubFactory(EvidenceFactory)
    owner = factory.LazyAttribute(lambda o: o.evidence.submission.enrollment.educator)
    original = factory.LazyAttribute(
        lambda o: f"evidence/{o.evidence.submission.enrollment.uuid}/{uuid.uuid4()}/original.mp4"
    )
    original_name = "lesson.mp4"
    size = 1024
    sha256 = "0" * 64
    content_type = "video/mp4"
    kind = EvidenceFile.Kind.VIDEO


def stored_evidence_file(path: Path, *, evidence: Evidence, filename: str = "", **fields: Any) -> EvidenceFile:
    """Keep the file at ``path`` through ``default_storage`` and make its row, as the upload service does.

    The kind, type and sizes come from :func:`inspect_file`. A video starts
    ``pending`` (waiting for processing), anything else ``ready``.
    """
    filename = filename or path.name
    info = inspect_file(path, filename=filename)
    file_uuid = uuid.uuid4()
    with path.open("rb") as handle:
        name = default_storage.save(
            f"evidence/{evidence.submission.enrollment.uuid}/{file_uuid}/original.{info.extension}", File(handle)
        )
    values: dict[str, Any] = {
        "uuid": file_uuid,
        "evidence": evidence,
        "owner": evidence.submission.enrollment.educator,
        "original": name,
        "original_name": filename,
        "size": path.stat().st_size,
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "content_type": info.content_type,
        "kind": info.kind,
        "duration_seconds": info.duration_seconds,
        "width": info.width,
        "height": info.height,
        "processing": EvidenceFile.Processing.PENDING if info.kind == "video" else EvidenceFile.Processing.READY,
    }
    values.update(fields)
    return EvidenceFile.objects.create(**values)
