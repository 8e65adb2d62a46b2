"""The demo educator's credentials: earned through the real services, signed by the demo issuers.

Elena (``educator@…``) has earned four micro-credentials:

* *Creating Physical Environments for Learning*: valid and public;
* *Developing a Climate of Respect and Rapport*: valid, private;
* *Aligning Learning Objectives with Assessments*: public, then revoked by
  Teaching Forward's admin (``issuer-admin@…``) with a reason, so it is never
  listed on her profile;
* *Strategic Grouping Based on Data*: earned three years ago on a version
  valid for 24 months, so it has expired; public, listed as expired.

Her public profile is on, so ``/people/elena-educator/`` shows the demo.
Loaded after the earning demo. Running it again changes nothing.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.db.models import F

from evident.accounts.models import Organization, User
from evident.catalog.models import MicroCredentialVersion
from evident.credentials import services
from evident.credentials.models import PublicProfile
from evident.credentials.profiles import profile_get_or_create, profile_update
from evident.earning import services as earning
from evident.earning.models import Enrollment, EnrollmentEvent, Submission
from evident.earning.tests import samples  # the same small, real media the earning demo uses

REFLECTION = (
    "I moved the reading table so that the group faced away from the windows, and every child could see the "
    "chart without turning. Over the week fewer students asked me for materials, and transitions took less time. "
) * 10

FEEDBACK = {
    "video": "The clip shows every student taking part; the routine is clear and well paced.",
    "document": "A complete record: each decision is tied to what the students needed.",
    "written": "A thoughtful reflection that names what changed and what you will try next.",
}


@dataclass(frozen=True)
class DemoCredential:
    title: str
    earned_days_ago: int
    public: bool
    revoke_reason: str = ""
    validity_months: int | None = None


CREDENTIALS = [
    DemoCredential("Creating Physical Environments for Learning", earned_days_ago=60, public=True),
    DemoCredential("Developing a Climate of Respect and Rapport", earned_days_ago=35, public=False),
    DemoCredential(
        "Aligning Learning Objectives with Assessments",
        earned_days_ago=120,
        public=True,
        revoke_reason="The reviewer who scored this submission was not certified for this micro-credential. "
        "Your evidence will be reviewed again; you keep everything you submitted.",
    ),
    DemoCredential("Strategic Grouping Based on Data", earned_days_ago=3 * 365, public=True, validity_months=24),
]

HEADLINE = "Grade 2 teacher, Maple Street Elementary School"


def _evidence(enrollment: Enrollment, workdir: Path) -> Submission:
    """Fill the first draft with real files and text for every requirement, as an educator would."""
    educator = enrollment.educator
    draft = enrollment.submissions.get(status=Submission.Status.DRAFT)
    for requirement in enrollment.version.requirements.order_by("order"):
        kind = requirement.evidence_kind
        if kind == "written":
            earning.evidence_save(actor=educator, submission=draft, requirement_uuid=requirement.uuid, text=REFLECTION)
        elif kind == "link":
            earning.evidence_save(
                actor=educator, submission=draft, requirement_uuid=requirement.uuid, link="https://example.org/lesson"
            )
        else:
            if kind == "video":
                path = samples.make_video(workdir / "lesson.mp4", seconds=2.0, size=(320, 240))
            elif kind == "image":
                path = samples.make_png(workdir / "classroom.png")
            else:
                path = samples.make_pdf(workdir / "record.pdf", text=requirement.title)
            earning.evidence_file_add(
                actor=educator, submission=draft, requirement_uuid=requirement.uuid, path=path, filename=path.name
            )
    return draft


def _earn(educator: User, version: MicroCredentialVersion, school: Organization, workdir: Path) -> Enrollment:
    """Start, submit and pass the micro-credential through the earning services (every requirement Meets)."""
    enrollment = earning.enrollment_start(actor=educator, version=version, organization=school)
    submitted = earning.submission_submit(
        actor=educator, submission=_evidence(enrollment, workdir), choices=earning.SubmitChoices(consent=True)
    )
    earning.submission_start_review(submission=submitted)
    earning.submission_decide(
        submission=submitted,
        outcomes=[
            earning.RequirementOutcome(
                requirement=e.requirement,
                passed=True,
                level_name="Meets",
                feedback=FEEDBACK.get(e.requirement.evidence_kind, ""),
            )
            for e in submitted.evidence.select_related("requirement")
        ],
    )
    return Enrollment.objects.get(pk=enrollment.pk)


def _back_date(enrollment: Enrollment, days: int) -> None:
    """Move the whole enrolment's history ``days`` into the past, as if it had been earned then.

    Demo only: the services always record "now". Shifting every timestamp of
    the enrolment by the same amount keeps its timeline in order; the award is
    issued afterwards, so it is signed with the earlier date.
    """
    shift = timedelta(days=days)
    Enrollment.objects.filter(pk=enrollment.pk).update(
        started_at=F("started_at") - shift, updated_at=F("updated_at") - shift, earned_at=F("earned_at") - shift
    )
    Submission.objects.filter(enrollment=enrollment).update(
        created_at=F("created_at") - shift,
        updated_at=F("updated_at") - shift,
        submitted_at=F("submitted_at") - shift,
        consent_attested_at=F("consent_attested_at") - shift,
        review_started_at=F("review_started_at") - shift,
        decided_at=F("decided_at") - shift,
    )
    EnrollmentEvent.objects.filter(enrollment=enrollment).update(occurred_at=F("occurred_at") - shift)
    enrollment.refresh_from_db()


@transaction.atomic
def load_credentials_demo(*, educator: User, issuer_admin: User, school: Organization) -> dict[str, int]:
    """Give the demo educator earned, signed credentials in each state, and turn her profile public.

    Returns how many credentials and profiles were created. Raises
    MicroCredentialVersion.DoesNotExist when the catalog demo is not loaded.
    """
    created = {"credentials": 0, "public profiles": 0}
    workdir = Path(tempfile.mkdtemp(prefix="evident-demo-credentials-"))
    for spec in CREDENTIALS:
        version = MicroCredentialVersion.objects.get(title=spec.title, is_live=True)
        if Enrollment.objects.filter(educator=educator, micro_credential=version.micro_credential).exists():
            continue
        if spec.validity_months is not None and version.validity_months != spec.validity_months:
            # The demo issuer's setting for this micro-credential (authors set it in the version editor).
            MicroCredentialVersion.objects.filter(pk=version.pk).update(validity_months=spec.validity_months)
            version.refresh_from_db()
        enrollment = _earn(educator, version, school, workdir)
        _back_date(enrollment, spec.earned_days_ago)
        # Issued here rather than by the task the decision enqueues, so the demo has it at once;
        # the task then finds it issued (issuing is idempotent).
        award = services.award_issue_for_enrollment(enrollment)
        if spec.public:
            services.award_set_public(actor=educator, award=award, public=True)
        if spec.revoke_reason:
            services.award_revoke(actor=issuer_admin, award=award, reason=spec.revoke_reason)
        created["credentials"] += 1
    if not PublicProfile.objects.filter(user=educator).exists():
        profile = profile_get_or_create(educator=educator)
        profile_update(
            actor=educator, profile=profile, slug=profile.slug, headline=HEADLINE, is_public=True, allow_indexing=False
        )
        created["public profiles"] += 1
    return created
