"""Figures for the dashboards: a flattened fact per enrolment (:mod:`.facts`) and the numbers read off it (:mod:`.figures`)."""
