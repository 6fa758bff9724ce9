"""Reading a returned report workbook into plain rows, collecting every problem with its cell.

Nothing here touches an assessment: ``read_report`` only parses and checks what can be checked
from the workbook alone (sheets, headers, item IDs, status labels, dates), so the importer can
refuse a bad workbook with the full list of problems before changing anything.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from assess import fields
from assess.checklist import Checklist
from assess.dates import parse_date_text
from assess.errors import Message, Renders
from assess.excel import layout
from assess.excel.copies import COPY_COLUMNS
from assess.excel.layout import SheetLayout
from assess.excel.limits import MAX_COLUMNS, MAX_ROWS, WorkbookRefused, check_workbook_file
from assess.excel.notation import (
    EvidenceLine,
    parse_evidence_line,
    parse_figure_lines,
    split_numbered,
)
from assess.fields import Field, FieldError
from assess.lang import Lang
from assess.models import ActionStatus, Priority, Status
from assess.texts import Text, Texts
from assess.texts import import_problems as words
from assess.texts.departments import BASE_SHEET, COVER_SHEET
from assess.texts.messages import BAD_DATE, BAD_EVIDENCE_ID
from assess.texts.policy import UNKNOWN_ITEM
from assess.texts.workbook import PROFILE

HEADER_SEARCH_ROWS = 6
T = TypeVar("T")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the workbook, located so the user can find and fix it.

    ``sheet`` and ``header`` are as the workbook writes them; where the workbook lacks the
    sheet (or a problem is found after reading) they are catalog text, said in the user's
    language. ``render`` says the whole line in one language.
    """

    sheet: str | Renders
    row: int
    column: int
    header: str | Renders
    message: Message

    def render(self, t: Texts) -> str:
        where = Place(self.sheet, self.row, self.column).render(t)
        header = _said(self.header, t) if self.column else ""
        if header:
            where += t(words.WHERE_HEADER, header=header)
        return t(words.LINE, where=where, message=self.message.render(t))

    def __str__(self) -> str:  # logs and code that has not chosen a language: both
        return f"{self.render(Texts(Lang.ZH))} / {self.render(Texts(Lang.EN))}"


@dataclass(frozen=True)
class Place:
    """A cell (or, column 0, a row) as the workbook names the sheet and numbers the cell."""

    sheet: str | Renders
    row: int
    column: int

    def render(self, t: Texts) -> str:
        where = t(words.WHERE_SHEET, sheet=_said(self.sheet, t))
        if self.row:
            where += t(words.WHERE_ROW, row=self.row)
        if self.column:
            where += t(words.WHERE_COLUMN, column=get_column_letter(self.column))
        return where


def _said(value: str | Renders, t: Texts) -> str:
    return value if isinstance(value, str) else value.render(t)


@dataclass(frozen=True)
class ProblemList:
    """Problems one per line (``book``: the workbook's file name, when several were read),
    the first ``limit`` listed and the rest counted."""

    problems: list[tuple[str, Problem]]
    limit: int = 50

    def render(self, t: Texts) -> str:
        lines = [
            "  - " + (t(words.BOOK_LINE, book=book, problem=p.render(t)) if book else p.render(t))
            for book, p in self.problems[: self.limit]
        ]
        if len(self.problems) > self.limit:
            lines.append(t(words.MORE, count=len(self.problems) - self.limit))
        return "\n".join(lines)


@dataclass
class ItemRow:
    row: int
    item_id: str
    status: Status | None = None
    texts: dict[str, str] = field(default_factory=dict)  # explanation/current/gap/opportunity/note
    figures: dict[str, str] = field(default_factory=dict)  # indicator name → value
    evidence: list[EvidenceLine] = field(default_factory=list)
    action_text: str | None = None  # the 下一步举措 cell, as written
    actions: list[ActionRow] = field(default_factory=list)  # read from the 下一步举措… columns
    title: str | None = None  # the 条目 beside the ID: checked, so swapped IDs are caught
    responsible: str | None = None  # the 责任部门 cell
    copies: dict[str, str] = field(default_factory=dict)  # 领域, 举措, 政策原文, 类型: never read


@dataclass
class ActionRow:
    row: int
    item_id: str
    text: str | None
    lead: str | None = None
    partners: str | None = None
    due: dt.date | None = None
    priority: Priority | None = None
    status: ActionStatus | None = None
    id: str | None = None  # the 编号 (A1…); None: a new action
    title: str | None = None


