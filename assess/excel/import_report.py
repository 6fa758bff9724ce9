"""What an import changed, listed so a department can check it (``assess import [--dry-run]``).

Every change is listed: recorded values it overwrote as ``old → new``, empty fields it filled
with their new value. Changed actions are listed one per action with the attributes that
differ, so two long action lists that start alike never look the same.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from assess import fields, merge
from assess.errors import Message
from assess.excel.policy_sheets import measure_cell
from assess.excel.responsible import responsible_cell
from assess.fields import ACTION_FIELDS, BY_ID, CLAIMS, POLICY_FIELDS, RECORD_FIELDS, Field
from assess.merge import action_from_row, evidence_from_row
from assess.models import Action, Change, Claim, Responsibility, Status, ZoneTask
from assess.texts import Texts
from assess.texts import import_problems as problem_words
from assess.texts import import_report as words
from assess.texts.history import history_value

LIST_WIDTH = 60  # characters of a text value shown on one line

ZH = Texts()
NOT_ASSESSED_LABEL = ZH.label(Status.NOT_ASSESSED)  # what files written before 0.x stored
ZONE_TASK = "zone_task"  # the history's field for a whole task (added or removed)


@dataclass
class ImportReport:
    """What an import did: all changes, and the recorded values it overwrote."""

    changes: list[Change] = field(default_factory=list)
    new_evidence: list[str] = field(default_factory=list)
    notes: list[Message] = field(default_factory=list)
    actions: dict[str, tuple[list[Action], list[Action]]] = field(default_factory=dict)
    """Item ID → (actions before, actions after), for listing action changes one by one."""

    @property
    def overwritten(self) -> list[Change]:
        """Changes that replaced a recorded (non-empty, assessed) value."""
        return [c for c in self.changes if _is_overwrite(c)]

    def lines(self, t: Texts = ZH) -> list[str]:
        out = [t(problem_words.CHANGES, count=len(self.changes))]
        out += [t(problem_words.NOTE, note=n.render(t)) for n in self.notes]
        if self.new_evidence:
            out.append(t(problem_words.NEW_EVIDENCE, ids=t.list_sep.join(self.new_evidence)))
        entries = self._grouped()
        overwritten = [c for c in entries if _is_overwrite(c)]
        filled = [c for c in entries if not _is_overwrite(c)]
        if overwritten:
            out.append(t(problem_words.OVERWROTE, count=len(overwritten)))
            out += [line for c in overwritten for line in self._describe(c, t)]
        if filled:
            out.append(t(problem_words.FILLED, count=len(filled)))
            out += [line for c in filled for line in self._describe(c, t)]
        return out

    def _grouped(self) -> list[Change]:
        """Changes to one item's actions (``actions.A3.due`` …) listed once, action by action."""
        out: list[Change] = []
        seen: set[str] = set()
        for change in self.changes:
            if not (change.field.startswith("actions.") and change.item in self.actions):
                out.append(change)
            elif change.item not in seen:
                seen.add(change.item)
                before, _after = self.actions[change.item]
                out.append(
                    change.model_copy(update={"field": "actions", "old": "1" if before else ""})
                )
        return out

    def _describe(self, change: Change, t: Texts) -> list[str]:
        item = change.item or t(fields.EVIDENCE.header)
        if change.field.startswith(RESPONSIBILITY):  # logged on the zone, for an item
            item = change.field.removeprefix(RESPONSIBILITY)
            change = change.model_copy(update={"old": _owners(change.old, t),
                                               "new": _owners(change.new, t)})  # fmt: skip
        what = f"  {item} {field_label(change.field, t)}"
        where = what + t(words.FIELD_SEP)
        if change.field == "actions":
            lists = self.actions.get(change.item) or _stored_actions(change)
            if lists is not None:
                return [what] + [f"      {x}" for x in action_diff(*lists, t)]
        whole = _whole_row(change, t)
        if whole is not None:
            return [f"{what} {whole}"]
        old, new = (history_value(change.field, v, t) for v in (change.old, change.new))
        if _is_overwrite(change):
            old, new = short_pair(old, new, empty=t(words.EMPTY))
            return [f"{where}{old} → {new}"]
        return [f"{where}{short_pair('', new, empty=t(words.EMPTY))[1]}"]


