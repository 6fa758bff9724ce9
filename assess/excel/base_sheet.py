"""The hidden 导出基准 sheet: what a workbook was exported with, so its return is a three-way merge.

Without it an untouched cell cannot be told from a deliberate edit, and a returned workbook
would revert whatever the office changed since the export. The sheet holds one JSON document
(cut into cells below Excel's 32,767-character limit): an export ID, the department and the
items it may change, and the :class:`~assess.merge.Snapshot` of every value it shows.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from openpyxl.workbook.workbook import Workbook

from assess.checklist import Checklist
from assess.departments import items_of, responsible
from assess.excel.policy_intake import policy_rows
from assess.excel.responsible import responsible_cell
from assess.merge import Snapshot, snapshot
from assess.models import Assessment, ItemRecord
from assess.texts import Texts
from assess.texts.departments import BASE_SHEET

MARK = "assess-export-base"
VERSION = 1
CHUNK = 30_000


@dataclass
class ExportBase:
    """What a workbook carries about its export; ``scope`` None: the office's full workbook."""

    snapshot: Snapshot
    department: str = ""
    scope: frozenset[str] | None = None
    responsible: dict[str, str] = field(default_factory=dict)
    """Item ID → the 责任部门 cell as exported."""
    policy: dict[str, dict[str, str]] | None = None
    """Claims and zone tasks as exported (``policy_intake.policy_rows``); None: a base written
    before they were kept, whose claims and tasks are merged two ways."""
    export_id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    exported: str = field(
        default_factory=lambda: dt.datetime.now().astimezone().replace(microsecond=0).isoformat()
    )

    def to_json(self) -> dict[str, Any]:
        return {
            "version": VERSION,
            "export": self.export_id,
            "exported": self.exported,
            "department": self.department,
            "scope": None if self.scope is None else sorted(self.scope),
            "responsible": self.responsible,
            "snapshot": self.snapshot.to_json(),
            "policy": self.policy,
        }

    @classmethod
    def from_json(cls, data: Any) -> ExportBase:
        """ValueError when the document is not a base this version wrote."""
        if not isinstance(data, dict) or data.get("version") != VERSION:
            raise ValueError("unknown version")
        scope = data.get("scope")
        responsible = data.get("responsible", {})
        if not (scope is None or isinstance(scope, list)) or not isinstance(responsible, dict):
            raise ValueError("bad scope")
        policy = data.get("policy")
        if policy is not None and not (
            isinstance(policy, dict) and all(isinstance(r, dict) for r in policy.values())
        ):
            raise ValueError("bad policy rows")
        return cls(
            snapshot=Snapshot.from_json(data.get("snapshot")),
            department=str(data.get("department", "")),
            scope=None if scope is None else frozenset(str(i) for i in scope),
            responsible={str(k): str(v) for k, v in responsible.items()},
            policy=None
            if policy is None
            else {str(k): {str(f): str(v) for f, v in r.items()} for k, r in policy.items()},
            export_id=str(data.get("export", "")),
            exported=str(data.get("exported", "")),
        )


def write_base(wb: Workbook, base: ExportBase, t: Texts) -> None:
    """Add the hidden sheet last, so the sheets a user reads keep their places."""
    ws = wb.create_sheet(t(BASE_SHEET))
    ws.sheet_state = "hidden"
    text = json.dumps(base.to_json(), ensure_ascii=False, separators=(",", ":"))
    ws.cell(1, 1).value = MARK
    ws.cell(1, 2).value = base.export_id
    for row, start in enumerate(range(0, len(text), CHUNK), start=2):
        cell = ws.cell(row, 1)
        cell.value = text[start : start + CHUNK]
        cell.data_type = "s"


def read_base(rows: list[tuple[Any, ...]]) -> ExportBase:
    """The base from the sheet's cell values (column A); ValueError when it is damaged."""
    if not rows or not rows[0] or rows[0][0] != MARK:
        raise ValueError("no mark")
    text = "".join(str(r[0]) for r in rows[1:] if r and r[0] is not None)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(str(exc)) from None
    return ExportBase.from_json(data)


def base_of(
    checklist: Checklist, assessment: Assessment, items: list[str], department: str, limited: bool
) -> ExportBase:
    """The base of a workbook showing ``items``: a department's may change only those it leads."""
    cited = {e for i in items for e in (assessment.items.get(i) or ItemRecord()).evidence}
    snap = snapshot(assessment, items, evidence=cited if limited else None)
    scope = (
        frozenset(items_of(checklist, assessment, department)) & frozenset(items)
        if department
        else None
    )
    owners = {i: responsible_cell(responsible(checklist, assessment, i)) for i in items}
    return ExportBase(snap, department, scope, owners, policy_rows(assessment, set(items)))
