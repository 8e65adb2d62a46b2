"""The blueprint of a micro-credential as plain data.

One shape serves the demo catalog, import and export, the API and the
editor: services write a version's rows from a ``Blueprint`` and read one
back with :func:`blueprint_of`, so a round trip loses nothing.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from decimal import Decimal
from typing import Any

from evident.catalog.models import GradeBand, MicroCredentialVersion, Requirement


@dataclass
class LevelSpec:
    name: str
    descriptor: str
    score: int


@dataclass
class RequirementSpec:
    title: str
    evidence_kind: str
    instructions: str
    passing_score: int
    levels: list[LevelSpec]
    prompts: list[str] = field(default_factory=list)
    file_types: list[str] = field(default_factory=list)
    max_file_mb: int | None = None
    max_video_minutes: int | None = None
    min_words: int | None = None
    max_words: int | None = None


@dataclass
class CitationSpec:
    text: str
    url: str = ""


@dataclass
class ResourceSpec:
    title: str
    url: str = ""
    description: str = ""


@dataclass
class AlignmentSpec:
    framework: str
    code: str
    name: str
    url: str = ""


@dataclass
class Blueprint:
    title: str
    summary: str
    competency: str
    key_method: str
    subject: str
    requirements: list[RequirementSpec]
    research: str = ""
    grade_bands: list[str] = field(default_factory=list)
    effort_hours: Decimal = Decimal("10")
    pd_hours: Decimal = Decimal("10")
    # Months a credential stays valid after it is earned; None: it never expires.
    validity_months: int | None = None
    pass_rule: str = MicroCredentialVersion.PassRule.ALL_REQUIREMENTS
    badge_color: str = "#0d5c63"
    citations: list[CitationSpec] = field(default_factory=list)
    resources: list[ResourceSpec] = field(default_factory=list)
    alignments: list[AlignmentSpec] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["effort_hours"] = str(self.effort_hours)
        data["pd_hours"] = str(self.pd_hours)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Blueprint:
        values = dict(data)
        values["effort_hours"] = Decimal(str(values.get("effort_hours", "10")))
        values["pd_hours"] = Decimal(str(values.get("pd_hours", "10")))
        values["requirements"] = [
            RequirementSpec(**{**r, "levels": [LevelSpec(**lv) for lv in r.get("levels", [])]})
            for r in values.get("requirements", [])
        ]
        values["citations"] = [CitationSpec(**c) for c in values.get("citations", [])]
        values["resources"] = [ResourceSpec(**r) for r in values.get("resources", [])]
        values["alignments"] = [AlignmentSpec(**a) for a in values.get("alignments", [])]
        return cls(**values)


def blueprint_problems(blueprint: Blueprint) -> list[str]:
    """What stops this blueprint from going to quality review, in plain words."""
    found: list[str] = []
    for name in ("title", "summary", "competency", "key_method", "subject"):
        if not str(getattr(blueprint, name)).strip():
            found.append(f"The {name.replace('_', ' ')} is empty.")
    unknown = [g for g in blueprint.grade_bands if g not in GradeBand.values]
    if unknown:
        found.append(f"Unknown grade band: {', '.join(unknown)}.")
    if not blueprint.requirements:
        found.append("Add at least one requirement.")
    kinds = set(Requirement.EvidenceKind.values)
    for number, requirement in enumerate(blueprint.requirements, start=1):
        label = f"Requirement {number} ({requirement.title or 'untitled'})"
        if not requirement.title.strip():
            found.append(f"Requirement {number} has no title.")
        if requirement.evidence_kind not in kinds:
            found.append(f"{label} asks for an unknown kind of evidence.")
        if not requirement.instructions.strip():
            found.append(f"{label} has no instructions.")
        if len(requirement.levels) < 2:
            found.append(f"{label} needs a rubric with at least two levels.")
        scores = [level.score for level in requirement.levels]
        if len(set(scores)) != len(scores):
            found.append(f"{label} has two rubric levels with the same score.")
        if scores and scores != sorted(scores):
            found.append(f"{label}: order the rubric levels from lowest to highest score.")
        if not any(level.score >= requirement.passing_score for level in requirement.levels):
            found.append(f"{label} has no passing level: no level reaches the passing score.")
        if requirement.levels and all(level.score >= requirement.passing_score for level in requirement.levels):
            found.append(f"{label}: every level passes; at least one level must fall short.")
        for level in requirement.levels:
            if not level.name.strip() or not level.descriptor.strip():
                found.append(f"{label} has a rubric level without a name or descriptor.")
                break
        if (
            requirement.min_words is not None
            and requirement.max_words is not None
            and requirement.min_words > requirement.max_words
        ):
            found.append(f"{label}: the minimum word count is above the maximum.")
    return found
