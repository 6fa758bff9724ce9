"""What an import changed, listed so a department can check it (``assess import [--dry-run]``).

Every change is listed: recorded values it overwrote as ``old → new``, empty fields it filled
with their new value. Changed actions are listed one per action with the attributes that
differ, so two long action lists that start alike never look the same.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from assess.fields import ACTION_FIELDS, BY_ID, CLAIMS, POLICY_FIELDS, RECORD_FIELDS
from assess.models import Action, Change, Status
from assess.texts import Texts
from assess.texts.history import history_value

LIST_WIDTH = 60  # characters of a text value shown on one line

ZH = Texts()
CLAIMS_LABEL = CLAIMS.header
NOT_ASSESSED_LABEL = ZH.label(Status.NOT_ASSESSED)  # what files written before 0.x stored
FIELD_LABELS: dict[str, str] = {f.id: ZH(f.header) for f in (*RECORD_FIELDS, *POLICY_FIELDS)}
ACTION_LABELS: dict[str, str] = {f.attr: ZH(f.header) for f in ACTION_FIELDS}


@dataclass
class ImportReport:
    """What an import did: all changes, and the recorded values it overwrote."""

    changes: list[Change] = field(default_factory=list)
    new_evidence: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    actions: dict[str, tuple[list[Action], list[Action]]] = field(default_factory=dict)
    """Item ID → (actions before, actions after), for listing action changes one by one."""

    @property
    def overwritten(self) -> list[Change]:
        """Changes that replaced a recorded (non-empty, assessed) value."""
        return [c for c in self.changes if _is_overwrite(c)]

    def lines(self) -> list[str]:
        out = [f"共 {len(self.changes)} 处修改 / {len(self.changes)} change(s)"]
        out += [f"提示 / note: {n}" for n in self.notes]
        if self.new_evidence:
            out.append(f"新登记佐证材料 / new evidence: {', '.join(self.new_evidence)}")
        entries = self._grouped()
        overwritten = [c for c in entries if _is_overwrite(c)]
        filled = [c for c in entries if not _is_overwrite(c)]
        if overwritten:
            out.append(f"覆盖已有内容 {len(overwritten)} 处 / overwrote {len(overwritten)}:")
            out += [line for c in overwritten for line in self._describe(c)]
        if filled:
            out.append(f"新填内容 {len(filled)} 处 / filled in {len(filled)}:")
            out += [line for c in filled for line in self._describe(c)]
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

    def _describe(self, change: Change) -> list[str]:
        where = f"  {change.item or '佐证材料'} {field_label(change.field)}："
        if change.field == "actions" and change.item in self.actions:
            before, after = self.actions[change.item]
            return [where.rstrip("：")] + [f"      {line}" for line in action_diff(before, after)]
        old, new = (history_value(change.field, v, ZH) for v in (change.old, change.new))
        if _is_overwrite(change):
            old, new = short_pair(old, new)
            return [f"{where}{old} → {new}"]
        return [f"{where}{short_pair('', new)[1]}"]


def _is_overwrite(change: Change) -> bool:
    return bool(change.old) and change.old not in (Status.NOT_ASSESSED.value, NOT_ASSESSED_LABEL)


def field_label(name: str) -> str:
    """The field's name as the workbook shows it, e.g. 差距, 指标“高新技术企业数”."""
    if name.startswith("figures."):
        return f"指标“{name.removeprefix('figures.')}”"
    if name.startswith("evidence."):
        return f"登记 {name.removeprefix('evidence.')}"
    if name.startswith("claims."):  # claims.C1.status → 政策争取 C1 申请状态
        _, claim, *attr = name.split(".", 2)
        entry = BY_ID.get(f"claim.{attr[0]}") if attr else None
        return f"{ZH(CLAIMS_LABEL)} {claim} {ZH(entry.header) if entry else ''}".rstrip()
    return FIELD_LABELS.get(name, name)


def short_pair(old: str, new: str, width: int = LIST_WIDTH) -> tuple[str, str]:
    """Both texts on one line, cut to ``width`` around where they first differ."""
    old, new = " ".join(old.split()), " ".join(new.split())
    start = 0
    if max(len(old), len(new)) > width:
        same = next(
            (i for i, (a, b) in enumerate(zip(old, new, strict=False)) if a != b),
            min(len(old), len(new)),
        )
        start = max(0, same - width // 3)
    return _window(old, start, width), _window(new, start, width)


def _window(text: str, start: int, width: int) -> str:
    if not text:
        return "（空）"
    head = "…" if start > 0 else ""
    body = text[start : start + width]
    tail = "…" if start + width < len(text) else ""
    return head + body + tail


def action_diff(before: list[Action], after: list[Action]) -> list[str]:
    """One line per action added, removed or changed (matched by ID, else text), with what
    changed."""
    unused = list(before)
    out: list[str] = []
    for action in after:
        match = next((a for a in unused if a.id and a.id == action.id), None) or next(
            (a for a in unused if not a.id and a.text == action.text), None
        )
        if match is None:
            out.append(f"新增{_id(action)}“{_one_line(action.text)}”（{_attributes(action)}）")
            continue
        unused.remove(match)
        changed = [
            f"{label} {_value(match, name)} → {_value(action, name)}"
            for name, label in ACTION_LABELS.items()
            if getattr(match, name) != getattr(action, name)
        ]
        if changed:
            out.append(f"修改{_id(action)}“{_one_line(match.text)}”：{'；'.join(changed)}")
    out += [f"删除{_id(a)}“{_one_line(a.text)}”（{_attributes(a)}）" for a in unused]
    return out


def _id(action: Action) -> str:
    return f" {action.id}" if action.id else ""


def _attributes(action: Action) -> str:
    return "，".join(
        f"{label} {_value(action, name)}"
        for name, label in ACTION_LABELS.items()
        if name != "text" and getattr(action, name) not in (None, "")
    )


def _value(action: Action, name: str) -> str:
    value = getattr(action, name)
    if value is None or value == "":
        return "（空）"
    if isinstance(value, Enum):
        return ZH.label(value)
    return value.isoformat() if hasattr(value, "isoformat") else _one_line(str(value))


def _one_line(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= LIST_WIDTH else text[: LIST_WIDTH - 1] + "…"
