"""Program admins' pages for programs and cohorts, coaches' cohorts, and educators' "My programs"."""

from __future__ import annotations

import csv
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evident.accounts.http import EvidentRequest
from evident.accounts.permissions import Need
from evident.accounts.views.util import apply_validation_error
from evident.programs import services
from evident.programs.forms import CoachesForm, CohortForm, MemberAddForm, MemberEditForm, ProgramForm
from evident.programs.models import Cohort, Program
from evident.programs.permissions import access_cohort, access_program, access_program_organization
from evident.programs.selectors import (
    coach_candidates,
    coached_cohort_list,
    cohort_member_get,
    cohort_member_list,
    deadline_words,
    incentive_lines,
    may_manage,
    my_program_list,
    program_figures,
    program_schools,
)
from evident.programs.selectors import (
    program_list as program_list_selector,
)


@require_GET
def program_list(request: EvidentRequest) -> HttpResponse:
    """Programs of the admin's organizations (managed) and those below them (read-only), and coached cohorts."""
    groups = program_list_selector(request.user)
    cohorts = list(coached_cohort_list(request.user))
    if not groups and not cohorts:
        raise Http404("You run no programs and coach no cohorts.")
    return render(
        request, "programs/program_list.html", {"section": "programs", "groups": groups, "coached_cohorts": cohorts}
    )


def _program_form_values(form: ProgramForm) -> dict[str, Any]:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "description": data["description"],
        "incentive_amount": data["incentive_amount"],
        "incentive_currency": data["incentive_currency"],
        "incentive_note": data["incentive_note"],
        "micro_credentials": list(data["micro_credentials"]),
        "stacks": list(data["stacks"]),
    }


