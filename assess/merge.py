"""Three-way merge of returned workbooks: a value nobody changed never overwrites one somebody did.

Every exported workbook carries its *base*, a :class:`Snapshot` of what it was exported with.
On return each field is compared three ways (base, the file now, the workbook):

- workbook = base: the file keeps its value, even if the office changed it since the export;
- file = base, workbook differs: the workbook's value is applied;
- both changed the same way: nothing to do;
- both changed differently: a :class:`Conflict`, and nothing is written unless the user
  prefers a side.

Actions and evidence records are rows matched by ID: an edited row edits its record, a row
gone from the workbook deletes it, order is no change, a row without an ID is new, unless the
file gained a row with the same values since the export, or this same workbook added it before
(the history's ``source``), however the office has edited it since; one it added that the
office deleted is not added again but listed (a conflict only if the department changed it
since it was last imported), and one it corrected updates the record it added. The merge
is pure; :func:`apply` writes a plan through :class:`~assess.editing.Editor`, one call per
change, so the history says who changed what from which workbook.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple

from pydantic import ValidationError

from assess import fields
from assess.added_rows import added_by
from assess.checklist import item_sort_key
from assess.editing import Editor
from assess.errors import AssessError
from assess.models import (
    Action,
    ActionStatus,
    Assessment,
    Evidence,
    ItemRecord,
    Priority,
    Schedule,
    Status,
)
from assess.texts import departments as dept_texts

Value = str | tuple[str, ...]
"""A field's value as stored: text, a status value, an ISO date, or a tuple of evidence IDs."""
Key = tuple[str, str]
"""(owner, field): the owner is an item ID (1.1), an action ID (A3) or an evidence ID (E2)."""
Row = dict[str, str]
"""An action or evidence record's fields as text; an action's row also names its ``item``."""

FIGURE = "figures."
# The registry's fields, by the attribute a snapshot keys them with.
ITEM_FIELDS = tuple(  # plus figures.<name>; actions are rows of their own; claims too
    f.id
    for f in (*fields.RECORD_FIELDS, fields.SCHEDULE, fields.ASKED_OF)
    if f not in (fields.ACTIONS, fields.FIGURES)
)
ACTION_FIELDS = tuple(f.attr for f in fields.ACTION_FIELDS)
EVIDENCE_FIELDS = tuple(f.attr for f in fields.EVIDENCE_FIELDS if f is not fields.EVIDENCE_ID)
ROW = ""
"""The field of a whole-row conflict: deleted on one side, edited on the other."""

Kind = Literal["action", "evidence"]
Prefer = Literal["workbook", "file"]
Reason = Literal["not_in_scope", "not_exported", "unknown_row", "cited_elsewhere"]


@dataclass
class Snapshot:
    """Values of some items, actions and evidence records, in one neutral shape.

    The exporter stores ``snapshot(assessment, items).to_json()`` in the workbook as its
    base; the importer fills another Snapshot from the cells. A key missing from the
    workbook's snapshot means "not in the workbook" (no change); an emptied cell is ``""``.
    """

    fields: dict[Key, Value] = field(default_factory=dict)
    actions: dict[str, Row] = field(default_factory=dict)
    evidence: dict[str, Row] = field(default_factory=dict)
    new_actions: list[Row] = field(default_factory=list)
    new_evidence: dict[str, Row] = field(default_factory=dict)
    """Rows without an ID, by a key of the importer's choosing that items may cite."""
    shown_evidence: set[str] = field(default_factory=set)
    """Records that rows without an ID show as they are (the importer took them as cited)."""

    def exported_items(self) -> frozenset[str]:
        return frozenset(k[0] for k in self.fields) | {r["item"] for r in self.actions.values()}

    def to_json(self) -> dict[str, Any]:
        return {
            "fields": [
                [i, f, list(v) if isinstance(v, tuple) else v] for (i, f), v in self.fields.items()
            ],
            "actions": self.actions,
            "evidence": self.evidence,
        }

    @classmethod
    def from_json(cls, data: Any) -> Snapshot:
        """Read a stored base back; ValueError if it is not one (e.g. a hand-edited sheet)."""
        try:
            fields: dict[Key, Value] = {}
            for item_id, name, value in data["fields"]:
                fields[(_str(item_id), _str(name))] = (
                    tuple(_str(v) for v in value) if isinstance(value, list) else _str(value)
                )
            rows = [
                {_str(k): {_str(f): _str(v) for f, v in row.items()} for k, row in data[n].items()}
                for n in ("actions", "evidence")
            ]
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValueError(f"not a stored base: {exc}") from None
        return cls(fields=fields, actions=rows[0], evidence=rows[1])


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"expected text, got {type(value).__name__}")
    return value


