"""Ranked full-text search over catalog versions, one engine per database.

PostgreSQL: the stored ``search_vector`` column (weighted title > summary and
subject > competency and method) with a GIN index, queried with
``websearch_to_tsquery`` and ranked by ``ts_rank_cd``. SQLite: the FTS5 table
``catalog_version_fts``, with each word matched as a prefix (so "phon" finds
"phonics") and ranked by bm25. Both tables are created by migration 0002.
"""

from __future__ import annotations

import re

from django.db import connection
from django.db.models import BooleanField, F, FloatField, QuerySet
from django.db.models.expressions import RawSQL

from evident.catalog.models import MicroCredentialVersion

_WORD = re.compile(r"\w+", re.UNICODE)
MAX_QUERY_WORDS = 12


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
        match = _fts5_match(terms)
        # bm25 is lower for better matches; negate so higher is better everywhere.
        rank_sql = (
            "SELECT -bm25(catalog_version_fts, 10.0, 5.0, 3.0, 1.0) FROM catalog_version_fts "  # noqa: S608
            f"WHERE catalog_version_fts MATCH %s AND catalog_version_fts.rowid = {column}.id"
        )
        ids_sql = "SELECT rowid FROM catalog_version_fts WHERE catalog_version_fts MATCH %s"
        return versions.annotate(rank=RawSQL(rank_sql, [match], output_field=FloatField())).filter(  # noqa: S611
            id__in=RawSQL(ids_sql, [match])  # noqa: S611
        )
    # Any other database: a plain containment search, unranked.
    filtered = versions
    for term in terms:
        filtered = filtered.filter(title__icontains=term) | filtered.filter(summary__icontains=term)
    return filtered.annotate(rank=F("id") * 0.0)
