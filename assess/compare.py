"""Item-level comparison of two assessments: one zone across periods, or two zones.

Each item of the checklist that both files record gets a change class. Each side's state
is one of: *excluded* (the item does not apply to that zone's profile, or the zone marked it
不适用), *unassessed* (未评估), or a rank 未启动 < 推进中 < 已落实. The class is decided in this
order of precedence:

1. 适用性变化 (applicability changed): excluded on exactly one side;
2. 新评估 (newly assessed): 未评估 in A, assessed in B;
   转为未评估 (now not assessed): assessed in A, 未评估 in B;
3. 改善 (improved) / 退步 (regressed): the rank went up / down;
4. 未变 (unchanged): same rank, both 未评估, or excluded on both sides.

Independently of the class, the diff says which texts changed and what was added or removed
(evidence by title, since IDs are per file; actions by text). Actions "due between the two
assessments" are those with a due date in the window between the two files' ``updated``
dates (a period such as 2025年下半年 is free text and has no reliable end date), that are
not done in B — including open actions of A in that window that B no longer lists.

Items are matched by ID. An item the checklist has but one file has no record for (that
file was made with another checklist version), or a record of an item the checklist no
longer has (``retired_items``), is listed as unmatched rather than compared.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from assess.applicability import item_applies
from assess.checklist import Area, Checklist, Kind, Measure, item_sort_key
from assess.fields import TEXT_FIELDS
from assess.models import Action, ActionStatus, Assessment, ItemRecord, Status, ZoneProfile
from assess.policy_diff import ClaimChange, TaskChange, claim_changes, task_changes
from assess.regions import Region
from assess.scoring import Score, Summary, summarize
from assess.storage import Migration
from assess.texts import Text
from assess.texts import policy as policy_texts

RANK: dict[Status, int] = {Status.NOT_STARTED: 0, Status.IN_PROGRESS: 1, Status.DONE: 2}


class ChangeClass(StrEnum):
    """How an item moved from A to B; the order of members is the order of precedence."""

    APPLICABILITY = "applicability"
    NEWLY_ASSESSED = "newly_assessed"
    NO_LONGER_ASSESSED = "no_longer_assessed"
    IMPROVED = "improved"
    REGRESSED = "regressed"
    UNCHANGED = "unchanged"


def classify(status_a: Status, applies_a: bool, status_b: Status, applies_b: bool) -> ChangeClass:
    """The change class of one item (see the module docstring for the precedence)."""
    excluded_a = not applies_a or status_a is Status.NOT_APPLICABLE
    excluded_b = not applies_b or status_b is Status.NOT_APPLICABLE
    if excluded_a or excluded_b:
        return ChangeClass.UNCHANGED if excluded_a and excluded_b else ChangeClass.APPLICABILITY
    unassessed_a = status_a is Status.NOT_ASSESSED
    unassessed_b = status_b is Status.NOT_ASSESSED
    if unassessed_a and not unassessed_b:
        return ChangeClass.NEWLY_ASSESSED
    if unassessed_b and not unassessed_a:
        return ChangeClass.NO_LONGER_ASSESSED
    if unassessed_a:
        return ChangeClass.UNCHANGED
    delta = RANK[status_b] - RANK[status_a]
    if delta > 0:
        return ChangeClass.IMPROVED
    if delta < 0:
        return ChangeClass.REGRESSED
    return ChangeClass.UNCHANGED


@dataclass(frozen=True)
class Side:
    """Who and when one side of the comparison is."""

    name: str
    province: str
    region: Region
    period: str
    assessor: str
    updated: dt.datetime
    checklist_version: str
    flags: tuple[str, ...]  # profile field ids that are on: border, hub, foreign_talent

    @classmethod
    def of(cls, assessment: Assessment, migration: Migration | None = None) -> Side:
        """The side's profile; the checklist version is the file's own, before any migration."""
        zone = assessment.zone
        return cls(
            name=zone.name,
            province=zone.province,
            region=zone.region,
            period=assessment.period,
            assessor=assessment.assessor,
            updated=assessment.updated,
            checklist_version=(
                migration.from_version if migration else assessment.checklist.version
            ),
            flags=profile_flags(zone),
        )

    def caption(self) -> str:
        """e.g. 示例经开区 · 2025年下半年 — the label of a column or series."""
        return f"{self.name} · {self.period}"


@dataclass(frozen=True)
class ActionStatusChange:
    text: str
    old: ActionStatus
    new: ActionStatus


@dataclass(frozen=True)
class ItemDiff:
    """One item in A and in B: statuses, change class and what else changed."""

    item_id: str
    status_a: Status
    status_b: Status
    applies_a: bool
    applies_b: bool
    change: ChangeClass
    texts_changed: tuple[str, ...] = ()
    evidence_added: tuple[str, ...] = ()
    evidence_removed: tuple[str, ...] = ()
    actions_added: tuple[str, ...] = ()
    actions_removed: tuple[str, ...] = ()
    actions_done_removed: tuple[str, ...] = ()
    actions_status: tuple[ActionStatusChange, ...] = ()
    actions_edited: tuple[str, ...] = ()
    figures_changed: tuple[str, ...] = ()
    figure_values: tuple[tuple[str, str, str], ...] = ()
    """(name, value in A, value in B) of each changed figure, for the workbook to show."""
    kind: Kind = Kind.REQUIREMENT
    """The item's kind: a higher-level item's statuses read as requests (已获得/争取中/未争取)."""

    @property
    def content_changed(self) -> bool:
        return bool(
            self.texts_changed
            or self.evidence_added
            or self.evidence_removed
            or self.actions_added
            or self.actions_removed
            or self.actions_done_removed
            or self.actions_status
            or self.actions_edited
            or self.figures_changed
        )

    @property
    def changed(self) -> bool:
        """Anything at all differs: the status class or the content."""
        return self.change is not ChangeClass.UNCHANGED or self.content_changed


@dataclass(frozen=True)
class Unmatched:
    """An item only one side can be compared on (checklist version mismatch)."""

    item_id: str
    side: Literal["a", "b"]
    status: Status
    title: str
    title_en: str
    in_checklist: bool
    kind: Kind | None = None  # None: the checklist no longer has the item


@dataclass(frozen=True)
class DueAction:
    """An action due between the two assessments and not done in B."""

    item_id: str
    text: str
    lead: str
    due: dt.date
    status_b: ActionStatus | None  # None: B no longer lists it


@dataclass(frozen=True)
class ScoreRow:
    """One line of the score table: overall, an area or a measure, in A and B."""

    level: Literal["overall", "area", "measure"]
    number: int
    part: Area | Measure | None  # None: overall
    a: Score
    b: Score

    @property
    def delta(self) -> float | None:
        return score_delta(self.a, self.b)


def score_delta(a: Score, b: Score) -> float | None:
    if a.value is None or b.value is None:
        return None
    return b.value - a.value


def format_delta(value: float | None) -> str:
    if value is None:
        return "—"
    return "0.0" if abs(value) < 0.05 else f"{value:+.1f}"


@dataclass
class Comparison:
    """Everything the terminal, the workbook and the TUI show about two assessments."""

    checklist: Checklist
    a: Side
    b: Side
    summary_a: Summary
    summary_b: Summary
    items: list[ItemDiff]
    unmatched: list[Unmatched]
    window: tuple[dt.date, dt.date]
    due_actions: list[DueAction]
    counts: Counter[ChangeClass] = field(default_factory=Counter)
    claims: list[ClaimChange] = field(default_factory=list)
    zone_tasks: list[TaskChange] = field(default_factory=list)

    def rate_rows(self) -> list[tuple[Text, Score, Score]]:
        """落实率, 政策利用率 and the zone's own tasks in A and B (beside the overall row)."""
        sa, sb = self.summary_a, self.summary_b
        return [
            (policy_texts.IMPLEMENTATION, sa.implementation, sb.implementation),
            (policy_texts.POLICY_USE, sa.policy_use, sb.policy_use),
            (policy_texts.OWN_TASKS, sa.own_tasks, sb.own_tasks),
        ]

    @property
    def changed_items(self) -> list[ItemDiff]:
        return [d for d in self.items if d.changed]

    @property
    def same_zone(self) -> bool:
        return (self.a.name, self.a.province) == (self.b.name, self.b.province)

    def score_rows(self) -> list[ScoreRow]:
        """Overall, then each area followed by its measures, in checklist order."""
        sa, sb = self.summary_a, self.summary_b
        rows = [ScoreRow("overall", 0, None, sa.overall, sb.overall)]
        for area in self.checklist.areas:
            rows.append(
                ScoreRow(
                    "area",
                    area.number,
                    area,
                    sa.areas[area.number],
                    sb.areas[area.number],
                )
            )
            for m in area.measures:
                rows.append(
                    ScoreRow(
                        "measure",
                        m.number,
                        m,
                        sa.measures[m.number],
                        sb.measures[m.number],
                    )
                )
        return rows