def snapshot(
    assessment: Assessment,
    items: Iterable[str] | None = None,
    evidence: Iterable[str] | None = None,
) -> Snapshot:
    """The values of ``items`` (all by default) and their actions, and of the evidence register
    (``evidence``: only those IDs)."""
    snap = Snapshot()
    for item_id in assessment.items if items is None else items:
        record = assessment.items.get(item_id) or ItemRecord()
        for name in ITEM_FIELDS:
            snap.fields[(item_id, name)] = item_value(record, name)
        for name, value in record.figures.items():
            snap.fields[(item_id, FIGURE + name)] = value
        for action in record.actions:
            snap.actions[action.id] = action_row(item_id, action)
    wanted = None if evidence is None else set(evidence)
    for entry in assessment.evidence:
        if wanted is None or entry.id in wanted:
            snap.evidence[entry.id] = evidence_row(entry)
    return snap


def item_value(record: ItemRecord, name: str) -> Value:
    """One of ITEM_FIELDS (or figures.<name>) as the merge compares it."""
    if name == "status":
        return record.status.value
    if name == fields.SCHEDULE.id:
        return record.schedule.value if record.schedule else ""
    if name == "evidence":
        return _ids(record.evidence)
    if name.startswith(FIGURE):
        return record.figures.get(name[len(FIGURE) :], "")
    return str(getattr(record, name))


def action_row(item_id: str, action: Action) -> Row:
    return {
        "item": item_id,
        "text": action.text,
        "lead": action.lead,
        "partners": action.partners,
        "due": action.due.isoformat() if action.due else "",
        "priority": action.priority.value,
        "status": action.status.value,
    }


def evidence_from_row(values: Row, evidence_id: str) -> Evidence:
    return Evidence(id=evidence_id, title=values.get("title", ""), ref=values.get("ref", ""),
                    date=_date(values.get("date", "")))  # fmt: skip


def evidence_row(evidence: Evidence) -> Row:
    return {
        "title": evidence.title,
        "ref": evidence.ref,
        "date": evidence.date.isoformat() if evidence.date else "",
    }


class Workbook(NamedTuple):
    """One returned workbook: its name, its base (None: exported before bases existed),
    its values, the items it may change (None: those its base exported) and who filled it."""

    source: str
    base: Snapshot | None
    theirs: Snapshot
    scope: frozenset[str] | None = None
    who: str = ""
    export: str = ""
    """The export ID its base carries: the same workbook under another file name."""


def who_of(name: str, department: str) -> str:
    """What the history records as ``who`` from a workbook's cover: 填报人（部门）."""
    name, department = name.strip(), department.strip()
    return f"{name}（{department}）" if name and department else name or department


@dataclass(frozen=True, slots=True)
class FieldChange:
    """A value the workbook changes; ``row`` is the action or evidence ID for a row's field."""

    item: str
    field: str
    old: Value
    new: Value
    source: str
    row: str = ""


@dataclass(frozen=True, slots=True)
class Conflict:
    """Both sides changed a field differently since the export (``field`` ROW: a whole row,
    ``()`` = deleted). Between two workbooks, ``other_source`` and ``other`` name the second."""

    item: str
    field: str
    base: Value
    file: Value
    workbook: Value
    source: str
    row: str = ""
    other_source: str = ""
    other: Value = ""