@dataclass
class EvidenceRow:
    row: int
    id: str | None
    title: str | None
    ref: str | None
    date: dt.date | None
    cited_by: tuple[str, ...] | None = None
    """A new record's 引用条目: the items to cite it (a recorded one's cell is only shown)."""


@dataclass
class ReportRows:
    """Everything read from a workbook; empty cells are simply absent."""

    path: Path
    items: list[ItemRow] = field(default_factory=list)
    actions: list[ActionRow] = field(default_factory=list)
    evidence: list[EvidenceRow] = field(default_factory=list)
    profile: dict[str, str] = field(default_factory=dict)
    """总览's profile block by key: a field id (``zone.name``, ``period`` …) or a PROFILE key."""
    problems: list[Problem] = field(default_factory=list)
    sheets: dict[str, SheetFound] = field(default_factory=dict)
    """Layout key → where its columns are, to locate problems found after reading."""
    raw: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    """``cover`` and ``base``: those sheets' cell values, read by ``assess.excel.intake``."""


@dataclass(frozen=True)
class SheetFound:
    """A sheet as found in this workbook: its name and its columns by key."""

    name: str
    columns: dict[str, int]
    headers: dict[str, str]

    def problem(self, row: int, key: str, message: Message) -> Problem:
        return Problem(self.name, row, self.columns.get(key, 0), self.headers.get(key, ""), message)


ITEM_ID, ITEM_TITLE = "item_id", "item"
RESPONSIBLE, ACTION_ID = fields.RESPONSIBLE.id, fields.ACTION_ID.id
STATUS, EVIDENCE, FIGURES = fields.STATUS.id, fields.EVIDENCE.id, fields.FIGURES.id
TEXT, LEAD, PARTNERS, DUE, PRIORITY, ACTION_STATUS = (f.id for f in fields.ACTION_FIELDS)
EVIDENCE_ID, EVIDENCE_TITLE, EVIDENCE_REF, EVIDENCE_DATE = (f.id for f in fields.EVIDENCE_FIELDS)
ITEM_TEXT_COLUMNS = tuple(f.id for f in fields.TEXT_FIELDS)
ITEM_REQUIRED = (ITEM_ID, STATUS, *ITEM_TEXT_COLUMNS, EVIDENCE)
ACTION_REQUIRED = (ITEM_ID, TEXT, LEAD, PARTNERS, DUE, PRIORITY, ACTION_STATUS)
EVIDENCE_REQUIRED = (EVIDENCE_ID, EVIDENCE_TITLE, EVIDENCE_REF, EVIDENCE_DATE)
CITED_BY = "cited_by"
_ID_SEPARATORS = re.compile(r"[、,，;；\s]+")


def both(entry: Text, **params: object) -> tuple[str, str]:
    """A text in Chinese and in English: how a problem names a column, how one is found."""
    return Texts(Lang.ZH)(entry, **params), Texts(Lang.EN)(entry, **params)


def sheet_of(rows: ReportRows, sheet: SheetLayout) -> str | SheetLayout:
    """The sheet's name as this workbook has it; the layout (said in the user's language) when
    the workbook lacks it."""
    found = rows.sheets.get(sheet.key)
    return found.name if found else _as_its_neighbours(sheet, _found_names(rows))


def _found_names(rows: ReportRows) -> dict[str, str | None]:
    return {key: found.name for key, found in rows.sheets.items()}


def place(rows: ReportRows, sheet: SheetLayout, row: int, key: str) -> Place:
    """The sheet's column ``key`` at ``row``, as this workbook names and places it."""
    found = rows.sheets.get(sheet.key)
    if found is not None:
        return Place(found.name, row, found.columns.get(key, 0))
    column = sheet.col(key) if key in sheet.keys else 0
    return Place(_as_its_neighbours(sheet, _found_names(rows)), row, column)


def located(rows: ReportRows, sheet: SheetLayout, row: int, key: str, message: Message) -> Problem:
    """A problem at the sheet's column ``key``, as this workbook names and places it (the
    exported layout's place when the workbook's header row was not read)."""
    found = rows.sheets.get(sheet.key)
    if found is not None:
        return found.problem(row, key, message)
    column = sheet.col(key) if key in sheet.keys else 0
    named = _as_its_neighbours(sheet, _found_names(rows))
    return Problem(named, row, column, sheet.column(key) if column else "", message)