def _is_overwrite(change: Change) -> bool:
    return bool(change.old) and change.old not in (Status.NOT_ASSESSED.value, NOT_ASSESSED_LABEL)


RESPONSIBILITY = "responsibility."


def _owners(stored: str, t: Texts) -> str:
    """A 责任部门 as its cell reads (经发局；配合：科创局), from the history's record."""
    try:
        return responsible_cell(Responsibility.model_validate_json(stored), t) if stored else ""
    except ValidationError:
        return stored


def field_label(name: str, t: Texts = ZH) -> str:
    """The field's name as the workbook shows it, e.g. 差距, 指标“高新技术企业数”."""
    if name.startswith(RESPONSIBILITY):
        return t(fields.RESPONSIBLE.header)
    if name.startswith("figures."):
        return t(words.FIGURE, name=name.removeprefix("figures."))
    if name.startswith("evidence."):
        return t(words.REGISTERED, id=name.removeprefix("evidence."))
    if name == ZONE_TASK:
        return t(words.OWN_TASK)
    if name.startswith("claims."):  # claims.C1.status → 政策争取 C1 申请状态
        _, claim, *attr = name.split(".", 2)
        entry = BY_ID.get(f"claim.{attr[0]}") if attr else None
        if entry is None:  # a whole claim: its ID is in the line (新增 C4“…”)
            return t(CLAIMS.header)
        return f"{t(CLAIMS.header)} {claim} {t(entry.header)}"
    entry = next((f for f in (*RECORD_FIELDS, *POLICY_FIELDS) if f.id == name), None)
    return t(entry.header) if entry else name


def _whole_row(change: Change, t: Texts) -> str | None:
    """A claim or own task added or removed, as its ID, name and filled-in attributes
    (labels and cells as the workbook shows them); None if the change is no such row."""
    whole_claim = change.field.startswith("claims.") and change.field.count(".") == 1
    if not (whole_claim or change.field == ZONE_TASK):
        return None
    model: type[Claim] | type[ZoneTask] = Claim if whole_claim else ZoneTask
    row = _parse(model, change.new or change.old)
    if row is None:
        return None
    if isinstance(row, Claim):
        title, shown = row.policy, [(f, getattr(row, f.attr)) for f in fields.CLAIM_FIELDS[2:]]
    else:
        title = row.title
        shown = [
            (fields.TASK_MEASURE, measure_cell(row.measure, t)),
            (fields.TASK_DESCRIPTION, row.description),
            (
                fields.STATUS,
                None if row.record.status is Status.NOT_ASSESSED else row.record.status,
            ),
        ]
    entry = words.ADDED if change.new else words.REMOVED
    return t(entry, id=f" {row.id}", title=_one_line(title), attributes=_attributes(shown, t))


def _parse(model: type[Claim] | type[ZoneTask], stored: str) -> Claim | ZoneTask | None:
    """A whole row as the history stored it (None if cut short: very long values are)."""
    try:
        return model.model_validate(json.loads(stored))
    except (json.JSONDecodeError, ValidationError):
        return None


def _stored_actions(change: Change) -> tuple[list[Action], list[Action]] | None:
    """An own task's actions (the history keeps each side as a list), to diff action by action."""
    sides = []
    for stored in (change.old, change.new):
        try:
            sides.append([Action.model_validate(a) for a in json.loads(stored or "[]")])
        except (json.JSONDecodeError, ValidationError, TypeError):
            return None
    return sides[0], sides[1]


