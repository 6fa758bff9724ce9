"""How the history's stored values read: labels for codes, titles for evidence records."""

from __future__ import annotations

import json

from assess.models import Status
from assess.texts.catalog import Texts, parse_label
from assess.texts.labels import NO, YES

FLAG_FIELDS = {"zone.border", "zone.hub", "zone.foreign_talent"}


def history_value(field: str, value: str, t: Texts) -> str:
    """A ``Change.old``/``new`` as shown; values from older files (labels) are shown as-is."""
    if field == "status":
        status = parse_label(Status, value) if value else None
        return value if status is None else t.label(status)
    if field in FLAG_FIELDS and value in ("true", "false"):
        return t(YES if value == "true" else NO)
    if field.startswith("evidence.") and value.startswith("{"):
        try:
            record = json.loads(value)
        except json.JSONDecodeError:
            return value
        parts = (record.get(k) for k in ("title", "ref", "date"))
        return " ".join(str(p) for p in parts if p)
    return value
