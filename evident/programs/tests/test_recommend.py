"""Recommendations for a growth goal: alignment first, then words; earned and started ones left out; reasons."""

from __future__ import annotations

from django.test import TestCase

from evident.accounts.models import Organization, User
from evident.accounts.tests.factories import OrganizationFactory, member
from evident.catalog.models import Alignment, MicroCredentialVersion, Requirement
from evident.earning.models import Enrollment
from evident.earning.tests.factories import VersionFactory
from evident.programs.frameworks_seed import DANIELSON, INTASC
from evident.programs.models import FrameworkComponent, GrowthGoal, GrowthPlan
from evident.programs.recommend import ALIGNMENT_WEIGHT, recommend, recommend_for_goal, stem, terms
from evident.programs.tests.base import earn


def live(title: str, *, summary: str = "", competency: str = "", key_method: str = "") -> MicroCredentialVersion:
    version = VersionFactory(title=title, summary=summary, competency=competency, key_method=key_method, is_live=True)
    micro_credential = version.micro_credential
    micro_credential.live_version = version
    micro_credential.save(update_fields=["live_version"])
    return version


def align(version: MicroCredentialVersion, framework: str, code: str, name: str = "") -> None:
    Alignment.objects.create(
        version=version, order=version.alignments.count(), framework=framework, code=code, name=name
    )


class RecommendCase(TestCase):
    school: Organization
    educator: User
    c3b: FrameworkComponent
    c8: FrameworkComponent
    goal_row: GrowthGoal
    aligned: MicroCredentialVersion
    doubly: MicroCredentialVersion
    discussions: MicroCredentialVersion
    protocols: MicroCredentialVersion
    requirement_only: MicroCredentialVersion
    unrelated: MicroCredentialVersion
    other_framework: MicroCredentialVersion
    earned: MicroCredentialVersion
    started: MicroCredentialVersion
    retired: MicroCredentialVersion

    @classmethod
    def setUpTestData(cls) -> None:
        district = OrganizationFactory(slug="riverbend", name="Riverbend USD")
        cls.school = OrganizationFactory(
            slug="maple", name="Maple Street", kind=Organization.Kind.SCHOOL, parent=district
        )
        cls.educator = member(cls.school, "educator", email="elena@maple.example", full_name="Elena Educator")
        cls.c3b = FrameworkComponent.objects.get(framework=DANIELSON, code="3b")
        cls.c8 = FrameworkComponent.objects.get(framework=INTASC, code="8")

        cls.aligned = live("Science Talk Moves", summary="Students reason about evidence together.")
        align(cls.aligned, DANIELSON, "3b", "Using Questioning and Discussion Techniques")
        cls.doubly = live("Mathematics Routines", summary="Number talks every morning.")
        align(cls.doubly, DANIELSON, "3b")
        align(cls.doubly, INTASC, "8")
        cls.discussions = live(
            "Leading Text-Based Discussions",
            summary="Questioning that keeps a discussion on the text.",
            competency="The educator plans questions for discussion.",
        )
        cls.protocols = live("Protocols for Small Groups", summary="A discussion protocol for four students.")
        cls.requirement_only = live("Classroom Rituals", summary="Morning meetings.")
        Requirement.objects.create(
            version=cls.requirement_only,
            order=0,
            title="A recorded discussion",
            evidence_kind=Requirement.EvidenceKind.VIDEO,
            passing_score=2,
        )
        cls.unrelated = live("Teaching Phonics", summary="Sounds and letters.", competency="Blending sounds.")
        cls.other_framework = live("State Rubric Item", summary="Nothing in common.")
        align(cls.other_framework, "Cascadia Teaching Rubric", "3b")
        cls.earned = live("Questioning Already Earned", summary="Questioning and discussion.")
        align(cls.earned, DANIELSON, "3b")
        cls.started = live("Discussion Already Started", summary="Questioning and discussion.")
        align(cls.started, DANIELSON, "3b")
        cls.retired = VersionFactory(title="Retired Discussion", summary="Discussion.", is_live=False)
        align(cls.retired, DANIELSON, "3b")
        earn(cls.educator, cls.earned)
        Enrollment.objects.create(
            educator=cls.educator, micro_credential=cls.started.micro_credential, version=cls.started
        )

        plan = GrowthPlan.objects.create(
            educator=cls.educator, organization=cls.school, title="Talk", school_year="2026-2027"
        )
        cls.goal_row = GrowthGoal.objects.create(
            plan=plan, statement="Use questioning and discussion so my students explain their reasoning."
        )
        cls.goal_row.components.set([cls.c3b])

    def goal(self) -> GrowthGoal:
        """The goal with what recommend_for_goal needs prefetched."""
        return GrowthGoal.objects.prefetch_related("components", "micro_credentials").get(pk=self.goal_row.pk)

    def titles(self, goal: GrowthGoal | None = None) -> list[str]:
        return [r.version.title for r in recommend_for_goal(goal or self.goal(), educator=self.educator)]


