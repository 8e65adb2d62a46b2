"""The demo catalog's content, written for Evident: which issuer offers which
stacks, the micro-credentials in each, and the pathways through them.

Titles follow public examples of micro-credential catalogs; every summary,
requirement, prompt and rubric descriptor is our own. One module per stack
holds its micro-credentials (see ``helpers`` for their shape);
``evident.catalog.demo`` publishes all of it through the catalog services.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from evident.catalog.demo_content.classroom_environment import CLASSROOM_ENVIRONMENT
from evident.catalog.demo_content.classroom_management import CLASSROOM_MANAGEMENT
from evident.catalog.demo_content.computational_thinking import COMPUTATIONAL_THINKING
from evident.catalog.demo_content.early_literacy import EARLY_LITERACY
from evident.catalog.demo_content.english_learners import ENGLISH_LEARNERS
from evident.catalog.demo_content.helpers import Spec, blueprints, micro_credential_blueprint
from evident.catalog.demo_content.learning_differences import LEARNING_DIFFERENCES
from evident.catalog.demo_content.lesson_design import LESSON_DESIGN
from evident.catalog.demo_content.mathematics import MATHEMATICS
from evident.catalog.models import PathwayStep

__all__ = [
    "CLASSROOM_MANAGEMENT",
    "EARLY_LITERACY",
    "PATHWAYS",
    "STACKS",
    "DemoPathway",
    "DemoStack",
    "DemoStep",
    "Spec",
    "all_specs",
    "blueprints",
    "micro_credential_blueprint",
]

INSTITUTE = "institute-classroom-practice"
TEACHING_FORWARD = "teaching-forward"
UNION = "cascadia-education-association"
Level = PathwayStep.Level


@dataclass
class DemoStack:
    issuer: str  # organization slug
    slug: str
    title: str
    description: str
    badge_color: str
    micro_credentials: list[Spec]
    required_count: int | None = None  # None: every micro-credential is required
    capstone: str = ""  # the title of one of the stack's micro-credentials


@dataclass
class DemoStep:
    level: str  # a PathwayStep.Level
    stack: str = ""  # a stack slug from STACKS, or
    micro_credential: str = ""  # a micro-credential title
    prerequisites: list[int] = field(default_factory=list)  # indexes of earlier steps


@dataclass
class DemoPathway:
    issuer: str
    slug: str
    title: str
    role_name: str
    description: str
    steps: list[DemoStep]


STACKS: list[DemoStack] = [
    DemoStack(
        INSTITUTE,
        "early-literacy",
        "Early Literacy",
        "The foundations of reading and writing in the early grades: sounds, letters, words and meaning.",
        "#0d5c63",
        EARLY_LITERACY,
    ),
    DemoStack(
        INSTITUTE,
        "classroom-management",
        "Classroom Management",
        "Routines and shared expectations that give every lesson more time for learning.",
        "#37474f",
        CLASSROOM_MANAGEMENT,
    ),
    DemoStack(
        INSTITUTE,
        "classroom-environment",
        "Classroom Environment",
        "A room arranged for the learning planned, relationships that let students take risks, and calm, "
        "private responses when behaviour drifts.",
        "#6d4c41",
        CLASSROOM_ENVIRONMENT,
    ),
    DemoStack(
        INSTITUTE,
        "organizing-content",
        "Organizing Content for Learning",
        "Lessons built from clear outcomes, units that cross subject lines, and projects that matter beyond "
        "the classroom. The authentic-learning project is the capstone.",
        "#283593",
        LESSON_DESIGN,
        capstone="Engaging Students in Authentic Learning Experiences Connected to Local and Global Issues",
    ),
    DemoStack(
        INSTITUTE,
        "mathematics-instruction",
        "Mathematics Instruction",
        "Knowing the mathematics in the way teaching needs it, leading discussions built on students' "
        "strategies, and teaching fractions as numbers on the number line.",
        "#1565c0",
        MATHEMATICS,
    ),
    DemoStack(
        INSTITUTE,
        "learning-differences",
        "Addressing Learning Differences",
        "Knowing each learner and designing instruction that reaches all of them: culturally responsive "
        "teaching, sheltered instruction, Universal Design for Learning and work with specialists.",
        "#6a1b9a",
        LEARNING_DIFFERENCES,
        required_count=3,
    ),
    DemoStack(
        INSTITUTE,
        "constructive-conversations",
        "Supporting English Learners: Constructive Conversations",
        "Academic conversations in which English learners build ideas together: prompts worth talking "
        "about, the skills of clarifying and supporting, and assessing what students say.",
        "#00796b",
        ENGLISH_LEARNERS,
        capstone="Assessing Conversations",
    ),
    DemoStack(
        INSTITUTE,
        "computational-thinking",
        "Computational Thinking Practices",
        "Data, algorithms, models and systems, taught inside mathematics, science and other subjects.",
        "#263238",
        COMPUTATIONAL_THINKING,
        required_count=4,
    ),
]

PATHWAYS: list[DemoPathway] = [
    DemoPathway(
        INSTITUTE,
        "early-literacy-lead",
        "Early Literacy Lead Teacher",
        "Early Literacy Lead Teacher",
        "From a well-run classroom to expert early reading instruction: the path for teachers who will lead "
        "literacy in their school.",
        [
            DemoStep(Level.FOUNDATIONAL, stack="classroom-management"),
            DemoStep(Level.INTERMEDIATE, stack="early-literacy", prerequisites=[0]),
        ],
    ),
]


def all_specs() -> list[Spec]:
    """Every demo micro-credential, in stack order."""
    return [spec for stack in STACKS for spec in stack.micro_credentials]
