"""Transcripts of PD credit: an educator's own page and downloads, and exports for a cohort or an organization."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from evident.accounts.http import EvidentRequest
from evident.accounts.permissions import Need
from evident.accounts.views.util import apply_validation_error
from evident.programs import credit_selectors, credit_services, transcripts
from evident.programs.forms_credit import ChooseJurisdictionForm, RenewalCycleForm
from evident.programs.permissions import access_cohort, access_program_organization

FORMATS = ("csv", "pdf")


def _download(body: str | bytes, fmt: str, name: str) -> HttpResponse:
    content_type = "text/csv; charset=utf-8" if fmt == "csv" else "application/pdf"
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}-{timezone.localdate().isoformat()}.{fmt}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise Http404("Transcripts download as .csv or .pdf.")


def _render(fmt: str, items: list[transcripts.Transcript], *, title: str, name: str) -> HttpResponse:
    if fmt == "csv":
        return _download(transcripts.transcripts_csv(items), fmt, name)
    return _download(transcripts.transcripts_pdf(items, title=title), fmt, name)


@require_http_methods(["GET", "POST"])
def my_transcript(request: EvidentRequest) -> HttpResponse:
    transcript = transcripts.transcript_for(request.user)
    applied = transcript.applied
    may_choose = applied is None or applied.source == "chosen"
    seeded = credit_selectors.seeded_rules().order_by("jurisdiction_name")
    action = request.POST.get("action", "")
    cycle_form = RenewalCycleForm(
        request.POST if action == "cycle" else None,
        initial={"starts_on": transcript.cycle.cycle.starts_on if transcript.cycle else None},
        prefix="cycle",
    )
    choose_form = ChooseJurisdictionForm(
        request.POST if action == "choose" else None,
        rules=seeded,
        initial={"rule": applied.rule if applied else None},
        prefix="choose",
    )
    status = 200
    if request.method == "POST":
        if action not in ("cycle", "cycle-clear", "choose"):
            raise Http404("Unknown action.")
        form = choose_form if action == "choose" else cycle_form
        try:
            if action == "choose":
                if not may_choose:
                    # The form is not on the page then, so the refusal is a message.
                    messages.error(request, f"Your rule is set by {applied.via if applied else 'your organization'}.")
                elif choose_form.is_valid():
                    rule = choose_form.cleaned_data["rule"]
                    credit_services.renewal_cycle_set(
                        actor=request.user, rule=rule, starts_on=choose_form.cleaned_data["starts_on"]
                    )
                    messages.success(
                        request, f"Your transcript now counts your credit under {rule.jurisdiction_name}'s rules."
                    )
                    return redirect("programs:my-transcript")
            elif applied is None:
                raise ValidationError("Choose your state first.")
            elif action == "cycle-clear":
                credit_services.renewal_cycle_clear(actor=request.user, rule=applied.rule)
                messages.success(request, "Your cycle counts from the default start again.")
                return redirect("programs:my-transcript")
            elif cycle_form.is_valid():
                credit_services.renewal_cycle_set(
                    actor=request.user, rule=applied.rule, starts_on=cycle_form.cleaned_data["starts_on"]
                )
                messages.success(request, "Your cycle's start date was saved; the credit below counts from it.")
                return redirect("programs:my-transcript")
        except ValidationError as exc:
            apply_validation_error(form, exc)
        status = 422
    context: dict[str, Any] = {
        "section": "transcript",
        "transcript": transcript,
        "cycle_form": cycle_form,
        "choose_form": choose_form,
        "may_choose": may_choose,
        "rounding_note": transcripts.ROUNDING_NOTE,
    }
    return render(request, "programs/transcript.html", context, status=status)


@require_GET
def my_transcript_download(request: EvidentRequest, fmt: str) -> HttpResponse:
    _check_format(fmt)
    transcript = transcripts.transcript_for(request.user)
    name = f"Transcript of {request.user.display_name}"
    return _render(fmt, [transcript], title=name, name="transcript")


@require_GET
def organization_transcripts(request: EvidentRequest, organization_uuid: UUID, fmt: str) -> HttpResponse:
    """Every educator of the organization and the organizations below it (a district: its schools' too)."""
    _check_format(fmt)
    organization = access_program_organization(request.user, organization_uuid, Need.VIEW_PROGRAMS)
    items = transcripts.transcripts_for(transcripts.organization_educators(organization))
    return _render(fmt, items, title=f"Transcripts: {organization.name}", name=f"transcripts-{organization.slug}")


@require_GET
def cohort_transcripts(request: EvidentRequest, uuid: UUID, fmt: str) -> HttpResponse:
    """The cohort's educators, counted under the cohort's program rule when it has one."""
    _check_format(fmt)
    cohort = access_cohort(request.user, uuid, Need.VIEW_PROGRAMS)
    items = transcripts.transcripts_for(transcripts.cohort_educators(cohort), program_first=cohort.program_id)
    return _render(fmt, items, title=f"Transcripts: {cohort}", name=f"transcripts-cohort-{cohort.uuid}")