@require_http_methods(["GET", "POST"])
def program_create(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    organization = access_program_organization(request.user, organization_uuid, Need.MANAGE_PROGRAMS)
    form = ProgramForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            program = services.program_create(
                actor=request.user, organization=organization, **_program_form_values(form)
            )
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"“{program.title}” was created. Add a cohort, then enrol educators.")
            return redirect(program.get_absolute_url())
    return render(
        request,
        "programs/program_edit.html",
        {"section": "programs", "organization": organization, "form": form, "program": None},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def program_edit(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    program = access_program(request.user, uuid, Need.MANAGE_PROGRAMS)
    form = ProgramForm(request.POST or None, initial=ProgramForm.initial_for(program))
    if request.method == "POST" and form.is_valid():
        try:
            services.program_update(actor=request.user, program=program, **_program_form_values(form))
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The program was saved.")
            return redirect(program.get_absolute_url())
    return render(
        request,
        "programs/program_edit.html",
        {"section": "programs", "organization": program.organization, "form": form, "program": program},
        status=422 if form.errors else 200,
    )


@require_GET
def program_detail(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    program = access_program(request.user, uuid)
    return render(
        request,
        "programs/program_detail.html",
        {
            "section": "programs",
            "program": program,
            "can_manage": may_manage(request.user, program),
            "figures": program_figures(program),
            "micro_credentials": list(
                program.micro_credentials.select_related("live_version", "organization").order_by("live_version__title")
            ),
            "stacks": list(program.stacks.select_related("organization").order_by("title")),
            "imports": list(program.roster_imports.select_related("uploaded_by")[:5]),
        },
    )


@require_POST
def program_status(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    """Open a program to its educators, or close it."""
    program = access_program(request.user, uuid, Need.MANAGE_PROGRAMS)
    action = request.POST.get("action")
    try:
        if action == "activate":
            services.program_activate(actor=request.user, program=program)
            messages.success(request, "The program is open: its members see it and its deadlines.")
        elif action == "close":
            services.program_close(actor=request.user, program=program)
            messages.success(request, "The program is closed. Its figures and incentives stay here.")
        else:
            messages.error(request, "Choose whether to open or close the program.")
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(program.get_absolute_url())


@require_GET
def program_incentives_csv(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    """Every credential the incentive pays for, one line each, for the finance office."""
    program = access_program(request.user, uuid)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="incentives-{program.uuid}.csv"'
    response.write("\ufeff")  # Excel reads UTF-8 only with a byte-order mark
    writer = csv.writer(response)
    writer.writerow(["name", "email", "school", "cohort", "credential", "kind", "issued on", "amount", "currency"])
    for line in incentive_lines(program):
        writer.writerow(
            [
                line.member.full_name,
                line.member.email,
                line.member.school.name if line.member.school else "",
                line.member.cohort.name,
                line.award.title,
                line.award.get_kind_display(),
                line.award.issued_at.date().isoformat(),
                f"{line.amount:.2f}",
                program.incentive_currency,
            ]
        )
    return response


# --- Cohorts -----------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def cohort_create(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    program = access_program(request.user, uuid, Need.MANAGE_PROGRAMS)
    form = CohortForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            cohort = services.cohort_create(actor=request.user, program=program, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, f"The cohort {cohort.name} was added.")
            return redirect(cohort.get_absolute_url())
    return render(
        request,
        "programs/cohort_edit.html",
        {"section": "programs", "program": program, "cohort": None, "form": form},
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def cohort_edit(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    cohort = access_cohort(request.user, uuid, Need.MANAGE_PROGRAMS)
    form = CohortForm(request.POST or None, initial=CohortForm.initial_for(cohort))
    if request.method == "POST" and form.is_valid():
        try:
            services.cohort_update(actor=request.user, cohort=cohort, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The cohort was saved. Its members' open work carries the new deadline.")
            return redirect(cohort.get_absolute_url())
    return render(
        request,
        "programs/cohort_edit.html",
        {"section": "programs", "program": cohort.program, "cohort": cohort, "form": form},
        status=422 if form.errors else 200,
    )


def _render_cohort(
    request: EvidentRequest,
    cohort: Cohort,
    *,
    coaches_form: CoachesForm | None = None,
    member_form: MemberAddForm | None = None,
    status: int = 200,
) -> HttpResponse:
    program = cohort.program
    can_manage = may_manage(request.user, program)
    candidates = coach_candidates(program)
    schools = program_schools(program)
    context: dict[str, Any] = {
        "section": "programs",
        "program": program,
        "cohort": cohort,
        "can_manage": can_manage,
        "members": list(cohort_member_list(cohort)),
        "coaches": list(cohort.coaches.order_by("full_name")),
        "deadline_text": deadline_words(cohort.deadline),
    }
    if can_manage:
        context["coaches_form"] = coaches_form or CoachesForm(
            candidates=candidates, initial={"coaches": list(cohort.coaches.all())}
        )
        context["member_form"] = member_form or MemberAddForm(schools=schools, coaches=candidates)
        context["other_cohorts"] = list(program.cohorts.exclude(pk=cohort.pk))
        context["schools"] = schools
        context["coach_choices"] = list(candidates)
    return render(request, "programs/cohort_detail.html", context, status=status)


@require_GET
def cohort_detail(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    cohort = access_cohort(request.user, uuid)
    return _render_cohort(request, cohort)


@require_POST
def cohort_coaches(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    cohort = access_cohort(request.user, uuid, Need.MANAGE_PROGRAMS)
    form = CoachesForm(request.POST, candidates=coach_candidates(cohort.program))
    if form.is_valid():
        try:
            services.cohort_set_coaches(actor=request.user, cohort=cohort, coaches=list(form.cleaned_data["coaches"]))
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, "The cohort's coaches were saved.")
            return redirect(cohort.get_absolute_url())
    return _render_cohort(request, cohort, coaches_form=form, status=422)


@require_POST
def member_add(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    cohort = access_cohort(request.user, uuid, Need.MANAGE_PROGRAMS)
    program = cohort.program
    form = MemberAddForm(request.POST, schools=program_schools(program), coaches=coach_candidates(program))
    if form.is_valid():
        try:
            place = services.member_add(actor=request.user, cohort=cohort, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            if place.educator_id:
                messages.success(request, f"{place.full_name} is on the cohort.")
            else:
                messages.success(request, f"{place.full_name} is on the cohort and was invited by email.")
            return redirect(cohort.get_absolute_url())
    return _render_cohort(request, cohort, member_form=form, status=422)


@require_POST
def member_edit(request: EvidentRequest, uuid: UUID, member_uuid: UUID) -> HttpResponse:
    """Move a member to another cohort, change their school or coach, or take them off the roster."""
    program: Program = access_program(request.user, uuid, Need.MANAGE_PROGRAMS)
    place = cohort_member_get(program, member_uuid)
    if place is None:
        raise Http404("No such member.")
    if request.POST.get("action") == "remove":
        services.member_remove(actor=request.user, member=place)
        messages.success(request, f"{place.full_name} was taken off the roster.")
        return redirect(place.cohort.get_absolute_url())
    candidates = coach_candidates(program)
    form = MemberEditForm(request.POST, program=program, schools=program_schools(program), coaches=candidates)
    if form.is_valid():
        try:
            services.member_update(actor=request.user, member=place, **form.cleaned_data)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, f"{place.full_name} was saved.")
    else:
        messages.error(request, "Choose a cohort, school and coach from the lists.")
    return redirect(place.cohort.get_absolute_url())


# --- Educators ---------------------------------------------------------------------------


@require_GET
def my_programs(request: EvidentRequest) -> HttpResponse:
    return render(
        request, "programs/my_programs.html", {"section": "my-programs", "places": my_program_list(request.user)}
    )
