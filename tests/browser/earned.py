"""An earned credential made the whole way through the services, for the credential browser tests."""

from __future__ import annotations

from pathlib import Path

from evident.accounts.models import User
from evident.catalog.models import MicroCredentialVersion
from evident.credentials.models import Award
from evident.credentials.services import award_issue_for_enrollment
from evident.earning import services as earning
from evident.earning.tests import samples


def earn(version: MicroCredentialVersion, educator: User, workdir: Path) -> Award:
    """Evidence for every requirement of the sample blueprint, a submission, a passing decision, the signed award."""
    enrollment = earning.enrollment_start(actor=educator, version=version)
    draft = enrollment.submissions.get()
    for kind, path in (
        ("video", samples.make_video(workdir / f"{educator.pk}.mp4")),
        ("document", samples.make_pdf(workdir / f"{educator.pk}.pdf")),
    ):
        earning.evidence_file_add(
            actor=educator,
            submission=draft,
            requirement_uuid=version.requirements.get(evidence_kind=kind).uuid,
            path=path,
            filename=path.name,
        )
    earning.evidence_save(
        actor=educator,
        submission=draft,
        requirement_uuid=version.requirements.get(evidence_kind="written").uuid,
        text="Every student blended the pattern by the end of the lesson. " * 40,
    )
    submission = earning.submission_submit(
        actor=educator, submission=draft, choices=earning.SubmitChoices(consent=True)
    )
    earning.submission_decide(
        submission=submission,
        outcomes=[
            earning.RequirementOutcome(requirement=e.requirement, passed=True, level_name="Meets")
            for e in submission.evidence.select_related("requirement")
        ],
    )
    # Issued by the decision's task already where tasks run on commit; issuing again returns that one.
    enrollment.refresh_from_db()
    return award_issue_for_enrollment(enrollment)
