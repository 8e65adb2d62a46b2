"""Agreement statistics (evident/review/agreement.py): published examples, reference implementations, edge cases."""

from __future__ import annotations

import math
import random
import time
import warnings

import krippendorff
import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score

from evident.review.agreement import adjacent_agreement, cohen_kappa, exact_agreement, krippendorff_alpha

N = None

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability" (Annenberg School for Communication
# working paper): the worked example with 4 observers x 12 units and missing values, the reliability data
# R's irr and DescTools call 'the "C" data from Krippendorff'. The krippendorff package's docstring
# places it on page 8 of the paper. Unit 12 has one value only and is not pairable.
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]

# Wikipedia, "Krippendorff's alpha", section "A computational example": 3 coders x 15 units.
WIKIPEDIA_ALPHA = [
    [N, N, N, N, N, 3, 4, 1, 2, 1, 1, 3, 3, N, 3],
    [1, N, 2, 1, 3, 3, 4, 3, N, N, N, N, N, N, N],
    [N, N, 2, 1, 3, 4, 4, N, 2, 1, 1, 3, 3, N, 4],
]


def _expand(table):
    """Two score lists from a confusion table (rows: first reviewer, columns: second)."""
    a, b = [], []
    for i, row in enumerate(table):
        for j, count in enumerate(row):
            a += [i] * count
            b += [j] * count
    return a, b


# Published examples


def test_it_reproduces_krippendorff_2011_nominal():
    """Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", worked example with
    4 observers, 12 units and missing data (p. 8 as cited by the krippendorff package),
    nominal metric: alpha = 0.743."""
    assert round(krippendorff_alpha(KRIPPENDORFF_2011, level="nominal"), 3) == 0.743


def test_it_reproduces_krippendorff_2011_ordinal():
    """Krippendorff (2011), same reliability data, ordinal metric: alpha = 0.815."""
    assert round(krippendorff_alpha(KRIPPENDORFF_2011, level="ordinal"), 3) == 0.815


def test_it_reproduces_krippendorff_2011_interval():
    """Krippendorff (2011), same reliability data, interval metric: alpha = 0.849."""
    assert round(krippendorff_alpha(KRIPPENDORFF_2011, level="interval"), 3) == 0.849


def test_it_defaults_to_the_ordinal_level():
    assert krippendorff_alpha(KRIPPENDORFF_2011) == krippendorff_alpha(KRIPPENDORFF_2011, level="ordinal")


def test_it_reproduces_the_wikipedia_alpha_example():
    """Wikipedia, "Krippendorff's alpha", section "A computational example" (3 coders, 15 units,
    missing values): alpha_nominal = 0.691 and alpha_interval = 0.811."""
    assert round(krippendorff_alpha(WIKIPEDIA_ALPHA, level="nominal"), 3) == 0.691
    assert round(krippendorff_alpha(WIKIPEDIA_ALPHA, level="interval"), 3) == 0.811


def test_it_reproduces_the_wikipedia_kappa_example():
    """Wikipedia, "Cohen's kappa", section "Simple example": 50 grant proposals read by two
    readers; 20 yes/yes, 5 yes/no, 10 no/yes, 15 no/no; p_o = 0.7, p_e = 0.5, kappa = 0.4."""
    a, b = _expand([[20, 5], [10, 15]])
    assert cohen_kappa(a, b) == pytest.approx(0.4, abs=1e-15)
    assert exact_agreement(a, b) == 0.7


def test_it_reproduces_the_sas_agreement_printout():
    """SAS PROC FREQ AGREE printout for the 3 x 3 table [[0, 4, 1], [0, 8, 0], [0, 1, 5]], as
    recorded in statsmodels' statsmodels/stats/tests/test_inter_rater.py: simple kappa 0.4842
    and weighted kappa 0.4701 (SAS's default Cicchetti-Allison weights, which on equally spaced
    scores are the linear weights)."""
    a, b = _expand([[0, 4, 1], [0, 8, 0], [0, 1, 5]])
    assert round(cohen_kappa(a, b), 4) == 0.4842
    assert round(cohen_kappa(a, b, weights="linear"), 4) == 0.4701


def test_it_reproduces_the_irr_anxiety_kappas():
    """R package irr, ``kappa2(anxiety[, 2:3], weight)``, as recorded in statsmodels'
    statsmodels/stats/tests/test_inter_rater.py: unweighted -0.006289308, "equal" (linear)
    0.1459075, "squared" (quadratic) 0.2520325. irr builds the table from the levels that occur
    (level 5 is unused), as this module does by default."""
    rater2 = [3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4]
    rater3 = [2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2]
    assert cohen_kappa(rater2, rater3) == pytest.approx(-0.006289308, abs=5e-10)
    assert cohen_kappa(rater2, rater3, weights="linear") == pytest.approx(0.1459075, abs=5e-8)
    assert cohen_kappa(rater2, rater3, weights="quadratic") == pytest.approx(0.2520325, abs=5e-8)


