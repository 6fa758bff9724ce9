"""The policy sheets' columns: 上级事项, 政策争取, 自定任务 and 推进进度 (issue 12).

Laid out like :mod:`assess.excel.layout`'s sheets (columns keyed by registry field id or
column name, headers from the catalog in both languages), so the writer and the reader
address a column by key and an English workbook reads back like a Chinese one.
"""

from __future__ import annotations

from dataclasses import dataclass

from assess import fields
from assess.excel.layout import Column, ColumnSpec, SheetLayout, _cols
from assess.lang import Lang
from assess.texts import Text, Texts
from assess.texts import policy as words


@dataclass(frozen=True)
class PolicySheet(SheetLayout):
    """A policy sheet: its name and title are the policy's catalog texts; ``former`` names it
    had in older workbooks, which the reader still finds."""

    former: tuple[Text, ...] = ()

    def name(self, t: Texts) -> str:
        return t(words.SHEET[self.key][0])

    @property
    def names(self) -> tuple[str, str]:
        entry = words.SHEET[self.key][0]
        return Texts(Lang.ZH)(entry), Texts(Lang.EN)(entry)

    @property
    def read_names(self) -> tuple[str, ...]:
        """The names the reader looks for: today's first, then the former ones."""
        return (*self.names, *(Texts(lang)(entry) for entry in self.former for lang in Lang))

    def title(self, t: Texts) -> str:
        return t(words.SHEET[self.key][1])


def _policy_cols(*specs: ColumnSpec) -> tuple[Column, ...]:
    """Columns of :mod:`assess.texts.policy` first, then the workbook's and the registry's."""
    return tuple(
        Column(s, w, name=words.COLUMN[s])
        if isinstance(s, str) and s in words.COLUMN
        else _cols((s, w))[0]
        for s, w in specs
    )


REQUESTS = PolicySheet(
    "requests",
    _policy_cols(
        ("number", 4), ("item_id", 7), ("measure", 13), ("item", 15), ("request_status", 8),
        (fields.ASKED_OF, 22), ("request_progress", 28), ("source", 40),
    ),
    frozen_cols=2,
    former=(words.FORMER_REQUESTS_SHEET,),
)  # fmt: skip
CLAIMS = PolicySheet(
    "claims",
    _policy_cols(("item_id", 7), ("item", 16), *((f, f.width) for f in fields.CLAIM_FIELDS)),
    frozen_cols=2,
)
TASKS = PolicySheet(
    "tasks",
    _policy_cols(
        *((f, f.width) for f in fields.TASK_FIELDS), (fields.STATUS, 8), (fields.SCHEDULE, 8),
        (fields.EXPLANATION_FIELD, 20), (fields.EVIDENCE, 14), (fields.ACTIONS, 20),
    ),
    frozen_cols=3,
)  # fmt: skip
PACE = PolicySheet(
    "pace",
    _policy_cols(
        ("number", 5), ("item_id", 7), ("measure", 14), ("item", 18), ("kind", 6),
        (fields.STATUS, 8), (fields.SCHEDULE, 10), ("progress", 40),
    ),
    frozen_cols=2,
)  # fmt: skip
POLICY_SHEETS: tuple[PolicySheet, ...] = (REQUESTS, CLAIMS, TASKS, PACE)
