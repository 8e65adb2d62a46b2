"""Which micro-credentials to recommend for a growth goal, best first, and why.

Two signals, both explainable to the educator:

1. Alignment. A live micro-credential aligned to one of the goal's framework
   components (the same framework and code, e.g. Danielson 3b) is the
   strongest evidence: those aligned to more of the goal's components come
   first, whatever their words; each such component also adds
   ``ALIGNMENT_WEIGHT`` to the score.
2. Words. The goal's statement is cut into a few content words, each reduced
   to a crude stem ("questioning" → "question"). A micro-credential scores for
   each stem that starts a word of its title (weight 3), summary or subject
   (2), or competency or key method (1.5), as the catalog's full-text index
   holds them (``evident.catalog.search``), times the stem's inverse document
   frequency over the live catalog (BM25's idf, so a word every entry uses
   counts for little). Only whether a field contains the word counts, not how
   often: catalog texts are short and written once. Requirements' titles and
   instructions are not in the index, so they do not count.

The candidates are the live versions whose indexed text holds any of the
stems (OR semantics; the index finds them without reading the catalog's text)
and those aligned to the goal's components. The database answers, for each,
one integer with a bit per (word, field) it holds, from the same index; the
document frequencies and scores are summed here, and only the best versions
are then loaded. Micro-credentials the educator has earned or is working on
(an enrolment not withdrawn), and those already chosen for the goal, are left
out. Two queries per call, whatever the catalog's size (see the tests);
``bench/recommend.py`` times it with 100 and 10,000 entries.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from django.db.models import (
    BigIntegerField,
    BooleanField,
    Case,
    Exists,
    Func,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)

from evident.accounts.models import User
from evident.catalog.models import Alignment, MicroCredentialVersion
from evident.catalog.search import INDEXED_FIELDS, prefix_field_rows
from evident.programs.earned import earned_micro_credential_ids, started_micro_credential_ids
from evident.programs.frameworks_seed import framework_short_name
from evident.programs.models import FrameworkComponent, GrowthGoal

ALIGNMENT_WEIGHT = 100.0
# Per field of the catalog's full-text index (INDEXED_FIELDS), in its order.
FIELD_WEIGHTS: dict[str, float] = dict(zip(INDEXED_FIELDS, (3.0, 2.0, 1.5), strict=True))
MAX_TERMS = 10
# A goal's components beyond this many are not looked up (one bit each in a 64-bit integer).
MAX_COMPONENTS = 60
MIN_STEM = 4
DEFAULT_LIMIT = 8

_WORD = re.compile(r"[a-z]+")
# Suffixes stripped, longest first, when at least MIN_STEM letters remain.
_SUFFIXES = ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "ied", "ers", "er", "ed", "es", "ly", "s")
# Function words, and words almost every goal says that tell nothing about which skill it is about.
_STOPWORD_TEXT = """
    a about above after again all also am an and any are as at be because been before being below between both
    but by can could did do does doing down during each few for from further had has have having he her here
    hers him his how i if in into is it its itself just me more most my myself no nor not now of off on once
    only or other our ours out over own same she should so some such than that the their theirs them then there
    these they this those through to too under until up very was we were what when where which while who whom
    why will with would you your yours
    able across better each every goal goals help helping improve improving increase make many much
    new use using want way ways year
    student students
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            return word[: -len(suffix)]
    return word


def terms(text: str) -> dict[str, str]:
    """The statement's content words as stem → the first word that gave it, in order, at most MAX_TERMS."""
    found: dict[str, str] = {}
    for word in _WORD.findall(text.lower()):
        if len(word) < 3 or word in STOPWORDS:
            continue
        key = stem(word)
        if key not in found:
            found[key] = word
        if len(found) >= MAX_TERMS:
            break
    return found


def _idf(total: int, frequency: int) -> float:
    # BM25's inverse document frequency, in the form that never goes negative.
    return math.log(1 + (total - frequency + 0.5) / (frequency + 0.5))


@dataclass
class Recommendation:
    version: MicroCredentialVersion
    score: float
    aligned: list[FrameworkComponent] = field(default_factory=list)
    matched_words: list[str] = field(default_factory=list)

    @property
    def micro_credential_id(self) -> int:
        return self.version.micro_credential_id

    @property
    def reasons(self) -> list[str]:
        reasons = [
            f"Aligned to {framework_short_name(c.framework)} {c.code} {c.name}"
            for c in sorted(self.aligned, key=lambda c: (c.framework, c.order))
        ]
        if self.matched_words:
            reasons.append("Matches: " + ", ".join(self.matched_words))
        return reasons


def _excluded(excludes: list[Any]) -> Any:
    condition = Q()
    for excluded in excludes:
        condition |= Q(micro_credential_id__in=excluded)
    if not condition:
        return Value(False, output_field=BooleanField())
    return Case(When(condition, then=Value(True)), default=Value(False), output_field=BooleanField())


