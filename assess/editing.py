"""Changing an assessment so that every change lands in its history.

The TUI, the workbook import and roll-forward all edit through here, so the history inside
the file always says who changed what, when, from what to what.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
from typing import Any

from assess.models import Action, Assessment, Change, Evidence, ItemRecord, Status

TEXT_FIELDS: dict[str, tuple[str, str]] = {
    "explanation": ("成效/进度/原因/理由", "explanation"),
    "current": ("现状", "current state"),
    "gap": ("差距", "gap"),
    "opportunity": ("机遇", "opportunity"),
    "note": ("备注", "note"),
}


def now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


def default_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Status):
        return value.label
    if isinstance(value, list):
        return "; ".join(_text(v) for v in value)
    if isinstance(value, Action):
        return action_text(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


MAX_HISTORY_CHARS = 2000  # longer values are kept as their start, length and digest


def history_value(value: str) -> str:
    """A value as the history keeps it: whole if short, else its start, length and SHA-256.

    Keeping every old and new copy of a long text whole would grow the file by twice the text
    at each edit, past the size the loader accepts; the text itself is in the record.
    """
    if len(value) <= MAX_HISTORY_CHARS:
        return value
    digest = hashlib.sha256(value.encode("utf-8", "surrogatepass")).hexdigest()
    return f"{value[:200]}…〔{len(value)} 字 / chars, sha256 {digest}〕"


def action_text(action: Action) -> str:
    parts = [action.text]
    if action.lead:
        parts.append(f"牵头 {action.lead}")
    if action.due:
        parts.append(f"时限 {action.due.isoformat()}")
    parts.append(f"优先级 {action.priority.label}")
    parts.append(action.status.label)
    return "｜".join(parts)


class Editor:
    """Applies changes to one assessment and records each in ``assessment.history``."""

    def __init__(self, assessment: Assessment, who: str | None = None) -> None:
        self.assessment = assessment
        self.who = who if who is not None else (assessment.assessor or default_user())

    def log(self, item: str, field: str, old: Any, new: Any) -> Change:
        change = Change(
            at=now(),
            who=self.who,
            item=item,
            field=field,
            old=history_value(_text(old)),
            new=history_value(_text(new)),
        )
        self.assessment.history.append(change)
        self.assessment.updated = change.at
        return change

    def set_status(self, item_id: str, status: Status) -> bool:
        record = self.assessment.record(item_id)
        if record.status is status:
            return False
        self.log(item_id, "status", record.status, status)
        record.status = status
        return True

    def set_text(self, item_id: str, field: str, value: str) -> bool:
        if field not in TEXT_FIELDS:
            raise ValueError(f"not a text field: {field}")
        record = self.assessment.record(item_id)
        old = getattr(record, field)
        if old == value:
            return False
        self.log(item_id, field, old, value)
        setattr(record, field, value)
        return True

    def set_figure(self, item_id: str, name: str, value: str) -> bool:
        record = self.assessment.record(item_id)
        old = record.figures.get(name, "")
        if old == value:
            return False
        self.log(item_id, f"figures.{name}", old, value)
        figures = dict(record.figures)
        if value:
            figures[name] = value
        else:
            figures.pop(name, None)
        record.figures = figures
        return True

    def set_actions(self, item_id: str, actions: list[Action]) -> bool:
        record = self.assessment.record(item_id)
        if record.actions == actions:
            return False
        self.log(item_id, "actions", record.actions, actions)
        record.actions = [a.model_copy() for a in actions]
        return True

    def set_item_evidence(self, item_id: str, evidence_ids: list[str]) -> bool:
        record = self.assessment.record(item_id)
        known = {e.id for e in self.assessment.evidence}
        missing = [e for e in evidence_ids if e not in known]
        if missing:
            raise ValueError(f"unknown evidence ID(s): {', '.join(missing)}")
        if record.evidence == evidence_ids:
            return False
        self.log(item_id, "evidence", record.evidence, evidence_ids)
        record.evidence = list(evidence_ids)
        return True

    def add_evidence(self, title: str, ref: str = "", date: dt.date | None = None) -> Evidence:
        """A new evidence record in the register, with the next free ID (E1, E2, …)."""
        used = {int(e.id[1:]) for e in self.assessment.evidence}
        new_id = f"E{max(used, default=0) + 1}"
        evidence = Evidence(id=new_id, title=title, ref=ref, date=date)
        self.assessment.evidence = [*self.assessment.evidence, evidence]
        self.log("", f"evidence.{new_id}", "", f"{title} {ref}".strip())
        return evidence

    def update_evidence(self, evidence: Evidence) -> bool:
        register = self.assessment.evidence
        for index, old in enumerate(register):
            if old.id == evidence.id:
                if old == evidence:
                    return False
                self.log(
                    "", f"evidence.{evidence.id}", _evidence_text(old), _evidence_text(evidence)
                )
                self.assessment.evidence = [*register[:index], evidence, *register[index + 1 :]]
                return True
        raise KeyError(evidence.id)

    def remove_evidence(self, evidence_id: str) -> None:
        """Remove a record from the register and from every item that cites it."""
        for item_id, record in self.assessment.items.items():
            if evidence_id in record.evidence:
                self.set_item_evidence(item_id, [e for e in record.evidence if e != evidence_id])
        old = self.assessment.evidence_by_id()[evidence_id]
        self.assessment.evidence = [e for e in self.assessment.evidence if e.id != evidence_id]
        self.log("", f"evidence.{evidence_id}", _evidence_text(old), "")

    def replace_record(self, item_id: str, record: ItemRecord) -> bool:
        """Make an item's record equal to ``record``, logging each field that differs."""
        changed = False
        current = self.assessment.record(item_id)
        if current.status is not record.status:
            changed |= self.set_status(item_id, record.status)
        for name in TEXT_FIELDS:
            changed |= self.set_text(item_id, name, getattr(record, name))
        changed |= self.set_item_evidence(item_id, record.evidence)
        changed |= self.set_actions(item_id, record.actions)
        for name in sorted(set(current.figures) | set(record.figures)):
            changed |= self.set_figure(item_id, name, record.figures.get(name, ""))
        return changed


def _evidence_text(evidence: Evidence) -> str:
    parts = [evidence.title, evidence.ref, evidence.date.isoformat() if evidence.date else ""]
    return " ".join(p for p in parts if p)
