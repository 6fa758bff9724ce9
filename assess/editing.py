"""Changing an assessment so that every change lands in its history.

The TUI, the workbook import and roll-forward all edit through here, so the history inside
the file always says who changed what, when, from what to what.
"""

from __future__ import annotations

import datetime as dt
import getpass
import hashlib
import json
from collections.abc import Callable
from enum import Enum
from functools import wraps
from typing import Any, TypeVar

from pydantic import BaseModel

from assess import fields
from assess.fields import POLICY_FIELDS, RECORD_FIELDS, TEXT_FIELDS, Field, FieldError
from assess.models import (
    Action,
    Assessment,
    Change,
    Claim,
    Evidence,
    ItemRecord,
    Responsibility,
    Review,
    Status,
    ZoneProfile,
    ZoneTask,
    all_actions,
    all_claims,
    check_responsibility,
    next_action_id,
    next_id,
)
from assess.review import FinalizedError, ReviewStep, check_step, finalized_message, is_final
from assess.texts.messages import UNKNOWN_EVIDENCE

F = TypeVar("F", bound=Callable[..., Any])


def now() -> dt.datetime:
    return dt.datetime.now().astimezone().replace(microsecond=0)


def default_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


def stored(value: Any) -> str:
    """A value as the history keeps it: status codes, ISO dates, compact JSON for records."""
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, BaseModel):
        return _json(value.model_dump(mode="json"))
    if isinstance(value, list):
        if any(isinstance(v, BaseModel) for v in value):
            return _json([v.model_dump(mode="json") for v in value])
        return "; ".join(stored(v) for v in value)
    return str(value)


