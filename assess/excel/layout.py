"""The report workbook's sheets and columns: one definition for template, export and import.

A column is a registry field (its header comes from the field) or a workbook column of
:mod:`assess.texts.workbook`; either way it has a key (the field id, or the column's name)
that the writer and the reader address it by, so no position and no header is typed twice.
"""

from __future__ import annotations

from dataclasses import dataclass

from assess import fields
from assess.fields import Field
from assess.lang import Lang
from assess.texts import Text, Texts
from assess.texts.workbook import COLUMN, SHEET, SHEET_TITLE, heading


@dataclass(frozen=True)
class Column:
    """A workbook column (``name``: its catalog header) or a registry ``field``'s column."""

    key: str
    width: float
    field: Field | None = None
    name: Text | None = None

    @property
    def text(self) -> Text:
        """The header's catalog entry, looked up when used (a field's header is the registry's)."""
        if self.field is not None:
            return self.field.header
        assert self.name is not None
        return self.name

    def header(self, t: Texts) -> str:
        return heading(t, self.text)

    def render(self, t: Texts) -> str:
        """The header in ``t``'s language: where a message names a column of the layout."""
        return self.header(t)

    def width_in(self, lang: Lang) -> float:
        """English words do not break like Chinese: short label columns are wider in English."""
        return max(self.width, EN_MIN_WIDTH.get(self.key, 0)) if lang is Lang.EN else self.width


@dataclass(frozen=True)
class SheetLayout:
    """A sheet: title in row 1, column headers in ``HEADER_ROW``, data below."""

    key: str
    columns: tuple[Column, ...]
    frozen_cols: int = 0

    def name(self, t: Texts) -> str:
        return t(SHEET[self.key])

    def render(self, t: Texts) -> str:
        """The name in ``t``'s language: where a message names a sheet the workbook lacks."""
        return self.name(t)

    @property
    def names(self) -> tuple[str, str]:
        """The sheet's name in Chinese and in English (how the reader finds it)."""
        return Texts(Lang.ZH)(SHEET[self.key]), Texts(Lang.EN)(SHEET[self.key])

    def title(self, t: Texts) -> str:
        return t(SHEET_TITLE[self.key])

    def headers(self, t: Texts) -> list[str]:
        return [c.header(t) for c in self.columns]

    @property
    def keys(self) -> list[str]:
        return [c.key for c in self.columns]

    def col(self, key: str) -> int:
        """1-based column number of the column ``key`` (a field id or a column name)."""
        return self.keys.index(key) + 1

    def column(self, key: str) -> Column:
        return self.columns[self.col(key) - 1]


TITLE_ROW = 1
HEADER_ROW = 2
FIRST_DATA_ROW = 3

ColumnSpec = tuple[str | Field, float]
EN_MIN_WIDTH: dict[str, float] = {
    "area": 12, "measure": 12, "kind": 9, "applicability": 10, fields.STATUS.id: 10,
    fields.ACTION_PRIORITY.id: 7, fields.ACTION_STATUS.id: 9, "overdue": 8,
    "c3": 11,  # 总览's 类型 column of the top gaps: “requirement” whole
}  # fmt: skip


def _cols(*specs: ColumnSpec) -> tuple[Column, ...]:
    """Columns by workbook column name or registry field; the width given is the sheet's."""
    return tuple(
        Column(s, w, name=COLUMN[s]) if isinstance(s, str) else Column(s.id, w, field=s)
        for s, w in specs
    )


# 总览 has no header row: blocks and tables are laid out by the export; these are widths only.
OVERVIEW = SheetLayout(
    "overview",
    tuple(Column(f"c{n}", w, name=COLUMN["name"]) for n, w in enumerate((20, 30, *[9] * 7), 1)),
)

ITEMS = SheetLayout(
    "items",
    _cols(
        ("number", 4), ("area", 9), ("measure", 9), ("item_id", 6), ("item", 10), ("source", 26),
        ("kind", 5), ("applicability", 8), (fields.STATUS, 7), (fields.EXPLANATION_FIELD, 20),
        (fields.CURRENT, 14), (fields.FIGURES, 12), (fields.EVIDENCE, 18), (fields.GAP, 12),
        (fields.OPPORTUNITY, 12), (fields.ACTION_TEXT, 16), (fields.ACTION_LEAD, 8),
        (fields.ACTION_PARTNERS, 8), (fields.ACTION_DUE, 10.5), (fields.ACTION_PRIORITY, 5),
        (fields.NOTE, 8), (fields.RESPONSIBLE, fields.RESPONSIBLE.width),
    ),
    frozen_cols=5,
)  # fmt: skip

GAPS = SheetLayout(
    "gaps",
    _cols(
        ("number", 5), ("item_id", 7), ("measure", 13), ("item", 14), ("kind", 7),
        (fields.STATUS, 8), (fields.GAP, 27), (fields.ACTION_TEXT, 27), (fields.ACTION_LEAD, 11),
        ("earliest_due", 11), ("highest_priority", 7),
    ),
    frozen_cols=2,
)  # fmt: skip

OPPORTUNITIES = SheetLayout(
    "opportunities",
    _cols(
        ("number", 5), ("item_id", 7), ("measure", 14), ("item", 16), ("kind", 7),
        (fields.STATUS, 8), ("source", 37), ("chance", 32), (fields.ACTION_LEAD, 11),
    ),
    frozen_cols=2,
)  # fmt: skip

ACTIONS = SheetLayout(
    "actions",
    _cols(
        ("number", 5), ("item_id", 7), ("item", 18),
        *((f, f.width) for f in fields.ACTION_FIELDS), ("overdue", 6),
        (fields.ACTION_ID, fields.ACTION_ID.width),
    ),
    frozen_cols=3,
)  # fmt: skip

EVIDENCE = SheetLayout(
    "evidence",
    _cols(*((f, f.width) for f in fields.EVIDENCE_FIELDS), ("cited_by", 24)),
    frozen_cols=2,
)

QUALITY = SheetLayout(
    "quality",
    _cols(("number", 5), ("item_id", 8), ("item", 20), ("problem_kind", 14), ("problem", 60)),
    frozen_cols=2,
)

NOTES = SheetLayout("notes", _cols(("topic", 18), ("notes", 100)))

SHEETS: tuple[SheetLayout, ...] = (
    OVERVIEW, ITEMS, GAPS, OPPORTUNITIES, ACTIONS, EVIDENCE, QUALITY, NOTES,
)  # fmt: skip
