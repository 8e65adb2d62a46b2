"""Agreement between reviewers who score the same requirements on an ordinal rubric.

Pure functions, free of Django and of third-party packages, so dashboards and
reports can call them on plain lists. Every statistic is computed in exact
integer (or rational) arithmetic and rounded to a float once at the end, so
the result is the correctly rounded value of the formula in its docstring.

Scores are the rubric's level values (small integers such as 1..4). A pair of
sequences ``a`` and ``b`` holds two reviewers' scores for the same items, in
the same order; reliability data for Krippendorff's alpha has one row per
reviewer and one column per scored item, with ``None`` where a reviewer gave
no score.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from typing import Literal

__all__ = ["adjacent_agreement", "cohen_kappa", "exact_agreement", "krippendorff_alpha"]

KappaWeights = Literal["linear", "quadratic"]
AlphaLevel = Literal["nominal", "ordinal", "interval"]

_KAPPA_WEIGHTS = (None, "linear", "quadratic")
_ALPHA_LEVELS = ("nominal", "ordinal", "interval")


def _paired_length(a: Sequence[int], b: Sequence[int]) -> int:
    if len(a) != len(b):
        raise ValueError(f"The two score sequences differ in length ({len(a)} and {len(b)}).")
    if not a:
        raise ValueError("There are no paired scores.")
    return len(a)


def exact_agreement(a: Sequence[int], b: Sequence[int]) -> float:
    """The fraction of items both reviewers scored at the same level.

    Formula: P_exact = (1/N) * sum_i [a_i = b_i], over the N paired items.

    Raises ValueError when the sequences differ in length or are empty.
    """
    n = _paired_length(a, b)
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / n


def adjacent_agreement(a: Sequence[int], b: Sequence[int]) -> float:
    """The fraction of items the reviewers scored at most one level apart.

    Formula: P_adjacent = (1/N) * sum_i [|a_i - b_i| <= 1], over the N paired
    items. Levels are compared by value, so a rubric numbered 1, 2, 3, 4
    counts 2 and 3 as adjacent.

    Raises ValueError when the sequences differ in length or are empty.
    """
    n = _paired_length(a, b)
    return sum(1 for x, y in zip(a, b, strict=True) if abs(x - y) <= 1) / n


def _kappa_weight(weights: KappaWeights | None, i: int, j: int) -> int:
    if weights is None:
        return int(i != j)
    if weights == "linear":
        return abs(i - j)
    return (i - j) ** 2


def cohen_kappa(
    a: Sequence[int],
    b: Sequence[int],
    *,
    weights: KappaWeights | None = None,
    labels: Sequence[int] | None = None,
) -> float:
    """Cohen's kappa (1960), or Cohen's weighted kappa (1968), for two reviewers.

    The categories are ``labels`` sorted ascending (default: the sorted union
    of the values in ``a`` and ``b``); category i is the i-th of them, i = 0..K-1.
    From the K x K confusion matrix O (O_ij = number of items a scored as
    category i and b as category j), its row sums r_i, column sums c_j and
    the number of items N:

        kappa = 1 - (sum_ij w_ij O_ij / N) / (sum_ij w_ij r_i c_j / N^2)
              = 1 - D_o / D_e

    with disagreement weights w_ij = [i != j] (unweighted), |i - j|
    (``weights="linear"``) or (i - j)^2 (``weights="quadratic"``). Unweighted,
    this is the familiar (p_o - p_e) / (1 - p_e).

    The weights use category positions, not level values: pass the rubric's
    full list of levels as ``labels`` so that a level nobody used still counts
    as a step between its neighbours (scikit-learn's ``cohen_kappa_score``
    weighs positions too).

    Degenerate case: when the expected disagreement D_e is 0 (both reviewers
    gave every item one and the same category, or there is a single
    category), kappa is 0/0; this function returns 1.0 if the reviewers agree
    on every item and 0.0 otherwise. With the weights above D_e = 0 implies
    perfect agreement, so the result is 1.0.

    Raises ValueError when the sequences differ in length or are empty, when
    ``labels`` is empty, repeats a label or misses a score that occurs, and for
    an unknown ``weights``.
    """
    if weights not in _KAPPA_WEIGHTS:
        raise ValueError(f"Unknown kappa weights {weights!r}; use None, 'linear' or 'quadratic'.")
    n = _paired_length(a, b)
    seen = set(a) | set(b)
    if labels is None:
        categories = sorted(seen)
    else:
        categories = sorted(labels)
        if not categories:
            raise ValueError("labels is empty.")
        if len(set(categories)) != len(categories):
            raise ValueError("labels repeats a category.")
        missing = seen.difference(categories)
        if missing:
            raise ValueError(f"Scores {sorted(missing)} are not among the labels.")
    position = {category: index for index, category in enumerate(categories)}

    rows = [0] * len(categories)
    columns = [0] * len(categories)
    observed = 0  # N * D_o, an integer
    for x, y in zip(a, b, strict=True):
        i, j = position[x], position[y]
        rows[i] += 1
        columns[j] += 1
        observed += _kappa_weight(weights, i, j)
    used_rows = [(i, r) for i, r in enumerate(rows) if r]
    used_columns = [(j, c) for j, c in enumerate(columns) if c]
    expected = sum(r * c * _kappa_weight(weights, i, j) for i, r in used_rows for j, c in used_columns)  # N^2 * D_e

    if expected == 0:
        return 1.0 if observed == 0 else 0.0
    return float(1 - Fraction(n * observed, expected))


def _interval_disagreement(count: int, total: int, total_of_squares: int) -> int:
    """sum_{c,k} n_c n_k (x_c - x_k)^2 over ordered pairs, from count, sum and sum of squares."""
    return 2 * (count * total_of_squares - total * total)


def krippendorff_alpha(
    reliability_data: Sequence[Sequence[float | None]],
    *,
    level: AlphaLevel = "ordinal",
) -> float:
    """Krippendorff's alpha for any number of reviewers, with missing scores.

    ``reliability_data`` has one row per reviewer (coder) and one column per
    scored item (unit); ``None`` marks a score not given. This follows the
    coincidence-matrix computation of Krippendorff (2011), "Computing
    Krippendorff's Alpha-Reliability":

    A unit u with m_u >= 2 scores is pairable; units with fewer are dropped.
    With n_uc the number of scores c in unit u, the coincidence matrix is

        o_ck = sum_u (number of ordered pairs of scores (c, k) from different
               reviewers in u) / (m_u - 1),

    n_c = sum_k o_ck (the number of pairable scores c) and n = sum_c n_c. Then

        D_o = (1/n) sum_c sum_k o_ck delta2_ck
        D_e = (1/(n(n - 1))) sum_c sum_k n_c n_k delta2_ck
        alpha = 1 - D_o / D_e = 1 - (n - 1) sum_ck o_ck delta2_ck / sum_ck n_c n_k delta2_ck

    with the squared difference delta2_ck of the level of measurement:

        nominal:  delta2_ck = [c != k]
        ordinal:  delta2_ck = (sum_{g=c}^{k} n_g - (n_c + n_k)/2)^2, g running
                  over the values in rank order from c to k
        interval: delta2_ck = (c - k)^2

    The ordinal delta is the interval one applied to the mid-ranks
    sum_{g<c} n_g + n_c/2, which is how it is computed here; a level that no
    pairable score uses has n_g = 0 and changes nothing.

    Degenerate cases: when no unit has two scores there is nothing to compare,
    and ValueError is raised. When every pairable score is the same value,
    D_e = D_o = 0 and alpha is 0/0; this function returns 1.0 (the reviewers
    never disagreed).

    Raises ValueError also for rows of different lengths, an unknown ``level``
    and a score that is not a finite number (use None for a missing score).
    """
    if level not in _ALPHA_LEVELS:
        raise ValueError(f"Unknown level {level!r}; use 'nominal', 'ordinal' or 'interval'.")
    rows = list(reliability_data)
    width = len(rows[0]) if rows else 0
    if any(len(row) != width for row in rows):
        raise ValueError("The rows of the reliability data differ in length.")

    units: list[list[float]] = []
    for u in range(width):
        scores = [row[u] for row in rows]
        present = [score for score in scores if score is not None]
        for score in present:
            if not math.isfinite(score):
                raise ValueError(f"Score {score!r} is not a finite number; use None for a missing score.")
        if len(present) >= 2:
            units.append(present)
    if not units:
        raise ValueError("No item has scores from two or more reviewers, so there is nothing to compare.")

    counts: Counter[float] = Counter(score for unit in units for score in unit)  # n_c
    n = sum(counts.values())
    if len(counts) == 1:
        return 1.0

    # sum_u S_u / (m_u - 1) with S_u = sum_ck n_uc n_uk delta2_ck, summed per m_u so that the
    # integers S_u are divided only once per distinct unit size.
    by_size: Counter[int] = Counter()
    if level == "nominal":
        for unit in units:
            m = len(unit)
            by_size[m] += m * m - sum(k * k for k in Counter(unit).values())
        expected = n * n - sum(k * k for k in counts.values())
    else:
        coordinate = _ordinal_coordinates(counts) if level == "ordinal" else _interval_coordinates(counts)
        for unit in units:
            xs = [coordinate[score] for score in unit]
            by_size[len(unit)] += _interval_disagreement(len(xs), sum(xs), sum(x * x for x in xs))
        expected = _interval_disagreement(
            n,
            sum(k * coordinate[c] for c, k in counts.items()),
            sum(k * coordinate[c] ** 2 for c, k in counts.items()),
        )

    common = math.lcm(*(m - 1 for m in by_size))
    observed = sum(total * (common // (m - 1)) for m, total in by_size.items())
    return float(1 - Fraction((n - 1) * observed, common * expected))


def _ordinal_coordinates(counts: Counter[float]) -> dict[float, int]:
    """Twice the mid-rank of each value: 2 * sum_{g<c} n_g + n_c, an integer."""
    coordinates: dict[float, int] = {}
    below = 0
    for value in sorted(counts):
        coordinates[value] = 2 * below + counts[value]
        below += counts[value]
    return coordinates


def _interval_coordinates(counts: Counter[float]) -> dict[float, int]:
    """The values scaled by a common denominator to exact integers (alpha is scale-free)."""
    exact = {value: Fraction(value) for value in counts}
    scale = math.lcm(*(fraction.denominator for fraction in exact.values()))
    return {value: int(fraction * scale) for value, fraction in exact.items()}
