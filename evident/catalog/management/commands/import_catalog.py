"""``manage.py import_catalog FILE``: read back what export_catalog wrote."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from evident.accounts import audit
from evident.catalog.exchange import import_catalog


class Command(BaseCommand):
    help = "Import catalog versions from a JSON file written by export_catalog. Versions already present are skipped."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("file")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            with open(options["file"], encoding="utf-8") as handle:
                entries = json.load(handle)
        except (OSError, json.JSONDecodeError) as exc:
            raise CommandError(f"Cannot read {options['file']}: {exc}") from None
        if not isinstance(entries, list):
            raise CommandError("The file must hold a JSON list, as export_catalog writes it.")
        try:
            with audit.origin(audit.Origin(kind="command")):
                created = import_catalog(entries)
        except (KeyError, ValueError, TypeError) as exc:
            raise CommandError(f"The file is not a valid catalog export: {exc}") from None
        self.stdout.write(self.style.SUCCESS(f"Imported {created} version(s)."))
