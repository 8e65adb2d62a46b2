"""The verifier's form: a credential pasted, uploaded, or named by its address on this platform."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.conf import settings

from evident.credentials import baking

MAX_BYTES = 200_000


class VerifyForm(forms.Form):
    credential = forms.CharField(
        label="Paste the credential (JSON)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )
    file = forms.FileField(label="Or upload the credential file (.json) or its badge (.png, .svg)", required=False)
    # A plain field: the address is only compared with this platform's own, never fetched.
    url = forms.CharField(label="Or give the credential's address on this platform", required=False, max_length=500)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        given = [name for name in ("credential", "file", "url") if data.get(name)]
        if not given:
            raise forms.ValidationError("Paste a credential, upload its file, or give its address.", code="empty")
        if len(given) > 1:
            raise forms.ValidationError("Give the credential one way only.", code="several")
        if data.get("url"):
            data["url"] = str(data["url"]).strip()
            if not data["url"].startswith(settings.BASE_URL + "/credentials/"):
                raise forms.ValidationError(
                    "Only addresses of credentials on this platform can be checked by address; download the "
                    "credential and upload it instead.",
                    code="foreign_url",
                )
            return data
        if data.get("file"):
            raw = data["file"].read(baking.MAX_IMAGE_BYTES + 1)
            if raw.startswith(b"\x89PNG") or b"<svg" in raw[:2048].lower():
                try:
                    baked = baking.unbake(raw)
                except ValueError as error:
                    raise forms.ValidationError(str(error), code="too_large") from None
                if baked is None:
                    raise forms.ValidationError(
                        "This image carries no credential. Download the badge again from the credential's page.",
                        code="not_baked",
                    )
                data["document"] = baked
                return data
        else:
            raw = data["credential"].encode()
        if len(raw) > MAX_BYTES:
            raise forms.ValidationError("That is too large to be a credential (200 KB at most).", code="too_large")
        try:
            document = json.loads(raw)
        except (ValueError, UnicodeDecodeError):
            raise forms.ValidationError(
                "That is not a credential: it is not valid JSON. Paste the whole file, from { to }.", code="not_json"
            ) from None
        if not isinstance(document, dict):
            raise forms.ValidationError("That is not a credential: a credential is a JSON object.", code="not_object")
        data["document"] = document
        return data