def unknown_evidence(rows: ReportRows, evidence_id: str) -> Message:
    """An item's 佐证材料 cell cites an ID the register does not have."""
    register = sheet_of(rows, layout.EVIDENCE)
    return Message(words.UNKNOWN_EVIDENCE, {"id": evidence_id, "register": register})


def action_edits_ignored(rows: ReportRows, row: int, item_id: str) -> Message:
    """The note: 逐项对标's 下一步举措 cell was edited where 行动计划 decides the actions."""
    return Message(
        words.ACTION_EDITS_IGNORED,
        {"items": sheet_of(rows, layout.ITEMS), "row": row, "item": item_id,
         "actions": sheet_of(rows, layout.ACTIONS)},
    )  # fmt: skip


def _profile_keys() -> dict[str, str]:
    """总览 label (either language, case-folded) → profile key."""
    labels = {f.id: f.header for f in fields.ASSESSMENT_FIELDS} | dict(PROFILE)
    return {name.casefold(): key for key, entry in labels.items() for name in both(entry)}


class ErrorValue(str):
    """A cell showing a formula error (#REF!, #NAME?…): reported, never imported as text."""


class FormulaValue(str):
    """A formula no spreadsheet has computed (its text, ``=…``; a script wrote it): nobody
    has seen what it shows, so it is reported, never read as an empty cell that clears."""


def cell_text(value: Any) -> str | None:
    """A cell as text; None when empty or only whitespace (an empty cell never overwrites)."""
    if value is None or isinstance(value, ErrorValue | FormulaValue):
        return None
    if isinstance(value, dt.datetime):
        text = value.date().isoformat()
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    return text if text.strip() else None


class Sheet:
    """One sheet's data rows, addressed by column key; headers are found in either language."""

    def __init__(
        self, rows: ReportRows, sheet: SheetLayout, name: str, rows_data: list[tuple[Any, ...]]
    ) -> None:
        self.out = rows
        self.layout = sheet
        self.name = name
        self.data = rows_data
        self.header_row = 0
        self.columns: dict[str, int] = {}
        self.found: dict[str, str] = {}  # key → the header as written in this workbook
        self.read_headers: tuple[str, ...] = ()

    def find_headers(self, required: tuple[str, ...], also: tuple[str, ...] = ()) -> bool:
        """Locate the header row; ``also`` names optional columns that are read too."""
        keys = {
            header.casefold(): column.key
            for column in self.layout.columns
            for header in both(column.text)
        }
        for index, values in enumerate(self.data[:HEADER_SEARCH_ROWS], start=1):
            headers = {
                keys[str(v).strip().casefold()]: (col, str(v).strip())
                for col, v in reversed(list(enumerate(values, 1)))
                if v is not None and str(v).strip().casefold() in keys
            }
            if required[0] in headers:
                self.header_row = index
                self.columns = {key: col for key, (col, _) in headers.items()}
                self.found = {key: text for key, (_, text) in headers.items()}
                self.out.sheets[self.layout.key] = SheetFound(self.name, self.columns, self.found)
                self.read_headers = (*required, *also)
                missing = [key for key in required if key not in headers]
                for key in missing:
                    column = self.layout.column(key).text
                    self.problem(index, 0, Message(words.MISSING_COLUMN, {"column": column}))
                return not missing
        column = self.layout.column(required[0]).text
        self.problem(layout.HEADER_ROW, 0, Message(words.NO_HEADER_ROW, {"column": column}))
        return False

    def rows(self) -> Iterator[tuple[int, tuple[Any, ...]]]:
        for offset, values in enumerate(self.data[self.header_row :], start=1):
            if any(cell_text(v) is not None for v in values):
                self._report_errors(self.header_row + offset, values)
                yield self.header_row + offset, values

    def _report_errors(self, row: int, values: tuple[Any, ...]) -> None:
        for key in self.read_headers:
            value = self.get(values, key)
            if isinstance(value, FormulaValue):
                shown = value if len(value) <= 40 else value[:39] + "…"
                self.cell_problem(row, key, Message(words.FORMULA, {"formula": shown}))
            elif isinstance(value, ErrorValue):
                self.cell_problem(row, key, Message(words.FORMULA_ERROR, {"value": str(value)}))

    def get(self, values: tuple[Any, ...], key: str) -> Any:
        col = self.columns.get(key)
        if col is None or col > len(values):
            return None
        return values[col - 1]

    def text(self, values: tuple[Any, ...], key: str) -> str | None:
        return cell_text(self.get(values, key))

    def problem(self, row: int, col: int, message: Message, header: str = "") -> None:
        self.out.problems.append(Problem(self.name, row, col, header, message))

    def cell_problem(self, row: int, key: str, message: Message) -> None:
        self.problem(row, self.columns.get(key, 0), message, self.found.get(key, ""))

    def date(self, row: int, values: tuple[Any, ...], key: str) -> dt.date | None:
        value = self.get(values, key)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        text = cell_text(value)
        if text is None:
            return None
        parsed = parse_date_text(text)
        if parsed is None:
            self.cell_problem(row, key, Message(BAD_DATE, {"value": text.strip()}))
        return parsed