# Reference implementations on random data


def _random_levels(rng):
    """A rubric of 2-6 levels: usually 1..L, sometimes gaps or half steps."""
    size = rng.randint(2, 6)
    shape = rng.random()
    if shape < 0.6:
        return list(range(1, size + 1))
    if shape < 0.8:
        return sorted(rng.sample(range(0, 11), size))
    return [1 + 0.5 * step for step in sorted(rng.sample(range(0, 9), size))]


def _alpha_case(seed):
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    levels = _random_levels(rng)
    reviewers = rng.randint(2, 6)
    items = rng.randint(5, 200)
    missing = rng.uniform(0, 0.4)
    faithful = rng.random()
    data = []
    truth = [rng.choice(levels) for _ in range(items)]
    for _ in range(reviewers):
        row: list[float | None] = []
        for true_level in truth:
            if rng.random() < missing:
                row.append(None)
            elif rng.random() < faithful:
                row.append(true_level)
            else:
                row.append(rng.choice(levels))
        data.append(row)
    return data


def _pairable_values(data):
    values = set()
    for column in zip(*data, strict=True):
        present = [score for score in column if score is not None]
        if len(present) >= 2:
            values.update(present)
    return values


@pytest.mark.parametrize("seed", range(200))
def test_it_matches_the_krippendorff_package(seed):
    data = _alpha_case(seed)
    pairable = _pairable_values(data)
    if len(pairable) < 2:
        # The reference raises or returns nan here; the documented answer is 1.0 or ValueError.
        if pairable:
            assert krippendorff_alpha(data) == 1.0
        else:
            with pytest.raises(ValueError):
                krippendorff_alpha(data)
        return
    matrix = np.array([[np.nan if score is None else score for score in row] for row in data], dtype=float)
    for level in ("nominal", "ordinal", "interval"):
        theirs = krippendorff.alpha(reliability_data=matrix, level_of_measurement=level)
        assert abs(krippendorff_alpha(data, level=level) - theirs) < 1e-9, level


def _kappa_case(seed):
    rng = random.Random(10_000 + seed)  # noqa: S311 - reproducible test data, not secrets
    levels = list(range(1, rng.randint(2, 6) + 1))
    items = rng.randint(5, 200)
    faithful = rng.random()
    a = [rng.choice(levels) for _ in range(items)]
    b = [x if rng.random() < faithful else rng.choice(levels) for x in a]
    labels = levels if rng.random() < 0.5 else None
    return a, b, labels


@pytest.mark.parametrize("seed", range(200))
def test_it_matches_scikit_learn(seed):
    a, b, labels = _kappa_case(seed)
    if len(set(a) | set(b)) < 2:
        assert cohen_kappa(a, b, labels=labels) == 1.0
        return
    for weights in (None, "linear", "quadratic"):
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # an undefined (0/0) reference value must not pass silently
            theirs = cohen_kappa_score(a, b, weights=weights, labels=labels)
        assert abs(cohen_kappa(a, b, weights=weights, labels=labels) - theirs) < 1e-9, weights


def test_it_agrees_with_the_reference_on_values_nobody_paired():
    """Values in units with a single score take no part (n_g = 0), for the ordinal metric too."""
    data = [[1, 4, N, 2], [1, N, 3, 2], [2, N, N, 2]]
    matrix = np.array([[np.nan if s is None else s for s in row] for row in data], dtype=float)
    for level in ("nominal", "ordinal", "interval"):
        theirs = krippendorff.alpha(reliability_data=matrix, level_of_measurement=level)
        assert abs(krippendorff_alpha(data, level=level) - theirs) < 1e-12


# Simple agreement


def test_it_counts_exact_and_adjacent_agreement():
    a = [1, 2, 3, 4, 4]
    b = [1, 3, 1, 4, 2]
    assert exact_agreement(a, b) == 2 / 5
    assert adjacent_agreement(a, b) == 3 / 5


@pytest.mark.parametrize("statistic", [exact_agreement, adjacent_agreement, cohen_kappa])
def test_it_refuses_unpaired_scores(statistic):
    with pytest.raises(ValueError, match="differ in length"):
        statistic([1, 2, 3], [1, 2])


@pytest.mark.parametrize("statistic", [exact_agreement, adjacent_agreement, cohen_kappa])
def test_it_refuses_no_scores(statistic):
    with pytest.raises(ValueError, match="no paired scores"):
        statistic([], [])


# Kappa edge cases


def test_it_gives_one_when_both_reviewers_use_a_single_level():
    assert cohen_kappa([3, 3, 3], [3, 3, 3]) == 1.0
    assert cohen_kappa([3, 3, 3], [3, 3, 3], weights="quadratic", labels=[1, 2, 3, 4]) == 1.0


def test_it_gives_zero_when_each_reviewer_uses_one_different_level():
    assert cohen_kappa([2, 2, 2], [3, 3, 3]) == 0.0
    assert cohen_kappa([2, 2, 2], [3, 3, 3], weights="linear") == 0.0


