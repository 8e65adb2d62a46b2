from __future__ import annotations

from decimal import Decimal
from unittest import mock

from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext

from evident.accounts.models import Organization, User
from evident.accounts.tests.factories import member
from evident.catalog import services
from evident.catalog.models import GradeBand, MicroCredentialVersion, Pathway, PathwayStep, Stack
from evident.catalog.selectors import CatalogFilters, catalog_list
from evident.catalog.tests.factories import issuer, publish, quality_reviewer, sample_blueprint


class CatalogTestCase(TestCase):
    institute: Organization
    other: Organization
    author: User
    union_author: User
    phonics: MicroCredentialVersion
    read_aloud: MicroCredentialVersion
    mentoring: MicroCredentialVersion
    draft: MicroCredentialVersion
    stack: Stack
    pathway: Pathway

    @classmethod
    def setUpTestData(cls):
        cls.institute = issuer()
        cls.other = issuer("union", "Teachers Union")
        cls.author = member(cls.institute, "author")
        cls.union_author = member(cls.other, "author")
        reviewer = quality_reviewer()
        cls.phonics = publish(cls.author, cls.institute, sample_blueprint("Teaching Phonics"), reviewer)
        cls.read_aloud = publish(
            cls.author,
            cls.institute,
            sample_blueprint(
                "Interactive Read Aloud",
                summary="Read rich texts aloud with planned questions.",
                competency="Leads a read aloud with text-dependent questions.",
                key_method="Stopping points and turn-and-talk; occasional phonics review.",
                subject="Literacy",
                grade_bands=[GradeBand.GRADES_3_5],
                pd_hours=Decimal("5"),
                effort_hours=Decimal("4"),
            ),
            reviewer,
        )
        cls.mentoring = publish(
            cls.union_author,
            cls.other,
            sample_blueprint(
                "Mentoring New Teachers",
                summary="Coach a colleague through a cycle of observation and feedback.",
                competency="Runs a coaching cycle.",
                key_method="Observation and feedback conversations.",
                subject="Leadership",
                grade_bands=[GradeBand.ADULT],
            ),
            reviewer,
        )
        cls.draft = services.micro_credential_create(
            actor=cls.author, organization=cls.institute, blueprint=sample_blueprint("Secret Phonics Draft")
        )
        cls.stack = services.stack_create(
            actor=cls.author,
            organization=cls.institute,
            title="Early Literacy",
            description="Reading foundations.",
            micro_credentials=[cls.phonics.micro_credential, cls.read_aloud.micro_credential],
        )
        cls.pathway = services.pathway_create(
            actor=cls.author,
            organization=cls.institute,
            title="Literacy Lead",
            role_name="Literacy Lead Teacher",
            description="Toward leading literacy.",
            steps=[
                (PathwayStep.Level.FOUNDATIONAL, cls.stack, []),
                (PathwayStep.Level.ADVANCED, cls.mentoring.micro_credential, [0]),
            ],
        )

    def titles(self, **filters) -> list[str]:
        return [v.title for v in catalog_list(CatalogFilters(**filters))]


class SearchTests(CatalogTestCase):
    def test_it_finds_phonics_and_ranks_the_title_match_first(self):
        assert self.titles(query="phonics") == ["Teaching Phonics", "Interactive Read Aloud"]

    def test_it_matches_word_forms(self):
        assert "Mentoring New Teachers" in self.titles(query="mentor")

    def test_it_never_shows_drafts(self):
        assert "Secret Phonics Draft" not in self.titles(query="secret phonics")
        assert "Secret Phonics Draft" not in self.titles()

    def test_it_survives_punctuation_and_operators(self):
        for query in ['"phonics', "phonics OR", "-", "NEAR(", "*", "phonics' ; DROP TABLE"]:
            self.titles(query=query)

    def test_it_filters(self):
        assert self.titles(subject="Leadership") == ["Mentoring New Teachers"]
        assert self.titles(grade_band="3_5") == ["Interactive Read Aloud"]
        assert self.titles(issuer="union") == ["Mentoring New Teachers"]
        assert self.titles(stack="early-literacy") == ["Interactive Read Aloud", "Teaching Phonics"]
        assert self.titles(min_pd_hours=Decimal("10")) == ["Mentoring New Teachers", "Teaching Phonics"]
        assert self.titles(max_effort_hours=Decimal("5")) == ["Interactive Read Aloud"]

    def test_it_sorts(self):
        assert self.titles(sort="effort")[0] == "Interactive Read Aloud"
        assert self.titles(sort="title") == ["Interactive Read Aloud", "Mentoring New Teachers", "Teaching Phonics"]