@dataclass(frozen=True, slots=True)
class OutOfScope:
    """A change the workbook may not make (another department's item, an unknown row): refused."""

    item: str
    field: str
    value: Value
    source: str
    reason: Reason
    row: str = ""


@dataclass(frozen=True, slots=True)
class RowDelete:
    kind: Kind
    id: str
    item: str
    source: str
    old: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class RowAdd:
    """A new row; ``key`` is the importer's key for new evidence (cited by items) or a restored ID."""

    kind: Kind
    item: str
    values: Row
    source: str
    key: str = ""


@dataclass
class MergePlan:
    """What importing would do; nothing is written until :func:`apply`."""

    applied: list[FieldChange] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    unchanged: int = 0
    out_of_scope: list[OutOfScope] = field(default_factory=list)
    deleted: list[RowDelete] = field(default_factory=list)
    added: list[RowAdd] = field(default_factory=list)
    two_way: list[str] = field(default_factory=list)
    """Workbooks without a base, merged by the old rule (a non-empty cell wins): say so."""
    who: dict[str, str] = field(default_factory=dict)
    """Workbook → who filled it in (from its cover)."""
    exports: dict[str, str] = field(default_factory=dict)
    """Workbook → its export ID, recorded with each change it makes."""
    not_restored: list[RowAdd] = field(default_factory=list)
    """Rows this workbook added before that the office has deleted since: not added again
    (the deletion was a decision), but listed so nothing the department wrote goes unseen;
    ``key`` is the deleted row's ID."""


class MergeRefused(AssessError):
    """Conflicts nobody chose a side for; nothing was written.

    ``code`` is ``"conflicts"`` or ``"between"`` (two workbooks disagree: ``prefer="workbook"``
    cannot choose one); see ``assess.texts.departments.REFUSED*``.
    """

    def __init__(self, code: Literal["conflicts", "between"], conflicts: list[Conflict]) -> None:
        self.code = code
        self.conflicts = conflicts
        entry = dept_texts.REFUSED if code == "conflicts" else dept_texts.REFUSED_BETWEEN
        super().__init__(entry, count=len(conflicts))


def _ids(ids: Iterable[str]) -> tuple[str, ...]:
    """Citations are a set: order and repeats are no change."""
    return tuple(sorted(set(ids), key=lambda i: (not i.startswith("E"), item_sort_key(i[1:]), i)))


def _norm(name: str, value: Value) -> Value:
    """Citations as a set; text with the line ends a spreadsheet may have rewritten unified."""
    if isinstance(value, tuple) or name == "evidence":
        return _ids(value)
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _empty(name: str) -> Value:
    return () if name == "evidence" else ""


def _kind(row_id: str) -> Kind:
    return "evidence" if row_id.startswith("E") else "action"


def _row_fields(kind: Kind) -> tuple[str, ...]:
    return ACTION_FIELDS if kind == "action" else EVIDENCE_FIELDS


def _same_row(theirs: Row, recorded: Row, kind: Kind) -> bool:
    """A new row that says what a recorded one holds: the same item and, for each registry
    field the row fills in, the same value (the ID aside; an empty choice cell takes the
    default, so it says nothing)."""
    names = ("item", *_row_fields(kind))
    return all(_same_text(theirs[n], recorded.get(n, "")) for n in names if n in theirs)


def _same_text(a: str, b: str) -> bool:
    return str(_norm("", a)).strip() == str(_norm("", b)).strip()


def _as_tuple(kind: Kind, row: Row) -> tuple[str, ...]:
    return tuple(row.get(f, "") for f in _row_fields(kind))


def merge(current: Assessment, workbook: Workbook) -> MergePlan:
    """The plan for one workbook against the file as it is now."""
    return _Merger(current, workbook).run()


