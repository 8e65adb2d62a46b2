"""``manage.py export_catalog --out FILE``: every published version as one JSON document."""

from __future__ import annotations

import json
import sys
from typing import Any

from django.core.management.base import BaseCommand

from evident.catalog.exchange import export_catalog
from evident.catalog.models import MicroCredentialVersion


class Command(BaseCommand):
    help = "Write every published catalog version (OB 3.0 Achievement plus blueprint) to one JSON file."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--out", default="-", help="File to write (default: standard output).")
        parser.add_argument("--all-statuses", action="store_true", help="Include drafts, reviews and retired versions.")

    def handle(self, *args: Any, **options: Any) -> None:
        statuses = tuple(MicroCredentialVersion.Status.values) if options["all_statuses"] else ("published",)
        document = json.dumps(export_catalog(statuses=statuses), indent=2, ensure_ascii=False) + "\n"
        if options["out"] == "-":
            sys.stdout.write(document)
        else:
            with open(options["out"], "w", encoding="utf-8") as handle:
                handle.write(document)
            self.stderr.write(self.style.SUCCESS(f"Wrote {options['out']}"))