def _json(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


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


def task_record(assessment: Assessment, task_id: str) -> ItemRecord | None:
    """The record of the zone task ``task_id``; None if no task has that ID."""
    return next((t.record for t in assessment.zone_tasks if t.id == task_id), None)


def _unless_final(method: F) -> F:
    """Refuse a change to a final (定稿) assessment before anything is touched."""

    @wraps(method)
    def guarded(self: Editor, *args: Any, **kwargs: Any) -> Any:
        if is_final(self.assessment):
            raise FinalizedError(finalized_message(self.assessment))
        return method(self, *args, **kwargs)

    return guarded  # type: ignore[return-value]


class Editor:
    """Applies changes to one assessment and records each in ``assessment.history``."""

    def __init__(
        self, assessment: Assessment, who: str | None = None, source: str = "", export: str = ""
    ) -> None:
        self.assessment = assessment
        self._who = who
        self.source = source
        self.export = export

    @property
    def who(self) -> str:
        """Who is named in the history: as given, else the profile's assessor as it is now
        (set in the TUI's profile screen mid-session), the OS user only when there is none."""
        return self._who if self._who is not None else (self.assessment.assessor or default_user())

    @who.setter
    def who(self, value: str) -> None:
        self._who = value

    def log(self, item: str, field: str, old: Any, new: Any) -> Change:
        change = Change(
            at=now(),
            who=self.who,
            item=item,
            field=field,
            old=history_value(stored(old)),
            new=history_value(stored(new)),
            source=self.source,
            export=self.export,
        )
        self.assessment.history.append(change)
        self.assessment.updated = change.at
        return change

    def record(self, item_id: str) -> ItemRecord:
        """The record of an item, or of a zone task by its ID (Z1…): both edit the same way."""
        record = task_record(self.assessment, item_id)
        return self.assessment.record(item_id) if record is None else record

    @_unless_final
    def set_field(self, item_id: str, field: Field, value: Any) -> bool:
        """Set any field of the registry's ``RECORD_FIELDS`` on an item's (or a task's) record."""
        if field.id == "evidence":
            return self.set_item_evidence(item_id, value)
        if field.id == "figures":
            return self.set_figures(item_id, value)
        record = self.record(item_id)
        old = getattr(record, field.id)
        if old == value:
            return False
        self.log(item_id, field.id, old, value)
        setattr(record, field.id, list(value) if isinstance(value, list) else value)
        return True

    def set_status(self, item_id: str, status: Status) -> bool:
        return self.set_field(item_id, fields.STATUS, status)

    def set_text(self, item_id: str, field: str, value: str) -> bool:
        """Set one of the record's free-text fields (explanation, 现状, 差距, 机遇, 备注)."""
        by_id = {f.id: f for f in TEXT_FIELDS}
        if field not in by_id:
            raise ValueError(f"not a text field: {field}")
        return self.set_field(item_id, by_id[field], value)

    @_unless_final
    def set_figure(self, item_id: str, name: str, value: str) -> bool:
        record = self.record(item_id)
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

    def set_figures(self, item_id: str, figures: dict[str, str]) -> bool:
        current = self.record(item_id).figures
        changed = False
        for name in sorted(set(current) | set(figures)):
            changed |= self.set_figure(item_id, name, figures.get(name, ""))
        return changed

    @_unless_final
    def set_actions(self, item_id: str, actions: list[Action]) -> bool:
        """Replace an item's actions; one given without an ID takes the ID of the same action
        already there, else the next free one, so setting the same list twice logs nothing."""
        current = self.record(item_id).actions
        free = [a for a in current if a.id not in {b.id for b in actions if b.id}]
        top = int(next_action_id(self.assessment)[1:])
        given: list[Action] = []
        for action in actions:
            if not action.id:
                same = next((a for a in free if a.model_copy(update={"id": ""}) == action), None)
                if same is not None:
                    free.remove(same)
                    action = same
                else:
                    action = action.model_copy(update={"id": f"A{top}"})
                    top += 1
            given.append(action.model_copy())
        return self.set_field(item_id, fields.ACTIONS, given)

    @_unless_final
    def set_item_evidence(self, item_id: str, evidence_ids: list[str]) -> bool:
        record = self.record(item_id)
        known = {e.id for e in self.assessment.evidence}
        missing = [e for e in evidence_ids if e not in known]
        if missing:
            raise FieldError(UNKNOWN_EVIDENCE, ids=", ".join(missing))
        if record.evidence == evidence_ids:
            return False
        self.log(item_id, "evidence", record.evidence, evidence_ids)
        record.evidence = list(evidence_ids)
        return True

    def cite(self, item_id: str, evidence_id: str) -> bool:
        """Let an item cite a registered record (one record may back several items)."""
        cited = self.record(item_id).evidence
        return evidence_id not in cited and self.set_item_evidence(item_id, [*cited, evidence_id])

    def uncite(self, item_id: str, evidence_id: str) -> bool:
        cited = self.record(item_id).evidence
        return self.set_item_evidence(item_id, [e for e in cited if e != evidence_id])

    @_unless_final
    def add_evidence(
        self, title: str, ref: str = "", date: dt.date | None = None, *, id: str | None = None
    ) -> Evidence:
        """A new record in the register: with ``id`` when it is free, else the next (E1, E2 …)."""
        used = [e.id for e in self.assessment.evidence]
        if id is None or id in used:
            id = next_id("E", used, self.assessment)  # never a deleted record's
        evidence = Evidence(id=id, title=title, ref=ref, date=date)
        self.assessment.evidence = [*self.assessment.evidence, evidence]
        self.log("", f"evidence.{id}", None, evidence)
        return evidence

    @_unless_final
    def update_evidence(self, evidence: Evidence) -> bool:
        register = self.assessment.evidence
        for index, old in enumerate(register):
            if old.id == evidence.id:
                if old == evidence:
                    return False
                self.log("", f"evidence.{evidence.id}", old, evidence)
                self.assessment.evidence = [*register[:index], evidence, *register[index + 1 :]]
                return True
        raise KeyError(evidence.id)

    @_unless_final
    def remove_evidence(self, evidence_id: str) -> None:
        """Remove a record from the register and from every item and task that cites it."""
        for item_id, record in self._records():
            if evidence_id in record.evidence:
                self.set_item_evidence(item_id, [e for e in record.evidence if e != evidence_id])
        old = self.assessment.evidence_by_id()[evidence_id]
        self.assessment.evidence = [e for e in self.assessment.evidence if e.id != evidence_id]
        self.log("", f"evidence.{evidence_id}", old, None)

    @_unless_final
    def restore_record(self, item_id: str, record: ItemRecord) -> bool:
        """Make an item's record equal to ``record`` (undo), logging each field that differs."""
        changed = False
        for field in (*RECORD_FIELDS, *POLICY_FIELDS):
            changed |= self.set_field(item_id, field, getattr(record, field.id))
        return changed

    @_unless_final
    def restore(self, snapshot: Assessment) -> None:
        """Make the assessment equal to ``snapshot`` (history aside), each change logged (undo)."""
        for field in fields.ZONE_FIELDS:
            self.set_zone(field, getattr(snapshot.zone, field.attr))
        self.set_period(snapshot.period)
        self.set_assessor(snapshot.assessor)
        known = self.assessment.evidence_by_id()
        wanted = snapshot.evidence_by_id()
        # First the union of both registers, so every record's citations stay valid.
        for evidence_id, evidence in wanted.items():
            if evidence_id not in known:
                self.add_evidence(evidence.title, evidence.ref, evidence.date, id=evidence_id)
        for item_id in sorted(set(self.assessment.items) | set(snapshot.items)):
            self.restore_record(item_id, snapshot.items.get(item_id, ItemRecord()))
        for evidence_id in known:
            if evidence_id not in wanted:
                self.remove_evidence(evidence_id)
            else:
                self.update_evidence(wanted[evidence_id].model_copy())
        self.assessment.evidence = [e.model_copy() for e in snapshot.evidence]
        if self.assessment.zone_tasks != snapshot.zone_tasks:
            self.log("", "zone_tasks", self.assessment.zone_tasks, snapshot.zone_tasks)
            self.assessment.zone_tasks = [t.model_copy(deep=True) for t in snapshot.zone_tasks]
        self.log("", "undo", None, None)

    @_unless_final
    def add_action(self, item_id: str, action: Action) -> Action:
        """Append an action; it keeps its ID if free (a restored row), else gets the next one."""
        used = {a.id for a in all_actions(self.assessment)}
        new_id = (
            action.id if action.id and action.id not in used else next_action_id(self.assessment)
        )
        added = action.model_copy(update={"id": new_id})
        record = self.record(item_id)
        record.actions = [*record.actions, added]
        self.log(item_id, f"actions.{new_id}", "", added)
        return added

    @_unless_final
    def set_action_field(self, action_id: str, field: str, value: Any) -> bool:
        """Change one attribute of one action, found by its ID wherever it is."""
        if field == "id" or field not in Action.model_fields:
            raise ValueError(f"not an action field: {field}")
        item_id, record, index = self._find_action(action_id)
        old = record.actions[index]
        new = Action.model_validate({**old.model_dump(), field: value})
        if new == old:
            return False
        self.log(item_id, f"actions.{action_id}.{field}", getattr(old, field), getattr(new, field))
        record.actions = [*record.actions[:index], new, *record.actions[index + 1 :]]
        return True

    @_unless_final
    def remove_action(self, action_id: str) -> None:
        item_id, record, index = self._find_action(action_id)
        self.log(item_id, f"actions.{action_id}", record.actions[index], "")
        record.actions = [*record.actions[:index], *record.actions[index + 1 :]]

    @_unless_final
    def set_departments(self, names: list[str]) -> bool:
        """The zone's list; a department still owning something cannot be dropped (ValueError)."""
        old = self.assessment.departments
        if old == names:
            return False
        check_responsibility(names, self.assessment.responsibility)
        self.assessment.departments = list(names)
        self.log("", "departments", old, names)
        return True

    @_unless_final
    def set_responsibility(self, key: str, owners: Responsibility | None) -> bool:
        """Owners of a measure ("3") or an item ("3.2"); None removes the entry."""
        table = dict(self.assessment.responsibility)
        old = table.get(key)
        if old == owners:
            return False
        if owners is None:
            del table[key]
        else:
            table[key] = owners
        check_responsibility(self.assessment.departments, table)
        self.assessment.responsibility = table
        self.log("", f"responsibility.{key}", old, owners)
        return True

    # Support claims (政策争取) on an item: C1, C2… unique across the file.

    @_unless_final
    def add_claim(self, item_id: str, claim: Claim | None = None, **values: Any) -> Claim:
        """Append a claim; it keeps its ID if free (a returned row), else gets the next one."""
        used = [c.id for c in all_claims(self.assessment)]
        data = {**(claim.model_dump() if claim else {}), **values}
        if data.get("id") in (None, "", *used):
            data["id"] = next_id("C", used, self.assessment)
        added = Claim.model_validate(data)
        record = self.assessment.record(item_id)
        record.claims = [*record.claims, added]
        self.log(item_id, f"claims.{added.id}", None, added)
        return added

    @_unless_final
    def set_claim_field(self, claim_id: str, field: str, value: Any) -> bool:
        """Change one attribute (policy, issuer, status, amount, date) of one claim."""
        if field == "id" or field not in Claim.model_fields:
            raise ValueError(f"not a claim field: {field}")
        item_id, record, index = self._find_claim(claim_id)
        old = record.claims[index]
        new = Claim.model_validate({**old.model_dump(), field: value})
        if new == old:
            return False
        self.log(item_id, f"claims.{claim_id}.{field}", getattr(old, field), getattr(new, field))
        record.claims = [*record.claims[:index], new, *record.claims[index + 1 :]]
        return True

    @_unless_final
    def remove_claim(self, claim_id: str) -> None:
        item_id, record, index = self._find_claim(claim_id)
        self.log(item_id, f"claims.{claim_id}", record.claims[index], None)
        record.claims = [*record.claims[:index], *record.claims[index + 1 :]]

    def _find_claim(self, claim_id: str) -> tuple[str, ItemRecord, int]:
        for item_id, record in self.assessment.items.items():
            for index, claim in enumerate(record.claims):
                if claim.id == claim_id:
                    return item_id, record, index
        raise KeyError(claim_id)

    # The zone's own tasks (自定任务): Z1, Z2…, each with a record like an item's.

    @_unless_final
    def add_zone_task(
        self, measure: int, title: str, description: str = "", *, id: str | None = None
    ) -> ZoneTask:
        """A new task: with ``id`` when it is free (a returned row), else the next (Z1, Z2 …)."""
        used = [t.id for t in self.assessment.zone_tasks]
        if id is None or id in used:
            id = next_id("Z", used, self.assessment)
        task = ZoneTask(id=id, measure=measure, title=title, description=description)
        self.assessment.zone_tasks = [*self.assessment.zone_tasks, task]
        self.log(task.id, "zone_task", None, task)
        return task

    @_unless_final
    def set_zone_task(self, task_id: str, field: str, value: Any) -> bool:
        """Change a task's measure, title or description."""
        if field not in ("measure", "title", "description"):
            raise ValueError(f"not a zone-task field: {field}")
        index, task = self._find_task(task_id)
        new = ZoneTask.model_validate({**task.model_dump(), field: value})
        if new == task:
            return False
        self.log(task_id, field, getattr(task, field), getattr(new, field))
        self._replace_task(index, new)
        return True

    @_unless_final
    def set_task_field(self, task_id: str, field: Field, value: Any) -> bool:
        """Set a record field (status, explanation, evidence, actions, schedule …) of a task."""
        index, task = self._find_task(task_id)
        old = getattr(task.record, field.id)
        if old == value:
            return False
        if field.id == "evidence":
            known = {e.id for e in self.assessment.evidence}
            missing = [e for e in value if e not in known]
            if missing:
                raise FieldError(UNKNOWN_EVIDENCE, ids=", ".join(missing))
        if field.id == "actions":
            value = self._with_action_ids(value)
        record = ItemRecord.model_validate({**task.record.model_dump(), field.id: value})
        self.log(task_id, field.id, old, getattr(record, field.id))
        self._replace_task(index, task.model_copy(update={"record": record}))
        return True

    @_unless_final
    def remove_zone_task(self, task_id: str) -> None:
        """Drop a task; the history keeps it whole (its last value), so nothing is lost."""
        index, task = self._find_task(task_id)
        self.log(task_id, "zone_task", task, None)
        tasks = self.assessment.zone_tasks
        self.assessment.zone_tasks = [*tasks[:index], *tasks[index + 1 :]]

    def _with_action_ids(self, actions: list[Action]) -> list[Action]:
        top = int(next_action_id(self.assessment)[1:])
        out = []
        for action in actions:
            if not action.id:
                action = action.model_copy(update={"id": f"A{top}"})
                top += 1
            out.append(action)
        return out

    def _find_task(self, task_id: str) -> tuple[int, ZoneTask]:
        for index, task in enumerate(self.assessment.zone_tasks):
            if task.id == task_id:
                return index, task
        raise KeyError(task_id)

    def _replace_task(self, index: int, task: ZoneTask) -> None:
        tasks = self.assessment.zone_tasks
        self.assessment.zone_tasks = [*tasks[:index], task, *tasks[index + 1 :]]

    def _records(self) -> list[tuple[str, ItemRecord]]:
        """Every record that can cite evidence or hold actions: items', then zone tasks'."""
        tasks = [(t.id, t.record) for t in self.assessment.zone_tasks]
        return [*self.assessment.items.items(), *tasks]

    def _find_action(self, action_id: str) -> tuple[str, ItemRecord, int]:
        for item_id, record in self._records():
            for index, action in enumerate(record.actions):
                if action.id == action_id:
                    return item_id, record, index
        raise KeyError(action_id)

    @_unless_final
    def set_zone(self, field: Field, value: Any) -> bool:
        """Set one of the zone profile's fields (``ZONE_FIELDS``: name, province, flags)."""
        zone = self.assessment.zone
        old = getattr(zone, field.attr)
        if old == value:
            return False
        self.assessment.zone = ZoneProfile.model_validate({**zone.model_dump(), field.attr: value})
        self.log("", field.id, old, getattr(self.assessment.zone, field.attr))
        return True

    def set_period(self, period: str) -> bool:
        return self.set_field_of_assessment(fields.PERIOD, period)

    def set_assessor(self, assessor: str) -> bool:
        return self.set_field_of_assessment(fields.ASSESSOR, assessor)

    @_unless_final
    def set_field_of_assessment(self, field: Field, value: str) -> bool:
        """Set the period or the assessor (``fields.PERIOD`` / ``fields.ASSESSOR``)."""
        old = getattr(self.assessment, field.id)
        if old == value:
            return False
        setattr(self.assessment, field.id, value)
        self.log("", field.id, old, value)
        return True

    def review(self, step: ReviewStep, opinion: str = "") -> Review:
        """Take a sign-off step as ``who`` (ReviewError if it does not follow); logged as
        field ``review`` with the whole step (state, who, when, 意见) as the new value."""
        state = check_step(self.assessment, step, self.who, opinion)
        old = self.assessment.review
        new = Review(state=state, who=self.who, at=now(), opinion=opinion.strip())
        self.log("", "review", old, new)
        self.assessment.review = new
        return new