class CatalogPageTests(CatalogTestCase):
    def test_the_catalog_is_public_and_searchable(self):
        response = Client().get("/catalog/?q=phonics")
        assert response.status_code == 200
        self.assertContains(response, "Teaching Phonics")
        self.assertContains(response, "2 micro-credentials matching")

    def test_bad_filter_values_are_ignored_not_fatal(self):
        response = Client().get("/catalog/?min_pd=lots&grade=nonsense&sort=weird&page=99")
        assert response.status_code == 200

    def test_htmx_gets_only_the_results(self):
        response = Client().get("/catalog/?q=phonics", headers={"HX-Request": "true"})
        body = response.content.decode()
        assert body.lstrip().startswith('<section id="results"')
        assert "<html" not in body

    def test_the_list_uses_a_fixed_number_of_queries(self):
        client = Client()
        client.get("/catalog/")
        with CaptureQueriesContext(connection) as baseline:
            client.get("/catalog/?q=teaching")
        # Stacks and pathways (2), filter choices (3), the count and the page; SQLite ranks in one more.
        assert len(baseline.captured_queries) <= 8
        for i in range(5):
            publish(self.author, self.institute, sample_blueprint(f"Teaching Extra {i}"), quality_reviewer())
        with self.assertNumQueries(len(baseline.captured_queries)):
            client.get("/catalog/?q=teaching")

    def test_the_detail_page_shows_the_rubric_stack_and_pathway(self):
        response = Client().get(self.phonics.get_absolute_url())
        self.assertContains(response, "Requirement 1.")
        self.assertContains(response, "Passes")
        self.assertContains(response, self.stack.get_absolute_url())
        self.assertContains(response, self.pathway.get_absolute_url())

    def test_a_draft_has_no_public_page(self):
        assert Client().get(self.draft.micro_credential.get_absolute_url()).status_code == 404

    def test_stack_pathway_and_issuer_pages(self):
        self.assertContains(Client().get(self.stack.get_absolute_url()), "Teaching Phonics")
        response = Client().get(self.pathway.get_absolute_url())
        self.assertContains(response, "Literacy Lead Teacher")
        self.assertContains(response, "Mentoring New Teachers")
        self.assertContains(Client().get("/catalog/issuers/institute/"), "Early Literacy")
        assert Client().get("/catalog/issuers/nobody/").status_code == 404


