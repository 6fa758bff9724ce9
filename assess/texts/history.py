"""How the history's stored values read: labels for codes, titles for evidence records."""

from __future__ import annotations

import json

from assess.states import ClaimStatus, ReviewState, Schedule, Status
from assess.texts.catalog import Texts, parse_label, text
from assess.texts.labels import NO, YES
from assess.texts.review import STATE

EMPTY = text("history.empty", "（空）", "(empty)")
"""An empty old or new value: one word in undo notices, import lists and conflicts."""

FLAG_FIELDS = {"zone.border", "zone.hub", "zone.foreign_talent"}
_CHOICES: dict[str, type[ClaimStatus] | type[Schedule]] = {
    "status": ClaimStatus,
    "schedule": Schedule,
}
"""Coded values shown by label: a claim's status (``claims.C1.status``) and 达进度/欠进度."""


def history_value(field: str, value: str, t: Texts) -> str:
    """A ``Change.old``/``new`` as shown; values from older files (labels) are shown as-is."""
    if field == "status":
        status = parse_label(Status, value) if value else None
        return value if status is None else t.label(status)
    choice = _CHOICES.get(field.rpartition(".")[2] if field.startswith("claims.") else field)
    if choice is not None and value:
        try:
            return t.label(choice(value))
        except ValueError:
            return value
    if field in FLAG_FIELDS and value in ("true", "false"):
        return t(YES if value == "true" else NO)
    if field == "review" and value.startswith("{"):
        return _review_value(value, t)
    if field.startswith("evidence.") and value.startswith("{"):
        try:
            record = json.loads(value)
        except json.JSONDecodeError:
            return value
        parts = (record.get(k) for k in ("title", "ref", "date"))
        return " ".join(str(p) for p in parts if p)
    return value


def _review_value(value: str, t: Texts) -> str:
    """A stored sign-off step as 已审核（张三 2026-06-30：同意）."""
    try:
        step = json.loads(value)
        state = ReviewState(step["state"])
    except (json.JSONDecodeError, KeyError, ValueError, TypeError):
        return value
    parts = (str(step.get("who") or ""), str(step.get("at") or "")[:10])
    details = " ".join(p for p in parts if p)
    opinion = step.get("opinion") or ""
    inside = f"{details}{t.colon}{opinion}" if opinion else details
    label = t(STATE[state.value])
    return f"{label}（{inside}）" if inside else label