def compare(
    checklist: Checklist,
    a: Assessment,
    b: Assessment,
    *,
    today: dt.date | None = None,
    migrations: tuple[Migration | None, Migration | None] = (None, None),
) -> Comparison:
    """Compare A (before / reference) with B (after / the other zone), item by item.

    ``migrations`` are ``Loaded.migration`` of each file: a file made with an older checklist
    version is loaded with blank records for the items it did not have, and those items are
    listed as unmatched rather than compared as 未评估.
    """
    items: list[ItemDiff] = []
    unmatched: list[Unmatched] = []
    evidence_a, evidence_b = _evidence_titles(a), _evidence_titles(b)
    missing_a, missing_b = (set(m.added) if m else set() for m in migrations)
    for item in checklist.items:
        rec_a = None if item.id in missing_a else a.items.get(item.id)
        rec_b = None if item.id in missing_b else b.items.get(item.id)
        if rec_a is None or rec_b is None:
            if rec_a is not None or rec_b is not None:
                side: Literal["a", "b"] = "a" if rec_a is not None else "b"
                status = (rec_a or rec_b or ItemRecord()).status
                unmatched.append(
                    Unmatched(item.id, side, status, item.title, item.title_en, True, item.kind)
                )
            continue
        items.append(
            diff_item(
                item.id,
                rec_a,
                rec_b,
                item_applies(item, a.zone),
                item_applies(item, b.zone),
                evidence_a,
                evidence_b,
                kind=item.kind,
            )
        )
    known = checklist.item_index
    sides: tuple[tuple[Literal["a", "b"], Assessment], ...] = (("a", a), ("b", b))
    for label, source in sides:
        records = {**source.retired_items, **source.items}
        for item_id in sorted(records, key=item_sort_key):
            if item_id not in known and not records[item_id].is_blank():
                unmatched.append(Unmatched(item_id, label, records[item_id].status, "", "", False))
    unmatched.sort(key=lambda u: (item_sort_key(u.item_id), u.side))
    start, end = sorted((a.updated.date(), b.updated.date()))
    return Comparison(
        checklist=checklist,
        a=Side.of(a, migrations[0]),
        b=Side.of(b, migrations[1]),
        summary_a=summarize(checklist, a, today),
        summary_b=summarize(checklist, b, today),
        items=items,
        unmatched=unmatched,
        window=(start, end),
        due_actions=due_between(checklist, a, b, start, end),
        counts=Counter(d.change for d in items),
        claims=claim_changes(a, b),
        zone_tasks=task_changes(a, b),
    )


