"""Errors a user sees: each names the file and the field, and says how to fix it.

An error carries a catalog entry and its parameters, not a finished sentence, so each adapter
renders it in its user's language (``exc.render(Texts(lang))``). ``str(exc)`` is both
languages, Chinese first, for logs and for code that has not chosen a language.
"""

from __future__ import annotations

import errno
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from assess.lang import Lang
from assess.texts import errors as texts
from assess.texts.catalog import Text, Texts

if TYPE_CHECKING:  # only described here: pydantic loads with the models, not with a message
    from pydantic import ValidationError


@dataclass(frozen=True)
class Message:
    """A catalog entry with its parameters, rendered late; a parameter may itself be a Message."""

    entry: Text | str
    params: Mapping[str, object] = field(default_factory=dict)

    def render(self, t: Texts) -> str:
        if isinstance(self.entry, str):  # a sentence made before the catalog (kept as given)
            return self.entry
        return t(self.entry, **{k: _rendered(v, t) for k, v in self.params.items()})

    def both(self) -> str:
        """Chinese, then English (one sentence if both are the same)."""
        zh, en = self.render(Texts(Lang.ZH)), self.render(Texts(Lang.EN))
        return zh if zh == en else f"{zh} / {en}"


@runtime_checkable
class Renders(Protocol):
    """Anything that can say itself in a language: a Message, an error, a list of problems."""

    def render(self, t: Texts) -> str: ...


def _rendered(value: object, t: Texts) -> object:
    if isinstance(value, Renders):
        return value.render(t)
    if isinstance(value, Text):
        return t(value)
    return value


class AssessError(Exception):
    """Base for errors shown to the user as a message, never a traceback.

    ``AssessError(ENTRY, path=…, **params)``; a plain string is still accepted from code that
    has not moved its sentences to the catalog.
    """

    def __init__(
        self, message: Text | str | Message, /, *, path: Path | str | None = None, **params: Any
    ) -> None:
        self.body = message if isinstance(message, Message) else Message(message, params)
        self.path = None if path is None else Path(path)
        super().__init__(self._where(self.body.both()))

    def _where(self, body: str) -> str:
        return body if self.path is None else f"{self.path}: {body}"

    def render(self, t: Texts) -> str:
        """The whole message in one language: ``FILE: what is wrong; how to fix it``."""
        return self._where(self.body.render(t))


class LoadError(AssessError):
    """A file could not be loaded; ``field`` is the dotted path of the bad field, if any."""

    path: Path

    def __init__(
        self, path: Path | str, field: str, message: Text | str | Message, /, **params: Any
    ) -> None:
        self.field = field
        super().__init__(message, path=path, **params)

    def _where(self, body: str) -> str:
        return f"{self.path}" + (f" → {self.field}" if self.field else "") + f": {body}"

    @property
    def message(self) -> str:
        """What is wrong with the file, both languages, without the file's name."""
        return self.body.both()


class LockedError(AssessError):
    """Another process holds the file open for writing."""


_OS_REASONS: dict[int, Text] = {
    errno.EROFS: texts.OS_READ_ONLY,
    errno.EACCES: texts.OS_NO_PERMISSION,
    errno.EPERM: texts.OS_NO_PERMISSION,
    errno.ENOSPC: texts.OS_DISK_FULL,
    errno.EDQUOT: texts.OS_DISK_FULL,
    errno.ENOENT: texts.OS_NOT_FOUND,
    errno.EISDIR: texts.OS_IS_FOLDER,
}


def os_reason(exc: OSError) -> Text | str:
    """Why the system refused, in the user's language for the common cases (read-only folder,
    no permission, disk full …); the system's own words, in English, for the rest."""
    entry = _OS_REASONS.get(exc.errno or 0)
    return entry if entry is not None else (exc.strerror or str(exc))


class SaveError(AssessError):
    """A save failed; the file on disk is unchanged."""