def read_report(path: Path, checklist: Checklist, *, with_profile: bool = False) -> ReportRows:
    """Parse a report workbook; problems are collected in ``ReportRows.problems``."""
    path = Path(path)
    check_workbook_file(path)
    out = ReportRows(path)
    sheets = _read_sheets(path)
    required = [layout.ITEMS, layout.ACTIONS] + ([layout.OVERVIEW] if with_profile else [])
    found = {sheet.key: _sheet_name(sheets, sheet) for sheet in layout.SHEETS}
    for sheet in required:
        if found[sheet.key] is None:
            missing = _as_its_neighbours(sheet, found)
            message = Message(words.MISSING_SHEET, {"sheet": missing})
            out.problems.append(Problem(missing, 0, 0, "", message))
    for sheet, read in (
        (layout.ITEMS, _read_items),
        (layout.ACTIONS, _read_actions),
        (layout.EVIDENCE, _read_evidence),
    ):
        name = found[sheet.key]
        if name is not None:
            read(Sheet(out, sheet, name, sheets[name]), checklist)
    for part, entry in (("cover", COVER_SHEET), ("base", BASE_SHEET)):
        sheet_name = next((name for name in both(entry) if name in sheets), None)
        if sheet_name is not None:
            out.raw[part] = sheets[sheet_name]
    overview = found[layout.OVERVIEW.key]
    if overview is not None:
        keys = _profile_keys()
        for values in sheets[overview][:40]:
            label, value = (cell_text(v) for v in (*values, None, None)[:2])
            key = keys.get(label.strip().casefold()) if label else None
            if key and value:
                out.profile.setdefault(key, value.strip())
    return out


def _sheet_name(sheets: dict[str, Any], sheet: SheetLayout) -> str | None:
    """The workbook's name of ``sheet``, in whichever language it was written."""
    return next((name for name in sheet.names if name in sheets), None)


def _as_its_neighbours(sheet: SheetLayout, found: dict[str, str | None]) -> str | SheetLayout:
    """A missing sheet named in the language of the workbook's other sheets (a Chinese
    workbook lacks 行动计划, whatever language the user reads); the layout (said in the
    user's language) when none was found."""
    by_key = {s.key: s for s in layout.SHEETS}
    for key, name in found.items():
        if key in by_key and name in by_key[key].names:
            return sheet.names[by_key[key].names.index(name)]
    return sheet


