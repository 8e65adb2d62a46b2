from __future__ import annotations

from django.test import TestCase

from evident.accounts.demo import DEMO_DOMAIN, load_demo
from evident.accounts.models import AuditEvent, User
from evident.catalog.blueprint import blueprint_problems
from evident.catalog.demo import load_catalog_demo
from evident.catalog.demo_content import PATHWAYS, STACKS, all_specs, blueprints
from evident.catalog.models import (
    MicroCredential,
    MicroCredentialVersion,
    Pathway,
    PathwayStep,
    Requirement,
    RubricLevel,
    Stack,
    StackItem,
)
from evident.catalog.selectors import CatalogFilters, blueprint_of, catalog_list, live_versions


def _load() -> dict[str, int]:
    return load_catalog_demo(
        author=User.objects.get(email=f"author@{DEMO_DOMAIN}"),
        quality_reviewer=User.objects.get(email=f"quality-reviewer@{DEMO_DOMAIN}"),
    )


class DemoContentTests(TestCase):
    """The content itself, before it reaches the database."""

    def test_every_demo_blueprint_is_ready_for_quality_review(self):
        for blueprint in blueprints(all_specs()):
            assert blueprint_problems(blueprint) == [], blueprint.title

    def test_each_asks_for_a_video_an_artifact_and_a_reflection_with_three_prompts(self):
        for blueprint in blueprints(all_specs()):
            kinds = [r.evidence_kind for r in blueprint.requirements]
            assert kinds == ["video", "document", "written"], blueprint.title
            assert len(blueprint.requirements[2].prompts) == 3, blueprint.title
            for requirement in blueprint.requirements:
                names = [level.name for level in requirement.levels]
                assert names == ["Not yet", "Approaching", "Meets", "Exceeds"], blueprint.title
                descriptors = [level.descriptor for level in requirement.levels]
                assert len(set(descriptors)) == 4, f"{blueprint.title}: {requirement.title}"
                passes = [level.score >= requirement.passing_score for level in requirement.levels]
                assert passes == [False, False, True, True], blueprint.title

    def test_titles_and_slugs_are_unique_and_references_resolve(self):
        titles = [spec["title"] for spec in all_specs()]
        assert len(titles) == len(set(titles))
        slugs = [stack.slug for stack in STACKS]
        assert len(slugs) == len(set(slugs))
        for stack in STACKS:
            assert not stack.capstone or stack.capstone in [s["title"] for s in stack.micro_credentials]
        for pathway in PATHWAYS:
            for step in pathway.steps:
                assert (step.stack in slugs) if step.stack else (step.micro_credential in titles)

    def test_it_keeps_teaching_phonics(self):
        assert "Teaching Phonics" in [spec["title"] for spec in all_specs()]


class DemoCatalogTests(TestCase):
    created: dict[str, int]

    @classmethod
    def setUpTestData(cls):
        load_demo()
        cls.created = _load()

    def test_it_publishes_at_least_sixty_micro_credentials_from_three_issuers(self):
        live = MicroCredential.objects.filter(live_version__isnull=False)
        assert live.count() >= 60
        assert live.count() == len(all_specs()) == self.created["micro-credentials"]
        assert MicroCredentialVersion.objects.exclude(status=MicroCredentialVersion.Status.PUBLISHED).count() == 0
        assert live.values("organization").distinct().count() >= 3

    def test_it_publishes_at_least_ten_stacks_with_both_completion_rules_and_capstones(self):
        stacks = Stack.objects.filter(is_published=True)
        assert stacks.count() >= 10
        assert stacks.values("organization").distinct().count() >= 3
        assert stacks.filter(completion_rule=Stack.CompletionRule.ALL).exists()
        assert stacks.filter(completion_rule=Stack.CompletionRule.N_OF_M, required_count__gt=0).exists()
        assert stacks.filter(completion_rule=Stack.CompletionRule.N_OF_M, capstone__isnull=False).exists()
        for stack in stacks.filter(capstone__isnull=False):
            assert stack.items.filter(micro_credential=stack.capstone).exists(), stack.slug

    def test_it_publishes_pathways_from_foundational_to_advanced(self):
        pathways = Pathway.objects.filter(is_published=True)
        assert pathways.count() >= 2
        assert pathways.filter(slug="early-literacy-lead").exists()
        mentor = pathways.get(slug="mentor-teacher")
        levels = list(mentor.steps.values_list("level", flat=True))
        assert levels[0] == PathwayStep.Level.FOUNDATIONAL
        assert levels[-1] == PathwayStep.Level.ADVANCED
        assert PathwayStep.Level.INTERMEDIATE in levels
        assert mentor.steps.filter(micro_credential__isnull=False).exists()
        last = mentor.steps.order_by("order").last()
        assert last is not None and last.prerequisites.count() >= 2

    def test_every_published_version_has_no_blueprint_problems(self):
        for version in live_versions():
            assert blueprint_problems(blueprint_of(version)) == [], version.title

    def test_loading_again_changes_nothing(self):
        tables = [
            MicroCredential,
            MicroCredentialVersion,
            Requirement,
            RubricLevel,
            Stack,
            StackItem,
            Pathway,
            PathwayStep,
            AuditEvent,
        ]
        before = {model.__name__: model._default_manager.count() for model in tables}
        assert load_demo() == {"organizations": 0, "users": 0, "memberships": 0}
        assert _load() == {"micro-credentials": 0, "stacks": 0, "pathways": 0}
        assert {model.__name__: model._default_manager.count() for model in tables} == before

    def test_searching_phonics_finds_teaching_phonics_first(self):
        titles = [v.title for v in catalog_list(CatalogFilters(query="phonics"))]
        assert titles[0] == "Teaching Phonics"

    def test_the_filters_have_something_to_show(self):
        live = live_versions()
        assert live.values("subject").distinct().count() >= 8
        for band in ["early_childhood", "k_2", "3_5", "6_8", "9_12", "adult"]:
            assert catalog_list(CatalogFilters(grade_band=band)).exists(), band
        assert live.values("pd_hours").distinct().count() >= 4
        assert live.values("effort_hours").distinct().count() >= 4
        assert catalog_list(CatalogFilters(stack="collective-leadership")).count() == 5
