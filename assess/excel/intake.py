"""Taking in returned workbooks: read each, check its scope, merge all three ways, apply at once.

The office sends each department its part and goes on working; what comes back must neither
revert the office's newer edits nor touch another department's items. So each workbook is
read into a :class:`~assess.merge.Snapshot` beside the base it carries (``导出基准``), cells
shown as exported count as untouched, and :func:`~assess.merge.merge_many` decides field by
field. Anything a workbook may not do (a row that is not its own, an ID beside the wrong
title, an action moved to another item, a partner's edit) is refused with its sheet, row and
column, and nothing at all is written: all workbooks or none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assess import fields
from assess.checklist import Checklist, item_sort_key
from assess.departments import responsible
from assess.editing import Editor
from assess.errors import AssessError, Message
from assess.excel import layout
from assess.excel.base_sheet import ExportBase, read_base
from assess.excel.cells import clean_text
from assess.excel.conflicts import ConflictsRefused, Places, conflict_places, field_name
from assess.excel.copies import edited_copies
from assess.excel.cover import CoverInfo, read_cover
from assess.excel.layout import SheetLayout
from assess.excel.notation import numbered_lines, split_figures, strip_unit
from assess.excel.policy_intake import (
    PolicyPlan,
    apply_policy,
    as_text,
    field_id,
    plan_policy,
)
from assess.excel.policy_layout import PACE, REQUESTS
from assess.excel.policy_reader import PolicyRows, read_policy_sheets
from assess.excel.reader import (
    ACTION_ID,
    CITED_BY,
    ITEM_ID,
    RESPONSIBLE,
    ActionRow,
    EvidenceRow,
    ItemRow,
    Problem,
    ProblemList,
    ReportRows,
    action_edits_ignored,
    both,
    located,
    read_report,
    sheet_of,
    unknown_evidence,
)
from assess.excel.responsible import parse_responsible, responsible_cell
from assess.merge import (
    FIGURE,
    ROW,
    Conflict,
    MergePlan,
    MergeRefused,
    Prefer,
    Row,
    Snapshot,
    Value,
    Workbook,
    apply,
    merge_many,
    who_of,
)
from assess.models import (
    Assessment,
    Change,
    Evidence,
    ItemRecord,
    Responsibility,
    ReviewState,
    Status,
)
from assess.review import changes_since_review
from assess.texts import Text, Texts
from assess.texts import departments as dept_texts
from assess.texts import import_problems as words
from assess.texts import review as review_words
from assess.texts.workbook import WHOLE_SCOPE

MAX_LISTED = 50
ITEMS, ACTIONS, EVIDENCE = layout.ITEMS, layout.ACTIONS, layout.EVIDENCE


class WorkbookInvalid(AssessError):
    """The workbook has problems; nothing was changed."""

    def __init__(self, path: Path, problems: list[Problem]) -> None:
        self.problems = problems
        lines = ProblemList([("", p) for p in problems], MAX_LISTED)
        super().__init__(words.REFUSED, path=path, count=len(problems), lines=lines)


class IntakeInvalid(WorkbookInvalid):
    """Problems in any of the returned workbooks (each named); nothing was imported."""

    def __init__(self, located: list[tuple[Path, Problem]]) -> None:
        self.located = located
        self.problems = [p for _, p in located]
        books = {path for path, _ in located}
        if len(books) == 1:  # one workbook: its path leads, as WorkbookInvalid's does
            lines = ProblemList([("", p) for p in self.problems], MAX_LISTED)
            AssessError.__init__(
                self, words.REFUSED, path=books.pop(), count=len(located), lines=lines
            )
            return
        lines = ProblemList([(path.name, p) for path, p in located], MAX_LISTED)
        AssessError.__init__(self, words.REFUSED_MANY, count=len(located), lines=lines)


@dataclass
class Returned:
    """One workbook as read: its rows, its base and cover, and what it asks the merge."""

    path: Path
    rows: ReportRows
    base: ExportBase | None
    cover: CoverInfo
    theirs: Snapshot = field(default_factory=Snapshot)
    owners: dict[str, tuple[int, Responsibility | None]] = field(default_factory=dict)
    """Item → (row, owners) where the 责任部门 cell was changed (office workbooks only)."""
    notes: list[Message] = field(default_factory=list)
    policy: PolicyRows = field(default_factory=PolicyRows)
    where: dict[tuple[str, str], tuple[SheetLayout, int, str]] = field(default_factory=dict)
    """(owner, field) → (sheet, row, column key): where a value was read, to locate a refusal."""

    @property
    def department(self) -> str:
        return (self.base.department if self.base else "") or self.cover.department

    def problem(self, sheet: SheetLayout, row: int, key: str, message: Message) -> None:
        self.rows.problems.append(self.locate(sheet, row, key, message))

    def locate(self, sheet: SheetLayout, row: int, key: str, message: Message) -> Problem:
        """A problem at the sheet's column ``key`` as this workbook names and places it."""
        return located(self.rows, sheet, row, key, message)


