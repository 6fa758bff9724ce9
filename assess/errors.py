"""Errors a user sees: each names the file and the field, and says how to fix it."""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError


class AssessError(Exception):
    """Base for errors shown to the user as a message, never a traceback."""


class LoadError(AssessError):
    """A file could not be loaded; ``field`` is the dotted path of the bad field, if any."""

    def __init__(self, path: Path | str, field: str, message: str) -> None:
        self.path = Path(path)
        self.field = field
        self.message = message
        where = f"{self.path}" + (f" → {field}" if field else "")
        super().__init__(f"{where}: {message}")


class LockedError(AssessError):
    """Another process holds the file open for writing."""


class SaveError(AssessError):
    """A save failed; the file on disk is unchanged."""


_STATUS_HINT = "not_assessed 未评估, done 已落实, in_progress 推进中, not_started 未启动, not_applicable 不适用"
_ACTION_STATUS_HINT = "todo 未开始, doing 进行中, done 已完成"


def describe_validation_error(exc: ValidationError) -> tuple[str, str]:
    """The first error's dotted field path and a bilingual message (more errors counted)."""
    errors = exc.errors()
    first = errors[0]
    field = ".".join(str(part) for part in first["loc"])
    message = first["msg"]
    if first["type"] == "enum" and first["loc"] and first["loc"][-1] == "status":
        hint = _ACTION_STATUS_HINT if "actions" in first["loc"] else _STATUS_HINT
        message += "；可用 / valid: " + hint
    value = first.get("input")
    if first["type"] != "missing" and not isinstance(value, dict | list):
        shown = repr(value)
        if len(shown) > 80:
            shown = shown[:77] + "..."
        message = f"{message} (值 / got {shown})"
    if len(errors) > 1:
        message += f"；另有 {len(errors) - 1} 处错误 / and {len(errors) - 1} more error(s)"
    return field, f"字段无效 / invalid field: {message}"
