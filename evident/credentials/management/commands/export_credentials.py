"""``manage.py export_credentials --out DIR``: everything a third party needs to verify offline.

Writes ``DIR/credentials/<id>.json`` for every issued credential,
``DIR/status-lists/<id>.json`` for every status list credential and
``DIR/issuers/<slug>.did.json`` for every issuer's DID document.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand

from evident.credentials import services
from evident.credentials.models import Award, StatusList
from evident.credentials.selectors import issuer_did_document


def _write(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


class Command(BaseCommand):
    help = "Write every issued credential, status list and issuer DID document as JSON files under --out."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--out", required=True, help="The folder to write into (created if missing).")

    def handle(self, *args: Any, **options: Any) -> None:
        out = Path(options["out"])
        awards = Award.objects.select_related("organization").order_by("issued_at")
        for award in awards:
            _write(out / "credentials" / f"{award.uuid}.json", award.credential)
        lists = StatusList.objects.select_related("organization")
        for status_list in lists:
            _write(
                out / "status-lists" / f"{status_list.uuid}.json",
                status_list.credential or services.status_list_sign(status_list),
            )
        slugs = sorted({award.organization.slug for award in awards} | {s.organization.slug for s in lists})
        for slug in slugs:
            _write(out / "issuers" / f"{slug}.did.json", issuer_did_document(slug))
        self.stdout.write(
            f"Wrote {len(awards)} credentials, {len(lists)} status lists and {len(slugs)} issuers to {out}."
        )