class TextValueError(ValueError):
    """A model validator's refusal as a catalog entry, so the loader can render it per language."""

    def __init__(self, entry: Text, /, **params: object) -> None:
        self.body = Message(entry, params)
        super().__init__(self.body.both())


_KNOWN_TYPES = {
    "missing": texts.FIELD_MISSING,
    "string_type": texts.FIELD_NOT_TEXT,
    "string_too_short": texts.FIELD_EMPTY,
    "int_type": texts.FIELD_NOT_INTEGER,
    "int_parsing": texts.FIELD_NOT_INTEGER,
    "float_type": texts.FIELD_NOT_NUMBER,
    "float_parsing": texts.FIELD_NOT_NUMBER,
    "bool_type": texts.FIELD_NOT_BOOL,
    "bool_parsing": texts.FIELD_NOT_BOOL,
    "list_type": texts.FIELD_NOT_LIST,
    "tuple_type": texts.FIELD_NOT_LIST,
    "dict_type": texts.FIELD_NOT_OBJECT,
    "model_type": texts.FIELD_NOT_OBJECT,
    "model_attributes_type": texts.FIELD_NOT_OBJECT,
    "date_type": texts.FIELD_NOT_DATE,
    "date_parsing": texts.FIELD_NOT_DATE,
    "date_from_datetime_parsing": texts.FIELD_NOT_DATE,
    "date_from_datetime_inexact": texts.FIELD_NOT_DATE,
    "datetime_type": texts.FIELD_NOT_DATETIME,
    "datetime_parsing": texts.FIELD_NOT_DATETIME,
    "datetime_from_date_parsing": texts.FIELD_NOT_DATETIME,
    "string_pattern_mismatch": texts.FIELD_PATTERN,
    "greater_than": texts.FIELD_TOO_SMALL,
    "extra_forbidden": texts.FIELD_UNKNOWN,
}
_STATUS_HINT = "not_assessed 未评估, done 已落实, in_progress 推进中, not_started 未启动, not_applicable 不适用"
_ACTION_STATUS_HINT = "todo 未开始, doing 进行中, done 已完成"


def describe_validation_error(exc: ValidationError) -> tuple[str, Message]:
    """The first error's dotted field path and what is wrong with it (more errors counted).

    Pydantic's own sentence is English; the common error types have catalog entries, and a
    refusal from one of our validators (``TextValueError``) keeps its entry.
    """
    errors = exc.errors()
    first = errors[0]
    loc = first["loc"]
    field_path = ".".join(str(part) for part in loc)
    kind = first["type"]
    ctx = first.get("ctx") or {}
    problem: Message
    if kind == "value_error" and isinstance(ctx.get("error"), TextValueError):
        problem = ctx["error"].body
    elif kind == "value_error":
        problem = Message(texts.FIELD_REFUSED, {"reason": str(ctx.get("error", first["msg"]))})
    elif kind == "enum" and loc and loc[-1] == "status":
        hint = _ACTION_STATUS_HINT if "actions" in loc else _STATUS_HINT
        problem = Message(texts.FIELD_NOT_CHOICE, {"valid": hint})
    elif kind in ("enum", "literal_error"):
        problem = Message(texts.FIELD_NOT_CHOICE, {"valid": ctx.get("expected", "")})
    elif kind in _KNOWN_TYPES:
        problem = Message(_KNOWN_TYPES[kind], {k: str(v) for k, v in ctx.items()})
    else:
        problem = Message(texts.FIELD_OTHER, {"detail": first["msg"]})
    value = first.get("input")
    got: Message | str = ""
    if kind != "missing" and not isinstance(value, dict | list):
        shown = repr(value)
        got = Message(texts.GOT, {"value": shown if len(shown) <= 80 else shown[:77] + "..."})
    more: Message | str = Message(texts.MORE_ERRORS, {"count": len(errors) - 1})
    if len(errors) == 1:
        more = ""
    return field_path, Message(texts.INVALID_FIELD, {"problem": problem, "got": got, "more": more})
