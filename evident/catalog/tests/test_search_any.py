"""Any-word matching over the full-text index: OR semantics, word prefixes, which field holds each word."""

from __future__ import annotations

from django.test import TestCase

from evident.catalog.models import MicroCredentialVersion
from evident.catalog.search import INDEXED_FIELDS, matches_any, prefix_field_rows, prefix_fields, search
from evident.earning.tests.factories import VersionFactory

TITLE, SUMMARY, DETAILS = (1 << j for j in range(len(INDEXED_FIELDS)))


class SearchAnyTest(TestCase):
    talk: MicroCredentialVersion
    phonics: MicroCredentialVersion
    already: MicroCredentialVersion

    @classmethod
    def setUpTestData(cls) -> None:
        cls.talk = VersionFactory(
            title="Leading Discussions",
            summary="Questioning that keeps students on the text.",
            subject="literacy",
            competency="The educator plans questions.",
            key_method="Model, practise, give feedback.",
        )
        cls.phonics = VersionFactory(title="Teaching Phonics", summary="Sounds and letters.", subject="reading")
        cls.already = VersionFactory(title="Already There", summary="Already done.", competency="", key_method="")

    def ids(self, prefixes: list[str]) -> set[int]:
        return set(MicroCredentialVersion.objects.filter(matches_any(prefixes)).values_list("id", flat=True))

    def fields(self, prefixes: list[str]) -> dict[int, int]:
        rows = MicroCredentialVersion.objects.annotate(mask=prefix_fields(prefixes)).values_list("id", "mask")
        return dict(rows)

    def test_it_matches_any_of_the_words(self) -> None:
        self.assertEqual(self.ids(["discuss", "phonic"]), {self.talk.pk, self.phonics.pk})
        # search() wants every word: nothing has both.
        self.assertFalse(search(MicroCredentialVersion.objects.all(), "discussions phonics").exists())

    def test_it_matches_the_start_of_words_only(self) -> None:
        self.assertEqual(self.ids(["read"]), {self.phonics.pk})
        self.assertNotIn(self.already.pk, self.ids(["ready", "read"]))

    def test_it_matches_nothing_for_no_words(self) -> None:
        self.assertEqual(self.ids([]), set())
        self.assertEqual(self.ids(["", "!!"]), set())

    def test_it_takes_words_as_text_not_query_syntax(self) -> None:
        self.assertEqual(self.ids(['"phon', "phon:*|a", "OR"]), {self.phonics.pk})

    def test_it_marks_which_field_holds_each_word(self) -> None:
        fields = self.fields(["question", "discuss", "feedback", "literacy", "zebra"])
        word = len(INDEXED_FIELDS)
        self.assertEqual(
            fields[self.talk.pk],
            (SUMMARY | DETAILS) | (TITLE << word) | (DETAILS << 2 * word) | (SUMMARY << 3 * word),
        )
        self.assertEqual(fields[self.phonics.pk], 0)

    def test_it_refuses_more_words_than_the_mask_holds(self) -> None:
        with self.assertRaises(ValueError):
            prefix_fields(["word"] * 22)

    def test_it_lists_the_matches_and_the_extra_ids_with_their_fields(self) -> None:
        versions = MicroCredentialVersion.objects.all()
        rows = prefix_field_rows(
            versions,
            ["discuss", "phonic"],
            columns=("id", "title"),
            also=MicroCredentialVersion.objects.filter(pk=self.already.pk).values("id"),
        )
        self.assertEqual(
            sorted(rows),
            sorted(
                [
                    (self.talk.pk, "Leading Discussions", TITLE),
                    (self.phonics.pk, "Teaching Phonics", TITLE << len(INDEXED_FIELDS)),
                    (self.already.pk, "Already There", 0),
                ]
            ),
        )

    def test_it_lists_only_within_the_given_versions(self) -> None:
        rows = prefix_field_rows(
            MicroCredentialVersion.objects.exclude(pk=self.talk.pk), ["discuss", "phonic"], columns=("id",)
        )
        self.assertEqual([row[0] for row in rows], [self.phonics.pk])
        self.assertEqual(prefix_field_rows(MicroCredentialVersion.objects.all(), [], columns=("id",)), [])
        nothing_else = MicroCredentialVersion.objects.none().values("id")
        self.assertEqual(
            prefix_field_rows(MicroCredentialVersion.objects.all(), ["!"], columns=("id",), also=nothing_else), []
        )
        self.assertEqual(
            len(
                prefix_field_rows(MicroCredentialVersion.objects.all(), ["phonic"], columns=("id",), also=nothing_else)
            ),
            1,
        )

    def test_it_wants_the_id_first(self) -> None:
        with self.assertRaises(ValueError):
            prefix_field_rows(MicroCredentialVersion.objects.all(), ["discuss"], columns=("title", "id"))
