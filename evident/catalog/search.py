"""Ranked full-text search over catalog versions, one engine per database.

PostgreSQL: the stored ``search_vector`` column (weighted title > summary and
subject > competency and method) with a GIN index, queried with
``websearch_to_tsquery`` and ranked by ``ts_rank_cd``. SQLite: the FTS5 table
``catalog_version_fts``, with each word matched as a prefix (so "phon" finds
"phonics") and ranked by bm25; the best ``MAX_RANKED`` are listed. Both tables are created by migration 0002.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import BigIntegerField, BooleanField, Case, F, FloatField, Q, QuerySet, Value, When
from django.db.models.expressions import RawSQL

from evident.catalog.models import MicroCredentialVersion

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 12
# On SQLite the best this many matches are ranked and listed.
MAX_RANKED = 1000


def words(query: str) -> list[str]:
    return _WORD.findall(query.lower())[:MAX_QUERY_WORDS]


def _fts5_match(terms: list[str]) -> str:
    # Every word quoted (no FTS5 syntax from users) and matched as a prefix.
    return " AND ".join('"' + term.replace('"', "") + '"*' for term in terms)


def search(versions: QuerySet[MicroCredentialVersion], query: str) -> QuerySet[MicroCredentialVersion]:
    """Narrow ``versions`` to those matching ``query`` and annotate ``rank`` (higher is better).

    The user's words only ever reach the database as query parameters; the
    SQL around them is fixed text (hence the ``noqa`` markers).
    """
    terms = words(query)
    if not terms:
        return versions.annotate(rank=RawSQL("0", [], output_field=FloatField()))  # noqa: S611
    column = f'"{MicroCredentialVersion._meta.db_table}"'
    if connection.vendor == "postgresql":
        text = " ".join(terms)
        rank_sql = f"ts_rank_cd({column}.search_vector, websearch_to_tsquery('english', %s))"
        match_sql = f"{column}.search_vector @@ websearch_to_tsquery('english', %s)"
        return versions.annotate(
            rank=RawSQL(rank_sql, [text], output_field=FloatField()),  # noqa: S611
            matches=RawSQL(match_sql, [text], output_field=BooleanField()),  # noqa: S611
        ).filter(matches=True)
    if connection.vendor == "sqlite":
        # One FTS5 query ranks the best matches by bm25; the listing is then
        # ordered by each id's position in that ranking. (A correlated bm25()
        # per candidate re-runs the match per row, and a CASE with a branch per
        # id is slow to sort: 46x and 9x slower at 10,000 entries, bench/catalog.py.)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM catalog_version_fts WHERE catalog_version_fts MATCH %s "
                "ORDER BY bm25(catalog_version_fts, 10.0, 5.0, 3.0, 1.0) LIMIT %s",
                [_fts5_match(terms), MAX_RANKED],
            )
            ranked = [row[0] for row in cursor.fetchall()]
        positions = "," + ",".join(map(str, ranked)) + ","
        return versions.filter(id__in=ranked).annotate(
            rank=RawSQL(f"-instr(%s, ',' || {column}.id || ',')", [positions], output_field=FloatField())  # noqa: S611
        )
    # Any other database: a plain containment search, unranked.
    filtered = versions
    for term in terms:
        filtered = filtered.filter(title__icontains=term) | filtered.filter(summary__icontains=term)
    return filtered.annotate(rank=F("id") * 0.0)


_SQLITE_INDEX = [
    """CREATE VIRTUAL TABLE IF NOT EXISTS catalog_version_fts USING fts5(
        title, summary, subject, body, tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER IF NOT EXISTS catalog_version_fts_insert AFTER INSERT ON catalog_microcredentialversion BEGIN
        INSERT INTO catalog_version_fts(rowid, title, summary, subject, body)
        VALUES (new.id, new.title, new.summary, new.subject, new.competency || ' ' || new.key_method);
    END""",
    """CREATE TRIGGER IF NOT EXISTS catalog_version_fts_update AFTER UPDATE ON catalog_microcredentialversion BEGIN
        DELETE FROM catalog_version_fts WHERE rowid = old.id;
        INSERT INTO catalog_version_fts(rowid, title, summary, subject, body)
        VALUES (new.id, new.title, new.summary, new.subject, new.competency || ' ' || new.key_method);
    END""",
    """CREATE TRIGGER IF NOT EXISTS catalog_version_fts_delete AFTER DELETE ON catalog_microcredentialversion BEGIN
        DELETE FROM catalog_version_fts WHERE rowid = old.id;
    END""",
]


def ensure_search_index(using: str = "default") -> None:
    """Keep SQLite's FTS5 index and its triggers in place.

    SQLite migrations that alter the versions table rebuild it, which drops
    its triggers; this runs after every migrate and restores them, and
    re-indexes every version if the index and the table disagree.
    """
    from django.db import connections

    connection_ = connections[using]
    if connection_.vendor != "sqlite":
        return
    with connection_.cursor() as cursor:
        for statement in _SQLITE_INDEX:
            cursor.execute(statement)
        cursor.execute("SELECT count(*) FROM catalog_version_fts")
        indexed = cursor.fetchone()[0]
        cursor.execute("SELECT count(*) FROM catalog_microcredentialversion")
        if cursor.fetchone()[0] != indexed:
            cursor.execute("DELETE FROM catalog_version_fts")
            cursor.execute(
                "INSERT INTO catalog_version_fts(rowid, title, summary, subject, body) "
                "SELECT id, title, summary, subject, competency || ' ' || key_method FROM catalog_microcredentialversion"
            )


def corrected_query(query: str, vocabulary: list[str]) -> str | None:
    """The query with each unknown word replaced by the closest catalog word, or
    None when nothing changes ("phonix" → "phonics"). Used when a search finds nothing."""
    known = {w.lower() for w in vocabulary}
    changed = False
    corrected = []
    for term in words(query):
        if term in known or len(term) < 4:
            corrected.append(term)
            continue
        match = difflib.get_close_matches(term, known, n=1, cutoff=0.75)
        if match:
            corrected.append(match[0])
            changed = True
        else:
            corrected.append(term)
    return " ".join(corrected) if changed else None


# Any-word matching, for callers that score the matches themselves (growth-goal
# recommendations). The index's fields, as both engines group them: PostgreSQL's
# weights A, B and C; on SQLite the FTS5 columns title, summary and subject, body.
INDEXED_FIELDS = ("title", "summary and subject", "competency and key method")
_FTS5_COLUMNS = ("{title}", "{summary subject}", "{body}")
_TSQUERY_WEIGHTS = ("A", "B", "C")
_PREFIX = re.compile(r"[^\W_]+", re.UNICODE)


def _clean_prefix(prefix: str) -> str:
    # Letters and digits only: no FTS5 or tsquery syntax from callers.
    return "".join(_PREFIX.findall(prefix.lower()))


def _fts5_prefix(prefix: str, columns: str = "") -> str:
    return f'{columns} : "{prefix}"*' if columns else f'"{prefix}"*'


def matches_any(prefixes: Sequence[str]) -> Q:
    """A filter for versions whose indexed text has a word starting with any of ``prefixes``.

    OR semantics, unlike :func:`search` (which wants every word). Each prefix
    is reduced to its letters and digits and, like the indexed words, to the
    index's stem ("happy" finds "happiness"); one that is left empty matches
    nothing, so no prefixes match nothing. The database answers from its
    full-text index (GIN on PostgreSQL, FTS5 on SQLite), without reading
    every version's text.
    """
    cleaned = [p for p in map(_clean_prefix, prefixes) if p]
    if not cleaned:
        return Q(pk__in=[])
    column = f'"{MicroCredentialVersion._meta.db_table}"'
    if connection.vendor == "postgresql":
        query = " | ".join(f"{p}:*" for p in cleaned)
        match_sql = f"{column}.search_vector @@ to_tsquery('english', %s)"
        return Q(RawSQL(match_sql, [query], output_field=BooleanField()))  # noqa: S611
    if connection.vendor == "sqlite":
        query = " OR ".join(_fts5_prefix(p) for p in cleaned)
        ids_sql = "SELECT rowid FROM catalog_version_fts WHERE catalog_version_fts MATCH %s"
        return Q(id__in=RawSQL(ids_sql, [query]))  # noqa: S611
    condition = Q(pk__in=[])
    for prefix in cleaned:
        for field_names in _FALLBACK_FIELDS:
            for field_name in field_names:
                condition |= _starts_word(field_name, prefix)
    return condition


def prefix_fields(prefixes: Sequence[str]) -> Any:
    """An integer per version: bit ``i * 3 + j`` is set when field ``j`` of
    ``INDEXED_FIELDS`` has a word starting with ``prefixes[i]`` (matched as in
    :func:`matches_any`). Only whether a field holds the word counts, not how often.

    At most 21 prefixes (the bits fit a signed 64-bit integer). Meant for the
    versions :func:`matches_any` narrowed to: per version, one index probe per
    prefix and field.
    """
    if len(prefixes) * len(INDEXED_FIELDS) > 63:
        raise ValueError(f"At most {63 // len(INDEXED_FIELDS)} prefixes, not {len(prefixes)}.")
    parts: list[str] = []
    params: list[str] = []
    column = f'"{MicroCredentialVersion._meta.db_table}"'
    for i, prefix in enumerate(map(_clean_prefix, prefixes)):
        if not prefix:
            continue
        for j in range(len(INDEXED_FIELDS)):
            bit = 1 << (i * len(INDEXED_FIELDS) + j)
            if connection.vendor == "postgresql":
                parts.append(f"CASE WHEN {column}.search_vector @@ to_tsquery('english', %s) THEN {bit} ELSE 0 END")
                params.append(f"{prefix}:*{_TSQUERY_WEIGHTS[j]}")
            elif connection.vendor == "sqlite":
                # A non-correlated subquery: SQLite runs each match once and
                # probes its result per row. (The SQL is fixed text; the prefix
                # is a parameter.)
                fts_ids = "SELECT rowid FROM catalog_version_fts WHERE catalog_version_fts MATCH %s"
                parts.append(f"CASE WHEN {column}.id IN ({fts_ids}) THEN {bit} ELSE 0 END")
                params.append(_fts5_prefix(prefix, _FTS5_COLUMNS[j]))
            else:
                return _fallback_fields(prefixes)
    if not parts:
        return Value(0, output_field=BigIntegerField())
    return RawSQL("(" + " + ".join(parts) + ")", params, output_field=BigIntegerField())  # noqa: S611


# Any other database: the same fields, a word starting with the prefix at the
# field's start or after a space, by plain containment (no index).
_FALLBACK_FIELDS = (("title",), ("summary", "subject"), ("competency", "key_method"))


def _starts_word(field_name: str, prefix: str) -> Q:
    return Q(**{f"{field_name}__istartswith": prefix}) | Q(**{f"{field_name}__icontains": f" {prefix}"})


def _fallback_fields(prefixes: Sequence[str]) -> Any:
    mask: Any = Value(0, output_field=BigIntegerField())
    for i, prefix in enumerate(map(_clean_prefix, prefixes)):
        if not prefix:
            continue
        for j, field_names in enumerate(_FALLBACK_FIELDS):
            condition = Q(pk__in=[])
            for field_name in field_names:
                condition |= _starts_word(field_name, prefix)
            bit = 1 << (i * len(INDEXED_FIELDS) + j)
            mask = mask + Case(When(condition, then=Value(bit)), default=Value(0), output_field=BigIntegerField())
    return mask


def prefix_field_rows(
    versions: QuerySet[MicroCredentialVersion],
    prefixes: Sequence[str],
    *,
    columns: Sequence[str],
    also: QuerySet[Any, Any] | None = None,
) -> list[tuple[Any, ...]]:
    """``columns`` of the versions among ``versions`` whose indexed text has a
    word starting with any of ``prefixes`` (:func:`matches_any`), and of those
    whose id is in ``also`` (a ``values("id")``-like subquery), each row
    followed by its :func:`prefix_fields` mask. Unordered; one query.

    ``columns[0]`` must be ``"id"``. Rows come from a plain cursor, so values
    are what the database driver answers (no Django converters: on a large
    catalog they cost as much as the query).
    """
    if not columns or columns[0] != "id":
        raise ValueError("The first column must be the version id.")
    cleaned = [p for p in map(_clean_prefix, prefixes) if p]
    if also is not None and also.query.is_empty():
        also = None
    if not cleaned and also is None:
        return []
    condition = matches_any(prefixes)
    if also is not None:
        condition |= Q(id__in=also)
    if connection.vendor != "sqlite" or not cleaned:
        rows = versions.filter(condition).annotate(prefix_fields_mask=prefix_fields(prefixes))
        return _fetch(*rows.values_list(*columns, "prefix_fields_mask").query.sql_with_params())
    # SQLite: one FTS5 match per prefix and field, summed per version, then
    # joined to the versions (a probe per version and prefix and field is
    # three times slower at 10,000 entries, bench/recommend.py). The SQL is
    # fixed text and Django's own compiled queries; every value is a parameter.
    hits: list[str] = []
    params: list[Any] = []
    for i, prefix in enumerate(map(_clean_prefix, prefixes)):
        if not prefix:
            continue
        for j, columns_filter in enumerate(_FTS5_COLUMNS):
            bit = 1 << (i * len(INDEXED_FIELDS) + j)
            hits.append(f"SELECT rowid AS id, {bit} AS bit FROM catalog_version_fts WHERE catalog_version_fts MATCH %s")  # noqa: S608
            params.append(_fts5_prefix(prefix, columns_filter))
    inner_sql, inner_params = versions.values_list(*columns).query.sql_with_params()
    sql = (
        f"WITH hits AS (SELECT id, sum(bit) AS mask FROM ({' UNION ALL '.join(hits)}) GROUP BY id) "  # noqa: S608
        f"SELECT s.*, hits.mask FROM hits JOIN ({inner_sql}) s ON s.id = hits.id"
    )
    params.extend(inner_params)
    if also is not None:
        also_sql, also_params = also.query.sql_with_params()
        sql += (
            f" UNION ALL SELECT s.*, 0 FROM ({inner_sql}) s"  # noqa: S608
            f" WHERE s.id IN ({also_sql}) AND s.id NOT IN (SELECT id FROM hits)"
        )
        params.extend([*inner_params, *also_params])
    return _fetch(sql, tuple(params))


def _fetch(sql: str, params: tuple[Any, ...]) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        rows: list[tuple[Any, ...]] = cursor.fetchall()
        return rows
