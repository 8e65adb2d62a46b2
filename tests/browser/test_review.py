"""Review in a real browser: a reviewer passes calibration, takes a submission, scores it with a note
pinned to a moment of the video, and the educator reads the feedback; then a
disagreement between two reviewers goes to a lead reviewer."""

from __future__ import annotations

import re
from datetime import timedelta
from functools import partial
from pathlib import Path

import pytest
from django.test import override_settings
from django.utils import timezone
from playwright.sync_api import Page, Response, expect

from evident.accounts.models import Organization, User
from evident.accounts.services import platform_organization
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.models import MicroCredentialVersion
from evident.catalog.tests.factories import issuer, publish, sample_blueprint
from evident.earning import services as earning
from evident.earning.models import Enrollment, Submission
from evident.earning.tests import samples
from evident.review import calibration
from evident.review.models import Certification, Decision, PoolMember, ReviewerPool
from tests.browser.conftest import BrowserSession, assert_accessible, sign_in

pytestmark = pytest.mark.browser

REFLECTION = " ".join(["The group blended each word after my model, and two students needed a second try."] * 20)


@pytest.fixture
def reviewing(transactional_db) -> tuple[MicroCredentialVersion, ReviewerPool]:
    institute = issuer("institute", "Institute of Practice")
    author = member(institute, "author")
    version = publish(author, institute, sample_blueprint(), member(platform_organization(), "quality_reviewer"))
    forward = OrganizationFactory(slug="teaching-forward", name="Teaching Forward", kind=Organization.Kind.NONPROFIT)
    pool = ReviewerPool.objects.create(
        organization=forward, name="Phonics reviewers", micro_credential=version.micro_credential
    )
    people = [
        member(forward, "reviewer", email="ana@tf.example", full_name="Ana Reviewer"),
        member(forward, "reviewer", email="ben@tf.example", full_name="Ben Reviewer"),
        member(forward, "lead_reviewer", "reviewer", email="lee@tf.example", full_name="Lee Lead"),
    ]
    for person in people:
        PoolMember.objects.create(pool=pool, reviewer=person)
        Certification.objects.create(reviewer=person, pool=pool, expires_at=timezone.now() + timedelta(days=365))
    return version, pool


def submitted(version: MicroCredentialVersion, email: str, name: str, tmp_path: Path) -> Submission:
    district = Organization.objects.filter(slug="riverbend").first() or OrganizationFactory(
        slug="riverbend", name="Riverbend Schools"
    )
    educator = member(district, "educator", email=email, full_name=name)
    enrollment = earning.enrollment_start(actor=educator, version=version)
    draft = enrollment.submissions.get()
    for kind, path in (
        ("video", samples.make_video(tmp_path / f"{name}.mp4", seconds=4.0, size=(320, 240))),
        ("document", samples.make_pdf(tmp_path / f"{name}.pdf")),
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
        text=REFLECTION,
    )
    return earning.submission_submit(actor=educator, submission=draft, choices=earning.SubmitChoices(consent=True))


def _answers(action: str, response: Response) -> bool:
    return response.url.endswith(action)


def score_everything(page: Page, levels: dict[int, str], feedback: str = "") -> None:
    """Pick a level for requirement n and write feedback where it is below passing.

    Each requirement's own autosave is awaited before the next action, so the
    scores are all stored when the test submits them.
    """
    for number, level in levels.items():
        group = page.get_by_role("group", name=f"Level for requirement {number}")
        action = group.locator("xpath=ancestor::form").get_attribute("action") or ""
        saved = partial(_answers, action)
        with page.expect_response(saved):
            group.get_by_label(level, exact=True).check()
        if feedback and level in ("Not yet", "Approaching"):
            field = page.get_by_label("Feedback for the educator").nth(number - 1)
            with page.expect_response(saved):
                field.fill(feedback)
        expect(page.locator(".save-status").nth(number - 1)).to_contain_text("Saved", timeout=10_000)


def take_next(page: Page, label: str) -> None:
    page.goto("/review/")
    page.get_by_role("button", name=f"Take the next one for {label}").click()
    expect(page.get_by_role("heading", name="Submission", exact=False).first).to_be_visible()


def calibration_example(version: MicroCredentialVersion, pool: ReviewerPool, tmp_path: Path) -> None:
    """A decided submission as the pool's active calibration set, with master levels Exceeds · Meets · Approaching."""
    example = submitted(version, "cara@riverbend.example", "Cara Calibration", tmp_path)
    earning.submission_decide(
        submission=example,
        outcomes=[
            earning.RequirementOutcome(requirement=e.requirement, passed=e.requirement.evidence_kind != "written")
            for e in example.evidence.select_related("requirement")
        ],
    )
    lead = User.objects.get(email="lee@tf.example")
    calibration_set = calibration.calibration_set_create(actor=lead, pool=pool, title="Autumn calibration")
    masters = {"video": "Exceeds", "document": "Meets", "written": "Approaching"}
    requirements = list(version.requirements.all())
    calibration.calibration_item_add(
        actor=lead,
        set=calibration_set,
        submission_code=example.code,
        master_levels={r.uuid: r.levels.get(name=masters[r.evidence_kind]).pk for r in requirements},
        rationales={r.uuid: f"The evidence shows {masters[r.evidence_kind].lower()} practice." for r in requirements},
    )
    calibration.calibration_set_activate(actor=lead, set=calibration_set)


