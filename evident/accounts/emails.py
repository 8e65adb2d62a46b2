"""Email built from a template trio: ``<name>_subject.txt``, ``.txt`` and ``.html``.

Emails carry links, never evidence or a student's name.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def send_templated_email(name: str, to: str, context: dict[str, Any]) -> None:
    context = {"base_url": settings.BASE_URL, **context}
    # A newline in a subject would let a header be injected.
    subject = " ".join(render_to_string(f"emails/{name}_subject.txt", context).split())
    text = render_to_string(f"emails/{name}.txt", context)
    html = render_to_string(f"emails/{name}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, to=[to])
    message.attach_alternative(html, "text/html")
    message.send()