class PublicPageQueryTests(CatalogTestCase):
    """Each public page costs the same number of queries however much it shows."""

    def test_the_detail_page_uses_a_fixed_number_of_queries(self):
        url = self.phonics.get_absolute_url()
        # The version with its issuer; citations, resources, alignments,
        # requirements and their levels; its stacks; its pathways.
        with self.assertNumQueries(8):
            Client().get(url)
        reading = services.stack_create(
            actor=self.author,
            organization=self.institute,
            title="Reading Together",
            description="Reading with the whole class.",
            micro_credentials=[self.phonics.micro_credential, self.mentoring.micro_credential],
        )
        direct = services.pathway_create(
            actor=self.author,
            organization=self.institute,
            title="Phonics First",
            role_name="Phonics Specialist",
            description="Phonics, then more.",
            steps=[(PathwayStep.Level.FOUNDATIONAL, self.phonics.micro_credential, [])],
        )
        with self.assertNumQueries(8):
            response = Client().get(url)
        for linked in (self.stack, reading, self.pathway, direct):
            self.assertContains(response, linked.get_absolute_url())

        longer = sample_blueprint("Phonics at Length")
        longer.requirements = longer.requirements * 3
        url = publish(self.author, self.institute, longer, quality_reviewer()).get_absolute_url()
        with self.assertNumQueries(8):
            response = Client().get(url)
        self.assertContains(response, "Requirement 9.")

    def test_the_stack_page_uses_a_fixed_number_of_queries(self):
        # The stack with its issuer, then its items with their micro-credentials,
        # live versions and issuers.
        with self.assertNumQueries(2):
            Client().get(self.stack.get_absolute_url())
        micro_credentials = [self.phonics.micro_credential, self.read_aloud.micro_credential]
        services.stack_update(
            actor=self.author,
            stack=self.stack,
            title=self.stack.title,
            description=self.stack.description,
            micro_credentials=[*micro_credentials, self.mentoring.micro_credential],
            required_count=None,
            capstone=self.mentoring.micro_credential,
            badge_color=self.stack.badge_color,
            publish=True,
        )
        with self.assertNumQueries(2):
            response = Client().get(self.stack.get_absolute_url())
        self.assertContains(response, self.mentoring.micro_credential.get_absolute_url())
        self.assertContains(response, "Capstone")

    def test_the_pathway_page_uses_a_fixed_number_of_queries(self):
        # The pathway with its issuer, its steps with their targets, their prerequisites.
        with self.assertNumQueries(3):
            Client().get(self.pathway.get_absolute_url())
        services.pathway_update(
            actor=self.author,
            pathway=self.pathway,
            title=self.pathway.title,
            role_name=self.pathway.role_name,
            description=self.pathway.description,
            steps=[
                (PathwayStep.Level.FOUNDATIONAL, self.stack, []),
                (PathwayStep.Level.INTERMEDIATE, self.phonics.micro_credential, [0]),
                (PathwayStep.Level.INTERMEDIATE, self.read_aloud.micro_credential, [0]),
                (PathwayStep.Level.ADVANCED, self.mentoring.micro_credential, [1, 2]),
            ],
            publish=True,
        )
        with self.assertNumQueries(3):
            response = Client().get(self.pathway.get_absolute_url())
        self.assertContains(response, self.read_aloud.micro_credential.get_absolute_url())

    @mock.patch("evident.catalog.views.public.PAGE_SIZE", 2)
    def test_the_issuer_page_uses_a_fixed_number_of_queries_and_pages_its_micro_credentials(self):
        # The issuer; the count and one page of its micro-credentials; its stacks; its pathways.
        with self.assertNumQueries(5):
            Client().get("/catalog/issuers/institute/")
        reviewer = quality_reviewer()
        for title in ("Zoned Centres", "Zest for Writing"):
            publish(self.author, self.institute, sample_blueprint(title), reviewer)
        with self.assertNumQueries(5):
            first = Client().get("/catalog/issuers/institute/")
        self.assertContains(first, "Interactive Read Aloud")
        self.assertContains(first, "Teaching Phonics")
        self.assertNotContains(first, "Zest for Writing")
        self.assertContains(first, "Page 1 of 2")
        second = Client().get("/catalog/issuers/institute/?page=2")
        self.assertContains(second, "Zest for Writing")
        self.assertContains(second, "Zoned Centres")
        self.assertNotContains(second, "Secret Phonics Draft")


class BadgeTests(CatalogTestCase):
    def test_a_micro_credential_without_an_image_gets_a_clean_svg(self):
        response = Client().get(f"/catalog/micro-credentials/{self.phonics.micro_credential.uuid}/badge.svg")
        assert response.status_code == 200
        assert response["Content-Type"] == "image/svg+xml"
        body = response.content.decode()
        assert ">TP<" in body
        assert self.phonics.badge_color in body
        assert "<script" not in body

    def test_titles_are_escaped_and_initials_skip_small_words(self):
        from evident.lib.badges import badge_svg, initials

        assert initials("Maximizing Learning Through Classroom Routines") == "ML"
        svg = badge_svg('<script>alert("x")</script> & Co', "not-a-colour")
        assert "<script>" not in svg
        assert "#0d5c63" in svg


class TypoToleranceTests(CatalogTestCase):
    def test_a_misspelt_search_finds_the_closest_words(self):
        response = Client().get("/catalog/?q=phonix")
        self.assertContains(response, "Teaching Phonics")
        self.assertContains(response, "matching “phonics”")
        self.assertContains(response, "Nothing matched “phonix”")

    def test_a_search_with_no_close_word_finds_nothing(self):
        self.assertContains(Client().get("/catalog/?q=zzzzzz"), "Nothing matches yet")
