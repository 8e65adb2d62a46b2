"""Pools, calibration sets and calibration attempts.

Lead reviewers: the pools they lead (members and their certification),
one pool's page, and the calibration set editor. Reviewers: their
calibration page, an attempt (blind to the master scores) and its results.
Every reviewer page names a submission by its code, never the educator.
"""

from __future__ import annotations

import math
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evident.accounts.http import EvidentRequest
from evident.catalog.selectors import published_stacks, stackable_micro_credentials
from evident.review import calibration, pools, selectors_calibration
from evident.review.calibration_rules import items_left_for
from evident.review.forms_calibration import (
    CalibrationScoresForm,
    CalibrationSetForm,
    MasterScoresForm,
    PoolCreateForm,
    PoolMemberForm,
    PoolRulesForm,
    RevokeForm,
    SubmissionCodeForm,
)
from evident.review.models import CalibrationAttempt, CalibrationSet, ReviewerPool
from evident.review.permissions import (
    access_calibration_attempt,
    access_calibration_set,
    access_pool,
    active_certification,
    led_organizations,
    pool_member_get,
    reviewing_organizations,
    set_item,
)


def _percent(share: float) -> str:
    """A share as a percentage that never rounds up across a threshold: 0.8 is 80, 0.7999 is 79.9."""
    value = share * 100
    if abs(value - round(value)) < 1e-9:
        return str(round(value))
    return f"{math.floor(value * 10) / 10:.1f}"


def _add_errors(form: forms.BaseForm, exc: ValidationError) -> None:
    for message in exc.messages:
        form.add_error(None, message)


# Pools (lead reviewers) -----------------------------------------------------------------------------------------


def _pool_create_form(data: Any = None) -> PoolCreateForm:
    return PoolCreateForm(data, micro_credentials=list(stackable_micro_credentials()), stacks=list(published_stacks()))


def _render_pool_list(request: EvidentRequest, form: PoolCreateForm | None = None, status: int = 200) -> HttpResponse:
    if not led_organizations(request.user).exists():
        raise PermissionDenied("Only lead reviewers manage reviewer pools.")
    organization = request.organization
    can_create = organization is not None and led_organizations(request.user).filter(pk=organization.pk).exists()
    return render(
        request,
        "review/pool_list.html",
        {
            "section": "pools",
            "pools": selectors_calibration.led_pool_list(request.user),
            "form": form or _pool_create_form(),
            "organization": organization if can_create else None,
        },
        status=status,
    )


@require_GET
def pool_list(request: EvidentRequest) -> HttpResponse:
    return _render_pool_list(request)


@require_POST
def pool_create(request: EvidentRequest) -> HttpResponse:
    """A new pool in the active organization, which the actor must lead."""
    organization = request.organization
    if organization is None:
        raise PermissionDenied("Choose the organization the pool belongs to.")
    form = _pool_create_form(request.POST)
    if form.is_valid():
        try:
            pool = pools.pool_create(
                actor=request.user, organization=organization, name=form.cleaned_data["name"], **form.target_kwargs()
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"The pool “{pool.name}” is ready. Add its reviewers and a calibration set.")
            return redirect("review:pool-detail", uuid=pool.uuid)
    return _render_pool_list(request, form, status=422)


def _render_pool(request: EvidentRequest, pool: ReviewerPool, status: int = 200, **forms_: Any) -> HttpResponse:
    return render(
        request,
        "review/pool_detail.html",
        {
            "section": "pools",
            "pool": pool,
            "summary": selectors_calibration.pool_summary(pool),
            "member_form": forms_.get("member_form")
            or PoolMemberForm(candidates=list(selectors_calibration.pool_member_candidates(pool))),
            "rules_form": forms_.get("rules_form") or PoolRulesForm(initial=PoolRulesForm.initial_for(pool)),
            "set_form": forms_.get("set_form") or CalibrationSetForm(),
            "revoke_form": forms_.get("revoke_form") or RevokeForm(),
            "revoking": forms_.get("revoking"),
        },
        status=status,
    )