def diff_item(
    item_id: str,
    rec_a: ItemRecord,
    rec_b: ItemRecord,
    applies_a: bool,
    applies_b: bool,
    evidence_a: dict[str, str],
    evidence_b: dict[str, str],
    *,
    kind: Kind = Kind.REQUIREMENT,
) -> ItemDiff:
    """The diff of one item's two records; evidence IDs are resolved to titles per side."""
    titles_a = _unique(evidence_a.get(e, e) for e in rec_a.evidence)
    titles_b = _unique(evidence_b.get(e, e) for e in rec_b.evidence)
    texts_a = {a.text: a for a in rec_a.actions}
    texts_b = {b.text: b for b in rec_b.actions}
    status_changes: list[ActionStatusChange] = []
    edited: list[str] = []
    for text, old in texts_a.items():
        new = texts_b.get(text)
        if new is None:
            continue
        if old.status is not new.status:
            status_changes.append(ActionStatusChange(text, old.status, new.status))
        if _details(old) != _details(new):
            edited.append(text)
    figures = sorted(
        name
        for name in set(rec_a.figures) | set(rec_b.figures)
        if rec_a.figures.get(name, "") != rec_b.figures.get(name, "")
    )
    return ItemDiff(
        item_id=item_id,
        status_a=rec_a.status,
        status_b=rec_b.status,
        applies_a=applies_a,
        applies_b=applies_b,
        change=classify(rec_a.status, applies_a, rec_b.status, applies_b),
        texts_changed=tuple(
            f.id
            for f in TEXT_FIELDS
            if getattr(rec_a, f.id).strip() != getattr(rec_b, f.id).strip()
        ),
        evidence_added=tuple(t for t in titles_b if t not in titles_a),
        evidence_removed=tuple(t for t in titles_a if t not in titles_b),
        actions_added=tuple(t for t in texts_b if t not in texts_a),
        actions_removed=tuple(
            t for t, x in texts_a.items() if t not in texts_b and x.status is not ActionStatus.DONE
        ),
        actions_done_removed=tuple(
            t for t, x in texts_a.items() if t not in texts_b and x.status is ActionStatus.DONE
        ),
        actions_status=tuple(status_changes),
        actions_edited=tuple(edited),
        figures_changed=tuple(figures),
        figure_values=tuple(
            (name, rec_a.figures.get(name, ""), rec_b.figures.get(name, "")) for name in figures
        ),
        kind=kind,
    )


