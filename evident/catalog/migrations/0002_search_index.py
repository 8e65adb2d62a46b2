"""Full-text search over versions: a stored tsvector with a GIN index on
PostgreSQL, an FTS5 table kept in step by triggers on SQLite.
"""

from __future__ import annotations

from django.db import migrations

TABLE = "catalog_microcredentialversion"

POSTGRES_FORWARD = [
    f"""
    ALTER TABLE {TABLE} ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(summary, '') || ' ' || coalesce(subject, '')), 'B')
        || setweight(to_tsvector('english', coalesce(competency, '') || ' ' || coalesce(key_method, '')), 'C')
    ) STORED
    """,
    f"CREATE INDEX catalog_version_search ON {TABLE} USING GIN (search_vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX IF EXISTS catalog_version_search",
    f"ALTER TABLE {TABLE} DROP COLUMN IF EXISTS search_vector",
]

SQLITE_FORWARD = [
    """
    CREATE VIRTUAL TABLE catalog_version_fts USING fts5(
        title, summary, subject, body,
        tokenize='porter unicode61 remove_diacritics 2'
    )
    """,
    f"""
    CREATE TRIGGER catalog_version_fts_insert AFTER INSERT ON {TABLE} BEGIN
        INSERT INTO catalog_version_fts(rowid, title, summary, subject, body)
        VALUES (new.id, new.title, new.summary, new.subject, new.competency || ' ' || new.key_method);
    END
    """,
    f"""
    CREATE TRIGGER catalog_version_fts_update AFTER UPDATE ON {TABLE} BEGIN
        DELETE FROM catalog_version_fts WHERE rowid = old.id;
        INSERT INTO catalog_version_fts(rowid, title, summary, subject, body)
        VALUES (new.id, new.title, new.summary, new.subject, new.competency || ' ' || new.key_method);
    END
    """,
    f"""
    CREATE TRIGGER catalog_version_fts_delete AFTER DELETE ON {TABLE} BEGIN
        DELETE FROM catalog_version_fts WHERE rowid = old.id;
    END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS catalog_version_fts_insert",
    "DROP TRIGGER IF EXISTS catalog_version_fts_update",
    "DROP TRIGGER IF EXISTS catalog_version_fts_delete",
    "DROP TABLE IF EXISTS catalog_version_fts",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("catalog", "0001_initial")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
