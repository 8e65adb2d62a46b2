"""Review pages. Each area keeps its routes beside its views."""

from __future__ import annotations

from evident.review.views import urls_calibration, urls_scoring

app_name = "review"

urlpatterns = [*urls_scoring.urlpatterns, *urls_calibration.urlpatterns]
