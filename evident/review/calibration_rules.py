"""The certification rules of a calibration: the figures of an attempt and whether they pass.

The pairs of an attempt and pure functions over them, kept apart from the
services in ``calibration.py`` that record attempts and certifications.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from evident.review.agreement import exact_agreement
from evident.review.models import CalibrationAttempt, MasterScore, ReviewerPool


@dataclass(frozen=True)
class Pair:
    """One (item, requirement) of an attempt: the master's level score and the reviewer's (None if unscored)."""

    item_id: int
    requirement_id: int
    passing_score: int
    master: int
    given: int | None


@dataclass(frozen=True)
class Figures:
    # The exact share is compared with the pool's threshold; the float is what is stored and shown.
    exact: Fraction
    exact_agreement: float
    max_distance: int
    outcomes_match: bool


def calibration_figures(pairs: Sequence[Pair]) -> Figures:
    """Exact agreement with the master, the largest level distance, and whether every item's outcome matches.

    An item's outcome is the micro-credential's pass rule (the only one,
    ``all``): every requirement at or above its passing score. Levels are
    compared by their score. Raises ValueError when a pair is unscored or
    there are none.
    """
    if any(p.given is None for p in pairs):
        raise ValueError("Every pair needs the reviewer's score.")
    given = [p.given for p in pairs if p.given is not None]
    master = [p.master for p in pairs]
    share = exact_agreement(given, master)  # ValueError when there are no pairs
    agreed = sum(1 for g, m in zip(given, master, strict=True) if g == m)
    by_item: dict[int, list[Pair]] = defaultdict(list)
    for pair in pairs:
        by_item[pair.item_id].append(pair)
    outcomes_match = all(
        all(p.master >= p.passing_score for p in item_pairs)
        == all((p.given or 0) >= p.passing_score for p in item_pairs)
        for item_pairs in by_item.values()
    )
    return Figures(
        exact=Fraction(agreed, len(pairs)),
        exact_agreement=share,
        max_distance=max(abs(g - m) for g, m in zip(given, master, strict=True)),
        outcomes_match=outcomes_match,
    )


def certification_passes(figures: Figures, pool: ReviewerPool) -> bool:
    """The pool's rules: enough exact agreement, no score too far from the master, outcomes matching if required."""
    return (
        figures.exact >= Fraction(pool.min_exact_agreement)
        and figures.max_distance <= pool.max_level_distance
        and (figures.outcomes_match or not pool.require_outcomes_match)
    )


def attempt_pairs(attempt: CalibrationAttempt) -> list[Pair]:
    """Every (item, requirement) of the attempt's set, with the master's and the reviewer's level scores."""
    given = {(s.item_id, s.requirement_id): s.level.score for s in attempt.scores.select_related("level")}
    masters = (
        MasterScore.objects.filter(item__set_id=attempt.set_id)
        .select_related("level", "requirement")
        .order_by("item__order", "item_id", "requirement__order")
    )
    return [
        Pair(
            item_id=m.item_id,
            requirement_id=m.requirement_id,
            passing_score=m.requirement.passing_score,
            master=m.level.score,
            given=given.get((m.item_id, m.requirement_id)),
        )
        for m in masters
    ]
