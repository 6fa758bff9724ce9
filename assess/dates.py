"""Dates as people type them in Chinese offices: 2026-06-30, 2026/6/30, 2026.6.30, 2026年6月30日."""

from __future__ import annotations

import datetime as dt
import re

_DATE_PARTS = re.compile(r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$")


def parse_date_text(text: str) -> dt.date | None:
    """The date, or None when the text is not one of those forms or not a real day."""
    match = _DATE_PARTS.match(text)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def looks_like_date(text: str) -> bool:
    """The form is right (even if the day does not exist, like 2026-02-30)."""
    return _DATE_PARTS.match(text) is not None