@dataclass
class Intake:
    """The result of taking in workbooks: the merged assessment (not yet saved) and its story."""

    assessment: Assessment
    plan: MergePlan
    returned: list[Returned]
    notes: list[Message] = field(default_factory=list)
    start: int = 0
    places: Places = field(default_factory=dict)
    """Where each conflict's sides are in the workbooks (``conflicts.conflict_places``)."""

    @property
    def changes(self) -> list[Change]:
        return self.assessment.history[self.start :]


def read_returned(path: Path, checklist: Checklist, current: Assessment) -> Returned:
    """Read one workbook against the file; problems are collected in ``rows.problems``."""
    rows = read_report(path, checklist)
    cover = read_cover(rows.raw.get("cover", []))
    base: ExportBase | None = None
    if "base" in rows.raw:
        try:
            base = read_base(rows.raw["base"])
        except ValueError as exc:
            message = Message(dept_texts.BASE_DAMAGED, {"reason": str(exc)[:80]})
            rows.problems.append(Problem(Message(dept_texts.BASE_SHEET), 0, 0, "", message))
    got = Returned(Path(path), rows, base, cover, policy=read_policy_sheets(path, checklist, rows))
    _same_assessment(got, current)
    _Reader(got, checklist, current).run()
    return got


def _same_assessment(got: Returned, current: Assessment) -> None:
    """Refuse a workbook exported from another zone's or another period's assessment."""
    for entry, expected in ((fields.ZONE_NAME, current.zone.name), (fields.PERIOD, current.period)):
        found = got.rows.profile.get(entry.id)
        if found is not None and found != expected.strip():
            message = Message(
                words.OTHER_ASSESSMENT,
                {"label": entry.header, "found": found, "expected": expected},
            )
            got.rows.problems.append(
                Problem(sheet_of(got.rows, layout.OVERVIEW), 0, 0, Message(entry.header), message)
            )


def _as_row(evidence: Evidence) -> tuple[str, str, str]:
    return evidence.title, evidence.ref, evidence.date.isoformat() if evidence.date else ""


def _shown(value: str) -> str:
    """A stored text as a cell shows it and the reader reads it back."""
    return _lines(clean_text(value)).strip()


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _keep(theirs: str, base: str | None) -> str:
    """The base's own value when the cell still shows it: a cell left alone is no change."""
    if base is not None and _shown(base) == _lines(theirs).strip():
        return base
    return _lines(theirs)