def test_it_gives_one_for_perfect_agreement():
    scores = [1, 2, 3, 4, 2, 3]
    for weights in (None, "linear", "quadratic"):
        assert cohen_kappa(scores, list(scores), weights=weights) == 1.0


def test_it_weighs_unused_levels_between_used_ones():
    """With labels given, an unused level 2 makes 1 and 3 two steps apart."""
    a, b = [1, 1, 3, 3, 1], [1, 3, 3, 1, 1]
    without = cohen_kappa(a, b, weights="linear")
    with_rubric = cohen_kappa(a, b, weights="linear", labels=[1, 2, 3])
    assert with_rubric == pytest.approx(cohen_kappa_score(a, b, weights="linear", labels=[1, 2, 3]), abs=1e-12)
    assert without == pytest.approx(with_rubric, abs=1e-12)  # every disagreement is 1-3 either way
    assert cohen_kappa([1, 2, 3, 3], [1, 3, 3, 1], weights="linear", labels=[1, 2, 3, 4]) == pytest.approx(
        cohen_kappa_score([1, 2, 3, 3], [1, 3, 3, 1], weights="linear", labels=[1, 2, 3, 4]), abs=1e-12
    )


def test_it_sorts_the_labels():
    a, b = [1, 2, 4, 3, 2], [1, 3, 4, 3, 1]
    assert cohen_kappa(a, b, weights="quadratic", labels=[4, 2, 3, 1]) == cohen_kappa(
        a, b, weights="quadratic", labels=[1, 2, 3, 4]
    )


@pytest.mark.parametrize(
    ("labels", "message"),
    [([], "empty"), ([1, 2, 2, 3], "repeats"), ([1, 2], "not among the labels")],
)
def test_it_refuses_bad_labels(labels, message):
    with pytest.raises(ValueError, match=message):
        cohen_kappa([1, 2, 3], [1, 2, 2], labels=labels)


def test_it_refuses_unknown_kappa_weights():
    with pytest.raises(ValueError, match="Unknown kappa weights"):
        cohen_kappa([1, 2], [1, 2], weights="cubic")  # type: ignore[arg-type]


# Alpha edge cases


def test_it_drops_units_scored_by_one_reviewer_or_none():
    padded = [[*row, N, N, 7 if i == 0 else N] for i, row in enumerate(KRIPPENDORFF_2011)]
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(padded, level=level) == krippendorff_alpha(KRIPPENDORFF_2011, level=level)


def test_it_refuses_data_with_nothing_to_compare():
    cases: list[list[list[float | None]]] = [[], [[]], [[1, 2, 3]], [[1, N], [N, 2]], [[N, N], [N, N]]]
    for data in cases:
        with pytest.raises(ValueError, match="nothing to compare"):
            krippendorff_alpha(data)


def test_it_gives_one_when_every_pairable_score_is_the_same():
    data = [[2, 2, N, 4], [2, N, 2, N], [N, 2, 2, N]]
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(data, level=level) == 1.0


def test_it_gives_one_for_perfect_agreement_across_levels():
    data: list[list[float | None]] = [[1, 2, 3, 4], [1, 2, 3, 4], [1, N, 3, 4]]
    for level in ("nominal", "ordinal", "interval"):
        assert krippendorff_alpha(data, level=level) == 1.0


def test_it_refuses_ragged_rows():
    with pytest.raises(ValueError, match="differ in length"):
        krippendorff_alpha([[1, 2, 3], [1, 2]])


@pytest.mark.parametrize("score", [math.nan, math.inf])
def test_it_refuses_scores_that_are_not_finite(score):
    with pytest.raises(ValueError, match="use None"):
        krippendorff_alpha([[1, 2, score], [1, 2, 3]])


def test_it_refuses_an_unknown_level():
    with pytest.raises(ValueError, match="Unknown level"):
        krippendorff_alpha(KRIPPENDORFF_2011, level="ratio")  # type: ignore[arg-type]


def test_it_is_scale_free_on_the_interval_level():
    halves = [[None if s is None else s / 2 + 0.25 for s in row] for row in KRIPPENDORFF_2011]
    assert krippendorff_alpha(halves, level="interval") == krippendorff_alpha(KRIPPENDORFF_2011, level="interval")


def test_it_is_fast_enough_for_dashboards():
    """Six reviewers, a thousand items on a 4-level rubric: well under the budget of a page view."""
    rng = random.Random(1)  # noqa: S311 - reproducible test data, not secrets
    data = [[rng.choice([1, 2, 3, 4, None]) for _ in range(1000)] for _ in range(6)]
    started = time.perf_counter()
    for level in ("nominal", "ordinal", "interval"):
        krippendorff_alpha(data, level=level)
    cohen_kappa([s or 1 for s in data[0]], [s or 1 for s in data[1]], weights="quadratic")
    assert time.perf_counter() - started < 0.5
