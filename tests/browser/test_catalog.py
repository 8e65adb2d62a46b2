"""The catalog in a real browser: an educator finds a micro-credential, and a
new one travels from an author's draft through quality review into the catalog."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from evident.accounts.models import Organization, User
from evident.accounts.services import platform_organization
from evident.accounts.tests.factories import member
from evident.catalog.demo_content import EARLY_LITERACY, blueprints
from evident.catalog.services import pathway_create, stack_create
from evident.catalog.tests.factories import issuer, publish
from tests.browser.conftest import BrowserSession, assert_accessible, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def catalog(transactional_db) -> tuple[Organization, User, User]:
    institute = issuer("institute", "Institute of Practice")
    author = member(institute, "author", email="author@institute.example", full_name="Avery Author")
    reviewer = member(platform_organization(), "quality_reviewer", email="quinn@platform.example", full_name="Quinn")
    published = [publish(author, institute, b, reviewer).micro_credential for b in blueprints(EARLY_LITERACY)]
    stack = stack_create(
        actor=author,
        organization=institute,
        title="Early Literacy",
        description="Reading foundations.",
        micro_credentials=published,
    )
    pathway_create(
        actor=author,
        organization=institute,
        title="Literacy Lead",
        role_name="Literacy Lead Teacher",
        description="Toward leading literacy.",
        steps=[("foundational", stack, [])],
    )
    return institute, author, reviewer


def test_a_newcomer_finds_phonics_reads_its_rubric_and_follows_its_stack_and_pathway(page: Page, catalog):
    page.goto("/")
    page.get_by_role("link", name="Catalog").first.click()
    expect(page.get_by_role("heading", name="Find a micro-credential")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Search").fill("phonics")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("matching “phonics”")).to_be_visible()
    page.get_by_role("link", name="Teaching Phonics").click()
    expect(page.get_by_role("heading", name="Teaching Phonics", level=1)).to_be_visible()
    expect(page.get_by_role("table", name="Rubric for requirement 1")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Early Literacy").click()
    expect(page.get_by_role("heading", name="Early Literacy", level=1)).to_be_visible()
    assert_accessible(page)
    page.go_back()
    page.get_by_role("link", name="Literacy Lead").click()
    expect(page.get_by_text("Literacy Lead Teacher")).to_be_visible()
    assert_accessible(page)


def test_a_draft_goes_through_quality_review_into_the_catalog(session: BrowserSession, catalog):
    author_page = session.new_page()
    sign_in(author_page, "author@institute.example")
    author_page.get_by_role("link", name="Authoring").click()
    assert_accessible(author_page)
    author_page.get_by_role("link", name="New micro-credential").click()
    author_page.get_by_label("Title").fill("Checking for Understanding")
    author_page.get_by_role("button", name="Create the draft").click()
    expect(author_page.get_by_role("heading", name="Checking for Understanding")).to_be_visible()
    assert_accessible(author_page)

    author_page.get_by_role("button", name="Send to quality review").click()
    expect(author_page.get_by_text("Before it can go to quality review")).to_be_visible()

    author_page.get_by_label("Summary").fill("Quick checks that show what every student understood.")
    author_page.get_by_label("Competency statement").fill("Checks every student's understanding during a lesson.")
    author_page.get_by_label("Key method").fill("Exit tickets, whiteboards and hinge questions, then a decision.")
    author_page.get_by_role("textbox", name="Subject", exact=True).fill("Assessment")
    requirement = author_page.locator("#requirement-0")
    requirement.get_by_label("Title").fill("A lesson with checks for understanding")
    requirement.get_by_label("Instructions").fill("Record a lesson segment where you check and respond.")
    for number, text in enumerate(
        ["No checks.", "Checks, no response.", "Checks and a response.", "Every student, adjusted."]
    ):
        requirement.get_by_label("What the reviewer looks for").nth(number).fill(text)
    author_page.evaluate("window.__stillTheSamePage = true")
    author_page.get_by_role("button", name="Add a level to requirement 1").click()
    expect(author_page.get_by_text("Level added.")).to_be_visible()
    assert author_page.evaluate("window.__stillTheSamePage") is True
    expect(author_page.get_by_label("Summary")).to_have_value("Quick checks that show what every student understood.")
    author_page.get_by_role("button", name="Remove level 5 of requirement 1").click()
    expect(author_page.get_by_text("Level removed.")).to_be_visible()
    author_page.get_by_role("button", name="Send to quality review").click()
    expect(author_page.get_by_text("was sent to quality review")).to_be_visible()

    reviewer_page = session.new_page()
    sign_in(reviewer_page, "quinn@platform.example")
    reviewer_page.get_by_role("link", name="Quality review").click()
    reviewer_page.get_by_role("link", name="Checking for Understanding").click()
    assert_accessible(reviewer_page)
    for criterion in ("The research supports", "The evidence asked for", "Privacy, bias"):
        reviewer_page.get_by_role("group", name=criterion).get_by_label("Meets the bar").check()
    rubric = reviewer_page.get_by_role("group", name="Rubric levels are distinct")
    rubric.get_by_label("Needs changes").check()
    rubric.get_by_label("Comment for the authors").fill("Say what “Exceeds” looks like for every student.")
    reviewer_page.get_by_role("button", name="Record the review").click()
    expect(reviewer_page.get_by_text("went back to its authors")).to_be_visible()

    author_page.goto("/catalog/authoring/")
    author_page.get_by_role("link", name="Edit version 1").click()
    expect(author_page.get_by_text("Say what “Exceeds” looks like for every student.")).to_be_visible()
    author_page.locator("#requirement-0").get_by_label("What the reviewer looks for").nth(3).fill(
        "Every student's understanding is checked and the lesson changes in response, visibly."
    )
    author_page.get_by_role("button", name="Save draft").click()
    expect(author_page.get_by_text("Draft saved")).to_be_visible()
    author_page.get_by_role("button", name="Send to quality review").click()
    expect(author_page.get_by_text("was sent to quality review")).to_be_visible()

    reviewer_page.goto("/catalog/quality-review/")
    reviewer_page.get_by_role("link", name="Checking for Understanding").click()
    for group in reviewer_page.get_by_role("group").all():
        meets = group.get_by_label("Meets the bar")
        if meets.count():
            meets.check()
    reviewer_page.get_by_role("button", name="Record the review").click()
    expect(reviewer_page.get_by_text("is approved and now in the catalog")).to_be_visible()

    visitor = session.new_page()
    visitor.goto("/catalog/?q=understanding")
    visitor.get_by_role("link", name="Checking for Understanding").click()
    expect(visitor.get_by_text("Every student's understanding is checked")).to_be_visible()
    assert_accessible(visitor)


def test_an_author_builds_a_stack(page: Page, catalog):
    sign_in(page, "author@institute.example")
    page.goto("/catalog/authoring/stacks/new/")
    assert_accessible(page)
    page.get_by_label("Title").fill("Phonics First")
    page.get_by_label("Description").fill("Sounds before letters, letters before words.")
    page.get_by_role("checkbox", name="Teaching Phonological Awareness (Institute of Practice)").check()
    page.get_by_role("checkbox", name="Teaching Phonics (Institute of Practice)").check()
    page.get_by_role("button", name="Save stack").click()
    expect(page.get_by_text("Stack “Phonics First” saved.")).to_be_visible()
    page.goto("/catalog/?stack=phonics-first")
    expect(page.get_by_role("link", name="Teaching Phonics", exact=True)).to_be_visible()


def test_an_author_sequences_a_pathway(page: Page, catalog):
    sign_in(page, "author@institute.example")
    page.goto("/catalog/authoring/pathways/new/")
    assert_accessible(page)
    page.get_by_label("Title").fill("Reading Specialist")
    page.get_by_label("Role it leads to").fill("Reading Specialist")
    page.get_by_label("Description").fill("From foundations to coaching colleagues.")
    page.get_by_label("Stack or micro-credential").first.select_option(label="Early Literacy")
    page.get_by_role("button", name="Save pathway").click()
    expect(page.get_by_text("Pathway “Reading Specialist” saved.")).to_be_visible()
    assert_accessible(page)
