from __future__ import annotations

from django.urls import path

from evident.earning.views import coaching, files, retention, work

app_name = "earning"

urlpatterns = [
    path("my/micro-credentials/", work.enrollment_list, name="enrollment-list"),
    path("earning/start/<uuid:uuid>/", work.enrollment_start, name="enrollment-start"),
    path("earning/enrollments/<uuid:uuid>/", work.enrollment_detail, name="enrollment-detail"),
    path("earning/enrollments/<uuid:uuid>/withdraw/", work.enrollment_withdraw, name="enrollment-withdraw"),
    path("earning/enrollments/<uuid:uuid>/share/", work.enrollment_share, name="enrollment-share"),
    path(
        "earning/submissions/<uuid:uuid>/requirements/<uuid:requirement>/",
        work.evidence_save,
        name="evidence-save",
    ),
    path(
        "earning/submissions/<uuid:uuid>/requirements/<uuid:requirement>/files/",
        work.evidence_files,
        name="evidence-files",
    ),
    path("earning/submissions/<uuid:uuid>/submit/", work.submission_submit, name="submission-submit"),
    path("earning/submissions/<uuid:uuid>/withdraw/", work.submission_withdraw, name="submission-withdraw"),
    path("earning/files/<uuid:uuid>/remove/", work.evidence_file_remove, name="evidence-file-remove"),
    path("earning/files/<uuid:uuid>/<str:variant>", files.evidence_file, name="evidence-file"),
    path("coaching/", coaching.shared_list, name="coaching-list"),
    path("coaching/<uuid:uuid>/", coaching.shared_detail, name="coaching-detail"),
    path("coaching/<uuid:uuid>/comments/", coaching.comment_add, name="coaching-comment"),
    path("earning/organizations/<uuid:organization_uuid>/retention/", retention.retention_edit, name="retention-edit"),
]
