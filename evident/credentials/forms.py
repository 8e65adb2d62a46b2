"""The verifier's form: a credential pasted, uploaded (as JSON, a baked badge or a PDF
certificate), or named by its address on this platform."""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.conf import settings

from evident.credentials import baking, certificate

MAX_BYTES = 200_000
MAX_UPLOAD_BYTES = max(baking.MAX_IMAGE_BYTES, certificate.MAX_PDF_BYTES)
FILE_LABEL = "Or upload the credential file (.json), its badge (.png, .svg) or its certificate (.pdf)"


def _parse(raw: bytes | str, *, not_json: str) -> dict[str, Any]:
    if len(raw) > MAX_BYTES:
        raise forms.ValidationError("That is too large to be a credential (200 KB at most).", code="too_large")
    try:
        document = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise forms.ValidationError(not_json, code="not_json") from None
    if not isinstance(document, dict):
        raise forms.ValidationError("That is not a credential: a credential is a JSON object.", code="not_object")
    return document


def document_from_file(raw: bytes, *, name: str = "") -> dict[str, Any]:
    """The credential in an uploaded file: a PDF certificate, a baked PNG or SVG badge, or the JSON itself.

    The file's type is read from its first bytes, never its name. Raises
    ValidationError, with what to do in plain words, for anything else.
    """
    if raw.startswith(certificate.PDF_MAGIC):
        try:
            attached = certificate.credential_from_pdf(raw)
        except certificate.UnreadablePdf as error:
            raise forms.ValidationError(str(error), code="unreadable_pdf") from None
        if attached is None:
            raise forms.ValidationError(
                "This PDF carries no credential. Download the certificate again from the credential's page.",
                code="not_attached",
            )
        return _parse(
            attached,
            not_json="The file attached to this PDF is not a credential: it is not valid JSON. "
            "Download the certificate again from the credential's page.",
        )
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
        return baked
    if name.lower().endswith(".pdf"):
        raise forms.ValidationError(
            "That file is named .pdf but is not a PDF. Download the certificate again from the credential's page.",
            code="not_pdf",
        )
    return _parse(
        raw,
        not_json="That file is not a credential: upload the credential's .json file, its badge (.png or .svg) "
        "or its certificate (.pdf).",
    )


class VerifyForm(forms.Form):
    credential = forms.CharField(
        label="Paste the credential (JSON)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
    )
    file = forms.FileField(
        label=FILE_LABEL,
        required=False,
        help_text="The certificate PDF carries the signed credential inside it, so it can be checked as it is.",
        widget=forms.FileInput(attrs={"accept": ".json,.png,.svg,.pdf,application/json,image/*,application/pdf"}),
    )
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
            upload = data["file"]
            if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
                raise forms.ValidationError(
                    "That file is too large to be a credential (10 MB at most).", code="too_large"
                )
            data["document"] = document_from_file(upload.read(MAX_UPLOAD_BYTES + 1), name=upload.name or "")
            return data
        data["document"] = _parse(
            data["credential"].encode(),
            not_json="That is not a credential: it is not valid JSON. Paste the whole file, from { to }.",
        )
        return data