class _Merger:
    def __init__(self, current: Assessment, workbook: Workbook) -> None:
        self.current = current
        self.now = snapshot(current)
        self.wb = workbook
        base = workbook.base
        scope = workbook.scope
        if scope is None:
            scope = base.exported_items() if base is not None else frozenset(current.items)
        self.exported = base.exported_items() if base is not None else frozenset(current.items)
        self.scope = scope & frozenset(current.items)
        self.plan = MergePlan(
            who={workbook.source: workbook.who}, exports={workbook.source: workbook.export}
        )
        self.keys: dict[str, str] = {}
        """New evidence rows' keys → the record they are (see :meth:`_known_evidence`)."""

    def run(self) -> MergePlan:
        if self.wb.base is None:
            self.plan.two_way.append(self.wb.source)
        self.keys = self._known_evidence()
        self._fields()
        for kind in ("action", "evidence"):
            self._rows(kind)
        self._new_rows()
        return self.plan

    def _refuse(self, item: str, name: str, value: Value, reason: Reason, row: str = "") -> None:
        self.plan.out_of_scope.append(OutOfScope(item, name, value, self.wb.source, reason, row))

    def _in_scope(self, item: str, name: str, value: Value, row: str = "") -> bool:
        """Items by the workbook's scope; the evidence register is shared (最多报一次)."""
        if item in self.scope or _kind(row) == "evidence":
            return True
        reason: Reason = "not_in_scope" if item in self.exported else "not_exported"
        self._refuse(item, name, value, reason, row)
        return False

    def _decide(
        self, item: str, name: str, base: Value | None, file: Value, theirs: Value, row: str = ""
    ) -> None:
        """One field, three ways; ``base`` None: the two-way rule (a non-empty value wins)."""
        if base is None:
            if not theirs or theirs == file:
                self.plan.unchanged += 1
            elif self._in_scope(item, name, theirs, row):
                self.plan.applied.append(FieldChange(item, name, file, theirs, self.wb.source, row))
            return
        if theirs in (base, file):
            self.plan.unchanged += 1
        elif not self._in_scope(item, name, theirs, row):
            return
        elif file == base:
            self.plan.applied.append(FieldChange(item, name, file, theirs, self.wb.source, row))
        else:
            self.plan.conflicts.append(
                Conflict(item, name, base, file, theirs, self.wb.source, row)
            )

    def _fields(self) -> None:
        base = self.wb.base
        for (item, name), value in self.wb.theirs.fields.items():
            if name == "evidence" and isinstance(value, tuple):  # new rows recognised
                value = tuple(k for k in (self.keys.get(v, v) for v in value) if k)
            theirs = _norm(name, value)
            file = _norm(name, self.now.fields.get((item, name), _empty(name)))
            was = None if base is None else _norm(name, base.fields.get((item, name), _empty(name)))
            self._decide(item, name, was, file, theirs)

    def _rows(self, kind: Kind) -> None:
        names = _row_fields(kind)
        now_rows = self.now.actions if kind == "action" else self.now.evidence
        theirs_rows = self.wb.theirs.actions if kind == "action" else self.wb.theirs.evidence
        base = self.wb.base
        base_rows = {} if base is None else (base.actions if kind == "action" else base.evidence)
        for rid, trow in theirs_rows.items():
            crow = now_rows.get(rid)
            brow = base_rows.get(rid)
            if brow is None and (base is not None or crow is None):
                reason: Reason = "unknown_row" if crow is None else "not_exported"
                self._refuse(trow.get("item", ""), ROW, _as_tuple(kind, trow), reason, rid)
            elif crow is None:
                assert brow is not None  # a two-way row without a file row was refused above
                self._deleted_in_file(kind, rid, brow, trow)
            else:
                item = crow.get("item", "")
                for name in names:
                    if name in trow:
                        was = None if brow is None else brow.get(name, "")
                        self._decide(item, name, was, crow.get(name, ""), trow[name], rid)
        for rid, brow in base_rows.items():
            if rid not in theirs_rows:
                self._deleted_in_workbook(kind, rid, brow, now_rows.get(rid))

    def _gained_actions(self) -> dict[str, Row]:
        """The file's actions the base does not have: added since the export."""
        base = self.wb.base
        known = base.actions if base is not None else {}
        return {rid: row for rid, row in self.now.actions.items() if rid not in known}

    def _deleted_in_file(self, kind: Kind, rid: str, brow: Row, trow: Row) -> None:
        """The office deleted the row since the export: fine unless the workbook edited it."""
        item = brow.get("item", "")
        if all(trow[n] == brow.get(n, "") for n in _row_fields(kind) if n in trow):
            self.plan.unchanged += 1
        elif self._in_scope(item, ROW, _as_tuple(kind, trow), rid):
            was = _as_tuple(kind, brow)
            edited = _as_tuple(kind, {**brow, **trow})
            self.plan.conflicts.append(Conflict(item, ROW, was, (), edited, self.wb.source, rid))

    def _deleted_in_workbook(self, kind: Kind, rid: str, brow: Row, crow: Row | None) -> None:
        """A row gone from the workbook deletes its record, unless the file changed it since."""
        item = brow.get("item", "")
        was = _as_tuple(kind, brow)
        if crow is None:
            self.plan.unchanged += 1
        elif not self._in_scope(item, ROW, (), rid):
            return
        elif _as_tuple(kind, crow) != was:
            conflict = Conflict(item, ROW, was, _as_tuple(kind, crow), (), self.wb.source, rid)
            self.plan.conflicts.append(conflict)
        elif kind == "evidence" and any(
            rid in self.current.items[i].evidence for i in self.current.items if i not in self.scope
        ):
            self._refuse("", ROW, (), "cited_elsewhere", rid)
        else:
            self.plan.deleted.append(RowDelete(kind, rid, item, self.wb.source, was))

    def _added_before(self, kind: Kind) -> dict[str, tuple[Row, ...]]:
        """The rows of ``kind`` this workbook (by name or export ID) added, whether the office
        has edited them since or deleted them: each as the workbook last imported it (with its
        corrections: the base of a further one), as first added and, deleted, as deleted."""
        out: dict[str, tuple[Row, ...]] = {}
        names = _row_fields(kind)
        for rid, added in added_by(self.current, self.wb.source, self.wb.export).items():
            if not rid.startswith("A" if kind == "action" else "E"):
                continue
            try:
                first = self._as_row(kind, added.owner, added.values)
                gone = None if not added.deleted else self._as_row(kind, added.owner, added.deleted)
            except ValidationError:
                continue
            last = first | {n: v for n, v in added.edits.items() if n in names}
            out[rid] = (last, first) if gone is None else (last, first, gone)
        return out

    @staticmethod
    def _as_row(kind: Kind, owner: str, values: dict[str, Any]) -> Row:
        if kind == "action":
            return action_row(owner, Action.model_validate(values))
        return evidence_row(Evidence.model_validate(values))

    def _known_evidence(self) -> dict[str, str]:
        """New register rows this workbook added before (key → its record's ID, "" when not
        added again): shown as added or as last imported, the same record, however the office
        has edited it since; its deleted record, reported, not registered again; otherwise the
        record no row shows that it most resembles: the department's correction, which updates
        it three ways (a record deleted meanwhile: a conflict); else a new record."""
        base = self.wb.base
        known = base.evidence if base is not None else {}
        gained = {r: row for r, row in self.now.evidence.items() if r not in known}
        before = self._added_before("evidence")
        deleted = {r: v for r, v in before.items() if r not in self.now.evidence}
        shown = self.wb.theirs.shown_evidence
        before = {r: v for r, v in before.items() if r in gained and r not in shown}
        keys: dict[str, str] = {}
        pending: list[tuple[str, Row]] = []
        for key, row in self.wb.theirs.new_evidence.items():
            same = _shows(row, before, "evidence")
            gone = _shows(row, deleted, "evidence")
            if same is not None:
                del before[same]
                keys[key] = same
                self.plan.unchanged += 1
            elif gone is not None:
                del deleted[gone]
                keys[key] = ""
                self.plan.not_restored.append(
                    RowAdd("evidence", "", dict(row), self.wb.source, gone)
                )
            else:
                pending.append((key, row))
        for key, row in pending:
            rid = _closest(row, before, "evidence")
            if rid is not None:
                was = before.pop(rid)[0]
                keys[key] = rid
                for name in EVIDENCE_FIELDS:
                    if name in row:
                        file = gained[rid].get(name, "")
                        self._decide("", name, was.get(name, ""), file, row[name], rid)
                continue
            rid = _closest(row, deleted, "evidence")
            if rid is not None:
                was = deleted.pop(rid)[0]
                keys[key] = rid
                edited = _as_tuple("evidence", {**was, **row})
                was_row = _as_tuple("evidence", was)
                self.plan.conflicts.append(
                    Conflict("", ROW, was_row, (), edited, self.wb.source, rid)
                )
                continue
            self.plan.added.append(RowAdd("evidence", "", dict(row), self.wb.source, key))
        return keys

    def _new_rows(self) -> None:
        theirs = self.wb.theirs
        gained = self._gained_actions()
        before = self._added_before("action")
        deleted = {r: v for r, v in before.items() if r not in self.now.actions}
        before = {r: v for r, v in before.items() if r in gained}
        pending: list[Row] = []
        for row in theirs.new_actions:
            same = next((rid for rid in gained if _same_row(row, gained[rid], "action")), None)
            if same is None:  # this workbook's row, though the office has edited it since
                same = _shows(row, before, "action")
            gone = _shows(row, deleted, "action")
            if same is not None:  # imported before (or typed by the office): the same addition
                del gained[same]
                before.pop(same, None)
                self.plan.unchanged += 1
            elif gone is not None:  # added before, deleted by the office since: not again
                del deleted[gone]
                self.plan.not_restored.append(
                    RowAdd("action", row.get("item", ""), dict(row), self.wb.source, gone)
                )
            else:
                pending.append(row)
        for row in pending:
            self._edited_or_new(row, gained, before, deleted)

    def _edited_or_new(
        self,
        row: Row,
        gained: dict[str, Row],
        before: dict[str, tuple[Row, ...]],
        deleted: dict[str, tuple[Row, ...]],
    ) -> None:
        """A new row matching nothing recorded: the department's own correction of a row it
        added before (of the same item, the one it most resembles), else a new action.

        The row as this workbook last imported it is the base, so a field only the department
        changed is applied, one the office changed since is kept, and both changed is a
        conflict; a row the office deleted meanwhile is a conflict only if the department
        changed it since (edited here, deleted there).
        """
        item = row.get("item", "")
        rid = _closest(row, before, "action")
        if rid is not None:
            was = before.pop(rid)[0]
            file = gained.pop(rid)
            for name in ACTION_FIELDS:
                if name in row:
                    self._decide(item, name, was.get(name, ""), file.get(name, ""), row[name], rid)
            return
        rid = _closest(row, deleted, "action")
        if rid is not None:
            was = deleted.pop(rid)[0]
            if self._in_scope(item, ROW, _as_tuple("action", row), rid):
                edited = _as_tuple("action", {**was, **row})
                conflict = Conflict(
                    item, ROW, _as_tuple("action", was), (), edited, self.wb.source, rid
                )
                self.plan.conflicts.append(conflict)
            return
        if self._in_scope(item, ROW, _as_tuple("action", row)):
            self.plan.added.append(RowAdd("action", item, dict(row), self.wb.source))


