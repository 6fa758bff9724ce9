"""The catalog of user-facing text: one id → (zh, en), one way to read it.

Every sentence, label, header and key description a user sees is defined once with
:func:`text` in a module of this package and read with :class:`Texts`. Enum members get
their labels by id ``<EnumClass>.<value>`` (see :func:`enum_labels`), so the core's enums
carry no display text of their own.
"""

from __future__ import annotations

import string
from dataclasses import dataclass, field
from enum import Enum
from typing import TypeVar

from assess.lang import Lang

CATALOG: dict[str, Text] = {}
E = TypeVar("E", bound=Enum)


@dataclass(frozen=True, slots=True)
class Text:
    """One catalog entry; ``{name}`` placeholders are filled by :meth:`Texts.__call__`."""

    id: str
    zh: str
    en: str
    # placeholders inside “…” of each template: their own “…” become ‘…’ (nested quotes)
    zh_quoted: frozenset[str] = field(init=False, repr=False, compare=False)
    en_quoted: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "zh_quoted", quoted_params(self.zh))
        object.__setattr__(self, "en_quoted", quoted_params(self.en))

    def params(self) -> set[str]:
        """The placeholder names (the same in both languages; the catalog test checks)."""
        return {f for _, f, _, _ in string.Formatter().parse(self.zh) if f}

    def __str__(self) -> str:  # a Text is never shown unrendered by accident
        raise TypeError(f"render catalog text {self.id!r} with Texts(lang)")


def quoted_params(template: str) -> frozenset[str]:
    """The placeholders that stand between an opening “ and its closing ”."""
    if "“" not in template:
        return frozenset()
    depth, names = 0, set[str]()
    for literal, name, _, _ in string.Formatter().parse(template):
        depth += literal.count("“") - literal.count("”")
        if name and depth > 0:
            names.add(name)
    return frozenset(names)


_NESTED = str.maketrans("“”", "‘’")


def nest_quotes(value: str) -> str:
    """A value placed inside “…”: its own “…” become ‘…’, as mainland documents nest quotes."""
    return value.translate(_NESTED)


def text(id: str, zh: str, en: str) -> Text:
    """Define one entry; an id defined twice is a programming error caught at import."""
    if id in CATALOG:
        raise ValueError(f"catalog id defined twice: {id}")
    entry = Text(id, zh, en)
    CATALOG[id] = entry
    return entry


def enum_labels(enum_name: str, **labels: tuple[str, str]) -> dict[str, Text]:
    """Labels of an enum's members, by member value: ``enum_labels("Status", done=("已落实", "done"))``."""
    return {value: text(f"{enum_name}.{value}", zh, en) for value, (zh, en) in labels.items()}


def enum_text(member: Enum) -> Text:
    """The catalog entry labelling an enum member."""
    return CATALOG[f"{type(member).__name__}.{member.value}"]


@dataclass(frozen=True, slots=True)
class Texts:
    """Reads the catalog in one language: ``t = Texts(lang); t(SAVED)``."""

    lang: Lang = Lang.ZH

    @property
    def en(self) -> bool:
        return self.lang is Lang.EN

    def __call__(self, entry: Text, /, **params: object) -> str:
        english = self.lang is Lang.EN
        template = entry.en if english else entry.zh
        if not params:
            return template
        quoted = entry.en_quoted if english else entry.zh_quoted
        if quoted:
            params = {
                k: nest_quotes(v) if k in quoted and isinstance(v, str) else v
                for k, v in params.items()
            }
        return template.format(**params)

    def label(self, member: Enum) -> str:
        """The label of an enum member (status, kind, region, priority …)."""
        return self(enum_text(member))

    def pick(self, zh: str, en: str) -> str:
        """Choose between a checklist's Chinese text and its English twin (falls back to Chinese)."""
        return (en or zh) if self.lang is Lang.EN else zh

    @property
    def colon(self) -> str:
        return ": " if self.lang is Lang.EN else "："

    @property
    def list_sep(self) -> str:
        return ", " if self.lang is Lang.EN else "、"


def capitalised(words: str) -> str:
    """``words`` starting with a capital: a heading built of labels, which the catalog words
    for use inside sentences (``status``, ``lead unit``); Chinese is unchanged."""
    return words[:1].upper() + words[1:]


def parse_label(enum: type[E], value: str) -> E | None:
    """The member whose stored value or label (either language) is ``value``; None if none."""
    key = value.strip().casefold()
    for member in enum:
        entry = CATALOG.get(f"{enum.__name__}.{member.value}")
        names = {str(member.value).casefold()}
        if entry is not None:
            names |= {entry.zh.casefold(), entry.en.casefold()}
        if key in names:
            return member
    return None
