"""How a comparison's structured results read: status cells, change phrases, reasons."""

from __future__ import annotations

from typing import Literal

from assess.checklist import Area
from assess.compare import DueAction, ItemDiff, ScoreRow, Side, Unmatched
from assess.models import Status
from assess.regions import Region
from assess.requests import explanation_label, status_label
from assess.texts.catalog import Text, Texts, text
from assess.texts.labels import FIELD
from assess.texts.workbook import area_title, measure_title

PROFILE_NA = text("compare.profile_na", "不适用（画像）", "n/a (profile)")
PROFILE_NA_SUFFIX = text("compare.profile_na_suffix", "（画像不适用）", " (profile n/a)")
TEXT_CHANGED = text("compare.text_changed", "{field}有修改", "{field} changed")
LISTED: dict[str, Text] = {
    "evidence_added": text(
        "compare.evidence_added", "新增佐证：{values}", "evidence added: {values}"
    ),
    "evidence_removed": text(
        "compare.evidence_removed", "移除佐证：{values}", "evidence removed: {values}"
    ),
    "actions_added": text("compare.actions_added", "新增举措：{values}", "actions added: {values}"),
    "actions_removed": text(
        "compare.actions_removed", "移除举措：{values}", "actions removed: {values}"
    ),
    "actions_done_removed": text(
        "compare.actions_done_removed",
        "已完成举措不再列出：{values}",
        "done actions no longer listed: {values}",
    ),
    "actions_edited": text(
        "compare.actions_edited", "举措内容修改：{values}", "actions edited: {values}"
    ),
    "figures_changed": text(
        "compare.figures_changed", "指标数值修改：{values}", "figures changed: {values}"
    ),
}
ACTION_STATUS_CHANGED = text(
    "compare.action_status", "举措“{action}”：{old} → {new}", "action '{action}': {old} → {new}"
)
SEPARATOR = text("compare.separator", "；", "; ")
ONLY_HERE_OTHER_VERSION = text(
    "compare.only_here_other_version",
    "仅 {side} 有记录（{other} 使用其他清单版本）",
    "only {side} has it; {other} was made with another checklist version",
)
ONLY_HERE_RETIRED = text(
    "compare.only_here_retired",
    "仅 {side} 有记录；当前清单已无此条目",
    "only in {side}; no longer in the checklist",
)
NOT_LISTED_IN_B = text("compare.not_listed_in_b", "B 中已无此举措", "not listed in B")
OVERALL = text("compare.overall", "总体", "Overall")
FLAG = {
    "border": text("compare.flag.border", "沿边地区", "border zone"),
    "hub": text("compare.flag.hub", "西部枢纽节点起步区", "western hub"),
    "foreign_talent": text("compare.flag.foreign_talent", "外籍人才集中", "many foreign staff"),
}


def status_text(diff: ItemDiff, side: Literal["a", "b"], t: Texts) -> str:
    """The status as shown, e.g. 不适用（画像）for an item outside the zone's profile."""
    status, applies = (
        (diff.status_a, diff.applies_a) if side == "a" else (diff.status_b, diff.applies_b)
    )
    if not applies and status in (Status.NOT_ASSESSED, Status.NOT_APPLICABLE):
        return t(PROFILE_NA)
    shown = t(status_label(status, diff.kind))
    return shown if applies else shown + t(PROFILE_NA_SUFFIX)


def unmatched_status(u: Unmatched, t: Texts) -> str:
    """An unmatched item's status: a request's own words on a higher-level item."""
    return t.label(u.status) if u.kind is None else t(status_label(u.status, u.kind))


def describe(diff: ItemDiff, t: Texts) -> list[str]:
    """What changed besides the status, one short phrase each."""
    out = [
        t(
            TEXT_CHANGED,
            field=t(
                explanation_label(diff.status_b, diff.kind)
                if name == "explanation"
                else FIELD[name]
            ),
        )
        for name in diff.texts_changed
    ]
    sep = t(SEPARATOR)
    for attr in list(LISTED)[:-1]:
        values: tuple[str, ...] = getattr(diff, attr)
        if values:
            out.append(t(LISTED[attr], values=sep.join(values)))
    for change in diff.actions_status:
        out.append(
            t(
                ACTION_STATUS_CHANGED,
                action=change.text,
                old=t.label(change.old),
                new=t.label(change.new),
            )
        )
    if diff.figures_changed:
        out.append(t(LISTED["figures_changed"], values=sep.join(diff.figures_changed)))
    return out


def unmatched_reason(unmatched: Unmatched, t: Texts) -> str:
    here, other = ("A", "B") if unmatched.side == "a" else ("B", "A")
    entry = ONLY_HERE_OTHER_VERSION if unmatched.in_checklist else ONLY_HERE_RETIRED
    return t(entry, side=here, other=other)


def due_state(due: DueAction, t: Texts) -> str:
    return t(NOT_LISTED_IN_B) if due.status_b is None else t.label(due.status_b)


def row_name(row: ScoreRow, t: Texts) -> str:
    """总体, 二、扩大开放 or （一）title (English: Overall, 2. …, (1) …), as everywhere else."""
    if row.part is None:
        return t(OVERALL)
    if isinstance(row.part, Area):
        return area_title(row.part, t)
    return measure_title(row.part, t)


def side_flags(side: Side, t: Texts) -> list[str]:
    return [t(FLAG[name]) for name in side.flags]


ALL_REGIONS = text("rollup.all_regions", "全部", "All")


def region_name(region: Region | None, t: Texts) -> str:
    """A roll-up average's row: the region, or 全部 for all zones."""
    return t(ALL_REGIONS) if region is None else t.label(region)
