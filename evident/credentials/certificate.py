"""The PDF certificate of a credential, for an HR office or a licensure file.

One page, US Letter landscape: the badge, the educator's name, the
credential, its issuer and dates, its status as of printing, the rubric
level reached on each requirement (read from the signed credential, so the
page says what the signature covers), and how to check it. The signed
credential itself is attached to the PDF as ``credential.json``, byte for
byte what the credential page's JSON download gives, so the file verifies
offline and the public verifier accepts the PDF as it is.
"""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from pypdf import PdfReader

from evident.credentials.models import Award
from evident.lib.badges import badge_svg
from evident.lib.pdf import PdfAttachment, data_uri, qr_svg, render_pdf

logger = logging.getLogger(__name__)

ATTACHMENT_NAME = "credential.json"
MAX_PDF_BYTES = 10 * 1024 * 1024
MAX_ATTACHMENT_BYTES = 200_000  # as large as a credential may be anywhere on the verifier
PDF_MAGIC = b"%PDF-"
DEFAULT_COLOUR = "#0d5c63"
_IMAGE_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


class UnreadablePdf(ValueError):
    """The file is not a PDF we can read, or too large to try."""


class CertificateUnavailable(Exception):
    """A revoked credential gets no certificate: a printed one would outlive the revocation."""


@dataclass(frozen=True)
class RequirementResult:
    requirement: str
    level: str


def credential_bytes(award: Award) -> bytes:
    """The signed credential as the credential page serves it (and as the PDF carries it)."""
    return json.dumps(award.credential, indent=2, ensure_ascii=False).encode()


def certificate_filename(award: Award) -> str:
    return f"{slugify(award.title) or 'credential'}-certificate.pdf"


def verify_url(award: Award) -> str:
    """The verifier, checking this credential by its address: the live status, for a public credential."""
    credential_id = str(award.credential.get("id") or settings.BASE_URL + award.get_absolute_url())
    # ":" and "/" may stand unescaped in a query; the printed link stays readable.
    return settings.BASE_URL + reverse("credentials:verify") + "?" + urlencode({"url": credential_id}, safe=":/")


def verifier_url() -> str:
    return settings.BASE_URL + reverse("credentials:verify")


def requirement_results(credential: dict[str, Any]) -> list[RequirementResult]:
    """The level reached on each requirement, as the signed credential states it."""
    subject = credential.get("credentialSubject") or {}
    descriptions = {
        str(d.get("id")): d for d in (subject.get("achievement") or {}).get("resultDescription") or [] if d.get("id")
    }
    rows = []
    for result in subject.get("result") or []:
        description = descriptions.get(str(result.get("resultDescription")), {})
        levels = {str(lv.get("id")): lv for lv in description.get("rubricCriterionLevel") or []}
        level = levels.get(str(result.get("achievedLevel")), {})
        rows.append(
            RequirementResult(
                requirement=str(description.get("name") or "Requirement"),
                level=str(level.get("name") or "Met"),
            )
        )
    return rows


def _badge_image(award: Award) -> str:
    """A data: URL of the badge the credential page shows: the uploaded image, else the drawn SVG."""
    version = award.version
    if version is not None and version.badge_image:
        with version.badge_image.open("rb") as handle:
            raw = handle.read()
        media_type = next((kind for magic, kind in _IMAGE_TYPES.items() if raw.startswith(magic)), None)
        if media_type is not None:
            return data_uri(raw, media_type)
    if version is not None:
        colour = version.badge_color
    elif award.stack is not None:
        colour = award.stack.badge_color
    else:
        colour = DEFAULT_COLOUR
    return data_uri(badge_svg(award.title, colour), "image/svg+xml")


def _status(award: Award) -> tuple[str, str]:
    """("valid" or "expired", the sentence printed), as of now."""
    if award.is_expired and award.valid_until is not None:
        return "expired", f"Expired on {_date(award.valid_until)}."
    if award.valid_until is not None:
        return "valid", f"Valid until {_date(award.valid_until)}."
    return "valid", "Valid, with no expiry date."


