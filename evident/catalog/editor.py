"""The structured editor: read a draft from the posted form, apply an edit
(add, remove or move a requirement or a rubric level), and say what is
wrong with a field, without ever dropping what the author typed.

Field names: ``title``, ``summary``… for the basics; ``citation-3-text``;
``resource-1-url``; ``alignment-0-code``; ``requirement-2-title``;
``requirement-2-level-1-descriptor``. The clicked button's ``action`` says
what to change, e.g. ``add-level:2`` or ``move-requirement-up:1``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from evident.catalog.blueprint import (
    AlignmentSpec,
    Blueprint,
    CitationSpec,
    LevelSpec,
    RequirementSpec,
    ResourceSpec,
)
from evident.catalog.models import GradeBand, Requirement

DEFAULT_LEVELS = ["Not yet", "Approaching", "Meets", "Exceeds"]
MAX_ITEMS = 30
MAX_VALIDITY_MONTHS = 600  # fifty years: beyond that, leave it blank (never expires)


@dataclass
class ParsedDraft:
    blueprint: Blueprint
    errors: dict[str, str] = field(default_factory=dict)


def new_requirement() -> RequirementSpec:
    return RequirementSpec(
        title="",
        evidence_kind=Requirement.EvidenceKind.VIDEO,
        instructions="",
        passing_score=3,
        levels=[LevelSpec(name=name, descriptor="", score=i + 1) for i, name in enumerate(DEFAULT_LEVELS)],
    )


def empty_blueprint(title: str) -> Blueprint:
    return Blueprint(
        title=title, summary="", competency="", key_method="", subject="", requirements=[new_requirement()]
    )


def _indexes(data: Mapping[str, str], prefix: str) -> list[int]:
    found = set()
    for key in data:
        if key.startswith(prefix):
            head = key[len(prefix) :].split("-", 1)[0]
            if head.isdigit() and int(head) < MAX_ITEMS:
                found.add(int(head))
    return sorted(found)


def _int(data: Mapping[str, str], key: str, errors: dict[str, str], *, required: bool = False) -> int | None:
    raw = (data.get(key) or "").strip()
    if not raw:
        if required:
            errors[key] = "Enter a whole number."
        return None
    if not raw.isdigit():
        errors[key] = f"“{raw}” is not a whole number."
        return None
    return int(raw)


def _decimal(data: Mapping[str, str], key: str, errors: dict[str, str], default: str) -> Decimal:
    raw = (data.get(key) or "").strip() or default
    try:
        value = Decimal(raw)
    except InvalidOperation:
        errors[key] = f"“{raw}” is not a number of hours."
        return Decimal(default)
    if value < 0 or value > 999:
        errors[key] = "Enter a number of hours between 0 and 999."
        return Decimal(default)
    return value.quantize(Decimal("0.1"))


def _validity(data: Mapping[str, str], errors: dict[str, str]) -> int | None:
    """Months a credential stays valid; blank means it never expires."""
    months = _int(data, "validity_months", errors)
    if months is not None and not 1 <= months <= MAX_VALIDITY_MONTHS:
        errors["validity_months"] = (
            f"Enter a number of months between 1 and {MAX_VALIDITY_MONTHS}, or leave it blank if it never expires."
        )
        return None
    return months


def parse_draft(data: Mapping[str, str], grade_bands: list[str]) -> ParsedDraft:
    """The blueprint as typed. Unparseable numbers keep a default and an error for their field."""
    errors: dict[str, str] = {}

    def text(key: str) -> str:
        return (data.get(key) or "").strip()

    requirements = []
    for r in _indexes(data, "requirement-"):
        p = f"requirement-{r}-"
        levels = []
        for lv in _indexes(data, f"{p}level-"):
            lp = f"{p}level-{lv}-"
            score = _int(data, lp + "score", errors, required=True)
            levels.append(LevelSpec(name=text(lp + "name"), descriptor=text(lp + "descriptor"), score=score or 0))
        kind = text(p + "evidence_kind")
        if kind not in Requirement.EvidenceKind.values:
            kind = Requirement.EvidenceKind.VIDEO
        requirements.append(
            RequirementSpec(
                title=text(p + "title"),
                evidence_kind=kind,
                instructions=text(p + "instructions"),
                passing_score=_int(data, p + "passing_score", errors, required=True) or 0,
                levels=levels,
                prompts=[line.strip() for line in (data.get(p + "prompts") or "").splitlines() if line.strip()],
                file_types=[t.strip().lower().lstrip(".") for t in text(p + "file_types").split(",") if t.strip()],
                max_file_mb=_int(data, p + "max_file_mb", errors),
                max_video_minutes=_int(data, p + "max_video_minutes", errors),
                min_words=_int(data, p + "min_words", errors),
                max_words=_int(data, p + "max_words", errors),
            )
        )
    color = text("badge_color") or "#0d5c63"
    if not (len(color) == 7 and color.startswith("#")):
        errors["badge_color"] = "Pick a colour."
        color = "#0d5c63"
    blueprint = Blueprint(
        title=text("title"),
        summary=text("summary"),
        competency=text("competency"),
        key_method=text("key_method"),
        research=text("research"),
        subject=text("subject"),
        grade_bands=[g for g in grade_bands if g in GradeBand.values],
        effort_hours=_decimal(data, "effort_hours", errors, "10"),
        pd_hours=_decimal(data, "pd_hours", errors, "10"),
        validity_months=_validity(data, errors),
        badge_color=color,
        citations=[
            CitationSpec(text=text(f"citation-{i}-text"), url=text(f"citation-{i}-url"))
            for i in _indexes(data, "citation-")
        ],
        resources=[
            ResourceSpec(
                title=text(f"resource-{i}-title"),
                url=text(f"resource-{i}-url"),
                description=text(f"resource-{i}-description"),
            )
            for i in _indexes(data, "resource-")
        ],
        alignments=[
            AlignmentSpec(
                framework=text(f"alignment-{i}-framework"),
                code=text(f"alignment-{i}-code"),
                name=text(f"alignment-{i}-name"),
                url=text(f"alignment-{i}-url"),
            )
            for i in _indexes(data, "alignment-")
        ],
        requirements=requirements,
    )
    if not blueprint.title:
        errors["title"] = "A micro-credential needs a title."
    return ParsedDraft(blueprint=blueprint, errors=errors)


def _move(items: list[Any], index: int, offset: int) -> None:
    target = index + offset
    if 0 <= index < len(items) and 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]


def apply_action(blueprint: Blueprint, action: str) -> str:
    """Change the blueprint's structure as the button says; return a message for screen readers."""
    name, _, argument = action.partition(":")
    numbers = [int(p) for p in argument.split(".") if p.isdigit()]
    requirements = blueprint.requirements
    if name == "add-requirement" and len(requirements) < MAX_ITEMS:
        requirements.append(new_requirement())
        return f"Requirement {len(requirements)} added."
    if name == "add-citation":
        blueprint.citations.append(CitationSpec(text=""))
        return "Citation added."
    if name == "add-resource":
        blueprint.resources.append(ResourceSpec(title=""))
        return "Resource added."
    if name == "add-alignment":
        blueprint.alignments.append(AlignmentSpec(framework="", code="", name=""))
        return "Alignment added."
    if not numbers:
        return ""
    index = numbers[0]
    if name == "remove-requirement" and index < len(requirements):
        removed = requirements.pop(index)
        return f"Requirement “{removed.title or index + 1}” removed."
    if name == "move-requirement-up":
        _move(requirements, index, -1)
        return f"Requirement moved to position {max(index, 1)}."
    if name == "move-requirement-down":
        _move(requirements, index, 1)
        return f"Requirement moved to position {min(index + 2, len(requirements))}."
    if name == "add-level" and index < len(requirements):
        levels = requirements[index].levels
        if len(levels) < 8:
            levels.append(LevelSpec(name="", descriptor="", score=(levels[-1].score + 1) if levels else 1))
        return "Level added."
    if name in {"remove-level", "move-level-up", "move-level-down"} and len(numbers) == 2 and index < len(requirements):
        levels = requirements[index].levels
        level = numbers[1]
        if name == "remove-level" and level < len(levels):
            levels.pop(level)
            return "Level removed."
        _move(levels, level, -1 if name == "move-level-up" else 1)
        # Keep scores rising with position, so moving a level changes what it is worth.
        for position, spec in enumerate(levels, start=1):
            spec.score = position
        return "Level moved."
    for kind, items in (
        ("citation", blueprint.citations),
        ("resource", blueprint.resources),
        ("alignment", blueprint.alignments),
    ):
        if name == f"remove-{kind}" and index < len(items):
            items.pop(index)
            return f"{kind.capitalize()} removed."
    return ""