def _closest(row: Row, rows: dict[str, tuple[Row, ...]], kind: Kind) -> str | None:
    """Of ``rows`` (an action's: of the same item), the one a correction most resembles: with
    the most fields as it shows them in any of its versions, the first added of those; a
    row's order among its item's alone would pair a correction with a row the department has
    removed from its copy."""
    names = [n for n in _row_fields(kind) if n in row]
    item = row.get("item", "")
    candidates = [r for r, vv in rows.items() if kind == "evidence" or vv[0].get("item") == item]

    def alike(rid: str) -> int:
        return max(sum(_same_text(row[n], v.get(n, "")) for n in names) for v in rows[rid])

    return max(candidates, key=alike, default=None)


def _shows(row: Row, rows: dict[str, tuple[Row, ...]], kind: Kind) -> str | None:
    """The first of ``rows`` (each in its versions) that ``row`` shows as one of them."""
    return next((r for r, versions in rows.items() if any(
        _same_row(row, v, kind) for v in versions)), None)  # fmt: skip


@dataclass(frozen=True, slots=True)
class _Claim:
    """What one workbook wants for one (owner, field), and where it is listed in its plan."""

    source: str
    owner: str
    field: str
    value: Value
    entry: FieldChange | Conflict | RowDelete
    base: Value
    file: Value
    item: str
    row: str


