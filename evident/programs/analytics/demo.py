"""Demo figures: fictional teachers of the demo districts at every stage, so the dashboards have something to say.

These teachers cannot sign in and have no evidence: their enrolments and
submissions are made directly (their earned ones get real credentials), with dates spread over the last eight months,
to fill the funnel, the months, the schools and the at-risk list. The demo
educator's own work stays the one made through the real services. Running it
again changes nothing.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from evident.accounts.demo import DEMO_DOMAIN
from evident.accounts.models import Membership, Organization, User
from evident.credentials.services import award_issue_for_enrollment
from evident.earning.models import Enrollment, Submission
from evident.programs.models import Cohort, CohortMember, Program

FIRST_NAMES = [
    "Amara", "Bao", "Carmen", "Dev", "Elif", "Femi", "Greta", "Hiro", "Imani", "Jonas", "Keira", "Luis",
    "Mei", "Nadia", "Owen", "Priya", "Quinn", "Rosa", "Sami", "Tomas", "Uma", "Vera", "Wes", "Yara",
]  # fmt: skip
LAST_NAMES = ["Adeyemi", "Brandt", "Castillo", "Dubois", "Eriksen", "Farah", "Gallo", "Haddad"]
# (school slug, how many teachers): Riverbend's two schools are on the demo program; North Fork is not.
PLACES = [("maple-street-elementary", 12), ("riverbend-high", 8), ("cedar-ridge-middle", 4)]
# A teacher's stage by their number: how far their enrolment got.
STAGES = ["earned", "earned", "earned_after_revision", "needs_revision", "under_review", "submitted", "working"]


def _teachers() -> list[tuple[str, str, str]]:
    people = []
    n = 0
    for school, count in PLACES:
        for _ in range(count):
            name = f"{FIRST_NAMES[n % len(FIRST_NAMES)]} {LAST_NAMES[n % len(LAST_NAMES)]}"
            people.append((f"teacher-{n + 1:02d}@{DEMO_DOMAIN}", name, school))
            n += 1
    return people


@transaction.atomic
def load_dashboard_demo(*, program_title: str) -> dict[str, int]:
    """Add the fictional teachers and their work if missing; return how many teachers and enrolments were made."""
    if User.objects.filter(email=f"teacher-01@{DEMO_DOMAIN}").exists():
        return {"demo teachers": 0, "demo enrolments": 0}
    program = Program.objects.prefetch_related("micro_credentials__live_version").get(title=program_title)
    offered = [mc for mc in program.micro_credentials.all() if mc.live_version is not None]
    cohorts = {c.name: c for c in Cohort.objects.filter(program=program)}
    now = timezone.now()
    teachers = enrolments = 0
    for index, (email, name, slug) in enumerate(_teachers()):
        school = Organization.objects.get(slug=slug)
        teacher = User.objects.create_user(email=email, full_name=name, password=None)
        Membership.objects.create(user=teacher, organization=school, role="educator")
        teachers += 1
        cohort = None
        if school.parent_id == program.organization_id:
            cohort = cohorts.get(
                "Maple Street K–3" if slug == "maple-street-elementary" else "Riverbend High reading specialists"
            )
        if cohort is not None:
            CohortMember.objects.create(
                program=program, cohort=cohort, email=email, full_name=name, educator=teacher, school=school,
                invited_at=now,
            )  # fmt: skip
        for k in range(1 + index % 3):
            mc = offered[(index + k) % len(offered)] if offered else None
            if mc is None or mc.live_version is None:
                break
            stage = STAGES[(index + k) % len(STAGES)]
            started = now - timedelta(days=20 + (index * 11 + k * 17) % 220)
            earned = stage.startswith("earned")
            first_submitted = started + timedelta(days=8 + index % 6)
            first_decided = first_submitted + timedelta(hours=30 + index * 7 % 90)
            second_submitted = first_submitted + timedelta(days=7)
            earned_at = second_submitted + timedelta(hours=40) if stage == "earned_after_revision" else first_decided
            enrollment = Enrollment.objects.create(
                educator=teacher,
                organization=school,
                micro_credential=mc,
                version=mc.live_version,
                status="earned" if earned else stage,
                started_at=started,
                updated_at=now,
                earned_at=earned_at if earned else None,
                # Some deadlines fall in the next three weeks: they fill the at-risk list.
                deadline=(now + timedelta(days=5 + index % 15)).date() if not earned and index % 2 == 0 else None,
            )
            enrolments += 1
            if stage == "working":
                continue
            first_status = {
                "earned": "passed",
                "earned_after_revision": "needs_revision",
                "needs_revision": "needs_revision",
                "under_review": "under_review",
                "submitted": "submitted",
            }[stage]
            decided = first_status in {"passed", "needs_revision"}
            Submission.objects.create(
                enrollment=enrollment,
                number=1,
                status=first_status,
                submitted_at=first_submitted,
                decided_at=first_decided if decided else None,
                created_at=started,
                updated_at=now,
            )
            if stage == "earned_after_revision":
                Submission.objects.create(
                    enrollment=enrollment,
                    number=2,
                    status="passed",
                    submitted_at=second_submitted,
                    decided_at=earned_at,
                    created_at=second_submitted,
                    updated_at=now,
                )
    # Their earned enrolments get real signed credentials, so programs count them as the dashboards do.
    for enrollment in Enrollment.objects.filter(educator__email__startswith="teacher-", status="earned"):
        award_issue_for_enrollment(enrollment)
    return {"demo teachers": teachers, "demo enrolments": enrolments}
