#!/usr/bin/env python
"""How growth-goal recommendations scale: 100 versus 10,000 live micro-credentials.

Builds the same catalog as ``bench/catalog.py`` (every entry aligned to
InTASC 8, titles and summaries drawn from twenty words) in a fresh database,
then asks for recommendations for a goal on InTASC 8 whose statement uses four
of those words, with and without the component. Prints the median of several
calls, the number of queries, and the 10,000 / 100 ratio.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("SECRET_KEY", "bench-only")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("LOG_LEVEL", "WARNING")

from catalog import BASE_DATABASE_URL, SIZES, build, drop_database, fresh_database  # noqa: E402

REPEATS = 7
STATEMENT = "Use questioning and discussion, with feedback, so that reading improves for every student."


def measure() -> dict[str, tuple[float, int, str]]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from evident.programs.models import FrameworkComponent
    from evident.programs.recommend import recommend

    component = FrameworkComponent(framework="InTASC", code="8", name="Instructional Strategies")
    cases = {"component and words": [component], "words only": []}
    results = {}
    for label, components in cases.items():
        recommend(components=components, statement=STATEMENT)  # warm up
        timings = []
        for _ in range(REPEATS):
            with CaptureQueriesContext(connection) as queries:
                started = time.perf_counter()
                found = recommend(components=components, statement=STATEMENT)
                timings.append(time.perf_counter() - started)
        if not found:
            raise SystemExit(f"{label}: nothing recommended")
        results[label] = (statistics.median(timings) * 1000, len(queries.captured_queries), found[0].version.title)
    return results


def run(size: int) -> dict[str, tuple[float, int, str]]:
    import django
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connections

    url = fresh_database(size)
    os.environ["DATABASE_URL"] = url
    if not settings.configured:
        os.environ["DJANGO_SETTINGS_MODULE"] = "evident.settings"
        django.setup()
    else:
        import dj_database_url

        connections["default"].close()
        settings.DATABASES["default"].update(dj_database_url.parse(url))
        connections["default"].settings_dict.update(settings.DATABASES["default"])
    try:
        call_command("migrate", verbosity=0)
        build(size)
        if connections["default"].vendor == "postgresql":
            with connections["default"].cursor() as cursor:
                cursor.execute("VACUUM ANALYZE")
        return measure()
    finally:
        connections["default"].close()
        drop_database(url)


def main() -> None:
    original = BASE_DATABASE_URL
    results = {size: run(size) for size in SIZES}
    engine = "PostgreSQL" if original.startswith("postgres") else "SQLite"
    print(f"Recommendations on {engine}, median of {REPEATS} calls")  # noqa: T201
    print(f"{'goal':<22}" + "".join(f"{f'{s:,} ms':>12}{'queries':>9}" for s in SIZES) + f"{'ratio':>8}")  # noqa: T201
    for label in results[SIZES[0]]:
        row = f"{label:<22}"
        for size in SIZES:
            ms, queries, _ = results[size][label]
            row += f"{ms:>12.1f}{queries:>9}"
        ratio = results[SIZES[-1]][label][0] / results[SIZES[0]][label][0]
        print(row + f"{ratio:>8.2f}")  # noqa: T201


if __name__ == "__main__":
    main()