def recommend(
    *,
    components: Collection[FrameworkComponent],
    statement: str,
    exclude_micro_credentials: Any = (),
    limit: int = DEFAULT_LIMIT,
) -> list[Recommendation]:
    """Live micro-credentials for a goal on ``components`` described by ``statement``, best first.

    ``exclude_micro_credentials`` is a collection of micro-credential ids or
    a list of them (ids or subqueries; each is excluded). Returns at most
    ``limit``; an empty list when neither components nor words give anything.

    Two queries: one over the candidates (the live versions whose indexed
    text holds any of the words, and the aligned ones) that marks, per
    version, which words each field holds, from the catalog's full-text
    index, and which components it is aligned to (document frequencies and
    scores are summed here); and the best versions themselves.
    """
    excludes = exclude_micro_credentials if isinstance(exclude_micro_credentials, list) else [exclude_micro_credentials]
    excludes = [e for e in excludes if not isinstance(e, list | tuple | set | frozenset) or e]
    live = MicroCredentialVersion.objects.filter(is_live=True)

    # One bit per component (the same framework and code): which of them each
    # version is aligned to, asked per candidate through the alignments' index.
    by_key = {(c.framework, c.code): c for c in components}
    goal_components = list(by_key.values())[:MAX_COMPONENTS]
    alignment_bits: Any = Value(0, output_field=BigIntegerField())
    any_alignment = Q()
    for k, component in enumerate(goal_components):
        matching = Q(framework=component.framework, code=component.code)
        any_alignment |= matching
        alignment_bits = alignment_bits + Case(
            When(Exists(Alignment.objects.filter(matching, version=OuterRef("pk"))), then=Value(1 << k)),
            default=Value(0),
            output_field=BigIntegerField(),
        )

    found = terms(statement)
    stems = list(found)
    if not goal_components and not stems:
        return []
    # The idf's document count: every live version, not only the candidates.
    # (COUNT(*) over the whole filter: grouping by is_live makes SQLite read every row.)
    total_live = live.order_by().annotate(count=Func(template="COUNT(*)", output_field=IntegerField())).values("count")
    rows = prefix_field_rows(
        live.order_by().annotate(
            excluded=_excluded(excludes), total=Subquery(total_live), alignment_bits=alignment_bits
        ),
        stems,
        columns=("id", "excluded", "total", "alignment_bits"),
        # The aligned versions are candidates too (a subquery: a catalog where
        # most entries share a component would otherwise send thousands of ids).
        also=Alignment.objects.filter(any_alignment).order_by().values("version_id") if goal_components else None,
    )
    total = rows[0][2] if rows else 0

    # Each term's chunk of the mask (one bit per field), then its document
    # frequency over the live catalog (every version holding a term is a
    # candidate; excluded ones count too) and BM25's idf. Catalog entries
    # often share a mask, so the sums are per distinct mask.
    width = len(FIELD_WEIGHTS)
    chunk = (1 << width) - 1
    weights = list(FIELD_WEIGHTS.values())
    # The weight a term earns for each combination of fields holding it.
    chunk_weight = [sum(w for j, w in enumerate(weights) if bits & (1 << j)) for bits in range(chunk + 1)]
    shifts = [i * width for i in range(len(stems))]
    per_mask = Counter(row[4] for row in rows)
    frequency = [0] * len(stems)
    for mask, versions_with_it in per_mask.items():
        for i, shift in enumerate(shifts):
            if (mask >> shift) & chunk:
                frequency[i] += versions_with_it
    idf = [_idf(total, f) for f in frequency]
    text_score = {
        mask: sum(idf[i] * chunk_weight[(mask >> shift) & chunk] for i, shift in enumerate(shifts)) for mask in per_mask
    }

    # Best first: more aligned components, then the higher score, then the
    # older version. Versions are bucketed by (components, score) and only
    # the best buckets are sorted.
    buckets: dict[tuple[int, float], list[tuple[int, int, int]]] = defaultdict(list)
    for version_id, is_excluded, _, bits, mask in rows:
        components_matched = bits.bit_count()
        if is_excluded or not (mask or components_matched):
            continue
        score = ALIGNMENT_WEIGHT * components_matched + text_score[mask]
        buckets[(components_matched, score)].append((version_id, mask, bits))
    best: list[tuple[float, int, int, int]] = []  # (score, version id, mask, alignment bits)
    for key in sorted(buckets, key=lambda k: (-k[0], -k[1])):
        best.extend((key[1], *row) for row in heapq.nsmallest(limit - len(best), buckets[key]))
        if len(best) >= limit:
            break
    versions = live.select_related("micro_credential__organization").in_bulk([row[1] for row in best])
    by_idf = sorted(range(len(stems)), key=lambda i: -idf[i])
    return [
        Recommendation(
            version=versions[version_id],
            score=score,
            aligned=[c for k, c in enumerate(goal_components) if bits & (1 << k)],
            matched_words=[found[stems[i]] for i in by_idf if (mask >> shifts[i]) & chunk],
        )
        for score, version_id, mask, bits in best
        if version_id in versions
    ]


def recommend_for_goal(goal: GrowthGoal, *, educator: User, limit: int = DEFAULT_LIMIT) -> list[Recommendation]:
    """Recommendations for the goal of ``educator``'s plan, leaving out what they earned, started or chose.

    Needs ``goal.components`` and ``goal.micro_credentials`` prefetched for
    the fixed query count (each costs one query otherwise).
    """
    chosen = [m.pk for m in goal.micro_credentials.all()]
    return recommend(
        components=list(goal.components.all()),
        statement=goal.statement,
        exclude_micro_credentials=[
            chosen,
            started_micro_credential_ids(educator),
            earned_micro_credential_ids(educator),
        ],
        limit=limit,
    )
