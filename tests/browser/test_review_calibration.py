"""Calibration in a real browser: a lead reviewer builds a calibration set from two
real submissions (chosen by code) with master levels and rationales, and
activates it; a reviewer scores it blind, their levels saving as they go,
finishes, passes, and reads where they differed from the master scores."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from evident.accounts.models import Organization, User
from evident.accounts.services import platform_organization
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.models import MicroCredentialVersion
from evident.catalog.tests.factories import issuer, publish, sample_blueprint
from evident.earning import services
from evident.earning.models import Submission
from evident.earning.tests import samples
from evident.review.models import Certification, PoolMember, ReviewerPool
from tests.browser.conftest import BrowserSession, assert_accessible, sign_in

pytestmark = pytest.mark.browser

REFLECTION = " ".join(["Most students blended the new pattern on their own by the third word."] * 30)


@dataclass
class Calibration:
    version: MicroCredentialVersion
    submissions: list[Submission]
    pool: ReviewerPool
    lead: User
    reviewer: User


def _submit(version: MicroCredentialVersion, educator: User, workdir: Path) -> Submission:
    enrollment = services.enrollment_start(actor=educator, version=version)
    draft = enrollment.submissions.get()
    requirements = {r.evidence_kind: r for r in version.requirements.all()}
    video = samples.make_video(workdir / f"{educator.pk}-lesson.mp4", seconds=1.0, size=(160, 120))
    plan = samples.make_pdf(workdir / f"{educator.pk}-plan.pdf")
    # Outside a test transaction the video's processing task runs on commit, at once.
    services.evidence_file_add(
        actor=educator, submission=draft, requirement_uuid=requirements["video"].uuid, path=video, filename="lesson.mp4"
    )
    services.evidence_file_add(
        actor=educator, submission=draft, requirement_uuid=requirements["document"].uuid, path=plan, filename="plan.pdf"
    )
    services.evidence_save(
        actor=educator, submission=draft, requirement_uuid=requirements["written"].uuid, text=REFLECTION
    )
    return services.submission_submit(actor=educator, submission=draft, choices=services.SubmitChoices(consent=True))


@pytest.fixture
def setting(transactional_db, tmp_path: Path) -> Calibration:
    institute = issuer("institute", "Institute of Practice")
    version = publish(
        member(institute, "author"), institute, sample_blueprint(), member(platform_organization(), "quality_reviewer")
    )
    district = OrganizationFactory(slug="riverbend", name="Riverbend Schools")
    submissions = [
        _submit(
            version,
            member(district, "educator", email=f"teacher{n}@riverbend.example", full_name=f"Tess Teacher{n}"),
            tmp_path,
        )
        for n in (1, 2)
    ]
    reviewing = OrganizationFactory(slug="teaching-forward", name="Teaching Forward", kind=Organization.Kind.NONPROFIT)
    lead = member(reviewing, "lead_reviewer", "reviewer", email="lee@tf.example", full_name="Lee Lead")
    reviewer = member(reviewing, "reviewer", email="ana@tf.example", full_name="Ana Reviewer")
    pool = ReviewerPool.objects.create(
        organization=reviewing, name="Teaching Phonics reviewers", micro_credential=version.micro_credential
    )
    for person in (lead, reviewer):
        PoolMember.objects.create(pool=pool, reviewer=person)
    return Calibration(version=version, submissions=submissions, pool=pool, lead=lead, reviewer=reviewer)


def _choose(page: Page, group: str, level: str) -> None:
    page.get_by_role("group", name=group).get_by_role("radio", name=re.compile(f"^{level}")).check()


def _add_item(page: Page, code: str, levels: list[str]) -> None:
    page.get_by_label("Submission code").fill(code.replace("-", "").lower())
    page.get_by_role("button", name="Find the submission").click()
    expect(page.get_by_role("heading", name=f"Add submission {code}")).to_be_visible()
    assert_accessible(page)
    for number, level in enumerate(levels, start=1):
        _choose(page, f"Master level for requirement {number}", level)
        page.get_by_label(f"Why this level (rationale) for requirement {number}").fill(
            f"Requirement {number} of {code} is {level}: the evidence shows it."
        )
    page.get_by_role("button", name="Add to the set").click()
    expect(page.get_by_role("heading", name=f"Submission {code}")).to_be_visible()


def test_a_lead_builds_a_calibration_set_and_a_reviewer_passes_it(session: BrowserSession, setting: Calibration):
    first, second = (s.code for s in setting.submissions)

    lead = session.new_page()
    sign_in(lead, "lee@tf.example")
    lead.get_by_role("navigation", name="Main").get_by_role("link", name="Pools").click()
    expect(lead.get_by_role("heading", name="Reviewer pools")).to_be_visible()
    expect(lead.get_by_text("Not yet certified").first).to_be_visible()
    assert_accessible(lead)
    lead.get_by_role("link", name="Teaching Phonics reviewers").click()
    expect(lead.get_by_role("heading", name="Teaching Phonics reviewers", level=1)).to_be_visible()
    assert_accessible(lead)

    lead.get_by_label("Title").fill("Autumn calibration")
    lead.get_by_role("button", name="Create the set").click()
    expect(lead.get_by_role("heading", name="Autumn calibration")).to_be_visible()
    assert_accessible(lead)

    _add_item(lead, first, ["Meets", "Meets", "Approaching"])
    # The evidence opens to the lead beside the master levels, which they can still change.
    expect(lead.locator("video")).to_be_visible()
    expect(
        lead.get_by_role("group", name="Master level for requirement 3").get_by_role(
            "radio", name=re.compile("^Approaching")
        )
    ).to_be_checked()
    assert_accessible(lead)
    lead.get_by_role("link", name="Back to the set").click()
    _add_item(lead, second, ["Meets", "Meets", "Meets"])
    lead.get_by_role("link", name="Autumn calibration").click()
    expect(lead.get_by_role("heading", name=f"Submission {second}")).to_be_visible()
    lead.get_by_role("button", name="Activate this set").click()
    expect(lead.get_by_text("Active: reviewers take this set")).to_be_visible()
    assert_accessible(lead)

    reviewer = session.new_page()
    sign_in(reviewer, "ana@tf.example")
    reviewer.get_by_role("navigation", name="Main").get_by_role("link", name="Calibration").click()
    expect(reviewer.get_by_role("heading", name="Calibration", level=1)).to_be_visible()
    assert_accessible(reviewer)
    reviewer.get_by_role("button", name=re.compile("^Start the calibration")).click()

    expect(reviewer.get_by_role("heading", name=f"Submission {first}")).to_be_visible()
    expect(reviewer.locator("video")).to_be_visible()
    expect(reviewer.get_by_text("Requirement 1 of")).to_have_count(0)  # no rationale before finishing
    expect(reviewer.get_by_role("radio", checked=True)).to_have_count(0)  # and no level marked
    assert_accessible(reviewer)
    for number, level in enumerate(["Meets", "Meets", "Approaching"], start=1):
        _choose(reviewer, f"Your level for requirement {number}", level)
        expect(reviewer.get_by_text(f"{number} of 6 requirements scored")).to_be_visible()
    expect(reviewer.locator("#save-status")).to_contain_text("Saved at")
    reviewer.get_by_role("button", name="Save and go to submission 2").click()

    expect(reviewer.get_by_role("heading", name=f"Submission {second}")).to_be_visible()
    for number, level in enumerate(["Exceeds", "Meets", "Meets"], start=1):
        _choose(reviewer, f"Your level for requirement {number}", level)
    expect(reviewer.get_by_text("6 of 6 requirements scored")).to_be_visible()
    assert_accessible(reviewer)
    reviewer.once("dialog", lambda dialog: dialog.accept())
    reviewer.get_by_role("button", name="Finish and see the master scores").click()

    expect(reviewer.get_by_role("heading", name="Your calibration: Autumn calibration")).to_be_visible()
    expect(reviewer.get_by_text("You are certified for Teaching Phonics reviewers until")).to_be_visible()
    expect(reviewer.get_by_text("83.3%")).to_be_visible()
    second_item = reviewer.get_by_role("region", name=f"Submission 2 · {second}")
    row = second_item.get_by_role("row", name=re.compile("^1\\. A phonics lesson on video"))
    expect(row).to_contain_text("Exceeds")
    expect(row).to_contain_text("1 level above")
    expect(row).to_contain_text(f"Requirement 1 of {second} is Meets")
    assert_accessible(reviewer)

    for text in ("Tess Teacher", "riverbend.example", "Riverbend"):
        expect(reviewer.get_by_text(text)).to_have_count(0)
    certification = Certification.objects.get(reviewer=setting.reviewer, pool=setting.pool)
    assert certification.revoked_at is None