@override_settings(
    REVIEW_DOUBLE_SCORE_FIRST_DECISIONS=0, REVIEW_DOUBLE_SCORE_SHARE_PERCENT=0, REVIEW_BACK_READ_SHARE_PERCENT=0
)
def test_a_reviewer_passes_calibration_scores_with_a_note_in_the_video_and_the_educator_reads_the_feedback(
    session: BrowserSession, reviewing, tmp_path
):
    version, pool = reviewing
    Certification.objects.filter(reviewer__email="ana@tf.example").delete()
    calibration_example(version, pool, tmp_path)
    submission = submitted(version, "elena@riverbend.example", "Elena Educator", tmp_path)

    reviewer = session.new_page()
    sign_in(reviewer, "ana@tf.example")
    reviewer.get_by_role("navigation", name="Main").get_by_role("link", name="Review").click()
    expect(reviewer.get_by_text("Not certified")).to_be_visible()
    reviewer.get_by_role("navigation", name="Main").get_by_role("link", name="Calibration").click()
    reviewer.get_by_role("button", name=re.compile("^Start the calibration")).click()
    for number, level in enumerate(["Exceeds", "Meets", "Approaching"], start=1):
        reviewer.get_by_role("group", name=f"Your level for requirement {number}").get_by_role(
            "radio", name=re.compile(f"^{level}")
        ).check()
    expect(reviewer.get_by_text("3 of 3 requirements scored")).to_be_visible()
    assert_accessible(reviewer)
    reviewer.once("dialog", lambda dialog: dialog.accept())
    reviewer.get_by_role("button", name="Finish and see the master scores").click()
    expect(reviewer.get_by_text(f"You are certified for {pool.name} until")).to_be_visible()
    assert_accessible(reviewer)

    reviewer.get_by_role("navigation", name="Main").get_by_role("link", name="Review").click()
    assert_accessible(reviewer)
    reviewer.get_by_role("button", name=f"Take the next one for first scoring in {pool.name}").click()
    expect(reviewer.get_by_role("heading", name=f"Submission {submission.code}")).to_be_visible()
    expect(reviewer.get_by_text("Elena")).to_have_count(0)
    assert_accessible(reviewer)

    video = reviewer.locator("video").first
    video.evaluate(
        "v => new Promise(done => { v.muted = true; v.addEventListener('seeked', done, {once: true}); v.currentTime = 2; })"
    )
    expect(reviewer.locator("[data-note-time]").first).to_have_text("0:02")
    reviewer.get_by_label("Note at").first.fill("Every student blends the word here.")
    reviewer.get_by_role("button", name="Pin note").first.click()
    expect(reviewer.get_by_role("button", name="0:02")).to_be_visible()

    # Far from the pass line everywhere, so one scoring decides.
    score_everything(
        reviewer, {1: "Exceeds", 2: "Exceeds", 3: "Not yet"}, feedback="Name the students who needed a second model."
    )
    reviewer.get_by_role("button", name="Submit my scores").click()
    expect(reviewer.get_by_text(f"Submission {submission.code} is decided: needs revision")).to_be_visible()
    assert_accessible(reviewer)

    educator = session.new_page()
    sign_in(educator, "elena@riverbend.example")
    educator.goto(Enrollment.objects.get(educator__email="elena@riverbend.example").get_absolute_url())
    expect(educator.get_by_text("Name the students who needed a second model.")).to_be_visible()
    expect(educator.get_by_text("Passed · carried over").first).to_be_visible()
    assert_accessible(educator)


@override_settings(REVIEW_BACK_READ_SHARE_PERCENT=0)
def test_a_disagreement_goes_to_a_lead_reviewer_whose_decision_stands(session: BrowserSession, reviewing, tmp_path):
    version, pool = reviewing
    submission = submitted(version, "omar@riverbend.example", "Omar Educator", tmp_path)

    first = session.new_page()
    sign_in(first, "ana@tf.example")
    take_next(first, f"first scoring in {pool.name}")
    score_everything(first, {1: "Exceeds", 2: "Meets", 3: "Meets"})
    first.get_by_role("button", name="Submit my scores").click()
    expect(first.get_by_text("It goes on to a second reviewer or a lead")).to_be_visible()

    second = session.new_page()
    sign_in(second, "ben@tf.example")
    take_next(second, f"second scoring in {pool.name}")
    score_everything(second, {1: "Approaching", 2: "Meets", 3: "Not yet"}, feedback="Show the students practising.")
    second.get_by_role("button", name="Submit my scores").click()
    expect(second.get_by_text("It goes on to a second reviewer or a lead")).to_be_visible()

    lead = session.new_page()
    sign_in(lead, "lee@tf.example")
    lead.goto("/review/lead/")
    expect(lead.get_by_text("Adjudications waiting")).to_be_visible()
    assert_accessible(lead)
    take_next(lead, f"adjudication in {pool.name}")
    expect(lead.get_by_role("heading", name=f"Submission {submission.code}")).to_be_visible()
    assert_accessible(lead)
    score_everything(lead, {1: "Meets", 2: "Meets", 3: "Meets"})
    lead.get_by_role("button", name="Submit my scores").click()
    expect(lead.get_by_text(f"Submission {submission.code} is decided: earned")).to_be_visible()
    assert Enrollment.objects.get(educator__email="omar@riverbend.example").status == "earned"
    assert Decision.objects.get(submission=submission).basis == "adjudicated"