class _Reader:
    """Fills ``Returned.theirs`` from the rows, checking each row belongs to the workbook."""

    def __init__(self, got: Returned, checklist: Checklist, current: Assessment) -> None:
        self.got = got
        self.checklist = checklist
        self.current = current
        self.base = got.base.snapshot if got.base else None
        self.exported = self.base.exported_items() if self.base else None
        self.new_keys = 0
        self.cited_by: list[tuple[str, EvidenceRow]] = []
        """New register rows (by key or the matching record's ID) naming the items citing them."""

    def run(self) -> None:
        evidence_keys = self._register()
        planned = self._actions()
        for item in self.got.rows.items:
            if self._own_row(ITEMS, item.row, item.item_id, item.title):
                self._item(item, evidence_keys, planned)
        self._cite_new_evidence()
        if self._partial():
            self._drop_uncited()
        self._policy_fields()

    def _policy_fields(self) -> None:
        """争取对象 and 达进度/欠进度 from their sheets: item fields, merged like the rest."""
        policy = self.got.policy
        for key, layout_of, values in (
            (fields.ASKED_OF.id, REQUESTS, dict(policy.asked_of)),
            (
                fields.SCHEDULE.id,
                PACE,
                {i: s.value if s else "" for i, s in policy.schedule.items()},
            ),
        ):
            for item_id, value in values.items():
                self.got.theirs.fields[(item_id, key)] = value
                self.got.where[(item_id, key)] = (
                    layout_of,
                    policy.rows.get((item_id, key), 0),
                    key,
                )

    def _partial(self) -> bool:
        """A department's or some measures' workbook: its register lists only what it cites."""
        scope = self.got.rows.profile.get("scope")
        whole = both(WHOLE_SCOPE, count=len(self.checklist.measures))
        return self.got.base is not None and (
            self.got.base.scope is not None or (scope is not None and scope not in whole)
        )

    def _drop_uncited(self) -> None:
        """A department's register lists what its items cite: an uncited new row is not its."""
        theirs = self.got.theirs
        cited = {e for (_, name), v in theirs.fields.items() if name == "evidence" for e in v}
        for key in [k for k in theirs.new_evidence if k not in cited]:
            _sheet, row, _header = self.got.where.get((key, ROW), (EVIDENCE, 0, ""))
            title = theirs.new_evidence.pop(key).get("title", "")
            self.got.notes.append(
                Message(dept_texts.EVIDENCE_UNCITED, {"row": row, "title": title})
            )

    def _own_row(self, sheet: SheetLayout, row: int, item_id: str, title: str | None) -> bool:
        """The row's ID is the workbook's and the title beside it is that item's."""
        got = self.got
        item = self.checklist.item_index[item_id]
        expected = item.title
        if title is not None and title.strip() not in {_shown(item.title), _shown(item.title_en)}:
            got.problem(
                sheet, row, ITEM_ID,
                Message(dept_texts.TITLE_MISMATCH,
                        {"item": item_id, "title": title.strip(), "expected": expected}),
            )  # fmt: skip
            return False
        if self.exported is not None and item_id not in self.exported:
            department = got.department or dept_texts.INTAKE_NOBODY
            got.problem(
                sheet,
                row,
                ITEM_ID,
                Message(dept_texts.NOT_OWN_ITEM, {"item": item_id, "department": department}),
            )
            return False
        return True

    def _was(self, item_id: str, name: str) -> Value | None:
        return None if self.base is None else self.base.fields.get((item_id, name))

    def _put(self, item: ItemRow, name: str, value: Value, key: str) -> None:
        self.got.theirs.fields[(item.item_id, name)] = value
        self.got.where[(item.item_id, name)] = (ITEMS, item.row, key)

    def _item(self, item: ItemRow, evidence_keys: dict[tuple[str, str, str], str],
              planned: set[str]) -> None:  # fmt: skip
        two_way = self.base is None
        iid = item.item_id
        status = item.status  # an empty status cell is no change: 未评估 is offered to say so
        if two_way and status is Status.NOT_ASSESSED:
            if self._file(iid).status is not Status.NOT_ASSESSED:
                self.got.notes.append(
                    Message(dept_texts.NOT_ASSESSED_TWO_WAY, {"row": item.row, "item": iid})
                )
        elif status is not None:
            self._put(item, "status", status.value, fields.STATUS.id)
        for name in (f.id for f in fields.TEXT_FIELDS):
            raw = item.texts.get(name, "")
            if name == "current":  # an earlier version's workbook kept figures in 现状
                raw, legacy = split_figures(raw)
                self._figures(item, legacy | item.figures)
            if two_way and not raw.strip():
                continue
            was = self._was(iid, name)
            self._put(item, name, _keep(raw, was if isinstance(was, str) else None), name)
        cited = self._citations(item, evidence_keys)
        if cited or not two_way:
            self._put(item, "evidence", cited, fields.EVIDENCE.id)
        self._typed_actions(item, planned)
        self._owners(item)
        self._copies(item)

    def _copies(self, item: ItemRow) -> None:
        """A copy column edited (the sheet unprotected) is not taken: say so, not silently. A
        workbook of another checklist version copied other words: nothing to compare."""
        version = self.got.rows.profile.get("checklist_version")
        if version not in (None, self.checklist.version):
            return
        edited = edited_copies(self.checklist, self.checklist.item_index[item.item_id], item.copies)
        if edited:
            found = self.got.rows.sheets[ITEMS.key].headers
            columns = tuple(found.get(key, key) for key in edited)
            self.got.notes.append(
                Message(words.COPY_EDIT_IGNORED, {
                    "items": sheet_of(self.got.rows, ITEMS), "row": item.row,
                    "item": item.item_id, "columns": Listed(columns, words.COPY_EDIT_IGNORED),
                    "note": found.get(fields.NOTE.id, fields.NOTE.header),
                })
            )  # fmt: skip

    def _file(self, item_id: str) -> ItemRecord:
        return self.current.items.get(item_id) or ItemRecord()

    def _figures(self, item: ItemRow, figures: dict[str, str]) -> None:
        """The 相关指标 cell (values read without their unit); a figure shown as exported is kept."""
        units = {i.name: i.unit for i in self.checklist.item_index[item.item_id].indicators}
        names = dict.fromkeys(figures)
        if self.base is not None:
            names.update(
                dict.fromkeys(
                    n[len(FIGURE) :]
                    for (i, n) in self.base.fields
                    if i == item.item_id and n.startswith(FIGURE)
                )
            )
        for name in names:
            value = figures.get(name, "")
            if self.base is None and not value.strip():
                continue
            was = self._was(item.item_id, FIGURE + name)
            if isinstance(was, str) and _shown(strip_unit(was, units.get(name, ""))) == value:
                value = was
            self._put(item, FIGURE + name, _keep(value, was if isinstance(was, str) else None),
                      fields.FIGURES.id)  # fmt: skip

    def _citations(self, item: ItemRow, keys: dict[tuple[str, str, str], str]) -> tuple[str, ...]:
        out: list[str] = []
        known = {e.id for e in self.current.evidence}
        base_rows = self.base.evidence if self.base else {}
        for line in item.evidence:
            if line.id is not None:
                if line.id not in known and line.id not in base_rows:
                    message = unknown_evidence(self.got.rows, line.id)
                    self.got.problem(ITEMS, item.row, fields.EVIDENCE.id, message)
                    continue
                out.append(line.id)
                continue
            date = line.date.isoformat() if line.date else ""
            same = (line.title, line.ref, date)
            match = next(
                (e.id for e in self.current.evidence
                 if (e.title, e.ref, e.date.isoformat() if e.date else "") == same),
                None,
            )  # fmt: skip
            if match is not None:
                self.got.theirs.shown_evidence.add(match)
            else:
                match = keys.get(same)
            if match is None:
                match = self._new_key()
                keys[same] = match
                self.got.theirs.new_evidence[match] = {
                    "title": line.title, "ref": line.ref, "date": date,
                }  # fmt: skip
            out.append(match)
        return tuple(dict.fromkeys(out))

    def _new_key(self) -> str:
        self.new_keys += 1
        return f"new:{self.got.path.name}:{self.new_keys}"

    def _register(self) -> dict[tuple[str, str, str], str]:
        """The 佐证材料 sheet: rows with an ID edit their record, rows without one are new."""
        keys: dict[tuple[str, str, str], str] = {}
        seen: dict[str, int] = {}
        base_rows = self.base.evidence if self.base else None
        known = {e.id for e in self.current.evidence}
        for row in self.got.rows.evidence:
            date = row.date.isoformat() if row.date else ""
            if row.id is None:
                values = {"title": row.title or "", "ref": row.ref or "", "date": date}
                same = (values["title"], values["ref"], date)
                recorded = next((e.id for e in self.current.evidence if _as_row(e) == same), None)
                key = recorded or keys.get(same) or self._new_key()
                keys[same] = key
                if recorded is None:
                    self.got.theirs.new_evidence[key] = values
                    self.got.where[(key, ROW)] = (EVIDENCE, row.row, fields.EVIDENCE_TITLE.id)
                else:  # registered before (e.g. this workbook imported twice)
                    self.got.theirs.shown_evidence.add(recorded)
                if row.cited_by:
                    self.cited_by.append((key, row))
                continue
            if row.id in seen:
                self.got.problem(
                    EVIDENCE,
                    row.row,
                    fields.EVIDENCE_ID.id,
                    Message(dept_texts.DUPLICATE_ROW_ID, {"row": row.id, "first": seen[row.id]}),
                )
                continue  # fmt: skip
            seen[row.id] = row.row
            if row.id not in known and self._outside(row.id):
                register = sheet_of(self.got.rows, EVIDENCE)
                self.got.notes.append(
                    Message(
                        words.EVIDENCE_NOT_CITED,
                        {"register": register, "row": row.row, "what": row.id},
                    )
                )
                continue
            if row.id not in known and (base_rows is None or row.id not in base_rows):
                self.got.problem(EVIDENCE, row.row, fields.EVIDENCE_ID.id,
                                 Message(dept_texts.UNKNOWN_ROW, {"row": row.id}))  # fmt: skip
                continue
            if base_rows is not None and row.id not in base_rows:
                continue  # a known record this workbook was not sent: cited, never edited here
            was = (base_rows or {}).get(row.id)
            theirs: Row = {}
            for name, value in (("title", row.title), ("ref", row.ref), ("date", date)):
                if base_rows is None and not value:
                    continue
                theirs[name] = _keep(value or "", None if was is None else was.get(name))
            if base_rows is not None and not theirs.get("title"):
                theirs["title"] = (was or {}).get("title", "")
            self.got.theirs.evidence[row.id] = theirs
            self.got.where[(row.id, ROW)] = (EVIDENCE, row.row, fields.EVIDENCE_ID.id)
        return keys

    def _cite_new_evidence(self) -> None:
        """A new register row's 引用条目: those items cite it, if this workbook may change them."""
        theirs, base = self.got.theirs, self.base
        scope = self.got.base.scope if self.got.base else None
        for key, row in self.cited_by:
            for iid in row.cited_by or ():
                allowed = self.exported is None or iid in self.exported
                if not allowed or (scope is not None and iid not in scope):
                    lead = responsible(self.checklist, self.current, iid)
                    message = Message(
                        dept_texts.EVIDENCE_CITES_OTHER,
                        {"item": iid, "lead": lead.lead if lead else dept_texts.INTAKE_NOBODY},
                    )
                    self.got.problem(EVIDENCE, row.row, CITED_BY, message)
                    continue
                was = base.fields.get((iid, "evidence")) if base else None
                if was is None:  # no base, or the item's row is not in the workbook
                    was = tuple(self._file(iid).evidence)
                cited = theirs.fields.get((iid, "evidence"), was)
                if key not in cited:
                    theirs.fields[(iid, "evidence")] = (*cited, key)
                    self.got.where.setdefault((iid, "evidence"), (EVIDENCE, row.row, CITED_BY))

    def _outside(self, evidence_id: str) -> bool:
        """An unknown ID in a department's register that none of its items cites."""
        if not self._partial():
            return False
        return not any(line.id == evidence_id for i in self.got.rows.items for line in i.evidence)

    def _actions(self) -> set[str]:
        """The 行动计划 sheet by ID; return the items it has rows for."""
        seen: dict[str, int] = {}
        planned: set[str] = set()
        base_rows = self.base.actions if self.base else None
        owner_now = {a.id: i for i, r in self.current.items.items() for a in r.actions}
        matched: set[str] = set()
        for row in self.got.rows.actions:
            if not self._own_row(ACTIONS, row.row, row.item_id, row.title):
                continue
            planned.add(row.item_id)
            action_id = row.id or (self._same_text(row, matched) if base_rows is None else None)
            if action_id is None:
                self.got.theirs.new_actions.append(self._row(row, None))
                self.got.where[(row.item_id, ROW)] = (ACTIONS, row.row, ITEM_ID)
                continue
            if action_id in seen:
                self.got.problem(
                    ACTIONS,
                    row.row,
                    ACTION_ID,
                    Message(
                        dept_texts.DUPLICATE_ROW_ID, {"row": action_id, "first": seen[action_id]}
                    ),
                )
                continue  # fmt: skip
            seen[action_id] = row.row
            matched.add(action_id)
            was = None if base_rows is None else base_rows.get(action_id)
            owner = was["item"] if was is not None else owner_now.get(action_id)
            if owner is None or (base_rows is not None and was is None):
                self.got.problem(
                    ACTIONS, row.row, ACTION_ID, Message(dept_texts.UNKNOWN_ROW, {"row": action_id})
                )
                continue  # fmt: skip
            if owner != row.item_id:
                message = Message(
                    dept_texts.ACTION_MOVED,
                    {"action": action_id, "owner": owner, "item": row.item_id},
                )
                self.got.problem(ACTIONS, row.row, ITEM_ID, message)
                continue
            self.got.theirs.actions[action_id] = self._row(row, was)
            self.got.where[(action_id, ROW)] = (ACTIONS, row.row, ACTION_ID)
        return planned

    def _same_text(self, row: ActionRow, taken: set[str]) -> str | None:
        """Without a base (an older workbook has no 编号): the item's action with this text."""
        for action in self._file(row.item_id).actions:
            if action.id not in taken and _shown(action.text) == _lines(row.text or "").strip():
                return action.id
        return None

    def _row(self, row: ActionRow, was: Row | None) -> Row:
        """An action row as the merge compares it; empty choice cells keep what was exported."""
        out: Row = {"item": row.item_id}
        two_way = self.base is None
        for name, value in (("text", row.text), ("lead", row.lead), ("partners", row.partners)):
            if two_way and not value:
                continue
            out[name] = _keep(value or "", None if was is None else was.get(name))
        if row.due is not None or not two_way:
            out["due"] = row.due.isoformat() if row.due else ""
        for name, choice in (("priority", row.priority), ("status", row.status)):
            if choice is not None:
                out[name] = choice.value
            elif was is not None:
                out[name] = was[name]
        return out

    def _typed_actions(self, item: ItemRow, planned: set[str]) -> None:
        """Actions typed into 逐项对标 count for an item that has none; 行动计划 wins otherwise."""
        if item.action_text is None:
            return
        iid = item.item_id
        had = (
            [r["text"] for r in self.base.actions.values() if r["item"] == iid]
            if self.base is not None
            else [a.text for a in self._file(iid).actions]
        )
        if not had and iid not in planned:
            for typed in item.actions:
                values = self._row(typed, None)
                values.setdefault("due", "")
                self.got.theirs.new_actions.append(values)
                self.got.where[(iid, ROW)] = (ITEMS, item.row, ITEM_ID)
            return
        if had and _shown(numbered_lines(had)) != _lines(item.action_text).strip():
            self.got.notes.append(action_edits_ignored(self.got.rows, item.row, iid))

    def _owners(self, item: ItemRow) -> None:
        """The 责任部门 cell: the office may reassign an item; a department may not."""
        iid = item.item_id
        typed = item.responsible or ""
        now = responsible_cell(responsible(self.checklist, self.current, iid))
        was = self.got.base.responsible.get(iid) if self.got.base else None
        shown = parse_responsible(typed)  # as parsed: the cell reads 配合： or partners:
        if was is None:
            if not typed.strip() or parse_responsible(now) == shown:
                return
        elif parse_responsible(was) == shown:
            return
        if self.got.base is not None and self.got.base.scope is not None:
            self.got.problem(
                ITEMS, item.row, RESPONSIBLE, Message(dept_texts.RESPONSIBLE_CHANGED, {"item": iid})
            )
            return  # fmt: skip
        lead, partners = parse_responsible(typed)
        unknown = [n for n in [lead, *partners] if n and n not in self.current.departments]
        if unknown:
            message = _bad_responsible(typed, unknown[0], self.current.departments)
            self.got.problem(ITEMS, item.row, RESPONSIBLE, message)
            return
        if partners and not lead:
            self.got.problem(
                ITEMS, item.row, RESPONSIBLE, Message(dept_texts.NO_LEAD, {"value": typed})
            )
            return
        owners = Responsibility(lead=lead, partners=partners) if lead else None
        measure = self.checklist.measure_of[iid]
        if owners == self.current.responsibility.get(str(measure.number)):
            owners = None  # as its measure: the item needs no entry of its own
        self.got.owners[iid] = (item.row, owners)


