"""Growth plans in a real browser: an educator starts a plan, adds a goal on Danielson 3b, reads why
each micro-credential is recommended, picks the aligned one, and reads how far they are from a career role."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from evident.accounts.models import Organization
from evident.accounts.services import platform_organization
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog import services as catalog_services
from evident.catalog.blueprint import AlignmentSpec
from evident.catalog.tests.factories import issuer, publish, sample_blueprint
from evident.programs.frameworks_seed import DANIELSON
from evident.programs.models import CareerRole, GrowthPlan
from tests.browser.conftest import BrowserSession, assert_accessible, sign_in

pytestmark = pytest.mark.browser

# Set EVIDENT_SCREENSHOTS to a directory to keep a full-page screenshot of each page.
SCREENSHOTS = os.environ.get("EVIDENT_SCREENSHOTS", "")


def screenshot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / name), full_page=True)


@pytest.fixture
def catalog(transactional_db) -> None:
    institute = issuer("institute", "Institute of Practice")
    author = member(institute, "author")
    reviewer = member(platform_organization(), "quality_reviewer")
    talk = publish(
        author,
        institute,
        sample_blueprint(
            "Text-Based Discussions",
            summary="Lead a discussion in which students make claims about a text and support them.",
            alignments=[AlignmentSpec(DANIELSON, "3b", "Using Questioning and Discussion Techniques")],
        ),
        reviewer,
    )
    phonics = publish(author, institute, sample_blueprint("Teaching Phonics", alignments=[]), reviewer)
    stack = catalog_services.stack_create(
        actor=author,
        organization=institute,
        title="Classroom Discussion",
        description="Talk that builds understanding.",
        micro_credentials=[talk.micro_credential, phonics.micro_credential],
    )
    role = CareerRole.objects.create(title="Discussion Lead", description="Leads discussion practice in a school.")
    role.stacks.set([stack])


@pytest.fixture
def school(transactional_db) -> Organization:
    district = OrganizationFactory(slug="riverbend", name="Riverbend USD")
    school = OrganizationFactory(
        slug="maple", name="Maple Street Elementary", kind=Organization.Kind.SCHOOL, parent=district
    )
    member(district, "coach", email="cole@riverbend.example", full_name="Cole Coach")
    member(school, "educator", email="elena@maple.example", full_name="Elena Educator")
    return school


def test_an_educator_plans_a_goal_and_picks_a_recommended_micro_credential(
    session: BrowserSession, catalog: None, school: Organization
) -> None:
    page = session.new_page()
    sign_in(page, "elena@maple.example")

    page.goto("/programs/plans/")
    page.get_by_role("link", name="Start a plan").first.click()
    page.get_by_label("Title").fill("Talk in second grade")
    page.get_by_label("Where you work").select_option(label="Maple Street Elementary")
    page.get_by_label("Your supervisor").select_option(label="Cole Coach")
    page.get_by_role("button", name="Start the plan").click()

    expect(page.get_by_role("heading", name="Add a goal")).to_be_visible()
    page.get_by_label("Your goal").fill("Ask questions that get my students explaining their thinking in discussion.")
    page.get_by_label("3b Using Questioning and Discussion Techniques").check()
    page.get_by_role("button", name="Add the goal").click()

    recommended = page.locator("section", has=page.get_by_role("heading", name="Recommended for this goal"))
    first = recommended.locator("li.card").first
    expect(first.get_by_role("heading")).to_have_text("Text-Based Discussions")
    expect(first).to_contain_text("Aligned to Danielson 3b Using Questioning and Discussion Techniques")
    expect(first).to_contain_text("Matches: discussion")
    assert_accessible(page)
    screenshot(page, "growth-goal.png")

    first.get_by_role("button", name="Add Text-Based Discussions to this goal").click()
    chosen = page.locator("section", has=page.get_by_role("heading", name="Chosen micro-credentials"))
    expect(chosen.get_by_role("link", name="Text-Based Discussions", exact=True)).to_be_visible()
    expect(chosen.get_by_role("link", name="Start Text-Based Discussions")).to_be_visible()
    expect(chosen).to_contain_text("Not started")
    expect(recommended.get_by_role("heading", name="Text-Based Discussions")).to_have_count(0)

    page.get_by_role("link", name="Talk in second grade").click()
    expect(page.get_by_role("heading", name="Talk in second grade")).to_be_visible()
    expect(page.get_by_text("0 of 1 chosen micro-credential earned").first).to_be_visible()
    expect(page.get_by_text("chose “Text-Based Discussions” for a goal")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "growth-plan.png")

    page.goto("/programs/roles/")
    role = page.locator("section", has=page.get_by_role("heading", name="Discussion Lead"))
    expect(role).to_contain_text("0 of 1 requirements met")
    expect(role).to_contain_text("0 of 2 micro-credentials earned")
    assert_accessible(page)
    screenshot(page, "growth-roles.png")

    plan = GrowthPlan.objects.get()
    assert plan.supervisor is not None and plan.supervisor.email == "cole@riverbend.example"
    assert [m.live_version.title for m in plan.goals.get().micro_credentials.all() if m.live_version] == [
        "Text-Based Discussions"
    ]
