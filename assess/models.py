"""What a zone records: the assessment file's model (pydantic v2, persisted as JSON)."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assess.regions import Region, normalize_province, region_of, unknown_province_message

SCHEMA_VERSION = 1


class Status(StrEnum):
    """Where an item stands; the value is stored, the labels are shown."""

    NOT_ASSESSED = "not_assessed"
    DONE = "done"
    IN_PROGRESS = "in_progress"
    NOT_STARTED = "not_started"
    NOT_APPLICABLE = "not_applicable"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self][0]

    @property
    def label_en(self) -> str:
        return STATUS_LABELS[self][1]

    @property
    def explanation_label(self) -> str:
        """What the status asks for: 已落实查成效，推进中查进度，未启动查原因，不适用说理由."""
        return EXPLANATION_LABELS[self][0]

    @property
    def explanation_label_en(self) -> str:
        return EXPLANATION_LABELS[self][1]

    @classmethod
    def from_label(cls, text: str) -> Status:
        """Accept a Chinese label, an English label or the stored value."""
        key = text.strip().lower()
        for status, (zh, en) in STATUS_LABELS.items():
            if key in (zh, en.lower(), status.value):
                return status
        raise ValueError(f"未知状态「{text}」/ unknown status; 可选 / valid: {status_choices()}")


STATUS_LABELS: dict[Status, tuple[str, str]] = {
    Status.NOT_ASSESSED: ("未评估", "not assessed"),
    Status.DONE: ("已落实", "done"),
    Status.IN_PROGRESS: ("推进中", "in progress"),
    Status.NOT_STARTED: ("未启动", "not started"),
    Status.NOT_APPLICABLE: ("不适用", "not applicable"),
}

EXPLANATION_LABELS: dict[Status, tuple[str, str]] = {
    Status.NOT_ASSESSED: ("说明", "note"),
    Status.DONE: ("成效", "effect"),
    Status.IN_PROGRESS: ("进度", "progress"),
    Status.NOT_STARTED: ("原因", "reason"),
    Status.NOT_APPLICABLE: ("理由", "justification"),
}


def status_choices() -> str:
    return "、".join(s.label for s in Status)


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def label(self) -> str:
        return {"high": "高", "medium": "中", "low": "低"}[self.value]

    @property
    def label_en(self) -> str:
        return self.value

    @classmethod
    def from_label(cls, text: str) -> Priority:
        key = text.strip().lower()
        for p in cls:
            if key in (p.label, p.value):
                return p
        raise ValueError(f"未知优先级「{text}」/ unknown priority; 可选 / valid: 高、中、低")


class ActionStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"

    @property
    def label(self) -> str:
        return {"todo": "未开始", "doing": "进行中", "done": "已完成"}[self.value]

    @property
    def label_en(self) -> str:
        return {"todo": "to do", "doing": "doing", "done": "done"}[self.value]

    @classmethod
    def from_label(cls, text: str) -> ActionStatus:
        key = text.strip().lower()
        for s in cls:
            if key in (s.label, s.value, s.label_en):
                return s
        raise ValueError(
            f"未知举措状态「{text}」/ unknown action status; 可选 / valid: 未开始、进行中、已完成"
        )


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ZoneProfile(_Model):
    """The zone's attributes that decide which items apply to it."""

    name: str = Field(min_length=1)
    province: str = Field(min_length=1)
    border: bool = Field(default=False, description="沿边地区 / border zone")
    hub: bool = Field(default=False, description="西部枢纽节点起步区 / western computing hub")
    foreign_talent: bool = Field(default=False, description="外籍人才集中 / many foreign staff")

    @field_validator("province")
    @classmethod
    def _known_province(cls, value: str) -> str:
        short = normalize_province(value)
        if short is None:
            raise ValueError(unknown_province_message(value))
        return short

    @property
    def region(self) -> Region:
        return region_of(self.province)

    @property
    def hub_outside_west(self) -> bool:
        """The 西部枢纽节点起步区 are all in the West: a hub elsewhere is a slip."""
        return self.hub and self.region is not Region.WEST


class ChecklistRef(_Model):
    id: str
    version: str


class Evidence(_Model):
    """One piece of evidence, by reference only; several items may cite it (最多报一次)."""

    id: str = Field(pattern=r"^E[0-9]+$")
    title: str = Field(min_length=1)
    ref: str = Field(default="", description="文号、链接或路径 / document number, link or path")
    date: dt.date | None = None


class Action(_Model):
    """A next step (下一步举措) with its owner and deadline."""

    text: str = Field(min_length=1)
    lead: str = Field(default="", description="牵头单位")
    partners: str = Field(default="", description="配合单位")
    due: dt.date | None = Field(default=None, description="完成时限")
    priority: Priority = Priority.MEDIUM
    status: ActionStatus = ActionStatus.TODO


class ItemRecord(_Model):
    """The zone's answer for one checklist item."""

    status: Status = Status.NOT_ASSESSED
    explanation: str = Field(default="", description="成效/进度/原因/理由, by status")
    current: str = Field(default="", description="现状")
    evidence: list[str] = Field(default_factory=list, description="IDs into Assessment.evidence")
    gap: str = Field(default="", description="差距")
    opportunity: str = Field(default="", description="机遇")
    actions: list[Action] = Field(default_factory=list)
    note: str = Field(default="", description="备注")
    figures: dict[str, str] = Field(default_factory=dict, description="indicator name → value")

    def is_blank(self) -> bool:
        return self == ItemRecord()


class Change(_Model):
    """One entry of the change history kept inside the file."""

    at: dt.datetime
    who: str = ""
    item: str = ""
    field: str
    old: str = ""
    new: str = ""


class Assessment(_Model):
    """One zone's self-assessment for one period: one JSON file."""

    schema_version: int = SCHEMA_VERSION
    checklist: ChecklistRef
    zone: ZoneProfile
    period: str = Field(min_length=1, description="e.g. 2025年下半年")
    assessor: str = ""
    created: dt.datetime
    updated: dt.datetime
    evidence: list[Evidence] = Field(default_factory=list)
    items: dict[str, ItemRecord] = Field(default_factory=dict)
    retired_items: dict[str, ItemRecord] = Field(
        default_factory=dict,
        description="Records of items no longer in the checklist, kept so nothing is lost.",
    )
    history: list[Change] = Field(default_factory=list)

    @model_validator(mode="after")
    def _evidence_refs_exist(self) -> Assessment:
        ids = [e.id for e in self.evidence]
        known = set(ids)
        if len(known) < len(ids):  # linear: 100k entries are checked in milliseconds
            dupes = sorted(i for i, n in Counter(ids).items() if n > 1)
            more = f" (+{len(dupes) - 10})" if len(dupes) > 10 else ""
            raise ValueError(f"duplicate evidence ID(s): {', '.join(dupes[:10])}{more}")
        for item_id, record in self.items.items():
            for ref in record.evidence:
                if ref not in known:
                    raise ValueError(
                        f"items.{item_id}.evidence: 引用的佐证 {ref} 不在佐证清单 evidence 中 "
                        f"/ cites evidence {ref}, which is not in the evidence list"
                    )
        return self

    def evidence_by_id(self) -> dict[str, Evidence]:
        return {e.id: e for e in self.evidence}

    def record(self, item_id: str) -> ItemRecord:
        """The record of an item, created blank on first use."""
        rec = self.items.get(item_id)
        if rec is None:
            rec = ItemRecord()
            self.items[item_id] = rec
        return rec