def _claims(plan: MergePlan) -> list[_Claim]:
    out = []
    for c in plan.applied:
        out.append(
            _Claim(c.source, c.row or c.item, c.field, c.new, c, c.old, c.old, c.item, c.row)
        )
    for k in plan.conflicts:
        out.append(
            _Claim(k.source, k.row or k.item, k.field, k.workbook, k, k.base, k.file, k.item, k.row)
        )
    for d in plan.deleted:
        out.append(_Claim(d.source, d.id, ROW, (), d, d.old, d.old, d.item, d.id))
    return out


def merge_many(current: Assessment, workbooks: Sequence[Workbook]) -> MergePlan:
    """One plan for several workbooks; two of them changing a field differently is a conflict.

    The same change from two workbooks is made once. Applying is all or nothing.
    """
    plans = [merge(current, wb) for wb in workbooks]
    combined = MergePlan()
    for plan in plans:
        combined.unchanged += plan.unchanged
        combined.out_of_scope += plan.out_of_scope
        combined.added += plan.added
        combined.two_way += plan.two_way
        combined.who.update(plan.who)
        combined.exports.update(plan.exports)
        combined.not_restored += plan.not_restored
    first: dict[str, list[_Claim]] = {}
    dropped: set[int] = set()
    between: list[Conflict] = []
    for plan in plans:
        for claim in _claims(plan):
            rivals = [
                c
                for c in first.get(claim.owner, [])
                if c.source != claim.source
                and (c.field == claim.field or ROW in (c.field, claim.field))
            ]
            if not rivals:
                first.setdefault(claim.owner, []).append(claim)
                continue
            dropped.add(id(claim.entry))
            for rival in rivals:
                if rival.field == claim.field and rival.value == claim.value:
                    continue  # the same change twice: made once
                dropped.add(id(rival.entry))
                between.append(
                    Conflict(
                        claim.item, claim.field, claim.base, claim.file, claim.value,
                        claim.source, claim.row, rival.source, rival.value,
                    )
                )  # fmt: skip
    for plan in plans:
        combined.applied += [c for c in plan.applied if id(c) not in dropped]
        combined.conflicts += [c for c in plan.conflicts if id(c) not in dropped]
        combined.deleted += [d for d in plan.deleted if id(d) not in dropped]
    combined.conflicts += between
    return combined


