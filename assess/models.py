"""What a zone records: the assessment file's model (pydantic v2, persisted as JSON)."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assess.checklist import item_sort_key
from assess.lang import Lang
from assess.regions import Region, normalize_province, region_of, unknown_province_message
from assess.states import STATUS_ORDER as STATUS_ORDER
from assess.states import ActionStatus as ActionStatus
from assess.states import ClaimStatus as ClaimStatus
from assess.states import Priority as Priority
from assess.states import ReviewState as ReviewState
from assess.states import Schedule as Schedule
from assess.states import Status as Status
from assess.texts import departments as dept_texts
from assess.texts.catalog import Text, Texts
from assess.texts.labels import FIELD

SCHEMA_VERSION = 2
"""2: contact, departments' fields, claims, zone tasks, schedule and 争取对象 (version 1 files load
as they are; an older assess refuses a version-2 file with "upgrade" instead of "extra field")."""


def _both(entry: Text, **params: object) -> str:
    """A model error is read before anyone's language is known: both languages."""
    return f"{Texts(Lang.ZH)(entry, **params)} / {Texts(Lang.EN)(entry, **params)}"


def _label(field_id: str) -> str:
    """A field's description in the JSON schema: its catalog label, in both languages."""
    return _both(FIELD[field_id])


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ZoneProfile(_Model):
    """The zone's attributes that decide which items apply to it."""

    name: str = Field(min_length=1)
    province: str = Field(min_length=1)
    border: bool = Field(default=False, description=_label("zone.border"))
    hub: bool = Field(default=False, description=_label("zone.hub"))
    foreign_talent: bool = Field(default=False, description=_label("zone.foreign_talent"))
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
    lead: str = Field(default="", description=_label("action.lead"))
    partners: str = Field(default="", description=_label("action.partners"))
    due: dt.date | None = Field(default=None, description=_label("action.due"))
    priority: Priority = Priority.MEDIUM
    status: ActionStatus = ActionStatus.TODO
    id: str = Field(
        default="",
        pattern=r"^(A[1-9][0-9]*)?$",
        description="A1, A2…: stable, so a returned workbook's row edits this action; '' until assigned",
    )


class Claim(_Model):
    """One support policy the zone claims (政策争取): what, from whom, where it stands."""

    id: str = Field(pattern=r"^C[1-9][0-9]*$", description="C1, C2…: stable across the file")
    policy: str = Field(min_length=1, description="政策或文件")
    issuer: str = Field(default="", description="发文/受理单位")
    status: ClaimStatus = ClaimStatus.NOT_APPLIED
    amount: str = Field(default="", description="金额或指标, free text (万元, 亩 …)")
    date: dt.date | None = None


class ItemRecord(_Model):
    """The zone's answer for one checklist item (or one of the zone's own tasks)."""

    status: Status = Status.NOT_ASSESSED
    explanation: str = Field(default="", description="成效/进度/原因/理由, by status")
    current: str = Field(default="", description=_label("current"))
    evidence: list[str] = Field(default_factory=list, description="IDs into Assessment.evidence")
    gap: str = Field(default="", description=_label("gap"))
    opportunity: str = Field(default="", description=_label("opportunity"))
    actions: list[Action] = Field(default_factory=list)
    note: str = Field(default="", description=_label("note"))
    figures: dict[str, str] = Field(default_factory=dict, description="indicator name → value")
    schedule: Schedule | None = Field(default=None, description="达进度/欠进度, for 推进中 only")
    asked_of: str = Field(default="", description="争取对象 (省/市/部委), for higher-level items")
    claims: list[Claim] = Field(default_factory=list, description="政策争取")

    def is_blank(self) -> bool:
        return self == ItemRecord()


class ZoneTask(_Model):
    """A task the zone sets itself under a measure (出题目、写答案), scored apart from the plan."""

    id: str = Field(pattern=r"^Z[1-9][0-9]*$", description="Z1, Z2…")
    measure: int = Field(ge=1, description="the measure it belongs under")
    title: str = Field(min_length=1)
    description: str = ""
    record: ItemRecord = Field(default_factory=ItemRecord)


UNDO_MARKS = frozenset({"undo", "redo"})
"""The ``field`` of a history entry marking an undo or redo step (its changes follow apart)."""


class Change(_Model):
    """One entry of the change history kept inside the file."""

    at: dt.datetime
    who: str = ""
    item: str = ""
    field: str
    old: str = ""
    new: str = ""
    source: str = Field(
        default="", description="where the change came from, e.g. a workbook's name"
    )
    export: str = Field(
        default="",
        description="the export ID of the workbook it came from (its 导出基准), kept however "
        "the file is renamed or re-saved",
    )


class Review(_Model):
    """The last sign-off step (``assess.review``); every step is also in the history."""

    state: ReviewState = ReviewState.DRAFT
    who: str = Field(default="", description="who took the last step")
    at: dt.datetime | None = None
    opinion: str = Field(default="", description="意见 of the last step")


class Responsibility(_Model):
    """Who owns a measure or an item: one 牵头部门 and any number of 配合部门."""

    lead: str = Field(min_length=1, description="牵头部门")
    partners: list[str] = Field(default_factory=list, description="配合部门")


