"""The demo educator's work: micro-credentials in each state, through the real services.

Elena (``educator@…``) is working on *Teaching Phonics* and shares it with
Cole the coach, who has commented; her *Teaching Phonological Awareness*
evidence waits for a reviewer; *Maximizing Learning Through Classroom
Routines* came back needing revision on its reflection. Loaded after the
catalog demo. Running it again changes nothing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.db import transaction

from evident.accounts.models import Organization, User
from evident.catalog.models import MicroCredentialVersion
from evident.earning import services
from evident.earning.models import Enrollment, Submission
from evident.earning.tests import samples  # the same small, real media the tests make

REFLECTION = (
    "I taught the short-a word family to my reading group of six. After my model, four of them blended "
    "every word on the first try; two needed me to say the first sound with them again. "
) * 12


def _version(title: str) -> MicroCredentialVersion:
    return MicroCredentialVersion.objects.get(title=title, is_live=True)


def _requirement_uuid(enrollment: Enrollment, kind: str) -> str:
    return str(enrollment.version.requirements.get(evidence_kind=kind).uuid)


def _draft(enrollment: Enrollment) -> Submission:
    return enrollment.submissions.get(status=Submission.Status.DRAFT)


def _complete(enrollment: Enrollment, workdir: Path, *, reflection: str = REFLECTION) -> Submission:
    educator = enrollment.educator
    video = samples.make_video(workdir / "lesson.mp4", seconds=3.0, size=(640, 360))
    plan = samples.make_pdf(workdir / "lesson-plan.pdf", text=f"Lesson plan: {enrollment.version.title}")
    for kind, path in (("video", video), ("document", plan)):
        services.evidence_file_add(
            actor=educator,
            submission=_draft(enrollment),
            requirement_uuid=_requirement_uuid(enrollment, kind),
            path=path,
            filename=path.name,
        )
    services.evidence_save(
        actor=educator,
        submission=_draft(enrollment),
        requirement_uuid=_requirement_uuid(enrollment, "written"),
        text=reflection,
    )
    return _draft(enrollment)


@transaction.atomic
def load_earning_demo(*, educator: User, coach: User, school: Organization) -> dict[str, int]:
    """Enrol the demo educator in three micro-credentials in three states."""
    if Enrollment.objects.filter(educator=educator).exists():
        return {"enrolments": 0}
    workdir = Path(tempfile.mkdtemp(prefix="evident-demo-"))

    phonics = services.enrollment_start(actor=educator, version=_version("Teaching Phonics"), organization=school)
    services.evidence_file_add(
        actor=educator,
        submission=_draft(phonics),
        requirement_uuid=_requirement_uuid(phonics, "document"),
        path=samples.make_pdf(workdir / "short-a-lesson-plan.pdf", text="Short-a word family: lesson plan"),
        filename="short-a-lesson-plan.pdf",
    )
    services.evidence_save(
        actor=educator,
        submission=_draft(phonics),
        requirement_uuid=_requirement_uuid(phonics, "written"),
        text="Notes so far: the group blended CVC words well; I want to record the next lesson.",
    )
    services.coach_share(actor=educator, enrollment=phonics, coach=coach)
    services.draft_comment_add(
        actor=coach,
        submission=_draft(phonics),
        body="Your plan moves nicely from the model to word building. In the video, let us hear every student blend.",
    )

    awareness = services.enrollment_start(
        actor=educator, version=_version("Teaching Phonological Awareness"), organization=school
    )
    services.submission_submit(
        actor=educator,
        submission=_complete(awareness, workdir),
        choices=services.SubmitChoices(consent=True),
    )

    routines = services.enrollment_start(
        actor=educator, version=_version("Maximizing Learning Through Classroom Routines"), organization=school
    )
    submitted = services.submission_submit(
        actor=educator, submission=_complete(routines, workdir), choices=services.SubmitChoices(consent=True)
    )
    services.submission_start_review(submission=submitted)
    services.submission_decide(
        submission=submitted,
        outcomes=[
            services.RequirementOutcome(
                requirement=e.requirement,
                passed=e.requirement.evidence_kind != "written",
                level_name="Meets" if e.requirement.evidence_kind != "written" else "Approaching",
                feedback=(
                    ""
                    if e.requirement.evidence_kind != "written"
                    else "You describe the routine well. Say what the timing record shows about the minutes "
                    "gained, and which students still need support with the transition."
                ),
            )
            for e in submitted.evidence.select_related("requirement")
        ],
    )
    return {"enrolments": 3}