def _read_sheets(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every sheet's cell values; any parse failure becomes one clear message."""
    return sheet_values(path)


def sheet_values(path: Path, names: set[str] | None = None) -> dict[str, list[tuple[Any, ...]]]:
    """The cell values of the sheets ``names`` (None: all): a formula as the result it shows
    (:class:`ErrorValue` for an error), :class:`FormulaValue` if no spreadsheet saved one; any
    parse failure becomes one clear message."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. "extension not supported" from WPS files
            data = _load(path, names, data_only=False)
            formulas = {(n, r, c) for n, rows in data.items() for r, row in enumerate(rows)
                        for c, v in enumerate(row) if isinstance(v, FormulaValue)}  # fmt: skip
            if formulas:  # what each shows: the result Excel/WPS saved is what the user saw
                shown = _load(path, {n for n, _, _ in formulas}, data_only=True)
                for n, r, c in formulas:
                    row = data[n][r]
                    cached = shown[n][r][c] if r < len(shown[n]) and c < len(shown[n][r]) else None
                    if cached is not None:  # "": it computed to an empty text (=IF(…,"",…))
                        data[n][r] = (*row[:c], cached, *row[c + 1 :])
            return data
    except Exception as exc:  # openpyxl and the XML parser raise many kinds on bad files
        reason = f"{type(exc).__name__}: {exc}"
        raise WorkbookRefused(words.CANNOT_READ_BOOK, path=path, reason=reason) from None


def _load(
    path: Path, names: set[str] | None, *, data_only: bool
) -> dict[str, list[tuple[Any, ...]]]:
    wb = load_workbook(path, read_only=True, data_only=data_only)
    try:
        return {name: _values(wb, name) for name in wb.sheetnames if names is None or name in names}
    finally:
        wb.close()


def _values(wb: Workbook, name: str) -> list[tuple[Any, ...]]:
    ws = wb[name]
    reset = getattr(ws, "reset_dimensions", None)
    if reset is not None:
        reset()
    return [
        tuple(_marked(c.value, c.data_type, wb.data_only) for c in row)
        for row in ws.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS)
    ]


def _marked(value: Any, data_type: str | None, computed: bool = False) -> Any:
    if computed and value is None and data_type == "str":
        return ""  # a formula's result saved as an empty text: the filler saw a blank cell
    if data_type == "e":
        return ErrorValue(value)
    if data_type == "f":
        return FormulaValue(getattr(value, "text", None) or value)  # an array formula's text
    return value


def _item_id(sheet: Sheet, row: int, values: tuple[Any, ...], checklist: Checklist) -> str | None:
    raw = sheet.text(values, ITEM_ID)
    if raw is None:
        sheet.cell_problem(row, ITEM_ID, Message(words.ITEM_ID_EMPTY))
        return None
    item_id = raw.strip()
    if item_id not in checklist.item_index:
        sheet.cell_problem(row, ITEM_ID, Message(UNKNOWN_ITEM, {"id": item_id}))
        return None
    return item_id


def _read_items(sheet: Sheet, checklist: Checklist) -> None:
    if not sheet.find_headers(ITEM_REQUIRED, also=(FIGURES, ITEM_TITLE, RESPONSIBLE,
                                                 *ACTION_REQUIRED[1:])):  # fmt: skip
        return
    seen: dict[str, int] = {}
    for row, values in sheet.rows():
        item_id = _item_id(sheet, row, values, checklist)
        if item_id is None:
            continue
        if item_id in seen:
            message = Message(words.DUPLICATE_ITEM, {"id": item_id, "first": seen[item_id]})
            sheet.cell_problem(row, ITEM_ID, message)
            continue
        seen[item_id] = row
        item = ItemRow(row, item_id)
        item.title = sheet.text(values, ITEM_TITLE)
        item.responsible = sheet.text(values, RESPONSIBLE)
        for key in COPY_COLUMNS:  # compared on import: an edit there is said, not taken
            copy = sheet.text(values, key)
            if copy is not None:
                item.copies[key] = copy
        item.status = _choice(sheet, row, values, STATUS, fields.STATUS)
        for name in ITEM_TEXT_COLUMNS:
            text = sheet.text(values, name)
            if text is not None:
                item.texts[name] = text
        figures = sheet.text(values, FIGURES)
        if figures is not None:
            item.figures = parse_figure_lines(checklist.item_index[item_id], figures)
        evidence = sheet.text(values, EVIDENCE)
        if evidence is not None:
            item.evidence = [parse_evidence_line(x) for x in evidence.split("\n") if x.strip()]
        item.action_text = sheet.text(values, TEXT)
        if item.action_text is not None:
            item.actions = _item_actions(sheet, row, values, item_id, item.action_text)
        sheet.out.items.append(item)


def _item_actions(
    sheet: Sheet, row: int, values: tuple[Any, ...], item_id: str, text: str
) -> list[ActionRow]:
    """Actions typed into 逐项对标's 下一步举措… columns: line k of each column is action k."""

    def lines(key: str) -> list[str | None]:
        cell = sheet.text(values, key)
        return [x if x.strip() else None for x in split_numbered(cell)] if cell else []

    texts = lines(TEXT)
    due_value = sheet.get(values, DUE)
    dues: list[dt.date | None]
    if isinstance(due_value, dt.datetime | dt.date):
        dues = [sheet.date(row, values, DUE)]
    else:
        dues = []
        for line in lines(DUE):
            date = parse_date_text(line) if line else None
            if line and date is None:
                sheet.cell_problem(row, DUE, Message(BAD_DATE, {"value": line.strip()}))
            dues.append(date)
    out = []
    for index, action_text in enumerate(texts):
        if action_text is None:
            continue
        action = ActionRow(
            row,
            item_id,
            action_text,
            _nth(lines(LEAD), index),
            _nth(lines(PARTNERS), index),
            _nth(dues, index),
        )
        label = _nth(lines(PRIORITY), index)
        if label is not None:
            try:
                action.priority = fields.ACTION_PRIORITY.from_cell(label)
            except FieldError as exc:
                sheet.cell_problem(row, PRIORITY, exc.body)
        out.append(action)
    return out


def _nth(values: list[T | None], index: int) -> T | None:
    return values[index] if index < len(values) else None


def _read_actions(sheet: Sheet, checklist: Checklist) -> None:
    if not sheet.find_headers(ACTION_REQUIRED, also=(ACTION_ID, ITEM_TITLE)):
        return
    for row, values in sheet.rows():
        action_cols = ACTION_REQUIRED[1:]
        if all(sheet.text(values, h) is None for h in action_cols):
            continue  # e.g. a row with only 条目编号 or 序号 left behind
        item_id = _item_id(sheet, row, values, checklist)
        text = sheet.text(values, TEXT)
        action = ActionRow(
            row,
            item_id or "",
            text,
            sheet.text(values, LEAD),
            sheet.text(values, PARTNERS),
            sheet.date(row, values, DUE),
        )
        action.priority = _choice(sheet, row, values, PRIORITY, fields.ACTION_PRIORITY)
        action.status = _choice(sheet, row, values, ACTION_STATUS, fields.ACTION_STATUS)
        action_id = sheet.text(values, ACTION_ID)
        action.id = action_id.strip() if action_id else None
        action.title = sheet.text(values, ITEM_TITLE)
        if text is None:
            sheet.cell_problem(row, TEXT, Message(words.ACTION_TEXT_EMPTY))
        elif item_id is not None:
            sheet.out.actions.append(action)


def _choice(sheet: Sheet, row: int, values: tuple[Any, ...], key: str, field: Field) -> Any:
    try:
        return field.from_cell(sheet.text(values, key))
    except FieldError as exc:
        sheet.cell_problem(row, key, exc.body)
        return None


def _read_evidence(sheet: Sheet, checklist: Checklist) -> None:
    if not sheet.find_headers(EVIDENCE_REQUIRED, also=(CITED_BY,)):
        return
    for row, values in sheet.rows():
        record_id = sheet.text(values, EVIDENCE_ID)
        record = EvidenceRow(
            row,
            record_id.strip() if record_id else None,
            sheet.text(values, EVIDENCE_TITLE),
            sheet.text(values, EVIDENCE_REF),
            sheet.date(row, values, EVIDENCE_DATE),
            None if record_id else _cited_by(sheet, row, values, checklist),
        )
        if record.id is not None and not _is_evidence_id(record.id):
            message = Message(BAD_EVIDENCE_ID, {"value": record.id})
            sheet.cell_problem(row, EVIDENCE_ID, message)
            continue
        if record.id is None and record.title is None:
            sheet.cell_problem(row, EVIDENCE_TITLE, Message(words.EVIDENCE_NEEDS_TITLE))
            continue
        sheet.out.evidence.append(record)


def _cited_by(
    sheet: Sheet, row: int, values: tuple[Any, ...], checklist: Checklist
) -> tuple[str, ...]:
    """The 引用条目 cell (1.3、2.1 as exported; commas, semicolons and spaces also separate)."""
    ids = tuple(dict.fromkeys(_ID_SEPARATORS.sub(" ", sheet.text(values, CITED_BY) or "").split()))
    unknown = [i for i in ids if i not in checklist.item_index]
    if unknown:
        sheet.cell_problem(row, CITED_BY, Message(UNKNOWN_ITEM, {"id": unknown[0]}))
        return ()
    return ids


def _is_evidence_id(text: str) -> bool:
    return len(text) > 1 and text[0] == "E" and text[1:].isdigit()
