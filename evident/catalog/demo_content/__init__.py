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
from evident.catalog.demo_content.coaching import COACHING
from evident.catalog.demo_content.collective_leadership import COLLECTIVE_LEADERSHIP
from evident.catalog.demo_content.computational_thinking import COMPUTATIONAL_THINKING
from evident.catalog.demo_content.data_driven_instruction import DATA_DRIVEN_INSTRUCTION
from evident.catalog.demo_content.digital_learning import DIGITAL_LEARNING
from evident.catalog.demo_content.early_literacy import EARLY_LITERACY
from evident.catalog.demo_content.english_learners import ENGLISH_LEARNERS
from evident.catalog.demo_content.helpers import Spec, blueprints, micro_credential_blueprint
from evident.catalog.demo_content.learning_differences import LEARNING_DIFFERENCES
from evident.catalog.demo_content.lesson_design import LESSON_DESIGN
from evident.catalog.demo_content.mathematics import MATHEMATICS
from evident.catalog.demo_content.mentoring import MENTORING
from evident.catalog.demo_content.performance_assessment import PERFORMANCE_ASSESSMENT
from evident.catalog.demo_content.personalized_learning import PERSONALIZED_LEARNING
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
    DemoStack(
        TEACHING_FORWARD,
        "data-driven-instruction",
        "Data-Driven Instruction",
        "Assessments aligned with what was taught, and formative evidence that changes teaching during the "
        "lesson and after it.",
        "#e65100",
        DATA_DRIVEN_INSTRUCTION,
    ),
    DemoStack(
        TEACHING_FORWARD,
        "performance-assessment",
        "Performance Assessment Design",
        "Rubrics and tasks that show what students can do, checked with colleagues before they are trusted. "
        "Validation is the capstone.",
        "#4e342e",
        PERFORMANCE_ASSESSMENT,
        capstone="Performance Assessment Validation",
    ),
    DemoStack(
        TEACHING_FORWARD,
        "personalized-learning",
        "Personalized Learning",
        "Learner profiles, flexible paths, personal goals, student voice and progress by proficiency.",
        "#0097a7",
        PERSONALIZED_LEARNING,
        required_count=4,
    ),
    DemoStack(
        TEACHING_FORWARD,
        "digital-learning",
        "Technology and the Four Cs",
        "Collaboration, creativity, critical thinking and communication in a digital learning environment.",
        "#7b1fa2",
        DIGITAL_LEARNING,
        required_count=3,
    ),
    DemoStack(
        UNION,
        "mentoring-new-teachers",
        "Mentoring New Teachers",
        "For experienced teachers supporting colleagues in their first years: the relationship, "
        "observation and feedback, and the conversations that are hard to have.",
        "#f9a825",
        MENTORING,
    ),
    DemoStack(
        UNION,
        "effective-coaching",
        "Effective Coaching",
        "Coaching cycles tied to student outcomes, data-driven interventions and professional learning that "
        "changes practice. Any three, including the coaching cycle capstone.",
        "#c2185b",
        COACHING,
        required_count=3,
        capstone="Coaching for Improvement",
    ),
    DemoStack(
        UNION,
        "collective-leadership",
        "Collective Leadership",
        "Leading with and through colleagues: knowing your strengths, a shared purpose, good meetings, "
        "resolving conflict, and a leadership team as the capstone.",
        "#1a237e",
        COLLECTIVE_LEADERSHIP,
        capstone="Developing Distributive Leadership Teams in Support of Student Academic Success",
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
    DemoPathway(
        UNION,
        "mentor-teacher",
        "Mentor Teacher",
        "Mentor Teacher",
        "For teachers ready to support new colleagues: secure classroom practice and use of evidence first, "
        "then work alongside specialists, then mentoring itself.",
        [
            DemoStep(Level.FOUNDATIONAL, stack="classroom-management"),
            DemoStep(Level.FOUNDATIONAL, stack="data-driven-instruction"),
            DemoStep(
                Level.INTERMEDIATE,
                micro_credential="Collaborating to Meet the Needs of Diverse Learners",
                prerequisites=[1],
            ),
            DemoStep(Level.ADVANCED, stack="mentoring-new-teachers", prerequisites=[0, 2]),
        ],
    ),
    DemoPathway(
        UNION,
        "teacher-leader",
        "Teacher Leader",
        "Teacher Leader",
        "From mentoring one colleague to coaching many and leading a school team toward better results for students.",
        [
            DemoStep(Level.FOUNDATIONAL, stack="mentoring-new-teachers"),
            DemoStep(Level.INTERMEDIATE, stack="effective-coaching", prerequisites=[0]),
            DemoStep(Level.ADVANCED, stack="collective-leadership", prerequisites=[1]),
        ],
    ),
    DemoPathway(
        TEACHING_FORWARD,
        "digital-learning-specialist",
        "Digital Learning Specialist",
        "Digital Learning Specialist",
        "For teachers who help colleagues use technology for deeper learning: computational thinking, the "
        "four Cs online, design for every learner, and personalized learning.",
        [
            DemoStep(Level.FOUNDATIONAL, stack="computational-thinking"),
            DemoStep(Level.INTERMEDIATE, stack="digital-learning", prerequisites=[0]),
            DemoStep(
                Level.INTERMEDIATE, micro_credential="Implementing Universal Design for Learning", prerequisites=[0]
            ),
            DemoStep(Level.ADVANCED, stack="personalized-learning", prerequisites=[1, 2]),
        ],
    ),
]


def all_specs() -> list[Spec]:
    """Every demo micro-credential, in stack order."""
    return [spec for stack in STACKS for spec in stack.micro_credentials]
