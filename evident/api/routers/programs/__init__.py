"""Programs: programs and cohorts, cohort rosters and their CSV imports, transcripts and dashboard figures.

The same guards as the pages: an organization's program admins change its own
programs; seeing reaches down the tree (a state's admins read its districts',
a district's its schools'), never sideways or up; a coach reads the cohorts
they coach. Rosters arrive as a multipart upload (field ``file``), are
previewed line by line, then applied all or nothing.
"""

from __future__ import annotations

from ninja import Router

from evident.api.routers.programs import programs, reports, rosters

router = Router(tags=["programs"])
router.add_router("", programs.router)
router.add_router("", rosters.router)
router.add_router("", reports.router)