def apply(
    plan: MergePlan, current: Assessment, *, who: str | None = None, prefer: Prefer | None = None
) -> Assessment:
    """The assessment with the plan made, each change logged with its workbook and its ``who``
    (``who`` given: e.g. ``--who``, for all). ``current`` is untouched; raise MergeRefused if a
    conflict has no side chosen. ``prefer="file"`` keeps the file's value on every conflict."""
    between = [c for c in plan.conflicts if c.other_source]
    if plan.conflicts and prefer is None:  # between two workbooks: only --prefer file helps
        raise MergeRefused("between" if between else "conflicts", plan.conflicts)
    if between and prefer == "workbook":
        raise MergeRefused("between", between)
    changes, deleted, added = list(plan.applied), list(plan.deleted), list(plan.added)
    if prefer == "workbook":
        for k in plan.conflicts:
            if k.field != ROW:
                changes.append(FieldChange(k.item, k.field, k.file, k.workbook, k.source, k.row))
            elif k.workbook == ():
                deleted.append(RowDelete(_kind(k.row), k.row, k.item, k.source, ()))
            else:
                kind = _kind(k.row)
                values = dict(zip(_row_fields(kind), k.workbook, strict=True))
                added.append(RowAdd(kind, k.item, values, k.source, k.row))
    trial = current.model_copy(deep=True)
    editor = Editor(trial)
    fallback = editor.who

    def by(source: str) -> Editor:
        editor.source = source
        editor.export = plan.exports.get(source, "")
        editor.who = who if who is not None else plan.who.get(source) or fallback
        return editor

    new_ids: dict[str, str] = {}
    if prefer != "workbook":  # a deleted record kept deleted is not cited either
        registered = {e.id for e in current.evidence}
        new_ids.update(
            (k.row, "")
            for k in plan.conflicts
            if k.field == ROW and k.file == () and _kind(k.row) == "evidence"
            and k.row not in registered
        )  # fmt: skip
    for a in added:
        if a.kind == "evidence":
            date = _date(a.values.get("date", ""))
            made = by(a.source).add_evidence(
                a.values.get("title", ""), a.values.get("ref", ""), date
            )
            new_ids[a.key] = made.id
    for c in changes:
        if c.row.startswith("E"):
            old = trial.evidence_by_id()[c.row]
            value: Any = _date(str(c.new)) if c.field == "date" else c.new
            by(c.source).update_evidence(
                Evidence.model_validate({**old.model_dump(), c.field: value})
            )
    for c in changes:
        if not c.row:
            _set_item_field(by(c.source), c, new_ids)
    for a in added:
        if a.kind == "action":
            by(a.source).add_action(a.item, action_from_row(a.values, a.key))
    for c in changes:
        if c.row.startswith("A"):
            by(c.source).set_action_field(c.row, c.field, _action_value(c.field, str(c.new)))
    for d in deleted:
        if d.kind == "action":
            by(d.source).remove_action(d.id)
        else:
            by(d.source).remove_evidence(d.id)
    return trial