@dataclass
class FieldView:
    name: str
    value: object
    error: str = ""


def _fields(prefix: str, values: dict[str, object], errors: dict[str, str]) -> dict[str, FieldView]:
    return {key: FieldView(f"{prefix}{key}", value, errors.get(f"{prefix}{key}", "")) for key, value in values.items()}


def editor_view(blueprint: Blueprint, errors: dict[str, str]) -> dict[str, Any]:
    """Everything the editor template shows: each input's name, value and error."""

    def none_as_blank(value: int | None) -> object:
        return "" if value is None else value

    return {
        "basics": _fields(
            "",
            {
                "title": blueprint.title,
                "summary": blueprint.summary,
                "competency": blueprint.competency,
                "key_method": blueprint.key_method,
                "research": blueprint.research,
                "subject": blueprint.subject,
                "effort_hours": blueprint.effort_hours,
                "pd_hours": blueprint.pd_hours,
                "validity_months": none_as_blank(blueprint.validity_months),
                "badge_color": blueprint.badge_color,
            },
            errors,
        ),
        "grade_bands": blueprint.grade_bands,
        "citations": [
            {"index": i, "f": _fields(f"citation-{i}-", {"text": c.text, "url": c.url}, errors)}
            for i, c in enumerate(blueprint.citations)
        ],
        "resources": [
            {
                "index": i,
                "f": _fields(f"resource-{i}-", {"title": r.title, "url": r.url, "description": r.description}, errors),
            }
            for i, r in enumerate(blueprint.resources)
        ],
        "alignments": [
            {
                "index": i,
                "f": _fields(
                    f"alignment-{i}-", {"framework": a.framework, "code": a.code, "name": a.name, "url": a.url}, errors
                ),
            }
            for i, a in enumerate(blueprint.alignments)
        ],
        "requirements": [
            {
                "index": r,
                "number": r + 1,
                "evidence_kind": spec.evidence_kind,
                "f": _fields(
                    f"requirement-{r}-",
                    {
                        "title": spec.title,
                        "instructions": spec.instructions,
                        "prompts": "\n".join(spec.prompts),
                        "file_types": ", ".join(spec.file_types),
                        "max_file_mb": none_as_blank(spec.max_file_mb),
                        "max_video_minutes": none_as_blank(spec.max_video_minutes),
                        "min_words": none_as_blank(spec.min_words),
                        "max_words": none_as_blank(spec.max_words),
                        "passing_score": spec.passing_score,
                    },
                    errors,
                ),
                "levels": [
                    {
                        "index": lv,
                        "number": lv + 1,
                        "passes": level.score >= spec.passing_score,
                        "f": _fields(
                            f"requirement-{r}-level-{lv}-",
                            {"name": level.name, "descriptor": level.descriptor, "score": level.score},
                            errors,
                        ),
                    }
                    for lv, level in enumerate(spec.levels)
                ],
            }
            for r, spec in enumerate(blueprint.requirements)
        ],
    }
