"""Structured (JSON lines) logging for production."""

from __future__ import annotations

import logging
from typing import Any

from pythonjsonlogger.json import JsonFormatter


class EvidentJsonFormatter(JsonFormatter):
    """One JSON object per line with timestamp, level, logger and message."""

    def add_fields(self, log_record: dict[str, Any], record: logging.LogRecord, message_dict: dict[str, Any]) -> None:
        super().add_fields(log_record, record, message_dict)
        log_record.setdefault("level", record.levelname.lower())
        log_record.setdefault("logger", record.name)
