"""What a zone records: the assessment file's model (pydantic v2, persisted as JSON)."""

from __future__ import annotations

import datetime as dt
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


# The order statuses are listed in everywhere (counts, legends, drop-downs): best first.
STATUS_ORDER: tuple[Status, ...] = (
    Status.DONE,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.NOT_APPLICABLE,
    Status.NOT_ASSESSED,
)


class Priority(StrEnum):
    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ActionStatus(StrEnum):
    TODO = "todo"
    DOING = "doing"
    DONE = "done"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ZoneProfile(_Model):
    """The zone's attributes that decide which items apply to it."""

    name: str = Field(min_length=1)
    province: str = Field(min_length=1)
    border: bool = Field(default=False, description="沿边地区 / border zone")
    hub: bool = Field(default=False, description="西部枢纽节点起步区 / western computing hub")
    foreign_talent: bool = Field(default=False, description="外籍人才集中 / many foreign staff")
    # Where border and hub can hold is checked by assess.profile_rules, not here: a file
    # with an impossible profile still loads, and ``validate`` names the rule it breaks.

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
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(f"duplicate evidence ID(s): {', '.join(sorted(dupes))}")
        known = set(ids)
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