def _set_item_field(editor: Editor, change: FieldChange, new_ids: dict[str, str]) -> None:
    item, name, new = change.item, change.field, change.new
    if name == "evidence":
        editor.set_item_evidence(item, list(_ids(i for e in new if (i := new_ids.get(e, e)))))
    elif isinstance(new, tuple):
        raise ValueError(f"{item} {name}: a list where text is expected")
    elif name == "status":
        editor.set_status(item, Status(new))
    elif name.startswith(FIGURE):
        editor.set_figure(item, name[len(FIGURE) :], new)
    elif name == fields.SCHEDULE.id:
        editor.set_field(item, fields.SCHEDULE, Schedule(new) if new else None)
    elif name == fields.ASKED_OF.id:
        editor.set_field(item, fields.ASKED_OF, new)
    else:
        editor.set_text(item, name, new)


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _action_value(name: str, text: str) -> Any:
    if name == "due":
        return _date(text)
    if name == "priority":
        return Priority(text)
    if name == "status":
        return ActionStatus(text)
    return text


def action_from_row(values: Row, action_id: str) -> Action:
    data: dict[str, Any] = {
        n: _action_value(n, values.get(n, "")) for n in ACTION_FIELDS if values.get(n) or n == "due"
    }
    return Action.model_validate({**data, "id": action_id})