class Assessment(_Model):
    """One zone's self-assessment for one period: one JSON file."""

    schema_version: int = SCHEMA_VERSION
    checklist: ChecklistRef
    zone: ZoneProfile
    period: str = Field(min_length=1, description="e.g. 2025年下半年")
    assessor: str = ""
    contact: str = Field(default="", description="联系电话 of the assessor, shown on the cover")
    created: dt.datetime
    updated: dt.datetime
    evidence: list[Evidence] = Field(default_factory=list)
    items: dict[str, ItemRecord] = Field(default_factory=dict)
    retired_items: dict[str, ItemRecord] = Field(
        default_factory=dict,
        description="Records of items no longer in the checklist, kept so nothing is lost.",
    )
    departments: list[str] = Field(
        default_factory=list, description="the zone's own departments, typed once"
    )
    responsibility: dict[str, Responsibility] = Field(
        default_factory=dict,
        description="measure number ('3', the default) or item ID ('3.2', an override) → owners",
    )
    review: Review = Field(default_factory=Review, description="审核与定稿 / sign-off")
    zone_tasks: list[ZoneTask] = Field(default_factory=list, description="自定任务")
    history: list[Change] = Field(default_factory=list)

    @model_validator(mode="after")
    def _own_ids_unique(self) -> Assessment:
        """Zone-task and claim IDs name one row each, in the file and in a returned workbook."""
        for ids in ([t.id for t in self.zone_tasks], [c.id for c in all_claims(self)]):
            dupes = sorted({i for i in ids if ids.count(i) > 1})
            if dupes:
                raise ValueError(f"duplicate ID(s) / 编号重复: {', '.join(dupes)}")
        return self

    @model_validator(mode="after")
    def _action_ids_unique(self) -> Assessment:
        """Older files have no action IDs: give them A1, A2… in item order (a save writes them)."""
        ids = [a.id for a in all_actions(self) if a.id]
        dupes = {i for i in ids if ids.count(i) > 1}
        if dupes:
            raise ValueError(_both(dept_texts.DUPLICATE_ACTION_ID, ids=", ".join(sorted(dupes))))
        assign_action_ids(self)
        return self

    @model_validator(mode="after")
    def _responsibility_known(self) -> Assessment:
        """Owners are picked from the zone's list, so a typo cannot create a department."""
        check_responsibility(self.departments, self.responsibility)
        return self

    @model_validator(mode="after")
    def _evidence_refs_exist(self) -> Assessment:
        ids = [e.id for e in self.evidence]
        known = set(ids)
        if len(known) < len(ids):  # linear: 100k entries are checked in milliseconds
            dupes = sorted(i for i, n in Counter(ids).items() if n > 1)
            more = f" (+{len(dupes) - 10})" if len(dupes) > 10 else ""
            raise ValueError(f"duplicate evidence ID(s): {', '.join(dupes[:10])}{more}")
        records = [*self.items.items(), *((t.id, t.record) for t in self.zone_tasks)]
        for item_id, record in records:
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


_RESPONSIBILITY_KEY = re.compile(r"^[1-9][0-9]*(\.[1-9][0-9]*)?$")


def check_responsibility(departments: list[str], table: dict[str, Responsibility]) -> None:
    """Raise ValueError naming the bad department or key; the Editor checks before it assigns."""
    bad = [n for n in departments if not n.strip() or n != n.strip() or departments.count(n) > 1]
    if bad:
        raise ValueError(_both(dept_texts.BAD_DEPARTMENT, name=bad[0]))
    known = set(departments)
    for key, owners in table.items():
        if not _RESPONSIBILITY_KEY.match(key):
            raise ValueError(_both(dept_texts.BAD_RESPONSIBILITY_KEY, key=key))
        for name in [owners.lead, *owners.partners]:
            if name not in known:
                raise ValueError(_both(dept_texts.UNKNOWN_DEPARTMENT, key=key, name=name))
        if owners.lead in owners.partners or len(set(owners.partners)) < len(owners.partners):
            raise ValueError(_both(dept_texts.REPEATED_DEPARTMENT, key=key))


def all_actions(assessment: Assessment) -> list[Action]:
    """Every action of the file, items in checklist order, then retired items', then zone tasks'."""
    records = [assessment.items[k] for k in sorted(assessment.items, key=item_sort_key)]
    records += [
        assessment.retired_items[k] for k in sorted(assessment.retired_items, key=item_sort_key)
    ]
    records += [task.record for task in assessment.zone_tasks]
    return [a for r in records for a in r.actions]


def all_claims(assessment: Assessment) -> list[Claim]:
    """Every claim of the file, items in checklist order."""
    return [
        c for k in sorted(assessment.items, key=item_sort_key) for c in assessment.items[k].claims
    ]


def named_in_history(assessment: Assessment) -> set[str]:
    """The IDs of the actions, claims, evidence records and zone tasks the history names, deleted
    rows among them: a new row never takes one, so each entry of the history stays about one row
    (and a department's re-sent workbook is never taken for the office's new row in a deleted
    one's ID, nor its citation of a deleted record for a new one)."""
    ids: set[str] = set()
    for change in assessment.history:
        kind, _, rest = change.field.partition(".")
        if kind in ("actions", "claims", "evidence") and rest:
            ids.add(rest.split(".", 1)[0])
        elif change.field == "zone_task":
            ids.add(change.item)
    return ids


def next_id(prefix: str, used: list[str], assessment: Assessment | None = None) -> str:
    """The next ``C``/``E``/``Z`` ID after the highest used, or named in ``assessment``'s history."""
    taken = [*used, *(named_in_history(assessment) if assessment is not None else ())]
    numbers = (int(i[1:]) for i in taken if i.startswith(prefix) and i[1:].isdigit())
    return f"{prefix}{max(numbers, default=0) + 1}"


def next_action_id(assessment: Assessment) -> str:
    return next_id("A", [a.id for a in all_actions(assessment) if a.id], assessment)


def assign_action_ids(assessment: Assessment) -> None:
    """Give every action without an ID the next free one, in order; IDs already given stay."""
    actions = all_actions(assessment)
    top = max((int(a.id[1:]) for a in actions if a.id), default=0)
    for action in actions:
        if not action.id:
            top += 1
            action.id = f"A{top}"
