from __future__ import annotations

from django.urls import path

from evident.programs.views import credit, dashboard, growth, programs, roster, transcripts

app_name = "programs"

urlpatterns = [
    # Program admins.
    path("", programs.program_list, name="program-list"),
    path("orgs/<uuid:organization_uuid>/new/", programs.program_create, name="program-create"),
    path("<uuid:uuid>/", programs.program_detail, name="program-detail"),
    path("<uuid:uuid>/edit/", programs.program_edit, name="program-edit"),
    path("<uuid:uuid>/status/", programs.program_status, name="program-status"),
    path("<uuid:uuid>/incentives.csv", programs.program_incentives_csv, name="program-incentives"),
    path("<uuid:uuid>/members/<uuid:member_uuid>/", programs.member_edit, name="member-edit"),
    path("<uuid:uuid>/cohorts/new/", programs.cohort_create, name="cohort-create"),
    path("cohorts/<uuid:uuid>/", programs.cohort_detail, name="cohort-detail"),
    path("cohorts/<uuid:uuid>/edit/", programs.cohort_edit, name="cohort-edit"),
    path("cohorts/<uuid:uuid>/coaches/", programs.cohort_coaches, name="cohort-coaches"),
    path("cohorts/<uuid:uuid>/members/", programs.member_add, name="member-add"),
    path("<uuid:uuid>/roster/", roster.roster_upload, name="roster-upload"),
    path("rosters/<uuid:uuid>/", roster.roster_preview, name="roster-preview"),
    path("rosters/<uuid:uuid>/rejected.csv", roster.roster_rejected_csv, name="roster-rejected"),
    # Dashboards: an organization's (a state's rolls up its districts) and a program's; ?csv=<figure> downloads one.
    path("orgs/<uuid:organization_uuid>/dashboard/", dashboard.organization_dashboard, name="organization-dashboard"),
    path("<uuid:uuid>/dashboard/", dashboard.program_dashboard, name="program-dashboard"),
    # Credit rules of an organization.
    path("orgs/<uuid:organization_uuid>/credit-rules/", credit.rule_list, name="credit-rules"),
    path("orgs/<uuid:organization_uuid>/credit-rules/new/", credit.rule_edit, name="credit-rule-create"),
    path("orgs/<uuid:organization_uuid>/credit-rules/<uuid:uuid>/", credit.rule_edit, name="credit-rule-edit"),
    # Transcripts: exports for HR and licensure offices.
    path(
        "orgs/<uuid:organization_uuid>/transcripts.<str:fmt>",
        transcripts.organization_transcripts,
        name="organization-transcripts",
    ),
    path("cohorts/<uuid:uuid>/transcripts.<str:fmt>", transcripts.cohort_transcripts, name="cohort-transcripts"),
    # Growth plans and career roles.
    path("plans/", growth.plan_list, name="plan-list"),
    path("plans/new/", growth.plan_create, name="plan-create"),
    path("plans/<uuid:uuid>/", growth.plan_detail, name="plan-detail"),
    path("plans/<uuid:uuid>/goals/new/", growth.goal_create, name="goal-create"),
    path("goals/<uuid:uuid>/", growth.goal_detail, name="goal-detail"),
    path("roles/", growth.career_roles, name="career-roles"),
    path("orgs/<uuid:organization_uuid>/roles/", growth.role_qualifiers, name="role-qualifiers"),
    # Educators.
    path("mine/", programs.my_programs, name="my-programs"),
    path("transcript/", transcripts.my_transcript, name="my-transcript"),
    path("transcript.<str:fmt>", transcripts.my_transcript_download, name="my-transcript-download"),
]