def _workbook(got: Returned, who: str | None) -> Workbook:
    filler = who_of(got.cover.filler, got.department)
    return Workbook(
        got.path.name,
        got.base.snapshot if got.base else None,
        got.theirs,
        got.base.scope if got.base else None,
        who if who is not None else filler,
        got.base.export_id if got.base else "",
    )


def intake(
    paths: list[Path],
    checklist: Checklist,
    current: Assessment,
    *,
    who: str | None = None,
    prefer: Prefer | None = None,
) -> Intake:
    """Merge every workbook into a copy of ``current``; raise IntakeInvalid or MergeRefused,
    writing nothing, when any workbook is refused or a conflict has no side chosen."""
    names = [Path(p).name for p in paths]
    if len(set(names)) < len(names):
        raise AssessError(words.SAME_NAME)
    returned = [read_returned(Path(p), checklist, current) for p in paths]
    # rows with a problem were skipped: the merge still finds what the other rows may not do,
    # so one refusal lists every problem
    refused = [(r.path, p) for r in returned for p in r.rows.problems]
    if any(p.message.entry is words.MISSING_SHEET for _, p in refused):
        # a sheet gone (renamed, deleted) is not its rows deleted: merging would refuse each
        # row the department "removed" from another's item, for nothing it did
        raise IntakeInvalid(_in_order(refused, returned))
    plan = merge_many(current, [_workbook(r, who) for r in returned])
    by_name = {r.path.name: r for r in returned}
    notes = [n for r in returned for n in r.notes]
    notes += [Message(dept_texts.NO_BASE, {"source": s}) for s in plan.two_way]
    notes += _reassigned_since(returned, plan, checklist, current)
    notes += [
        Message(dept_texts.ROW_NOT_RESTORED, {"source": r.source, "row": r.key,
                "text": " ".join(r.values.get("text", r.values.get("title", "")).split())})
        for r in plan.not_restored
    ]  # fmt: skip
    for out in plan.out_of_scope:
        got = by_name[out.source]
        if out.reason == "cited_elsewhere":
            notes.append(
                Message(
                    dept_texts.OUT_OF_SCOPE[out.reason], {"source": out.source, "where": out.row}
                )
            )
            continue
        sheet, row, key = got.where.get((out.row or out.item, out.field if not out.row else ROW),
                                        (ITEMS, 0, ""))  # fmt: skip
        lead = responsible(checklist, current, out.item)
        message = (
            Message(dept_texts.PARTNER_ITEM, {"item": out.item, "lead": lead.lead if lead else "",
                                              "field": FieldName(out.field)})
            if out.reason == "not_in_scope"
            else Message(dept_texts.OUT_OF_SCOPE[out.reason],
                         {"source": out.source, "where": out.row or out.item})
        )  # fmt: skip
        refused.append((got.path, got.locate(sheet, row, key, message)))
    policy = _plan_policy(returned, checklist, current)
    refused += [
        (got.path, p) for got, pp in zip(returned, policy, strict=True) for p in pp.problems
    ]
    if refused:
        raise IntakeInvalid(_in_order(refused, returned))
    notes += [n for pp in policy for n in pp.notes]
    plan.conflicts += [c for pp in policy for c, _ in pp.conflicts]
    owner_conflicts = _owner_conflicts(returned, checklist, current)
    if owner_conflicts and prefer is None:
        plan.conflicts += owner_conflicts
    places = conflict_places(plan.conflicts, returned)
    try:
        merged = apply(plan, current, who=who, prefer=prefer)
    except MergeRefused as exc:
        raise ConflictsRefused(exc.code, exc.conflicts, places) from None
    kept = {(c.source, c.item) for c in owner_conflicts} if prefer == "file" else set()
    _apply_owners(returned, merged, who, kept)
    for got, pp in zip(returned, policy, strict=True):
        filler = who if who is not None else who_of(got.cover.filler, got.department) or None
        export = got.base.export_id if got.base else ""
        apply_policy(pp, Editor(merged, filler, source=got.path.name, export=export), prefer)
    if current.review.state is ReviewState.APPROVED and changes_since_review(merged):
        params = {"state": review_words.STATE["approved"], "ret": review_words.STEP["reject"]}
        notes.append(Message(dept_texts.AFTER_REVIEW, params))
    return Intake(merged, plan, returned, notes, len(current.history), places)


