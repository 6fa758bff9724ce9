"""What an undo or redo did, in words: 「6.2 原因：“新文字” → （空）」.

The session returns the changes as the history logged them (stored values); they are shown
with ``history_value`` so a status reads as its label and a record as its title.
"""

from __future__ import annotations

import json

from assess import fields
from assess.fields import BY_ID
from assess.models import Change
from assess.texts import Text, Texts
from assess.texts import policy as policy_words
from assess.texts import tui as words
from assess.texts.history import history_value
from assess.tui.session import Session

SHOWN_CHANGES = 2
# a zone task's own fields, as the history names them (the record's are in the registry)
TASK_FIELDS = {
    "zone_task": policy_words.OWN_TASKS,
    "zone_tasks": policy_words.OWN_TASKS,
    "title": fields.TASK_TITLE.label,
    "description": fields.TASK_DESCRIPTION.label,
    "measure": fields.TASK_MEASURE.label,
}
VALUE_CHARS = 24


def describe_changes(changes: list[Change], session: Session, t: Texts) -> str:
    """The first changes, each as item, field, old → new; then how many more."""
    parts = [_one(change, session, t) for change in changes[:SHOWN_CHANGES]]
    if len(changes) > SHOWN_CHANGES:
        parts.append(t(words.MORE_CHANGES, count=len(changes) - SHOWN_CHANGES))
    return t.pick("；", "; ").join(parts)


def _one(change: Change, session: Session, t: Texts) -> str:
    item = change.item or t(words.ZONE)
    listed = _records_in_or_out(change, t)
    if listed is not None:  # a whole list: which of its records came back or went
        entry, records = listed
        return t(entry, item=item, field=_field_name(change, session, t), records=records)
    return t(
        words.CHANGE,
        item=item,
        field=_field_name(change, session, t),
        old=_value(change.field, change.old, t),
        new=_value(change.field, change.new, t),
    )


def _field_name(change: Change, session: Session, t: Texts) -> str:
    head, _, rest = change.field.partition(".")
    if head == "evidence" and rest:
        return t(words.EVIDENCE_RECORD, id=rest)
    if head == "actions" and rest:
        return t(words.ACTION_RECORD, id=rest)
    if head == "figures" and rest:
        return t(words.FIGURE_RECORD, name=rest)
    if head in TASK_FIELDS:
        return t(TASK_FIELDS[head])
    field = BY_ID.get(change.field) or BY_ID.get(head)
    if field is None:
        return change.field
    if field.id == "explanation" and change.item:
        return t(field.label_for(session.record(change.item).status))
    return t(field.label)


def _value(field: str, value: str, t: Texts) -> str:
    if not value:
        return t(words.EMPTY)
    if field == "actions" or field.startswith("actions."):
        value = _action_texts(value)
    elif field in ("zone_task", "zone_tasks"):
        value = _action_texts(value, "title")
    elif field == "claims" or (field.startswith("claims.") and field.count(".") == 1):
        value = _action_texts(value, "policy")
    shown = history_value(field, value, t).replace("\n", " ")
    if len(shown) > VALUE_CHARS:
        shown = shown[: VALUE_CHARS - 1] + "…"
    return t(words.QUOTED_VALUE, value=shown)  # the catalog nests the value's own “…” as ‘…’


LIST_TITLES = {"actions": "text", "zone_tasks": "title", "claims": "policy"}


def _records_in_or_out(change: Change, t: Texts) -> tuple[Text, str] | None:
    """For a list of records (actions, tasks, claims) that only gained or only lost some:
    the entry to say it with and those records (ID and title); None otherwise."""
    key = LIST_TITLES.get(change.field)
    old, new = _records(change.old), _records(change.new)
    if key is None or old is None or new is None:
        return None
    old_ids, new_ids = {r.get("id") for r in old}, {r.get("id") for r in new}
    back = [r for r in new if r.get("id") not in old_ids]
    gone = [r for r in old if r.get("id") not in new_ids]
    kept_same = [r for r in new if r.get("id") in old_ids] == [
        r for r in old if r.get("id") in new_ids
    ]
    if bool(back) == bool(gone) or not kept_same:
        return None  # edited, or both: the values say it
    records = "、".join(_named(r, key, t) for r in back or gone)
    return (words.RECORDS_BACK if back else words.RECORDS_GONE), records


def _named(record: dict[str, object], key: str, t: Texts) -> str:
    title = str(record.get(key, "")).replace("\n", " ")
    if len(title) > VALUE_CHARS:
        title = title[: VALUE_CHARS - 1] + "…"
    return t(words.RECORD_NAMED, id=str(record.get("id", "")), title=title)


def _records(value: str) -> list[dict[str, object]] | None:
    if not value:
        return []
    try:
        data = json.loads(value)
    except json.JSONDecodeError:
        return None
    if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
        return None
    return data


def _action_texts(value: str, key: str = "text") -> str:
    """Actions (and tasks) are stored as JSON records: their texts (titles) say which."""
    try:
        data = json.loads(value)
    except json.JSONDecodeError:
        return value
    records = data if isinstance(data, list) else [data]
    return "、".join(str(r.get(key, "")) for r in records if isinstance(r, dict))
