from __future__ import annotations

import json
import tempfile
import uuid
from io import StringIO
from pathlib import Path

from django.core.management import CommandError, call_command
from django.test import TestCase

from evident.accounts.models import Organization
from evident.accounts.tests.factories import member
from evident.catalog import services
from evident.catalog.demo import ALL_CRITERIA_MET
from evident.catalog.exchange import export_catalog, import_catalog
from evident.catalog.models import MicroCredential, MicroCredentialVersion
from evident.catalog.tests.factories import issuer, publish, quality_reviewer, sample_blueprint


class ExchangeTests(TestCase):
    def setUp(self):
        self.institute = issuer()
        self.author = member(self.institute, "author")
        reviewer = quality_reviewer()
        first = publish(self.author, self.institute, sample_blueprint("Teaching Phonics", validity_months=36), reviewer)
        draft = services.version_new_draft(actor=self.author, micro_credential=first.micro_credential)
        services.version_update(actor=self.author, version=draft, blueprint=sample_blueprint("Teaching Phonics, v2"))
        services.version_submit(actor=self.author, version=draft)
        services.version_review(actor=reviewer, version=draft, verdicts=ALL_CRITERIA_MET, comment="")
        publish(self.author, self.institute, sample_blueprint("Interactive Read Aloud"), reviewer)

    def test_it_round_trips_every_version_through_an_empty_database(self):
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "catalog.json"
            call_command("export_catalog", "--out", str(path), stderr=StringIO())
            exported = json.loads(path.read_text())
            assert len(exported) == 3
            MicroCredential.objects.update(live_version=None)
            MicroCredentialVersion.objects.all().delete()
            MicroCredential.objects.all().delete()
            call_command("import_catalog", str(path), stdout=StringIO())
        assert export_catalog() == exported
        assert [e["blueprint"]["validity_months"] for e in exported] == [36, None, None]
        assert MicroCredentialVersion.objects.get(uuid=exported[0]["version"]["uuid"]).validity_months == 36

    def test_the_achievement_follows_the_open_badges_shape(self):
        entry = export_catalog()[0]
        achievement = entry["achievement"]
        assert achievement["type"] == ["Achievement"]
        assert achievement["achievementType"] == "MicroCredential"
        assert achievement["creditsAvailable"] == 15
        assert achievement["criteria"]["narrative"].startswith("1. **")
        result = achievement["resultDescription"][0]
        assert result["resultType"] == "RubricCriterionLevel"
        assert result["requiredLevel"] == result["rubricCriterionLevel"][2]["id"]
        assert [a["targetCode"] for a in achievement["alignment"]] == ["3c", "4"]

    def test_importing_twice_changes_nothing_and_creates_missing_issuers(self):
        entries = export_catalog()
        for entry in entries:
            entry["issuer"] = {"slug": "elsewhere", "name": "Elsewhere Institute", "kind": "nonprofit"}
            entry["micro_credential"]["uuid"] = str(uuid.uuid4())
            entry["micro_credential"]["slug"] = "copy"
            entry["version"]["uuid"] = str(uuid.uuid4())
        assert import_catalog(entries[:1]) == 1
        assert import_catalog(entries[:1]) == 0
        assert Organization.objects.get(slug="elsewhere").issues_credentials

    def test_a_bad_file_is_refused_with_a_clear_message(self):
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            handle.write('{"not": "a list"}')
        with self.assertRaisesMessage(CommandError, "must hold a JSON list"):
            call_command("import_catalog", handle.name, stdout=StringIO())