class TermsTest(TestCase):
    def test_it_stems_and_drops_function_words(self) -> None:
        self.assertEqual(
            terms("I will use questioning and discussions with my students"),
            {"question": "questioning", "discuss": "discussions"},
        )

    def test_it_keeps_short_words_whole(self) -> None:
        self.assertEqual(stem("reads"), "read")
        self.assertEqual(stem("ideas"), "idea")
        self.assertEqual(stem("using"), "using")


class RecommendTest(RecommendCase):
    def test_it_puts_micro_credentials_aligned_to_the_goal_component_first(self) -> None:
        titles = self.titles()
        self.assertEqual(titles[0], "Science Talk Moves")
        self.assertIn("Mathematics Routines", titles[:2])

    def test_it_ranks_two_aligned_components_above_one(self) -> None:
        goal = self.goal()
        goal.components.add(self.c8)
        self.assertEqual(self.titles(self.goal())[0], "Mathematics Routines")

    def test_it_orders_the_rest_by_text_similarity(self) -> None:
        titles = self.titles()
        aligned = {"Science Talk Moves", "Mathematics Routines"}
        rest = [t for t in titles if t not in aligned]
        # Title, summary and competency all match before a summary alone.
        self.assertEqual(rest, ["Leading Text-Based Discussions", "Protocols for Small Groups"])

    def test_it_does_not_read_requirements(self) -> None:
        # Candidates come from the catalog's full-text index, which holds the
        # version's own texts but not its requirements' (a requirement-only
        # match, "A recorded discussion", is not found).
        self.assertNotIn("Classroom Rituals", self.titles())

    def test_it_leaves_out_what_the_educator_earned_or_started_and_what_is_not_live(self) -> None:
        titles = self.titles()
        for title in ("Questioning Already Earned", "Discussion Already Started", "Retired Discussion"):
            self.assertNotIn(title, titles)

    def test_it_leaves_out_what_the_goal_already_has(self) -> None:
        self.goal().micro_credentials.add(self.aligned.micro_credential)
        self.assertNotIn("Science Talk Moves", self.titles())

    def test_it_matches_alignments_on_framework_and_code_exactly(self) -> None:
        self.assertNotIn("State Rubric Item", self.titles())

    def test_it_leaves_out_what_matches_nothing(self) -> None:
        self.assertNotIn("Teaching Phonics", self.titles())

    def test_it_gives_its_reasons(self) -> None:
        by_title = {r.version.title: r for r in recommend_for_goal(self.goal(), educator=self.educator)}
        self.assertEqual(
            by_title["Science Talk Moves"].reasons,
            ["Aligned to Danielson 3b Using Questioning and Discussion Techniques", "Matches: reasoning"],
        )
        discussion_reasons = by_title["Leading Text-Based Discussions"].reasons
        self.assertEqual(len(discussion_reasons), 1)
        self.assertTrue(discussion_reasons[0].startswith("Matches: "))
        self.assertEqual(
            set(discussion_reasons[0].removeprefix("Matches: ").split(", ")), {"questioning", "discussion"}
        )
        self.assertGreaterEqual(by_title["Science Talk Moves"].score, ALIGNMENT_WEIGHT)

    def test_it_matches_the_start_of_words_only(self) -> None:
        live("Already There", summary="Already done.")
        results = recommend(components=[], statement="read aloud with expression")
        self.assertNotIn("Already There", [r.version.title for r in results])

    def test_it_recommends_nothing_for_an_empty_goal(self) -> None:
        self.assertEqual(recommend(components=[], statement="I will do it."), [])

    def test_it_runs_a_fixed_number_of_queries(self) -> None:
        goal = self.goal()
        with self.assertNumQueries(2) as first:
            recommend_for_goal(goal, educator=self.educator)
        for i in range(20):
            version = live(f"Discussion Practice {i}", summary="Questioning and discussion.")
            align(version, DANIELSON, "3b")
        with self.assertNumQueries(len(first.captured_queries)):
            results = recommend_for_goal(goal, educator=self.educator, limit=30)
        self.assertGreater(len(results), 20)