def _date(moment: Any) -> str:
    local = timezone.localtime(moment)
    return f"{local:%B} {local.day}, {local.year}"


def certificate_context(award: Award) -> dict[str, Any]:
    """Everything the certificate template prints. Raises CertificateUnavailable for a revoked credential."""
    if award.is_revoked:
        raise CertificateUnavailable("This credential was revoked, so it has no certificate.")
    achievement = (award.credential.get("credentialSubject") or {}).get("achievement") or {}
    status, status_text = _status(award)
    check_url = verify_url(award) if award.is_public else verifier_url()
    return {
        "award": award,
        "educator_name": award.educator.display_name,
        "issuer_name": str((award.credential.get("issuer") or {}).get("name") or award.organization.name),
        "issued_on": _date(award.issued_at),
        "valid_until": _date(award.valid_until) if award.valid_until else "",
        "pd_hours": achievement.get("creditsAvailable"),
        "results": requirement_results(award.credential),
        "credential_id": str(award.credential.get("id", "")),
        "status": status,
        "status_text": status_text,
        "printed_on": _date(timezone.now()),
        "is_public": award.is_public,
        "check_url": check_url,
        "verifier_url": verifier_url(),
        "badge_src": _badge_image(award),
        "qr_src": data_uri(qr_svg(check_url, title="QR code: verify this credential"), "image/svg+xml"),
        "attachment_name": ATTACHMENT_NAME,
    }


def certificate_html(award: Award) -> str:
    return render_to_string("credentials/certificate.html", certificate_context(award))


def certificate_pdf(award: Award) -> bytes:
    """The certificate as a tagged PDF with the signed credential attached. Raises CertificateUnavailable."""
    html = certificate_html(award)
    attachment = PdfAttachment(
        name=ATTACHMENT_NAME,
        content=credential_bytes(award),
        description=f"The signed Open Badges 3.0 credential: {award.title}",
        modified=award.issued_at,
    )
    return render_pdf(html, attachments=[attachment], base_url=settings.BASE_URL)


def credential_from_pdf(data: bytes) -> bytes | None:
    """The credential file attached to a PDF (``credential.json``, else its only JSON file), or None.

    Raises UnreadablePdf (its message in plain words) when the PDF is too
    large, damaged, encrypted, or carries a file too large to be a credential.
    pypdf bounds what it decompresses (75 MB a stream by default); the
    declared and actual size of the attachment are checked before parsing.
    """
    if len(data) > MAX_PDF_BYTES:
        raise UnreadablePdf("That PDF is too large to be a certificate (10 MB at most).")
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise UnreadablePdf("That PDF is locked with a password, so its attachments cannot be read.")
        files = {entry.name: entry for entry in reader.attachment_list}
        entry = files.get(ATTACHMENT_NAME)
        if entry is None:
            json_files = [f for name, f in files.items() if name.lower().endswith(".json")]
            entry = json_files[0] if len(json_files) == 1 else None
        if entry is None:
            return None
        declared = entry.size
        if declared is not None and int(declared) > MAX_ATTACHMENT_BYTES:
            raise UnreadablePdf("The file attached to that PDF is too large to be a credential (200 KB at most).")
        content = entry.content
    except UnreadablePdf:
        raise
    except Exception as error:  # pypdf raises many kinds of errors on damaged files; each means "unreadable"
        logger.info("credentials.pdf_unreadable", extra={"error": type(error).__name__})
        raise UnreadablePdf(
            "That PDF cannot be read: it may be damaged or incomplete. "
            "Download the certificate again from the credential's page."
        ) from None
    if len(content) > MAX_ATTACHMENT_BYTES:
        raise UnreadablePdf("The file attached to that PDF is too large to be a credential (200 KB at most).")
    return bytes(content)
