"""The certification rules of a calibration: the figures of an attempt and whether they pass.

The pairs of an attempt and pure functions over them, kept apart from the
services in ``calibration.py`` that record attempts and certifications.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from evident.accounts.models import User
from evident.review.agreement import exact_agreement
from evident.review.models import CalibrationAttempt, CalibrationItem, CalibrationSet, MasterScore, ReviewerPool
from evident.review.permissions import calibration_conflicts


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


def attempt_pairs(attempt: CalibrationAttempt, item_ids: Collection[int] | None = None) -> list[Pair]:
    """Every (item, requirement) of the attempt's set (or of its items ``item_ids``), with the master's and the reviewer's level scores."""
    given = {(s.item_id, s.requirement_id): s.level.score for s in attempt.scores.select_related("level")}
    masters = (
        MasterScore.objects.filter(item__set_id=attempt.set_id)
        .select_related("level", "requirement")
        .order_by("item__order", "item_id", "requirement__order")
    )
    if item_ids is not None:
        masters = masters.filter(item_id__in=list(item_ids))
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


# Items left out for conflicts of interest -------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemsLeft:
    """What remains of a calibration set for one reviewer once the items that conflict for them are left out.

    Enough when at least half the set remains (at least one item) and, if
    the pool requires outcomes to match, every outcome the set's master
    scores show (passing, not passing) is still among what remains: a
    certification on a remnant would not show the reviewer scores the range
    the lead reviewer chose.
    """

    total: int
    item_ids: tuple[int, ...]
    outcome_lost: bool

    @property
    def kept(self) -> int:
        return len(self.item_ids)

    @property
    def conflicting(self) -> int:
        return self.total - self.kept

    @property
    def enough(self) -> bool:
        return self.kept >= 1 and 2 * self.kept >= self.total and not self.outcome_lost

    @property
    def message(self) -> str:
        """Why the reviewer cannot take the set, in plain words (empty when they can)."""
        if self.enough:
            return ""
        one = self.conflicting == 1
        if self.conflicting == self.total:
            lead = "This set's one submission comes" if one else "Every submission in this set comes"
        else:
            lead = f"{self.conflicting} of this set's {self.total} submissions {'comes' if one else 'come'}"
        hidden = "it is" if one else "they are"
        if self.kept == 0:
            why = "That leaves nothing to certify you on."
        elif 2 * self.kept < self.total:
            why = "What is left is too few to certify you on: at least half of the set must remain."
        else:
            why = (
                f"Without {'it' if one else 'them'} the set no longer has both a passing and a not-passing example,"
                " and this pool's certification needs every outcome to match."
            )
        return (
            f"{lead} from your own organization or from an educator you coach, so {hidden} not shown to you."
            f" {why} Ask a lead reviewer for another set."
        )


def items_left(
    outcomes: Mapping[int, bool], conflicting: Collection[int], *, require_outcomes_match: bool
) -> ItemsLeft:
    """``outcomes`` maps each item id of the set, in order, to whether its master scores pass."""
    kept = tuple(item_id for item_id in outcomes if item_id not in conflicting)
    lost = require_outcomes_match and {outcomes[i] for i in kept} != set(outcomes.values())
    return ItemsLeft(total=len(outcomes), item_ids=kept, outcome_lost=lost)


def master_outcomes(set_ids: Iterable[int]) -> dict[int, dict[int, bool]]:
    """For each set (by id), its item ids in order, each with whether the master scores pass; two queries."""
    outcomes: dict[int, dict[int, bool]] = {}
    items = CalibrationItem.objects.filter(set_id__in=list(set_ids)).values_list("set_id", "pk")
    for set_id, item_id in items:
        outcomes.setdefault(set_id, {})[item_id] = True
    by_item = {item_id: set_id for set_id, ids in outcomes.items() for item_id in ids}
    rows = MasterScore.objects.filter(item_id__in=list(by_item)).values_list(
        "item_id", "level__score", "requirement__passing_score"
    )
    for item_id, score, passing in rows:
        if score < passing:
            outcomes[by_item[item_id]][item_id] = False
    return outcomes


def items_left_by_set(actor: User, sets: Sequence[CalibrationSet]) -> dict[int, ItemsLeft]:
    """:class:`ItemsLeft` for the actor of each set (by id); a fixed number of queries."""
    if not sets:
        return {}
    outcomes = master_outcomes(s.pk for s in sets)
    conflicts = calibration_conflicts(actor, [s.pk for s in sets])
    return {
        s.pk: items_left(
            outcomes.get(s.pk, {}), conflicts.get(s.pk, set()), require_outcomes_match=s.pool.require_outcomes_match
        )
        for s in sets
    }


def items_left_for(actor: User, calibration_set: CalibrationSet) -> ItemsLeft:
    return items_left_by_set(actor, [calibration_set])[calibration_set.pk]
