"""Earning in a real browser: an educator enrols, uploads a real video and a
PDF (resumable uploads through tus), writes a reflection, closes the tab and
finds it intact, attests consent, submits and reads the timeline."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from evident.accounts.models import User
from evident.accounts.services import platform_organization
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.models import MicroCredential
from evident.catalog.tests.factories import issuer, publish, sample_blueprint
from evident.earning.models import Enrollment, EvidenceFile
from evident.earning.tests import samples
from tests.browser.conftest import BrowserSession, assert_accessible, sign_in

pytestmark = pytest.mark.browser

REFLECTION = " ".join(
    ["Most students blended the new pattern on their own by the third word, and two needed my model again."] * 18
)


@pytest.fixture
def phonics(transactional_db) -> tuple[MicroCredential, User]:
    institute = issuer("institute", "Institute of Practice")
    author = member(institute, "author")
    reviewer = member(platform_organization(), "quality_reviewer")
    version = publish(author, institute, sample_blueprint(), reviewer)
    district = OrganizationFactory(slug="riverbend", name="Riverbend Schools")
    member(district, "coach", email="cole@riverbend.example", full_name="Cole Coach")
    educator = member(district, "educator", email="elena@riverbend.example", full_name="Elena Educator")
    return version.micro_credential, educator


def test_an_educator_gathers_evidence_and_submits_it(session: BrowserSession, phonics, tmp_path: Path):
    micro_credential, educator = phonics
    video = samples.make_video(tmp_path / "phonics-lesson.mp4", seconds=2.0, size=(320, 240))
    plan = samples.make_pdf(tmp_path / "lesson-plan.pdf")

    page = session.new_page()
    sign_in(page, "elena@riverbend.example")
    page.goto(micro_credential.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("button", name="Start this micro-credential").click()
    expect(page.get_by_role("heading", name="Your evidence", exact=True)).to_be_visible()
    assert_accessible(page)

    video_section = page.locator("article", has=page.get_by_role("heading", name="A phonics lesson on video"))
    video_section.get_by_label("Add a file").set_input_files(video)
    video_section.get_by_role("button", name="Upload").click()
    expect(video_section.get_by_role("link", name="phonics-lesson.mp4")).to_be_visible(timeout=30_000)
    expect(video_section.locator("video")).to_be_visible()

    plan_section = page.locator("article", has=page.get_by_role("heading", name="Lesson plan and student work"))
    plan_section.get_by_label("Add a file").set_input_files(plan)
    plan_section.get_by_role("button", name="Upload").click()
    expect(plan_section.get_by_role("link", name="lesson-plan.pdf")).to_be_visible(timeout=30_000)

    # A refused file says why, and nothing else is lost.
    fake = samples.make_executable(tmp_path / "not-a-video.mp4")
    video_section.get_by_label("Add a file").set_input_files(fake)
    video_section.get_by_role("button", name="Upload").click()
    expect(video_section.get_by_role("alert")).to_contain_text("not-a-video.mp4")
    expect(video_section.get_by_role("link", name="phonics-lesson.mp4")).to_be_visible()

    reflection = page.get_by_label("Your response")
    reflection.fill(REFLECTION)
    # Close the tab at once, before the autosave has had its second.
    context = page.context
    page.close()

    page = context.new_page()
    page.goto(Enrollment.objects.get(educator=educator).get_absolute_url())
    expect(page.get_by_label("Your response")).to_have_value(REFLECTION)
    expect(page.locator(".save-status").first).to_contain_text("Saved", timeout=10_000)
    assert_accessible(page)

    page.get_by_role("link", name="Review and submit").click()
    expect(page.get_by_role("heading", name="Review and submit")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_role("alert")).to_contain_text("Confirm that you have consent")
    page.get_by_label("I confirm the statement above").check()
    page.get_by_role("button", name="Submit for review").click()

    expect(page.get_by_role("heading", name="Submission 1 · Submitted")).to_be_visible()
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline).to_contain_text("Started")
    expect(timeline).to_contain_text("Submitted for review")
    assert_accessible(page)

    page.get_by_role("link", name="My micro-credentials").first.click()
    expect(page.get_by_role("heading", name="Submitted")).to_be_visible()
    assert_accessible(page)

    enrollment = Enrollment.objects.get(educator=educator)
    assert enrollment.status == "submitted"
    files = EvidenceFile.objects.filter(evidence__submission__enrollment=enrollment)
    assert sorted(f.original_name for f in files) == ["lesson-plan.pdf", "phonics-lesson.mp4"]
    snapshot = enrollment.submissions.get().snapshot
    assert snapshot is not None
    assert snapshot["evidence"][2]["text"] == REFLECTION


def test_text_typed_after_the_session_expired_is_kept_and_saved_after_signing_in(session: BrowserSession, phonics):
    micro_credential, educator = phonics
    page = session.new_page()
    sign_in(page, "elena@riverbend.example")
    page.goto(micro_credential.get_absolute_url())
    page.get_by_role("button", name="Start this micro-credential").click()
    page.get_by_label("Your response").fill("First paragraph, saved.")
    expect(page.locator(".save-status").last).to_contain_text("Saved")

    # The session ends (signed out elsewhere, or expired) while the tab stays open.
    # The CSRF cookie outlives the session, as it does in a real browser.
    page.context.clear_cookies(name="sessionid")
    page.get_by_label("Your response").fill("First paragraph, saved. Second paragraph, typed while signed out.")
    expect(page.locator(".save-status").last).to_contain_text("signed out", timeout=10_000)

    sign_in(page, "elena@riverbend.example")
    page.goto(Enrollment.objects.get(educator=educator).get_absolute_url())
    expect(page.get_by_label("Your response")).to_have_value(
        "First paragraph, saved. Second paragraph, typed while signed out."
    )
    expect(page.locator(".save-status").last).to_contain_text("Saved", timeout=10_000)
    enrollment = Enrollment.objects.get(educator=educator)
    evidence = enrollment.submissions.get().evidence.get(requirement__evidence_kind="written")
    assert evidence.text.endswith("typed while signed out.")


def test_a_coach_comments_on_a_shared_draft(session: BrowserSession, phonics):
    micro_credential, educator = phonics
    page = session.new_page()
    sign_in(page, "elena@riverbend.example")
    page.goto(micro_credential.get_absolute_url())
    page.get_by_role("button", name="Start this micro-credential").click()
    page.get_by_role("button", name="Share my draft").click()
    expect(page.get_by_text("Cole Coach can now read your draft")).to_be_visible()

    coach = session.new_page()
    sign_in(coach, "cole@riverbend.example")
    coach.get_by_role("link", name="Shared drafts").click()
    assert_accessible(coach)
    coach.get_by_role("link", name="Elena Educator · Teaching Phonics").click()
    assert_accessible(coach)
    coach.get_by_label("Your comment on requirement 1").fill("Keep the camera on the students' boards.")
    coach.get_by_role("button", name="Add comment").first.click()
    expect(coach.get_by_text("Your comment was added")).to_be_visible()

    page.reload()
    expect(page.get_by_text("Keep the camera on the students' boards.")).to_be_visible()
    assert_accessible(page)


def test_typing_goes_on_in_the_field_while_autosave_answers(session: BrowserSession, phonics):
    micro_credential, educator = phonics
    page = session.new_page()
    sign_in(page, "elena@riverbend.example")
    page.goto(micro_credential.get_absolute_url())
    page.get_by_role("button", name="Start this micro-credential").click()
    field = page.get_by_label("Your response")
    field.click()
    page.keyboard.type("Students blended")
    expect(page.locator(".save-status").last).to_contain_text("Saved", timeout=10_000)
    # The keyboard, not the field: keys go wherever the focus now is.
    page.keyboard.type(" every word.")
    expect(field).to_have_value("Students blended every word.")
