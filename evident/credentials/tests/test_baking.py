from __future__ import annotations

import io
import json

import pytest
from PIL import Image

from evident.credentials import baking
from evident.lib.badges import badge_svg

CREDENTIAL = {"@context": ["https://www.w3.org/ns/credentials/v2"], "name": "Teaching Phonics ]]> test", "id": "urn:x"}


def test_a_png_carries_the_credential_in_an_itxt_chunk():
    baked = baking.bake_png(baking.draw_badge_png("Teaching Phonics", "#0d5c63"), CREDENTIAL)
    assert baking.unbake(baked) == CREDENTIAL
    assert b"iTXt" + baking.KEYWORD.encode() + b"\x00\x00\x00" in baked  # keyword, then no compression
    with Image.open(io.BytesIO(baked)) as image:
        assert image.size == (512, 512)


def test_an_svg_carries_the_credential_right_after_its_opening_tag():
    baked = baking.bake_svg(badge_svg("Teaching Phonics", "#0d5c63"), CREDENTIAL)
    assert 'xmlns:openbadges="https://purl.imsglobal.org/ob/v3p0"' in baked
    opening_end = baked.index(">", baked.index("<svg")) + 1
    assert baked[opening_end:].startswith("<openbadges:credential><![CDATA[")
    assert baking.unbake(baked.encode()) == CREDENTIAL


def test_images_without_a_credential_and_other_files_give_none():
    assert baking.unbake(baking.draw_badge_png("X", "#000000")) is None
    assert baking.unbake(badge_svg("X", "#000000").encode()) is None
    assert baking.unbake(json.dumps(CREDENTIAL).encode()) is None
    with pytest.raises(ValueError):
        baking.unbake(b"\x89PNG\r\n\x1a\n" + b"0" * (6 * 1024 * 1024))