def due_between(
    checklist: Checklist, a: Assessment, b: Assessment, start: dt.date, end: dt.date
) -> list[DueAction]:
    """Actions due in [start, end] not done in B, in checklist order then by due date."""
    out: list[DueAction] = []
    for item in checklist.items:
        rec_a, rec_b = a.items.get(item.id), b.items.get(item.id)
        listed_b = {x.text for x in rec_b.actions} if rec_b else set()
        candidates: list[tuple[Action, ActionStatus | None]] = []
        if rec_b is not None:
            candidates += [(x, x.status) for x in rec_b.actions]
        if rec_a is not None:
            candidates += [(x, None) for x in rec_a.actions if x.text not in listed_b]
        found = [
            DueAction(item.id, x.text, x.lead, x.due, status)
            for x, status in candidates
            if x.due is not None and start <= x.due <= end and x.status is not ActionStatus.DONE
        ]
        out.extend(sorted(found, key=lambda d: d.due))
    return out


def profile_flags(zone: ZoneProfile) -> tuple[str, ...]:
    """The ids of the profile's flags that are on, in form order."""
    return tuple(name for name in ("border", "hub", "foreign_talent") if getattr(zone, name))


def _evidence_titles(assessment: Assessment) -> dict[str, str]:
    return {e.id: e.title.strip() for e in assessment.evidence}


def _unique(values: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for v in values:
        if v not in seen:
            seen.append(v)
    return seen


def _details(action: Action) -> tuple[object, ...]:
    return (action.lead, action.partners, action.due, action.priority)
