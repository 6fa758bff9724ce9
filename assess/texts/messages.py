"""Sentences the core's results and errors are rendered with: warnings, rules, field errors."""

from __future__ import annotations

from collections.abc import Mapping
from enum import Enum
from typing import TYPE_CHECKING

from assess.models import STATUS_ORDER, Status
from assess.texts import policy
from assess.texts.catalog import Text, Texts, text

if TYPE_CHECKING:
    from assess.scoring import QualityWarning

# Quality warnings, by ``scoring.WarningCode``: a short kind (the 质量检查 column) and a sentence.
WARNING_KIND = {
    "not_applicable_but_assessed": text(
        "warning_kind.not_applicable_but_assessed", "画像不适用却已评估", "assessed but n/a"
    ),
    "done_without_effect": text(
        "warning_kind.done_without_effect", "已落实未填成效", "done without effect"
    ),
    "na_without_reason": text(
        "warning_kind.na_without_reason", "不适用未说明理由", "n/a without reason"
    ),
    "in_progress_without_action": text(
        "warning_kind.in_progress_without_action", "推进中无下一步举措", "in progress, no action"
    ),
    "action_overdue": text("warning_kind.action_overdue", "举措逾期", "action overdue"),
}
WARNING = {
    "not_applicable_but_assessed": text(
        "warning.not_applicable_but_assessed",
        "按经开区画像不适用，但记为“{status}”（不计分）",
        "not applicable to the zone's profile but marked '{status}' (not scored)",
    ),
    "done_without_effect": text(
        "warning.done_without_effect", "已落实但未填写成效", "done but no effect given"
    ),
    "na_without_reason": text(
        "warning.na_without_reason", "不适用但未说明理由", "not applicable but no reason"
    ),
    "in_progress_without_action": text(
        "warning.in_progress_without_action",
        "推进中但没有下一步举措",
        "in progress but no next action",
    ),
    "action_overdue": text(
        "warning.action_overdue",
        "举措“{action}”已于 {due} 到期，尚未完成",
        "action '{action}' is past its due date {due} and not done",
    ),
}

WARNING_KIND["requirement_not_applicable"] = policy.WARNING_KIND_REQUIREMENT_NA
WARNING["requirement_not_applicable"] = policy.WARNING_REQUIREMENT_NA
WARNING_KIND.update(policy.REQUEST_WARNING_KIND)
WARNING.update(policy.REQUEST_WARNING)

ROLLUP_RULE = text(
    "rollup_rule",
    "评分规则：已落实计1分，推进中计0.5分，未启动计0分；未评估、不适用以及按经开区画像不适用的条目"
    "不计入。举措、领域和总体得分＝所含计分条目得分的加权平均（权重见清单，默认为1），以百分制显示。"
    "覆盖率＝已评估的适用条目÷按画像适用的条目（标为不适用也算已评估）。"
    "落实率＝要求类条目的加权平均得分；政策利用率＝支持、鼓励类条目与上级事项的加权平均得分，"
    "上级事项已获得计1分、争取中计0.5分、未争取计0分，不计入差距。要求类条目标为不适用列入质量检查。"
    "自定任务单独计分，不计入以上得分。",
    "Scoring: done = 1, in progress = 0.5, not started = 0; items not assessed, marked not "
    "applicable, or not applicable to the zone's profile are left out. A measure, an area and the "
    "whole plan score the weighted mean of their scored items (checklist weights, 1 by default), "
    "shown as 0–100. Coverage = assessed applicable items ÷ items applicable to the profile "
    "(marking an item not applicable counts as assessed). Implementation rate = the weighted "
    "mean of requirement items; policy-use rate = the weighted mean of support and encourage "
    "items and higher-level items, where a higher-level item scores 1 when received, 0.5 when "
    "requested and 0 when not yet requested, and is never a gap. A requirement marked not "
    "applicable is a quality warning. The zone's own tasks are scored apart, in none of these.",
)

# Reading a value typed into a cell or a form (``assess.fields`` codecs).
BAD_CHOICE = text(
    "error.bad_choice",
    "{field}“{value}”无法识别；可选：{choices}",
    "{field} “{value}” is not recognised; valid: {choices}",
)
BAD_DATE = text(
    "error.bad_date",
    "日期“{value}”无法识别，请写成 2026-06-30",
    "the date “{value}” is not recognised; write it like 2026-06-30",
)
BAD_PROVINCE = text(
    "error.bad_province",
    "未知省份“{value}”；可选：{choices}",
    "unknown province '{value}'; valid: {choices}",
)
BAD_EVIDENCE_ID = text(
    "error.bad_evidence_id",
    "编号“{value}”应为 E 加数字，如 E12",
    "the ID “{value}” should be E and a number, like E12",
)
UNKNOWN_EVIDENCE = text(
    "error.unknown_evidence", "未登记的佐证编号：{ids}", "unknown evidence ID(s): {ids}"
)


def render_params(params: Mapping[str, object], t: Texts) -> dict[str, object]:
    """Values a result carries, as shown: enum members by their label."""
    return {
        k: t.label(v) if isinstance(v, Enum) else t(v) if isinstance(v, Text) else v
        for k, v in params.items()
    }


def warning_text(warning: QualityWarning, t: Texts) -> str:
    return t(WARNING[warning.code], **render_params(warning.params, t))


def status_counts(counts: Mapping[Status, int], t: Texts) -> str:
    """e.g. 已落实 12  推进中 5  未启动 3  不适用 2  未评估 60."""
    return "  ".join(f"{t.label(s)} {counts[s]}" for s in STATUS_ORDER)