def _attributes(shown: list[tuple[Field, Any]], t: Texts) -> str:
    parts = [
        t(words.ATTRIBUTE, label=t(f.header), value=_cell(f, value, t))
        for f, value in shown
        if value not in (None, "")
    ]
    return t(words.ATTRIBUTES, attributes=t(words.ATTRIBUTE_SEP).join(parts)) if parts else ""


def _cell(f: Field, value: Any, t: Texts) -> str:
    cell = f.to_cell(value, t)
    if cell is None or cell == "":
        return t(words.EMPTY)
    return cell.isoformat() if hasattr(cell, "isoformat") else _one_line(str(cell))


def short_pair(
    old: str, new: str, width: int = LIST_WIDTH, empty: str = "（空）"
) -> tuple[str, str]:
    """Both texts on one line, cut to ``width`` around where they first differ."""
    old, new = " ".join(old.split()), " ".join(new.split())
    start = 0
    if max(len(old), len(new)) > width:
        same = next(
            (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
            min(len(old), len(new)),
        )
        start = max(0, same - width // 3)
    return _window(old, start, width, empty), _window(new, start, width, empty)


def _window(text: str, start: int, width: int, empty: str) -> str:
    if not text:
        return empty
    head = "…" if start > 0 else ""
    body = text[start : start + width]
    tail = "…" if start + width < len(text) else ""
    return head + body + tail


def action_diff(before: list[Action], after: list[Action], t: Texts = ZH) -> list[str]:
    """One line per action added, removed or changed (matched by ID, else text), with what
    changed."""
    unused = list(before)
    out: list[str] = []
    for action in after:
        match = next((a for a in unused if a.id and a.id == action.id), None) or next(
            (a for a in unused if not a.id and a.text == action.text), None
        )
        if match is None:
            out.append(_action_line(words.ADDED, action, t))
            continue
        unused.remove(match)
        changed = [
            t(words.ATTRIBUTE, label=t(f.header), value=f"{_value(match, f, t)} → {_value(action, f, t)}")
            for f in ACTION_FIELDS
            if getattr(match, f.attr) != getattr(action, f.attr)
        ]  # fmt: skip
        if changed:
            out.append(
                t(words.CHANGED, id=_id(action), title=_one_line(match.text),
                  changes=t(words.CHANGE_SEP).join(changed))
            )  # fmt: skip
    out += [_action_line(words.REMOVED, a, t) for a in unused]
    return out


def row_text(row_id: str, values: tuple[str, ...], t: Texts = ZH) -> str | None:
    """A whole action or evidence row as merged (its values in the merge's order) the way a
    deleted row is listed: “title”（labels and cells as the workbook shows them）; None if
    it does not read as one."""
    try:
        if row_id.startswith("E"):
            ev = evidence_from_row(dict(zip(merge.EVIDENCE_FIELDS, values, strict=True)), row_id)
            shown = [(f, getattr(ev, f.attr)) for f in fields.EVIDENCE_FIELDS[2:]]
            title = ev.title
        else:
            action = action_from_row(dict(zip(merge.ACTION_FIELDS, values, strict=True)), row_id)
            shown = [(f, getattr(action, f.attr)) for f in ACTION_FIELDS[1:]]
            title = action.text
    except (ValidationError, ValueError):
        return None
    return t(words.ROW_VALUE, title=_one_line(title), attributes=_attributes(shown, t))


def _action_line(entry: Any, action: Action, t: Texts) -> str:
    shown = [(f, getattr(action, f.attr)) for f in ACTION_FIELDS if f is not fields.ACTION_TEXT]
    attributes = _attributes(shown, t)
    return t(entry, id=_id(action), title=_one_line(action.text), attributes=attributes)


def _id(action: Action) -> str:
    return f" {action.id}" if action.id else ""


def _value(action: Action, f: Field, t: Texts) -> str:
    return _cell(f, getattr(action, f.attr), t)


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LIST_WIDTH else text[: LIST_WIDTH - 1] + "…"
