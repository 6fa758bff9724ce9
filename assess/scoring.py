"""Scores, coverage, gaps, opportunities and quality warnings.

The roll-up rule (shown to users as ``assess.texts.messages.ROLLUP_RULE``): an item scores 1 (已落实), 0.5 (推进中)
or 0 (未启动); 未评估 and 不适用 items, and items that do not apply to the zone's profile, are
left out. A measure, an area and the whole plan score the weighted mean of their scored items
(weights from the checklist, 1 by default), shown as 0–100. Coverage is the share of items
applicable to the profile that have been assessed (不适用 counts as assessed).

The plan's two halves (找差距、找机遇) get a rate each beside the overall score, with the same
item points: 落实率 over requirement items, 政策利用率 over support, encourage and higher-level
items. A higher-level item is a request to a province, city or ministry: its stored statuses
read 已获得 (done, 1), 争取中 (in progress, 0.5), 未争取 (not started, 0); it is never the zone's
gap, and the open ones are listed as ``requests``. A requirement marked 不适用 is a quality
warning (unless the checklist marks it conditional, when a reason is enough). The zone's own
tasks score on their own line (``own_tasks``), in none of the policy scores.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from assess.applicability import item_applies
from assess.checklist import Checklist, Item, Kind
from assess.models import (
    Action,
    ActionStatus,
    Assessment,
    ClaimStatus,
    ItemRecord,
    Priority,
    Schedule,
    Status,
)
from assess.requests import status_label

ITEM_SCORE: dict[Status, float] = {
    Status.DONE: 1.0,
    Status.IN_PROGRESS: 0.5,
    Status.NOT_STARTED: 0.0,
}

KIND_ORDER: dict[Kind, int] = {
    Kind.REQUIREMENT: 0,
    Kind.HIGHER_LEVEL: 1,
    Kind.SUPPORT: 2,
    Kind.ENCOURAGE: 3,
}


@dataclass(frozen=True)
class Score:
    """A weighted mean over scored items; ``value`` is None when nothing is scored yet."""

    points: float = 0.0
    weight: float = 0.0
    scored: int = 0
    applicable: int = 0
    assessed: int = 0

    @property
    def value(self) -> float | None:
        return None if self.weight == 0 else 100.0 * self.points / self.weight

    @property
    def coverage(self) -> float | None:
        return None if self.applicable == 0 else self.assessed / self.applicable

    def __add__(self, other: Score) -> Score:
        return Score(
            self.points + other.points,
            self.weight + other.weight,
            self.scored + other.scored,
            self.applicable + other.applicable,
            self.assessed + other.assessed,
        )


def format_score(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def format_share(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


REQUIREMENT_KINDS = frozenset({Kind.REQUIREMENT})

PRIORITY_RANK: dict[Priority, int] = {Priority.HIGH: 0, Priority.MEDIUM: 1, Priority.LOW: 2}


class WarningCode(StrEnum):
    """What a quality warning is about; its sentence is ``texts.messages.WARNING[code]``."""

    NOT_APPLICABLE_BUT_ASSESSED = "not_applicable_but_assessed"
    DONE_WITHOUT_EFFECT = "done_without_effect"
    NA_WITHOUT_REASON = "na_without_reason"
    IN_PROGRESS_WITHOUT_ACTION = "in_progress_without_action"
    ACTION_OVERDUE = "action_overdue"
    REQUIREMENT_NOT_APPLICABLE = "requirement_not_applicable"
    # a higher-level item is a request: its checks are worded 已获得/争取中, never 已落实/推进中
    RECEIVED_WITHOUT_NOTE = "received_without_note"
    REQUESTED_WITHOUT_ACTION = "requested_without_action"


@dataclass(frozen=True)
class QualityWarning:
    """A quality problem worth fixing before the report goes out: a code and its values."""

    code: WarningCode
    item_id: str
    params: Mapping[str, object] = field(default_factory=dict)
    action_index: int | None = None


@dataclass
class Summary:
    """Everything the CLI, TUI and workbook show about one assessment."""

    overall: Score
    areas: dict[int, Score]
    measures: dict[int, Score]
    items: dict[str, Score]
    counts: Counter[Status]
    gaps: list[str] = field(default_factory=list)
    opportunities: list[str] = field(default_factory=list)
    warnings: list[QualityWarning] = field(default_factory=list)
    implementation: Score = Score()
    policy_use: Score = Score()
    own_tasks: Score = Score()
    requests: list[str] = field(default_factory=list)
    schedule: Counter[Schedule] = field(default_factory=Counter)
    behind: list[str] = field(default_factory=list)
    approved_claims: int = 0


def rates_of(checklist: Checklist, summary: Summary, item_ids: set[str]) -> tuple[Score, Score]:
    """落实率 and 政策利用率 over some items (a department's workbook), from the item scores."""
    implementation, policy_use = Score(), Score()
    for item in checklist.items:
        if item.id in item_ids:
            if item.kind in REQUIREMENT_KINDS:
                implementation += summary.items[item.id]
            else:
                policy_use += summary.items[item.id]
    return implementation, policy_use


def schedule_of(record: ItemRecord) -> Schedule | None:
    """达进度/欠进度 counts only while the work is 推进中."""
    return record.schedule if record.status is Status.IN_PROGRESS else None


def item_score(item: Item, record: ItemRecord, applicable: bool) -> Score:
    return _score(record.status, item.weight) if applicable else Score()


def task_score(record: ItemRecord) -> Score:
    """A zone task scores as an applicable item of weight 1 (the zone set it for itself)."""
    return _score(record.status, 1.0)


def _score(status: Status, weight: float) -> Score:
    assessed = int(status is not Status.NOT_ASSESSED)
    points = ITEM_SCORE.get(status)
    if points is None:
        return Score(applicable=1, assessed=assessed)
    return Score(points * weight, weight, 1, 1, assessed)


def summarize(
    checklist: Checklist, assessment: Assessment, today: dt.date | None = None
) -> Summary:
    """Score the assessment against the checklist; ``today`` decides what is overdue."""
    today = today or dt.date.today()
    blank = ItemRecord()
    item_scores: dict[str, Score] = {}
    measures: dict[int, Score] = {}
    areas: dict[int, Score] = {}
    counts: Counter[Status] = Counter({s: 0 for s in Status})
    gaps: list[tuple[int, int, dt.date, int, int, str]] = []
    opportunities: list[tuple[int, int, str]] = []
    warnings: list[QualityWarning] = []
    requests: list[tuple[int, int, str]] = []
    implementation, policy_use = Score(), Score()
    schedule: Counter[Schedule] = Counter({s: 0 for s in Schedule})
    behind: list[str] = []
    approved = 0
    position = 0
    for area in checklist.areas:
        area_score = Score()
        for measure in area.measures:
            measure_score = Score()
            for item in measure.items:
                position += 1
                record = assessment.items.get(item.id, blank)
                applicable = item_applies(item, assessment.zone)
                score = item_score(item, record, applicable)
                item_scores[item.id] = score
                measure_score += score
                if item.kind in REQUIREMENT_KINDS:
                    implementation += score
                else:
                    policy_use += score
                counts[record.status] += 1
                approved += sum(c.status is ClaimStatus.APPROVED for c in record.claims)
                warnings.extend(item_warnings(item, record, applicable, today))
                if not applicable or record.status in (Status.NOT_APPLICABLE, Status.DONE):
                    continue
                if (pace := schedule_of(record)) is not None:
                    schedule[pace] += 1
                    if pace is Schedule.BEHIND:
                        behind.append(item.id)
                if item.kind is Kind.HIGHER_LEVEL:
                    if record.status in (Status.IN_PROGRESS, Status.NOT_STARTED):
                        severity = 0 if record.status is Status.NOT_STARTED else 1
                        requests.append((severity, position, item.id))
                elif record.status in (Status.IN_PROGRESS, Status.NOT_STARTED):
                    severity = 0 if record.status is Status.NOT_STARTED else 1
                    rank, due = urgency(record)
                    gaps.append((KIND_ORDER[item.kind], rank, due, severity, position, item.id))
                    if item.kind in (Kind.SUPPORT, Kind.ENCOURAGE):
                        opportunities.append((severity, position, item.id))
            measures[measure.number] = measure_score
            area_score += measure_score
        areas[area.number] = area_score
    overall = sum(areas.values(), Score())
    own = Score()
    for task in assessment.zone_tasks:
        own += task_score(task.record)
        if schedule_of(task.record) is Schedule.BEHIND:
            behind.append(task.id)
    return Summary(
        overall=overall,
        areas=areas,
        measures=measures,
        items=item_scores,
        counts=counts,
        gaps=[g[-1] for g in sorted(gaps)],
        opportunities=[o[-1] for o in sorted(opportunities)],
        warnings=warnings,
        implementation=implementation,
        policy_use=policy_use,
        own_tasks=own,
        requests=[r[-1] for r in sorted(requests)],
        schedule=schedule,
        behind=behind,
        approved_claims=approved,
    )


def item_warnings(
    item: Item, record: ItemRecord, applicable: bool, today: dt.date
) -> list[QualityWarning]:
    """The quality checks of one item (已落实查效果，推进中查进度，未启动查原因)."""
    out: list[QualityWarning] = []
    status = record.status
    request = item.kind is Kind.HIGHER_LEVEL
    if not applicable and status in ITEM_SCORE:
        shown = status_label(status, item.kind)
        out.append(
            QualityWarning(WarningCode.NOT_APPLICABLE_BUT_ASSESSED, item.id, {"status": shown})
        )
    if status is Status.DONE and not record.explanation.strip():
        code = WarningCode.RECEIVED_WITHOUT_NOTE if request else WarningCode.DONE_WITHOUT_EFFECT
        out.append(QualityWarning(code, item.id))
    if status is Status.NOT_APPLICABLE and not record.explanation.strip():
        out.append(QualityWarning(WarningCode.NA_WITHOUT_REASON, item.id))
    if (
        status is Status.NOT_APPLICABLE
        and applicable
        and item.kind is Kind.REQUIREMENT
        and not item.applies.conditional
    ):
        out.append(QualityWarning(WarningCode.REQUIREMENT_NOT_APPLICABLE, item.id))

    if status is Status.IN_PROGRESS and not record.actions:
        code = (
            WarningCode.REQUESTED_WITHOUT_ACTION
            if request
            else WarningCode.IN_PROGRESS_WITHOUT_ACTION
        )
        out.append(QualityWarning(code, item.id))
    for index, action in enumerate(record.actions):
        if action.due is not None and overdue(action, today):
            params = {"action": shorten(action.text), "due": action.due.isoformat()}
            out.append(QualityWarning(WarningCode.ACTION_OVERDUE, item.id, params, index))
    return out


def overdue(action: Action, today: dt.date) -> bool:
    """Past its due date and not done."""
    return action.due is not None and action.due < today and action.status is not ActionStatus.DONE


def open_actions(record: ItemRecord) -> list[Action]:
    return [a for a in record.actions if a.status is not ActionStatus.DONE]


def urgency(record: ItemRecord) -> tuple[int, dt.date]:
    """Highest priority and earliest due date among open actions (gaps are sorted by it)."""
    actions = open_actions(record)
    rank = min((PRIORITY_RANK[a.priority] for a in actions), default=len(PRIORITY_RANK))
    due = min((a.due for a in actions if a.due is not None), default=dt.date.max)
    return rank, due


def shorten(text: str, width: int = 20) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
