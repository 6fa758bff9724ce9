"""The report workbook's sheets and columns: one definition for template, export and import."""

from __future__ import annotations

from dataclasses import dataclass

from assess import fields
from assess.fields import Field
from assess.texts import Texts

ZH = Texts()


@dataclass(frozen=True)
class Column:
    header: str
    width: float


@dataclass(frozen=True)
class SheetLayout:
    """A sheet: title in row 1, column headers in ``HEADER_ROW``, data below."""

    name: str
    columns: tuple[Column, ...]
    frozen_cols: int = 0

    @property
    def headers(self) -> list[str]:
        return [c.header for c in self.columns]

    def col(self, header: str) -> int:
        """1-based column number of ``header``."""
        return self.headers.index(header) + 1


TITLE_ROW = 1
HEADER_ROW = 2
FIRST_DATA_ROW = 3


def _cols(*pairs: tuple[str | Field, float]) -> tuple[Column, ...]:
    """Columns by header, or by registry field (its header; the width given is the sheet's)."""
    return tuple(Column(h if isinstance(h, str) else ZH(h.header), w) for h, w in pairs)


# 总览 has no header row: blocks and tables are laid out by the export; these are widths only.
OVERVIEW = SheetLayout("总览", _cols(("", 20), ("", 30), *[("", 9)] * 7))

ITEMS = SheetLayout(
    "逐项对标",
    _cols(
        ("序号", 4), ("领域", 9), ("举措", 9), ("条目编号", 6), ("条目", 10), ("政策原文", 26),
        ("类型", 5), ("适用性", 8), (fields.STATUS, 7), (fields.EXPLANATION_FIELD, 20), (fields.CURRENT, 14),
        (fields.EVIDENCE, 18), (fields.GAP, 12), (fields.OPPORTUNITY, 12), (fields.ACTION_TEXT, 16),
        (fields.ACTION_LEAD, 8), (fields.ACTION_PARTNERS, 8), (fields.ACTION_DUE, 10.5),
        (fields.ACTION_PRIORITY, 5), (fields.NOTE, 8),
    ),
    frozen_cols=5,
)  # fmt: skip

GAPS = SheetLayout(
    "差距清单",
    _cols(
        ("序号", 5), ("条目编号", 7), ("举措", 13), ("条目", 14), ("类型", 7), ("落实状态", 8),
        ("差距", 27), ("下一步举措", 27), ("牵头单位", 11), ("最早时限", 11), ("最高优先级", 7),
    ),
    frozen_cols=2,
)  # fmt: skip

OPPORTUNITIES = SheetLayout(
    "机遇清单",
    _cols(
        ("序号", 5), ("条目编号", 7), ("举措", 14), ("条目", 16), ("类型", 7), ("落实状态", 8),
        ("政策原文", 37), ("可争取的机遇", 32), ("牵头单位", 11),
    ),
    frozen_cols=2,
)  # fmt: skip

ACTIONS = SheetLayout(
    "行动计划",
    _cols(
        ("序号", 5), ("条目编号", 7), ("条目", 18),
        *((f, f.width) for f in fields.ACTION_FIELDS), ("逾期", 6),
    ),
    frozen_cols=3,
)  # fmt: skip

EVIDENCE = SheetLayout(
    "佐证材料",
    _cols(*((f, f.width) for f in fields.EVIDENCE_FIELDS), ("引用条目", 24)),
    frozen_cols=2,
)

QUALITY = SheetLayout(
    "质量检查",
    _cols(("序号", 5), ("条目编号", 8), ("条目", 20), ("问题类型", 14), ("问题说明", 60)),
    frozen_cols=2,
)

NOTES = SheetLayout("说明", _cols(("项目", 18), ("说明", 100)))

SHEETS: tuple[SheetLayout, ...] = (
    OVERVIEW, ITEMS, GAPS, OPPORTUNITIES, ACTIONS, EVIDENCE, QUALITY, NOTES,
)  # fmt: skip

SHEET_TITLES: dict[str, str] = {
    "总览": "对标分析总览",
    "逐项对标": "逐项对标表",
    "差距清单": "差距清单",
    "机遇清单": "机遇清单",
    "行动计划": "行动计划",
    "佐证材料": "佐证材料登记表",
    "质量检查": "质量检查",
    "说明": "填写与评分说明",
}
