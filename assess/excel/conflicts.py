"""Conflicts as the office reads them: one line each, naming the file and the workbook's cell.

The merge finds them (``assess.merge``); a line that says only "1.3 差距" leaves the office
searching a returned workbook for it, so each side a workbook took is placed where it was
read (sheet, row, column, as that workbook names and numbers them).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Literal

from assess import fields
from assess.excel.import_report import row_text
from assess.excel.layout import ITEMS, SheetLayout
from assess.excel.policy_layout import CLAIMS, TASKS
from assess.excel.reader import RESPONSIBLE, Place, place
from assess.merge import FIGURE, ROW, Conflict, MergeRefused, Value
from assess.models import Status
from assess.texts import Texts
from assess.texts import departments as dept_texts
from assess.texts.history import EMPTY

if TYPE_CHECKING:
    from assess.excel.intake import Returned

Places = Mapping[tuple[str, Conflict], Place]
"""(workbook name, conflict) → where that workbook holds its side."""


class ConflictsRefused(MergeRefused):
    """MergeRefused, with where each conflict is in the workbooks (``places``)."""

    def __init__(
        self, code: Literal["conflicts", "between"], conflicts: list[Conflict], places: Places
    ) -> None:
        super().__init__(code, conflicts)
        self.places = places


def conflict_places(conflicts: Iterable[Conflict], returned: Iterable[Returned]) -> Places:
    """Each side of each conflict placed in the workbook it came from, where it is known."""
    books = {got.path.name: got for got in returned}
    out: dict[tuple[str, Conflict], Place] = {}
    for c in conflicts:
        for source in (c.source, c.other_source):
            got = books.get(source)
            found = _cell(c, got) if got is not None else None
            if got is not None and found is not None:
                out[(source, c)] = place(got.rows, *found)
    return out


def _cell(c: Conflict, got: Returned) -> tuple[SheetLayout, int, str] | None:
    """(sheet, row, column key) where ``got`` read its side of ``c``."""
    if c.field == RESPONSIBLE and c.item in got.owners:
        return ITEMS, got.owners[c.item][0], RESPONSIBLE
    found = got.where.get((c.row, ROW) if c.row else (c.item, c.field))
    if found is None and c.row:
        found = _policy_row(c.row, got)
    if found is None:
        return None
    sheet, row, key = found
    if c.row and c.field != ROW:  # a field of the row: its own column, as the sheet keys it
        entry = registry_field(c.field, c.row)
        key = entry.id if entry and entry.id in sheet.keys else key
    return sheet, row, key


def _policy_row(row_id: str, got: Returned) -> tuple[SheetLayout, int, str] | None:
    """A zone task's or a claim's row on its own sheet."""
    for task in got.policy.tasks:
        if task.id == row_id:
            return TASKS, task.row, fields.TASK_ID.id
    for claim in got.policy.claims:
        if claim.id == row_id:
            return CLAIMS, claim.row, fields.CLAIM_ID.id
    return None


def conflict_lines(
    conflicts: list[Conflict], t: Texts, *, file_name: str, places: Places | None = None
) -> list[str]:
    """Each conflict on one line in the user's language (values as recorded); ``file_name``
    is the assessment file's, whose value is the other side."""
    placed = places or {}

    def at(source: str, c: Conflict) -> str:
        found = placed.get((source, c))
        return t(dept_texts.CONFLICT_PLACE, place=found.render(t)) if found else ""

    out = []
    for c in conflicts:
        where = " ".join(dict.fromkeys(p for p in (c.item, c.row) if p))  # a task: Z2, once
        name = field_name(c.field, t, c.row)
        row = c.row if c.field == ROW else ""
        values = {k: _value(getattr(c, k), t, row) for k in ("base", "file", "workbook", "other")}
        if c.other_source:
            out.append(t(dept_texts.CONFLICT_BETWEEN, where=where, field=name, source=c.source,
                         workbook=values["workbook"], place=at(c.source, c),
                         other_source=c.other_source, other=values["other"],
                         other_place=at(c.other_source, c)))  # fmt: skip
        else:
            out.append(t(dept_texts.CONFLICT, where=where, field=name, base=values["base"],
                         file_name=file_name, file=values["file"], source=c.source,
                         workbook=values["workbook"], place=at(c.source, c)))  # fmt: skip
    return out


def field_name(name: str, t: Texts, row: str = "") -> str:
    """A merged field's name as the workbook heads its column."""
    if name == ROW:
        return t(fields.ACTIONS.label)
    if name.startswith(FIGURE):
        return f"{t(fields.FIGURES.label)}“{name[len(FIGURE) :]}”"
    entry = registry_field(name, row)
    return t(entry.header) if entry else name


def registry_field(name: str, row: str = "") -> fields.Field | None:
    """The registry's field for a merged name: an action's or a record's field is merged by
    its attribute (``text``), the rest by the registry's ID."""
    kind = fields.ACTION_FIELDS if row.startswith("A") else fields.EVIDENCE_FIELDS
    by_attr = next((f for f in kind if f.attr == name), None) if row else None
    return by_attr or fields.BY_ID.get(name)


def _value(value: Value, t: Texts, row: str = "") -> str:
    """A conflicting value quoted (a whole ``row``: its title and labelled cells); an empty
    one in the history's word for empty."""
    shown_row = row_text(row, value, t) if row and isinstance(value, tuple) and value else None
    if shown_row is not None:
        return shown_row
    if isinstance(value, tuple):
        shown = t.list_sep.join(v for v in value if v)
        return t(dept_texts.QUOTED, value=shown) if shown else t(dept_texts.VALUE_DELETED)
    if not value.strip():
        return t(EMPTY)
    try:
        return t(dept_texts.QUOTED, value=t.label(Status(value)))
    except ValueError:
        text = " ".join(value.split())
        return t(dept_texts.QUOTED, value=text if len(text) <= 40 else text[:39] + "…")
