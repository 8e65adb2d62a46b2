"""The teaching frameworks a growth goal can aim at: seed data with public sources.

Two frameworks ship with Evident: the components of the Danielson Framework
for Teaching (four domains, 22 components, 1a to 4f) and the ten InTASC Model
Core Teaching Standards. Codes, short names and titles are the frameworks' own
(facts); the one-line descriptions are ours.

The framework names are exactly the strings catalog alignments use (see
``evident.catalog.demo_content.helpers``), so a goal's components match
micro-credential alignments on (framework, code) without any mapping. The
names follow the 2013 edition of the Framework for Teaching, as the catalog's
alignments do.

``framework_components_seed()`` runs after every ``migrate`` (see ``apps.py``)
and is idempotent: it creates what is missing and brings names, domains,
descriptions and order up to date, never deleting a component (goals may
point at it).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from evident.programs.models import FrameworkComponent

DANIELSON = "Danielson Framework for Teaching"
INTASC = "InTASC Model Core Teaching Standards"

DANIELSON_SOURCE = "https://danielsongroup.org/the-framework-for-teaching/"
INTASC_SOURCE = (
    "https://ccsso.org/resource-library/intasc-model-core-teaching-standards-and-learning-progressions-teachers-10"
)

SHORT_NAMES = {DANIELSON: "Danielson", INTASC: "InTASC"}


def framework_short_name(framework: str) -> str:
    """How a reason names the framework: "Danielson 3b …" rather than the full title."""
    return SHORT_NAMES.get(framework, framework)


@dataclass(frozen=True)
class Component:
    framework: str
    code: str
    name: str
    domain: str
    description: str
    source_url: str


def _danielson(code: str, name: str, domain: str, description: str) -> Component:
    return Component(DANIELSON, code, name, domain, description, DANIELSON_SOURCE)


def _intasc(code: str, name: str, domain: str, description: str) -> Component:
    return Component(INTASC, code, name, domain, description, INTASC_SOURCE)


PLANNING = "Domain 1: Planning and Preparation"
ENVIRONMENT = "Domain 2: The Classroom Environment"
INSTRUCTION = "Domain 3: Instruction"
PROFESSIONAL = "Domain 4: Professional Responsibilities"

LEARNER = "The Learner and Learning"
CONTENT = "Content"
PRACTICE = "Instructional Practice"
RESPONSIBILITY = "Professional Responsibility"

COMPONENTS: list[Component] = [
    _danielson(
        "1a",
        "Demonstrating Knowledge of Content and Pedagogy",
        PLANNING,
        "Knowing the subject, how its ideas connect, and the ways students come to understand it.",
    ),
    _danielson(
        "1b",
        "Demonstrating Knowledge of Students",
        PLANNING,
        "Knowing each student's development, interests, culture, language and prior learning, and planning with it.",
    ),
    _danielson(
        "1c",
        "Setting Instructional Outcomes",
        PLANNING,
        "Clear, worthwhile learning goals that can be assessed and that suit the students.",
    ),
    _danielson(
        "1d",
        "Demonstrating Knowledge of Resources",
        PLANNING,
        "Finding materials, people and services that help students learn and help the teacher grow.",
    ),
    _danielson(
        "1e",
        "Designing Coherent Instruction",
        PLANNING,
        "Lessons and units whose activities, groupings and materials build toward the outcomes.",
    ),
    _danielson(
        "1f",
        "Designing Student Assessments",
        PLANNING,
        "Assessments that match the outcomes, with clear criteria, and plans to use what they show.",
    ),
    _danielson(
        "2a",
        "Creating an Environment of Respect and Rapport",
        ENVIRONMENT,
        "Warm, respectful relationships between teacher and students and among students.",
    ),
    _danielson(
        "2b",
        "Establishing a Culture for Learning",
        ENVIRONMENT,
        "A classroom where learning matters, effort is expected and high expectations are shared.",
    ),
    _danielson(
        "2c",
        "Managing Classroom Procedures",
        ENVIRONMENT,
        "Routines for groups, transitions and materials that keep time for learning.",
    ),
    _danielson(
        "2d",
        "Managing Student Behavior",
        ENVIRONMENT,
        "Shared expectations for conduct, watched for and answered calmly and respectfully.",
    ),
    _danielson(
        "2e",
        "Organizing Physical Space",
        ENVIRONMENT,
        "A room that is safe, accessible to everyone and arranged for the learning planned.",
    ),
    _danielson(
        "3a",
        "Communicating with Students",
        INSTRUCTION,
        "Clear purposes, directions and explanations, in rich and accurate language.",
    ),
    _danielson(
        "3b",
        "Using Questioning and Discussion Techniques",
        INSTRUCTION,
        "Questions that make students think, and discussion in which students talk with one another.",
    ),
    _danielson(
        "3c",
        "Engaging Students in Learning",
        INSTRUCTION,
        "Tasks, grouping and pacing that have students doing the intellectual work.",
    ),
    _danielson(
        "3d",
        "Using Assessment in Instruction",
        INSTRUCTION,
        "Checking understanding during the lesson, feedback to students, and students assessing their own work.",
    ),
    _danielson(
        "3e",
        "Demonstrating Flexibility and Responsiveness",
        INSTRUCTION,
        "Adjusting the lesson when students need it, and persisting until every student learns.",
    ),
    _danielson(
        "4a",
        "Reflecting on Teaching",
        PROFESSIONAL,
        "Judging accurately how a lesson went and what to change next time.",
    ),
    _danielson(
        "4b",
        "Maintaining Accurate Records",
        PROFESSIONAL,
        "Records of students' work, progress and non-instructional matters that are complete and useful.",
    ),
    _danielson(
        "4c",
        "Communicating with Families",
        PROFESSIONAL,
        "Keeping families informed about the program and their child's progress, and drawing them in.",
    ),
    _danielson(
        "4d",
        "Participating in the Professional Community",
        PROFESSIONAL,
        "Working with colleagues, contributing to the school and taking part in shared inquiry.",
    ),
    _danielson(
        "4e",
        "Growing and Developing Professionally",
        PROFESSIONAL,
        "Seeking out learning and feedback, and sharing expertise with others.",
    ),
    _danielson(
        "4f",
        "Showing Professionalism",
        PROFESSIONAL,
        "Integrity, advocacy for students, sound decisions and following school and district rules.",
    ),
    _intasc(
        "1",
        "Learner Development",
        LEARNER,
        "Understanding how learners grow and develop, and designing experiences that fit each stage.",
    ),
    _intasc(
        "2",
        "Learning Differences",
        LEARNER,
        "Using what each learner brings (culture, language, abilities) so that all can reach high standards.",
    ),
    _intasc(
        "3",
        "Learning Environments",
        LEARNER,
        "Environments, with others, that support individual and shared learning and self-motivation.",
    ),
    _intasc(
        "4",
        "Content Knowledge",
        CONTENT,
        "Knowing the central ideas and tools of inquiry of the discipline and making them meaningful.",
    ),
    _intasc(
        "5",
        "Application of Content",
        CONTENT,
        "Connecting concepts and using different perspectives for critical thinking, creativity and problem solving.",
    ),
    _intasc(
        "6",
        "Assessment",
        PRACTICE,
        "Using several kinds of assessment to watch growth, involve learners and guide decisions.",
    ),
    _intasc(
        "7",
        "Planning for Instruction",
        PRACTICE,
        "Planning from content, curriculum, learners and community so that every student meets the goals.",
    ),
    _intasc(
        "8",
        "Instructional Strategies",
        PRACTICE,
        "A range of strategies that build deep understanding and the skill to apply it.",
    ),
    _intasc(
        "9",
        "Professional Learning and Ethical Practice",
        RESPONSIBILITY,
        "Ongoing learning, judging one's practice by its effect on others, and acting ethically.",
    ),
    _intasc(
        "10",
        "Leadership and Collaboration",
        RESPONSIBILITY,
        "Taking responsibility for learning with students, families, colleagues and the community.",
    ),
]


def framework_components_seed(using: str = "default") -> dict[str, int]:
    """Create or update the shipped framework components; return how many were created and updated.

    Matches on (framework, code), the components' unique key. Components
    added by hand (another framework, a state rubric) are left alone.
    """
    with transaction.atomic(using=using):
        return _seed(using)


def _seed(using: str) -> dict[str, int]:
    components = FrameworkComponent.objects.using(using)
    existing = {(c.framework, c.code): c for c in components.filter(framework__in=[DANIELSON, INTASC])}
    created = updated = 0
    for order, spec in enumerate(COMPONENTS):
        values = {
            "name": spec.name,
            "domain": spec.domain,
            "description": spec.description,
            "source_url": spec.source_url,
            "order": order,
        }
        component = existing.get((spec.framework, spec.code))
        if component is None:
            component = FrameworkComponent(framework=spec.framework, code=spec.code, **values)
            component.full_clean()
            component.save(using=using)
            created += 1
            continue
        changed = [field for field, value in values.items() if getattr(component, field) != value]
        if changed:
            for field in changed:
                setattr(component, field, values[field])
            component.full_clean()
            component.save(using=using, update_fields=changed)
            updated += 1
    return {"created": created, "updated": updated}