def _reassigned_since(
    returned: list[Returned], plan: MergePlan, checklist: Checklist, current: Assessment
) -> list[Message]:
    """Items a department's workbook changes that another department leads now (the office
    reassigned them after the export): taken, as exported, but said, so nobody is surprised."""
    notes = []
    for got in returned:
        if got.base is None or not got.base.department:
            continue
        department = got.base.department
        mine = got.path.name
        items = {c.item for c in plan.applied if c.source == mine}
        items |= {a.item for a in plan.added if a.source == mine}
        moved = [i for i in items if i and (r := responsible(checklist, current, i)) is not None
                 and r.lead != department]  # fmt: skip
        if moved:
            params = {"source": got.path.name, "department": department,
                      "items": "、".join(sorted(moved, key=item_sort_key))}  # fmt: skip
            notes.append(Message(dept_texts.REASSIGNED_SINCE, params))
    return notes


def _in_order(
    located: list[tuple[Path, Problem]], returned: list[Returned]
) -> list[tuple[Path, Problem]]:
    """Problems by workbook, then as its sheets come, then by row and column."""
    books = [r.path for r in returned]
    sheets = [[f.name for f in r.rows.sheets.values()] for r in returned]

    def key(entry: tuple[Path, Problem]) -> tuple[int, int, int, int]:
        book = books.index(entry[0])
        names, p = sheets[book], entry[1]
        return book, names.index(p.sheet) if p.sheet in names else -1, p.row, p.column

    return sorted(located, key=key)


