"""The shape of one demo micro-credential and how it becomes a ``Blueprint``.

Every demo micro-credential asks for a classroom video, an artifact and a
reflection, each scored on four levels (Not yet · Approaching · Meets ·
Exceeds; Meets passes). The content modules write plain dictionaries in
this shape; ``TypedDict`` lets mypy catch a misspelt key in any of them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NotRequired, TypedDict

from evident.catalog.blueprint import (
    AlignmentSpec,
    Blueprint,
    CitationSpec,
    LevelSpec,
    RequirementSpec,
    ResourceSpec,
)

LEVEL_NAMES = ["Not yet", "Approaching", "Meets", "Exceeds"]
VIDEO_TYPES = ["mp4", "mov", "webm", "m4v"]
DOCUMENT_TYPES = ["pdf", "docx", "jpg", "png"]
REFLECTION_INSTRUCTIONS = "Write about what happened in the lesson you recorded and what you will do next."

DANIELSON = "Danielson Framework for Teaching"
INTASC = "InTASC Model Core Teaching Standards"
TEACHER_LEADER = "Teacher Leader Model Standards"
ISTE = "ISTE Standards for Educators"
CS_FRAMEWORK = "K–12 Computer Science Framework"
MATH_PRACTICE = "Common Core Standards for Mathematical Practice"


class Evidence(TypedDict):
    title: str
    instructions: str
    levels: list[str]


class Reflection(TypedDict):
    prompts: list[str]
    levels: list[str]
    instructions: NotRequired[str]


class Spec(TypedDict):
    title: str
    summary: str
    competency: str
    key_method: str
    research: str
    subject: str
    grades: list[str]
    color: str
    video: Evidence
    artifact: Evidence
    reflection: Reflection
    effort: NotRequired[str]
    pd: NotRequired[str]
    # (text, url); leave the url empty unless it is a stable, official address.
    citations: NotRequired[list[tuple[str, str]]]
    resources: NotRequired[list[tuple[str, str, str]]]
    # (framework, code, name, url)
    alignments: NotRequired[list[tuple[str, str, str, str]]]


def _levels(descriptors: list[str]) -> list[LevelSpec]:
    return [
        LevelSpec(name=name, descriptor=text, score=i + 1)
        for i, (name, text) in enumerate(zip(LEVEL_NAMES, descriptors, strict=True))
    ]


def micro_credential_blueprint(spec: Spec) -> Blueprint:
    video, artifact, reflection = spec["video"], spec["artifact"], spec["reflection"]
    return Blueprint(
        title=spec["title"],
        summary=spec["summary"],
        competency=spec["competency"],
        key_method=spec["key_method"],
        research=spec["research"],
        subject=spec["subject"],
        grade_bands=spec["grades"],
        effort_hours=Decimal(spec.get("effort", "12")),
        pd_hours=Decimal(spec.get("pd", "15")),
        badge_color=spec["color"],
        citations=[CitationSpec(text=t, url=u) for t, u in spec.get("citations", [])],
        resources=[ResourceSpec(title=t, url=u, description=d) for t, u, d in spec.get("resources", [])],
        alignments=[AlignmentSpec(framework=f, code=c, name=n, url=u) for f, c, n, u in spec.get("alignments", [])],
        requirements=[
            RequirementSpec(
                title=video["title"],
                evidence_kind="video",
                instructions=video["instructions"],
                passing_score=3,
                file_types=VIDEO_TYPES,
                max_file_mb=2048,
                max_video_minutes=10,
                levels=_levels(video["levels"]),
            ),
            RequirementSpec(
                title=artifact["title"],
                evidence_kind="document",
                instructions=artifact["instructions"],
                passing_score=3,
                file_types=DOCUMENT_TYPES,
                max_file_mb=50,
                levels=_levels(artifact["levels"]),
            ),
            RequirementSpec(
                title="Reflection",
                evidence_kind="written",
                instructions=reflection.get("instructions", REFLECTION_INSTRUCTIONS),
                passing_score=3,
                prompts=reflection["prompts"],
                min_words=300,
                max_words=800,
                levels=_levels(reflection["levels"]),
            ),
        ],
    )


def blueprints(specs: list[Spec]) -> list[Blueprint]:
    return [micro_credential_blueprint(spec) for spec in specs]
