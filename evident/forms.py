"""Project-wide form rendering: one field template for every form."""

from __future__ import annotations

from django.forms.renderers import TemplatesSetting


class EvidentFormRenderer(TemplatesSetting):
    form_template_name = "forms/div.html"
    field_template_name = "forms/field.html"
