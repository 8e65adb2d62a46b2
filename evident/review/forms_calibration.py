"""Forms for pools, calibration sets and attempts: what leads and reviewers send,
normalized before the services in :mod:`evident.review.calibration` see it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from django import forms
from django.forms.utils import ErrorList

from evident.accounts.forms import set_choices
from evident.accounts.models import User
from evident.catalog.models import MicroCredential, RubricLevel, Stack
from evident.earning.models import CODE_ALPHABET
from evident.review.calibration import MAX_RATIONALE_CHARACTERS
from evident.review.selectors_calibration import RequirementView


class PoolCreateForm(forms.Form):
    name = forms.CharField(label="Pool name", max_length=160, help_text="For example “Teaching Phonics reviewers”.")
    target = forms.ChoiceField(label="Reviews the work of")

    def __init__(
        self, *args: Any, micro_credentials: list[MicroCredential], stacks: list[Stack], **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.targets: dict[str, MicroCredential | Stack] = {}
        for micro_credential in micro_credentials:
            self.targets[f"micro_credential:{micro_credential.uuid}"] = micro_credential
        for stack in stacks:
            self.targets[f"stack:{stack.uuid}"] = stack
        # Grouped choices: set_choices takes a flat list.
        cast(forms.ChoiceField, self.fields["target"]).choices = [
            ("", "Choose a micro-credential or a stack"),
            (
                "Micro-credentials",
                [
                    (f"micro_credential:{m.uuid}", m.live_version.title if m.live_version else m.slug)
                    for m in micro_credentials
                ],
            ),
            ("Stacks", [(f"stack:{s.uuid}", s.title) for s in stacks]),
        ]

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())

    def target_kwargs(self) -> dict[str, Any]:
        """``micro_credential=`` or ``stack=`` for :func:`pool_create`."""
        target = self.targets[self.cleaned_data["target"]]
        if isinstance(target, Stack):
            return {"stack": target}
        return {"micro_credential": target}


class PoolMemberForm(forms.Form):
    reviewer = forms.ChoiceField(label="Reviewer")

    def __init__(self, *args: Any, candidates: list[User], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.candidates = {str(c.uuid): c for c in candidates}
        set_choices(
            self.fields["reviewer"], [(key, f"{c.display_name} ({c.email})") for key, c in self.candidates.items()]
        )

    def clean_reviewer(self) -> User:
        return self.candidates[self.cleaned_data["reviewer"]]


class PoolRulesForm(forms.Form):
    min_exact_agreement = forms.IntegerField(
        label="Exact agreement with the master scores, at least (%)",
        min_value=50,
        max_value=100,
        help_text="Share of requirement scores at exactly the master's level.",
    )
    max_level_distance = forms.IntegerField(
        label="Furthest any score may be from the master's (levels)",
        min_value=0,
        max_value=5,
        help_text="1 means no score two or more levels away.",
    )
    require_outcomes_match = forms.BooleanField(
        label="Every submission's pass or not-yet outcome must match the master's", required=False
    )
    certification_days = forms.IntegerField(
        label="A certification lasts (days)",
        min_value=30,
        max_value=1095,
        help_text="Then the reviewer calibrates again.",
    )

    @classmethod
    def initial_for(cls, pool: Any) -> dict[str, Any]:
        return {
            "min_exact_agreement": int(pool.min_exact_agreement * 100),
            "max_level_distance": pool.max_level_distance,
            "require_outcomes_match": pool.require_outcomes_match,
            "certification_days": pool.certification_days,
        }

    def clean_min_exact_agreement(self) -> Decimal:
        return (Decimal(self.cleaned_data["min_exact_agreement"]) / 100).quantize(Decimal("0.001"))


class CalibrationSetForm(forms.Form):
    title = forms.CharField(label="Title", max_length=160, help_text="For example “Autumn 2025 calibration”.")


_CODE_CHARACTERS = re.compile(f"^[{CODE_ALPHABET}]{{8}}$")


def normalize_submission_code(value: str) -> str:
    """A submission code as people type it (lower case, spaces, no dash) in its stored form, ``ABCD-2345``."""
    raw = re.sub(r"[\s-]", "", value).upper()
    if not _CODE_CHARACTERS.match(raw):
        raise forms.ValidationError("A submission code has eight letters and digits, like ABCD-2345.", code="bad_code")
    return f"{raw[:4]}-{raw[4:]}"


class SubmissionCodeForm(forms.Form):
    code = forms.CharField(
        label="Submission code",
        max_length=20,
        help_text="The code reviewers see on submitted work, like ABCD-2345.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false", "autocapitalize": "characters"}),
    )

    def clean_code(self) -> str:
        return normalize_submission_code(self.cleaned_data["code"])


@dataclass
class LevelRow:
    """One requirement in a level-choosing form, as the template draws it."""

    view: RequirementView
    name: str
    chosen: str
    errors: ErrorList
    rationale_name: str = ""
    rationale: str = ""
    rationale_errors: ErrorList | None = None


def _level_choices(view: RequirementView) -> list[tuple[str, str]]:
    return [(str(level.pk), level.name or f"Level {level.score}") for level in view.levels]


class _LevelsForm(forms.Form):
    """A radio choice of rubric level per requirement (fields ``level-<requirement uuid>``)."""

    levels_required = True

    def __init__(self, *args: Any, requirements: list[RequirementView], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.requirements = requirements
        for view in requirements:
            self.fields[self.level_name(view)] = forms.ChoiceField(
                choices=_level_choices(view),
                widget=forms.RadioSelect,
                required=self.levels_required,
                error_messages={"required": "Choose a level.", "invalid_choice": "Choose one of the rubric's levels."},
            )

    @staticmethod
    def level_name(view: RequirementView) -> str:
        return f"level-{view.requirement.uuid}"

    def _chosen(self, view: RequirementView) -> str:
        value = self[self.level_name(view)].value()
        return "" if value is None else str(value)

    def chosen_levels(self) -> dict[str, RubricLevel]:
        """The levels picked, by requirement UUID (only those picked)."""
        picked: dict[str, RubricLevel] = {}
        for view in self.requirements:
            value = self.cleaned_data.get(self.level_name(view))
            level = next((lv for lv in view.levels if str(lv.pk) == value), None)
            if level is not None:
                picked[str(view.requirement.uuid)] = level
        return picked


class MasterScoresForm(_LevelsForm):
    """The lead's master level and rationale for every requirement of a calibration item."""

    def __init__(self, *args: Any, requirements: list[RequirementView], **kwargs: Any) -> None:
        super().__init__(*args, requirements=requirements, **kwargs)
        for view in requirements:
            self.fields[self.rationale_name(view)] = forms.CharField(
                max_length=MAX_RATIONALE_CHARACTERS,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"required": "Say why this level: reviewers read it after they finish."},
            )

    @staticmethod
    def rationale_name(view: RequirementView) -> str:
        return f"rationale-{view.requirement.uuid}"

    @classmethod
    def initial_for(cls, requirements: list[RequirementView]) -> dict[str, str]:
        initial: dict[str, str] = {}
        for view in requirements:
            if view.master is not None:
                initial[cls.level_name(view)] = str(view.master.level_id)
                initial[cls.rationale_name(view)] = view.master.rationale
        return initial

    def rows(self) -> list[LevelRow]:
        return [
            LevelRow(
                view=view,
                name=self.level_name(view),
                chosen=self._chosen(view),
                errors=self[self.level_name(view)].errors,
                rationale_name=self.rationale_name(view),
                rationale=str(self[self.rationale_name(view)].value() or ""),
                rationale_errors=self[self.rationale_name(view)].errors,
            )
            for view in self.requirements
        ]

    def master_levels(self) -> dict[str, int]:
        return {key: level.pk for key, level in self.chosen_levels().items()}

    def rationales(self) -> dict[str, str]:
        return {str(v.requirement.uuid): self.cleaned_data[self.rationale_name(v)].strip() for v in self.requirements}


class CalibrationScoresForm(_LevelsForm):
    """A reviewer's levels for one calibration item; any subset, as they are autosaved one by one."""

    levels_required = False

    def rows(self) -> list[LevelRow]:
        return [
            LevelRow(
                view=view,
                name=self.level_name(view),
                chosen=self._chosen(view) or (str(view.chosen.pk) if view.chosen else ""),
                errors=self[self.level_name(view)].errors,
            )
            for view in self.requirements
        ]


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label="Why the certification ends",
        max_length=300,
        help_text="The reviewer calibrates again before taking work from this pool.",
    )
