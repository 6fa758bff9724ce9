"""Scores, coverage, gaps, opportunities and quality warnings.

The roll-up rule (shown to users by ``ROLLUP_RULE``): an item scores 1 (已落实), 0.5 (推进中)
or 0 (未启动); 未评估 and 不适用 items, and items that do not apply to the zone's profile, are
left out. A measure, an area and the whole plan score the weighted mean of their scored items
(weights from the checklist, 1 by default), shown as 0–100. Coverage is the share of items
applicable to the profile that have been assessed (不适用 counts as assessed).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from assess.applicability import item_applies
from assess.checklist import Checklist, Item, Kind
from assess.models import ActionStatus, Assessment, ItemRecord, Status

ROLLUP_RULE = (
    "评分规则：已落实计1分，推进中计0.5分，未启动计0分；未评估、不适用以及按经开区画像不适用的条目"
    "不计入。举措、领域和总体得分＝所含计分条目得分的加权平均（权重见清单，默认为1），以百分制显示。"
    "覆盖率＝已评估的适用条目÷按画像适用的条目（标为不适用也算已评估）。"
)
ROLLUP_RULE_EN = (
    "Scoring: done = 1, in progress = 0.5, not started = 0; items not assessed, marked not "
    "applicable, or not applicable to the zone's profile are left out. A measure, an area and the "
    "whole plan score the weighted mean of their scored items (checklist weights, 1 by default), "
    "shown as 0–100. Coverage = assessed applicable items ÷ items applicable to the profile "
    "(marking an item not applicable counts as assessed)."
)

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


@dataclass(frozen=True)
class Warning:
    """A quality problem worth fixing before the report goes out."""

    code: str
    item_id: str
    message: str
    message_en: str
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
    warnings: list[Warning] = field(default_factory=list)


def item_score(item: Item, record: ItemRecord, applicable: bool) -> Score:
    if not applicable:
        return Score()
    assessed = int(record.status is not Status.NOT_ASSESSED)
    points = ITEM_SCORE.get(record.status)
    if points is None:
        return Score(applicable=1, assessed=assessed)
    return Score(points * item.weight, item.weight, 1, 1, assessed)


def effective_status(assessment: Assessment, item_id: str) -> Status:
    rec = assessment.items.get(item_id)
    return Status.NOT_ASSESSED if rec is None else rec.status


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
    gaps: list[tuple[int, int, int, str]] = []
    opportunities: list[tuple[int, int, str]] = []
    warnings: list[Warning] = []
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
                counts[record.status] += 1
                warnings.extend(item_warnings(item, record, applicable, today))
                if not applicable or record.status in (Status.NOT_APPLICABLE, Status.DONE):
                    continue
                if record.status in (Status.IN_PROGRESS, Status.NOT_STARTED):
                    severity = 0 if record.status is Status.NOT_STARTED else 1
                    gaps.append((KIND_ORDER[item.kind], severity, position, item.id))
                    if item.kind in (Kind.SUPPORT, Kind.ENCOURAGE):
                        opportunities.append((severity, position, item.id))
            measures[measure.number] = measure_score
            area_score += measure_score
        areas[area.number] = area_score
    overall = sum(areas.values(), Score())
    return Summary(
        overall=overall,
        areas=areas,
        measures=measures,
        items=item_scores,
        counts=counts,
        gaps=[g[-1] for g in sorted(gaps)],
        opportunities=[o[-1] for o in sorted(opportunities)],
        warnings=warnings,
    )


def item_warnings(
    item: Item, record: ItemRecord, applicable: bool, today: dt.date
) -> list[Warning]:
    """The quality checks of one item (已落实查效果，推进中查进度，未启动查原因)."""
    out: list[Warning] = []
    status = record.status
    if not applicable and status in ITEM_SCORE:
        out.append(
            Warning(
                "not_applicable_but_assessed",
                item.id,
                f"按经开区画像不适用，但记为「{status.label}」（不计分）",
                f"not applicable to the zone's profile but marked '{status.label_en}' (not scored)",
            )
        )
    if status is Status.DONE and not record.explanation.strip():
        out.append(
            Warning(
                "done_without_effect", item.id, "已落实但未填写成效", "done but no effect given"
            )
        )
    if status is Status.NOT_APPLICABLE and not record.explanation.strip():
        out.append(
            Warning(
                "na_without_reason", item.id, "不适用但未说明理由", "not applicable but no reason"
            )
        )
    if status is Status.IN_PROGRESS and not record.actions:
        out.append(
            Warning(
                "in_progress_without_action",
                item.id,
                "推进中但没有下一步举措",
                "in progress but no next action",
            )
        )
    for index, action in enumerate(record.actions):
        if action.due is not None and action.due < today and action.status is not ActionStatus.DONE:
            out.append(
                Warning(
                    "action_overdue",
                    item.id,
                    f"举措「{shorten(action.text)}」已过完成时限 {action.due.isoformat()} 且未完成",
                    f"action '{shorten(action.text)}' is past its due date "
                    f"{action.due.isoformat()} and not done",
                    index,
                )
            )
    return out


def shorten(text: str, width: int = 20) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def status_count_line(summary: Summary, *, en: bool = False) -> str:
    """e.g. 已落实 12  推进中 5  未启动 3  不适用 2  未评估 60."""
    order = [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED, Status.NOT_APPLICABLE]
    order.append(Status.NOT_ASSESSED)
    return "  ".join(f"{s.label_en if en else s.label} {summary.counts[s]}" for s in order)
