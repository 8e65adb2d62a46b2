"""Growth plans, goals with recommended micro-credentials, and career roles."""

from __future__ import annotations

from uuid import UUID

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from evident.accounts.http import EvidentRequest
from evident.accounts.permissions import Need
from evident.accounts.views.util import apply_validation_error
from evident.programs import growth
from evident.programs.forms_growth import ChooseForm, GoalEditForm, GoalForm, PlanForm
from evident.programs.models import FrameworkComponent, GrowthGoal
from evident.programs.permissions import access_program_organization
from evident.programs.permissions_growth import access_goal, access_plan, plan_organizations, supervisor_candidates
from evident.programs.recommend import recommend_for_goal
from evident.programs.roles import role_progress_list, role_qualifier_list

SECTION = "growth"


def _components() -> list[FrameworkComponent]:
    return list(FrameworkComponent.objects.order_by("framework", "order", "code"))


@require_GET
def plan_list(request: EvidentRequest) -> HttpResponse:
    own, supervised = growth.plan_list(request.user)
    return render(
        request,
        "programs/plan_list.html",
        {
            "section": SECTION,
            "own": own,
            "supervised": supervised,
            "may_create": plan_organizations(request.user).exists(),
        },
    )


@require_http_methods(["GET", "POST"])
def plan_create(request: EvidentRequest) -> HttpResponse:
    organizations = list(plan_organizations(request.user))
    candidates = {o: [u for u in supervisor_candidates(o) if u.pk != request.user.pk] for o in organizations}
    form = PlanForm(
        request.POST or None,
        organizations=organizations,
        candidates=candidates,
        initial={
            "school_year": growth.school_year_of(timezone.localdate()),
            "organization": str(request.organization.uuid)
            if request.organization is not None and request.organization in organizations
            else "",
        },
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                plan = growth.plan_create(actor=request.user, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, f"Your plan “{plan.title}” is ready. Add your first goal.")
                return redirect("programs:goal-create", uuid=plan.uuid)
        status = 422
    return render(
        request,
        "programs/plan_create.html",
        {"section": SECTION, "form": form, "has_organizations": bool(organizations)},
        status=status,
    )


@require_GET
def plan_detail(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    plan = access_plan(request.user, uuid)
    return render(
        request,
        "programs/plan_detail.html",
        {
            "section": SECTION,
            "view": growth.plan_view(plan),
            "plan": plan,
            "is_educator": plan.educator_id == request.user.pk,
            "history": growth.plan_history(plan),
        },
    )


@require_http_methods(["GET", "POST"])
def goal_create(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    plan = access_plan(request.user, uuid)
    form = GoalForm(request.POST or None, components=_components())
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                goal = growth.goal_create(actor=request.user, plan=plan, **form.cleaned_data)
            except ValidationError as exc:
                apply_validation_error(form, exc)
            else:
                messages.success(request, "Goal added. Choose micro-credentials for it below.")
                return redirect("programs:goal-detail", uuid=goal.uuid)
        status = 422
    return render(request, "programs/goal_create.html", {"section": SECTION, "plan": plan, "form": form}, status=status)


@require_http_methods(["GET", "POST"])
def goal_detail(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    """The goal, its chosen micro-credentials and recommendations; POST adds or removes one, or edits the goal."""
    goal = access_goal(request.user, uuid)
    components = _components()
    edit_form = GoalEditForm(
        initial={
            "statement": goal.statement,
            "components": [c.pk for c in goal.components.all()],
            "target_date": goal.target_date,
            "status": goal.status,
        },
        components=components,
        prefix="edit",
    )
    status = 200
    if request.method == "POST":
        if request.POST.get("form") == "edit":
            edit_form = GoalEditForm(request.POST, components=components, prefix="edit")
            if edit_form.is_valid():
                try:
                    growth.goal_update(actor=request.user, goal=goal, **edit_form.cleaned_data)
                except ValidationError as exc:
                    apply_validation_error(edit_form, exc)
                else:
                    messages.success(request, "The goal was saved.")
                    return redirect("programs:goal-detail", uuid=goal.uuid)
            status = 422
        else:
            choose = ChooseForm(request.POST)
            if not choose.is_valid():
                messages.error(request, " ".join(str(e) for errors in choose.errors.values() for e in errors))
                return redirect("programs:goal-detail", uuid=goal.uuid)
            micro_credential = choose.cleaned_data["micro_credential"]
            try:
                if choose.cleaned_data["action"] == "add":
                    growth.goal_micro_credential_add(actor=request.user, goal=goal, micro_credential=micro_credential)
                    messages.success(request, f"“{_title(micro_credential)}” is now part of this goal.")
                else:
                    growth.goal_micro_credential_remove(
                        actor=request.user, goal=goal, micro_credential=micro_credential
                    )
                    messages.success(request, f"“{_title(micro_credential)}” was taken off this goal.")
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, " ".join(getattr(exc, "messages", [str(exc)])))
            return redirect("programs:goal-detail", uuid=goal.uuid)
    view = growth.goal_view(goal)
    plan = view.goal.plan
    recommendations = (
        recommend_for_goal(view.goal, educator=plan.educator) if view.goal.status != GrowthGoal.Status.DROPPED else []
    )
    return render(
        request,
        "programs/goal_detail.html",
        {
            "section": SECTION,
            "view": view,
            "goal": view.goal,
            "position": growth.goal_position(view.goal),
            "plan": plan,
            "recommendations": recommendations,
            "edit_form": edit_form,
            "edit_open": status == 422,
            "is_educator": plan.educator_id == request.user.pk,
        },
        status=status,
    )


def _title(micro_credential: object) -> str:
    version = getattr(micro_credential, "live_version", None)
    return version.title if version is not None else str(micro_credential)


@require_GET
def career_roles(request: EvidentRequest) -> HttpResponse:
    organizations = list(request.organization_roles) or list(plan_organizations(request.user))
    return render(
        request,
        "programs/role_progress.html",
        {"section": "roles", "roles": role_progress_list(request.user, organizations)},
    )


@require_GET
def role_qualifiers(request: EvidentRequest, organization_uuid: UUID) -> HttpResponse:
    organization = access_program_organization(request.user, organization_uuid, Need.VIEW_PROGRAMS)
    educator_count, rows = role_qualifier_list(organization)
    return render(
        request,
        "programs/role_qualifiers.html",
        {"section": "roles", "organization": organization, "educator_count": educator_count, "rows": rows},
    )