@require_GET
def pool_detail(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    return _render_pool(request, access_pool(request.user, uuid, lead=True))


@require_POST
def pool_member_add(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    pool = access_pool(request.user, uuid, lead=True)
    form = PoolMemberForm(request.POST, candidates=list(selectors_calibration.pool_member_candidates(pool)))
    if form.is_valid():
        reviewer = form.cleaned_data["reviewer"]
        try:
            pools.pool_member_add(actor=request.user, pool=pool, reviewer=reviewer)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"{reviewer.display_name} is in the pool. They calibrate before taking work.")
            return redirect("review:pool-detail", uuid=pool.uuid)
    return _render_pool(request, pool, status=422, member_form=form)


@require_POST
def pool_member_remove(request: EvidentRequest, uuid: UUID, reviewer: UUID) -> HttpResponse:
    pool = access_pool(request.user, uuid, lead=True)
    member = pool_member_get(pool, reviewer)
    pools.pool_member_remove(actor=request.user, pool=pool, reviewer=member.reviewer)
    messages.success(
        request,
        f"{member.reviewer.display_name} is no longer in the pool. Their certification has ended, and any review"
        " they had in progress is back in the queue.",
    )
    return redirect("review:pool-detail", uuid=pool.uuid)


@require_POST
def certification_revoke(request: EvidentRequest, uuid: UUID, reviewer: UUID) -> HttpResponse:
    pool = access_pool(request.user, uuid, lead=True)
    member = pool_member_get(pool, reviewer)
    certification = active_certification(member.reviewer, pool)
    if certification is None:
        messages.info(request, f"{member.reviewer.display_name} is not certified for this pool.")
        return redirect("review:pool-detail", uuid=pool.uuid)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            pools.certification_revoke(
                actor=request.user, certification=certification, reason=form.cleaned_data["reason"]
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"{member.reviewer.display_name}’s certification has ended.")
            return redirect("review:pool-detail", uuid=pool.uuid)
    return _render_pool(request, pool, status=422, revoke_form=form, revoking=member.reviewer)


@require_POST
def pool_rules(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    pool = access_pool(request.user, uuid, lead=True)
    form = PoolRulesForm(request.POST)
    if form.is_valid():
        try:
            pools.pool_rules_update(actor=request.user, pool=pool, **form.cleaned_data)
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "The certification rules are saved. They apply to attempts finished from now on.")
            return redirect("review:pool-detail", uuid=pool.uuid)
    return _render_pool(request, pool, status=422, rules_form=form)


@require_POST
def calibration_set_create(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    pool = access_pool(request.user, uuid, lead=True)
    form = CalibrationSetForm(request.POST)
    if form.is_valid():
        try:
            calibration_set = calibration.calibration_set_create(
                actor=request.user, pool=pool, title=form.cleaned_data["title"]
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, "Add the submissions of this set by their codes.")
            return redirect("review:calibration-set-detail", uuid=calibration_set.uuid)
    return _render_pool(request, pool, status=422, set_form=form)


# The calibration set editor (lead reviewers) --------------------------------------------------------------------


def _render_set(
    request: EvidentRequest,
    calibration_set: CalibrationSet,
    code_form: SubmissionCodeForm | None = None,
    status: int = 200,
) -> HttpResponse:
    return render(
        request,
        "review/calibration_set_detail.html",
        {
            "section": "pools",
            "calibration_set": calibration_set,
            "pool": calibration_set.pool,
            "items": selectors_calibration.set_items(calibration_set),
            "taken": calibration_set.attempts.exists(),
            "code_form": code_form or SubmissionCodeForm(),
        },
        status=status,
    )


@require_GET
def calibration_set_detail(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    return _render_set(request, access_calibration_set(request.user, uuid))


@require_http_methods(["GET", "POST"])
def calibration_item_add(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    """Find work by its code (GET), then give every requirement a master level and rationale (POST)."""
    calibration_set = access_calibration_set(request.user, uuid)
    code_form = SubmissionCodeForm(request.POST if request.method == "POST" else request.GET)
    if not code_form.is_valid():
        return _render_set(request, calibration_set, code_form, status=422)
    code = code_form.cleaned_data["code"]
    try:
        submission = calibration.calibration_candidate(calibration_set.pool, code)
    except ValidationError as exc:
        _add_errors(code_form, exc)
        return _render_set(request, calibration_set, code_form, status=422)
    requirements = selectors_calibration.submission_requirements(submission)
    form = MasterScoresForm(request.POST if request.method == "POST" else None, requirements=requirements)
    if request.method == "POST" and form.is_valid():
        try:
            item = calibration.calibration_item_add(
                actor=request.user,
                set=calibration_set,
                submission_code=code,
                master_levels=form.master_levels(),
                rationales=form.rationales(),
            )
        except ValidationError as exc:
            _add_errors(form, exc)
        else:
            messages.success(request, f"{code} is in the set. Check its evidence against your master levels here.")
            position = list(calibration_set.items.values_list("pk", flat=True)).index(item.pk) + 1
            return redirect("review:calibration-item-detail", uuid=calibration_set.uuid, position=position)
    return render(
        request,
        "review/calibration_item_add.html",
        {
            "section": "pools",
            "calibration_set": calibration_set,
            "pool": calibration_set.pool,
            "code": code,
            "rows": form.rows(),
            "form": form,
        },
        status=422 if form.errors else 200,
    )


@require_http_methods(["GET", "POST"])
def calibration_item_detail(request: EvidentRequest, uuid: UUID, position: int) -> HttpResponse:
    """One item's evidence beside its master levels and rationales, which can change until reviewers take the set."""
    calibration_set = access_calibration_set(request.user, uuid)
    item = set_item(calibration_set, position)
    requirements = selectors_calibration.item_with_masters(item)
    if request.method == "POST":
        form = MasterScoresForm(request.POST, requirements=requirements)
        if form.is_valid():
            try:
                calibration.calibration_item_update(
                    actor=request.user, item=item, master_levels=form.master_levels(), rationales=form.rationales()
                )
            except ValidationError as exc:
                _add_errors(form, exc)
            else:
                messages.success(request, f"The master levels of {item.submission.code} are saved.")
                return redirect("review:calibration-set-detail", uuid=calibration_set.uuid)
    else:
        form = MasterScoresForm(initial=MasterScoresForm.initial_for(requirements), requirements=requirements)
    return render(
        request,
        "review/calibration_item_detail.html",
        {
            "section": "pools",
            "calibration_set": calibration_set,
            "pool": calibration_set.pool,
            "item": item,
            "position": position,
            "count": calibration_set.items.count(),
            "rows": form.rows(),
            "form": form,
            "taken": calibration_set.attempts.exists(),
        },
        status=422 if form.errors else 200,
    )


@require_POST
def calibration_item_remove(request: EvidentRequest, uuid: UUID, position: int) -> HttpResponse:
    calibration_set = access_calibration_set(request.user, uuid)
    item = set_item(calibration_set, position)
    try:
        calibration.calibration_item_remove(actor=request.user, item=item)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"{item.submission.code} is out of the set.")
    return redirect("review:calibration-set-detail", uuid=calibration_set.uuid)


@require_POST
def calibration_set_activate(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    calibration_set = access_calibration_set(request.user, uuid)
    try:
        calibration.calibration_set_activate(actor=request.user, set=calibration_set)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, f"Reviewers in {calibration_set.pool.name} now take “{calibration_set.title}”.")
    return redirect("review:calibration-set-detail", uuid=calibration_set.uuid)


# Calibration (reviewers) ----------------------------------------------------------------------------------------


@require_GET
def calibration_list(request: EvidentRequest) -> HttpResponse:
    if not reviewing_organizations(request.user).exists():
        raise PermissionDenied("Calibration is for reviewers.")
    return render(
        request,
        "review/calibration_list.html",
        {"section": "calibration", "pools": selectors_calibration.calibration_overview(request.user)},
    )


@require_POST
def calibration_start(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    pool = access_pool(request.user, uuid)
    try:
        attempt = calibration.calibration_start(actor=request.user, pool=pool)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("review:calibration-list")
    return redirect("review:calibration-attempt", uuid=attempt.uuid)


def _attempt_context(attempt: CalibrationAttempt, position: int | None) -> dict[str, Any]:
    progress = selectors_calibration.attempt_progress(attempt)
    if position is None:
        position = next((p.position for p in progress if not p.done), 1)
    if not 1 <= position <= len(progress):
        raise Http404("No such item.")
    current = progress[position - 1]
    requirements = selectors_calibration.submission_requirements(
        current.item.submission, selectors_calibration.attempt_chosen(attempt, current.item)
    )
    return {
        "section": "calibration",
        "attempt": attempt,
        "pool": attempt.set.pool,
        "progress": progress,
        "current": current,
        "scored": sum(p.scored for p in progress),
        "total": sum(p.total for p in progress),
        "requirements": requirements,
        "next_position": position + 1 if position < len(progress) else None,
        "replaced": not attempt.set.is_active,
    }


@require_GET
def calibration_attempt(request: EvidentRequest, uuid: UUID, position: int | None = None) -> HttpResponse:
    """One item of the attempt: its evidence beside the rubric. No master score is on this page."""
    attempt = access_calibration_attempt(request.user, uuid)
    if attempt.completed_at is not None:
        return redirect("review:calibration-results", uuid=attempt.uuid)
    left = items_left_for(request.user, attempt.set)
    if not left.enough:
        # A conflict arose since they started (a coach share, a new membership): the page says why.
        messages.error(request, left.message)
        return redirect("review:calibration-list")
    context = _attempt_context(attempt, position)
    form = CalibrationScoresForm(requirements=context["requirements"])
    return render(request, "review/calibration_attempt.html", {**context, "rows": form.rows()})


@require_POST
def calibration_score_save(request: EvidentRequest, uuid: UUID, position: int) -> HttpResponse:
    """Save the levels chosen for one item: each radio autosaves (htmx), and the plain button saves them all."""
    attempt = access_calibration_attempt(request.user, uuid)
    context = _attempt_context(attempt, position)
    item = context["current"].item
    form = CalibrationScoresForm(request.POST, requirements=context["requirements"])
    error = ""
    if form.is_valid():
        by_uuid = {str(view.requirement.uuid): view.requirement for view in context["requirements"]}
        try:
            for requirement_uuid, level in form.chosen_levels().items():
                calibration.calibration_score_save(
                    actor=request.user, attempt=attempt, item=item, requirement=by_uuid[requirement_uuid], level=level
                )
        except ValidationError as exc:
            error = " ".join(exc.messages)
    else:
        error = "Not saved: choose one of the rubric's levels."
    if request.htmx:
        context = _attempt_context(attempt, position)
        return render(
            request,
            "review/calibration_attempt.html#saved",
            {**context, "error": error, "oob": True},
            status=422 if error else 200,
        )
    if error:
        messages.error(request, error)
        return redirect("review:calibration-attempt-item", uuid=attempt.uuid, position=position)
    messages.success(request, f"Your levels for {item.submission.code} are saved.")
    target = context["next_position"] if "next" in request.POST and context["next_position"] else position
    return redirect("review:calibration-attempt-item", uuid=attempt.uuid, position=target)


@require_POST
def calibration_finish(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    attempt = access_calibration_attempt(request.user, uuid)
    try:
        attempt = calibration.calibration_finish(actor=request.user, attempt=attempt)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("review:calibration-attempt", uuid=attempt.uuid)
    # The results page says whether they passed.
    return redirect("review:calibration-results", uuid=attempt.uuid)


@require_GET
def calibration_results(request: EvidentRequest, uuid: UUID) -> HttpResponse:
    """A finished attempt: the figures against the pool's rules, and each level beside the master's with why."""
    attempt = access_calibration_attempt(request.user, uuid)
    if attempt.completed_at is None:
        return redirect(reverse("review:calibration-attempt", kwargs={"uuid": attempt.uuid}))
    pool = attempt.set.pool
    return render(
        request,
        "review/calibration_results.html",
        {
            "section": "calibration",
            "attempt": attempt,
            "pool": pool,
            "exact_percent": _percent(attempt.exact_agreement or 0),
            # The stored share is a float: a small tolerance keeps exactly 80% "met" against 0.800.
            "exact_met": (attempt.exact_agreement or 0) + 1e-9 >= float(pool.min_exact_agreement),
            "min_percent": _percent(float(pool.min_exact_agreement)),
            "results": selectors_calibration.attempt_results(attempt),
            "certification": active_certification(request.user, pool) if attempt.passed else None,
        },
    )