def _plan_policy(
    returned: list[Returned], checklist: Checklist, current: Assessment
) -> list[PolicyPlan]:
    """Each workbook's claims and tasks; two workbooks setting one cell differently conflict."""
    plans = []
    seen: dict[tuple[str, str], tuple[str, str]] = {}
    for got in returned:
        base = got.base
        pp = plan_policy(
            got.policy, checklist, current, base.policy if base else None,
            base.scope if base else None, got.path.name, got.rows.sheets,
            base.export_id if base else "",
        )  # fmt: skip
        for row_id, name, value in list(pp.changes):
            text = as_text(value)
            other = seen.setdefault((row_id, name), (got.path.name, text))
            if other[1] != text:
                pp.changes.remove((row_id, name, value))
                conflict = Conflict(
                    row_id, field_id(row_id, name), "", "", text, got.path.name, row_id, *other
                )
                pp.conflicts.append((conflict, value))
        plans.append(pp)
    return plans


def _owner_conflicts(
    returned: list[Returned], checklist: Checklist, current: Assessment
) -> list[Conflict]:
    """The office reassigned an item since the export, and the workbook reassigns it otherwise."""
    out = []
    for got in returned:
        if got.base is None:
            continue
        for iid, (_row, owners) in got.owners.items():
            was = got.base.responsible.get(iid, "")
            now = responsible_cell(responsible(checklist, current, iid))
            wanted = responsible_cell(owners)
            if now != was and wanted != now:
                out.append(Conflict(iid, fields.RESPONSIBLE.id, was, now, wanted, got.path.name))
    return out


