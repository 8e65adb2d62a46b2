"""Which micro-credentials to recommend for a growth goal, best first, and why.

Two signals, both explainable to the educator:

1. Alignment. A live micro-credential aligned to one of the goal's framework
   components (the same framework and code, e.g. Danielson 3b) is the
   strongest evidence: those aligned to more of the goal's components come
   first, whatever their words; each such component also adds
   ``ALIGNMENT_WEIGHT`` to the score.
2. Words. The goal's statement is cut into a few content words, each reduced
   to a crude stem ("questioning" → "question"). A micro-credential scores for
   each stem that starts a word of its title (weight 3), summary (2),
   competency (1.5), key method (1) or any of its requirements' titles
   and instructions (0.5), times the stem's inverse
   document frequency over the live catalog (BM25's idf, so a word every
   entry uses counts for little). Only whether a field contains the word
   counts, not how often: catalog texts are short and written once.

The database does the matching, in one pass over the live catalog (one
``CASE`` per word and field, the same SQL on SQLite and PostgreSQL), and
answers one integer per version with a bit per (word, field) it holds; the
document frequencies and scores are summed here, and only the best versions
are then loaded. Micro-credentials the educator has earned or is working on
(an enrolment not withdrawn), and those already chosen for the goal, are left
out. Three queries per call, whatever the catalog's size (see the tests);
``bench/recommend.py`` times it with 100 and 10,000 entries.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db.models import BigIntegerField, BooleanField, Case, Q, QuerySet, Value, When

from evident.accounts.models import User
from evident.catalog.models import Alignment, MicroCredentialVersion, Requirement
from evident.programs.earned import earned_micro_credential_ids, started_micro_credential_ids
from evident.programs.frameworks_seed import framework_short_name
from evident.programs.models import FrameworkComponent, GrowthGoal

ALIGNMENT_WEIGHT = 100.0
FIELD_WEIGHTS: dict[str, float] = {"title": 3.0, "summary": 2.0, "competency": 1.5, "key_method": 1.0}
REQUIREMENT_WEIGHT = 0.5
MAX_TERMS = 10
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


def _starts_word(field_name: str, term: str) -> Q:
    # A word of the field starts with the stem: at the field's start or after a space.
    # (Substring matching would find "read" in "already".)
    return Q(**{f"{field_name}__istartswith": term}) | Q(**{f"{field_name}__icontains": f" {term}"})


def _text_has(text: str, term: str) -> bool:
    lowered = text.lower()
    return lowered.startswith(term) or f" {term}" in lowered


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


# One bit per (term, field) in the match mask: MAX_TERMS × 5 fields fits in 64 bits.
_FIELDS = (*FIELD_WEIGHTS, "requirements")
_WEIGHTS = (*FIELD_WEIGHTS.values(), REQUIREMENT_WEIGHT)


def _requirements_with(term: str) -> QuerySet[Requirement, int]:
    """Live versions with a requirement whose title or instructions use the word (a subquery, run once)."""
    return Requirement.objects.filter(
        _starts_word("title", term) | _starts_word("instructions", term), version__is_live=True
    ).values_list("version_id", flat=True)


def _field_condition(field_name: str, term: str) -> Q:
    if field_name == "requirements":
        return Q(id__in=_requirements_with(term))
    return _starts_word(field_name, term)


def _match_mask(stems: Sequence[str]) -> Any:
    """An integer per version: bit ``i * 5 + j`` set when term ``i`` starts a word of field ``j``."""
    mask: Any = Value(0, output_field=BigIntegerField())
    for i, term in enumerate(stems):
        for j, field_name in enumerate(_FIELDS):
            bit = 1 << (i * len(_FIELDS) + j)
            mask = mask + Case(
                When(_field_condition(field_name, term), then=Value(bit)),
                default=Value(0),
                output_field=BigIntegerField(),
            )
    return mask


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

    Three queries: the matching alignments; one pass over the live catalog
    that marks, per version, which words each field holds (the database does
    the matching; document frequencies and scores are summed here); and the
    best versions themselves.
    """
    excludes = exclude_micro_credentials if isinstance(exclude_micro_credentials, list) else [exclude_micro_credentials]
    excludes = [e for e in excludes if not isinstance(e, list | tuple | set | frozenset) or e]
    live = MicroCredentialVersion.objects.filter(is_live=True)

    by_key = {(c.framework, c.code): c for c in components}
    aligned: dict[int, list[FrameworkComponent]] = {}
    if by_key:
        matches = Q()
        for framework, code in by_key:
            matches |= Q(framework=framework, code=code)
        rows = Alignment.objects.filter(matches, version__is_live=True).values_list("version_id", "framework", "code")
        for version_id, framework, code in rows:
            component = by_key[(framework, code)]
            if component not in aligned.setdefault(version_id, []):
                aligned[version_id].append(component)

    found = terms(statement)
    stems = list(found)
    if not aligned and not stems:
        return []
    scan = live.order_by().annotate(mask=_match_mask(stems), excluded=_excluded(excludes))
    masks: dict[int, int] = {}
    excluded: set[int] = set()
    for version_id, mask, is_excluded in scan.values_list("id", "mask", "excluded"):
        masks[version_id] = mask
        if is_excluded:
            excluded.add(version_id)

    # Each term's chunk of the mask (one bit per field), then its document
    # frequency over the whole live catalog and BM25's idf.
    width = len(_FIELDS)
    chunk = (1 << width) - 1
    # The weight a term earns for each combination of fields holding it.
    chunk_weight = [sum(w for j, w in enumerate(_WEIGHTS) if bits & (1 << j)) for bits in range(chunk + 1)]
    shifts = [i * width for i in range(len(stems))]
    frequency = [0] * len(stems)
    for mask in masks.values():
        if mask:
            for i, shift in enumerate(shifts):
                if (mask >> shift) & chunk:
                    frequency[i] += 1
    idf = [_idf(len(masks), f) for f in frequency]

    scored: list[tuple[int, float, int, int]] = []  # (aligned count, score, version id, mask)
    for version_id, mask in masks.items():
        components_matched = len(aligned.get(version_id, ()))
        if (not mask and not components_matched) or version_id in excluded:
            continue
        text_score = (
            sum(idf[i] * chunk_weight[(mask >> shift) & chunk] for i, shift in enumerate(shifts)) if mask else 0.0
        )
        scored.append((components_matched, ALIGNMENT_WEIGHT * components_matched + text_score, version_id, mask))
    scored.sort(key=lambda row: (-row[0], -row[1], row[2]))
    best = scored[:limit]
    versions = live.select_related("micro_credential__organization").in_bulk([row[2] for row in best])
    by_idf = sorted(range(len(stems)), key=lambda i: -idf[i])
    return [
        Recommendation(
            version=versions[version_id],
            score=score,
            aligned=aligned.get(version_id, []),
            matched_words=[found[stems[i]] for i in by_idf if (mask >> shifts[i]) & chunk],
        )
        for _, score, version_id, mask in best
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