def _apply_owners(
    returned: list[Returned], merged: Assessment, who: str | None, kept: set[tuple[str, str]]
) -> None:
    """Reassign items as the office's workbooks say (``kept``: conflicts the file wins)."""
    for got in returned:
        filler = who if who is not None else who_of(got.cover.filler, got.department) or None
        export = got.base.export_id if got.base else ""
        editor = Editor(merged, filler, source=got.path.name, export=export)
        for iid, (_row, owners) in got.owners.items():
            if (got.path.name, iid) not in kept:
                editor.set_responsibility(iid, owners)


def _bad_responsible(typed: str, name: str, departments: list[str]) -> Message:
    """An unknown department in 责任部门, with the zone's list and how to add one."""
    known = Listed(tuple(departments), dept_texts.NO_DEPARTMENTS_YET)
    params = {"value": typed, "name": name, "known": known, "how": dept_texts.ADD_DEPARTMENT_HOW}
    return Message(dept_texts.BAD_RESPONSIBLE, params)


@dataclass(frozen=True)
class Listed:
    """Names joined as ``t`` lists them (经发局、科创局 / 经发局, 科创局); ``empty`` if none."""

    names: tuple[str, ...]
    empty: Text

    def render(self, t: Texts) -> str:
        return t.list_sep.join(self.names) or t(self.empty)


@dataclass(frozen=True)
class FieldName:
    """A merged field's name as the workbook shows it, in ``t``'s language."""

    name: str

    def render(self, t: Texts) -> str:
        return field_name(self.name, t)
