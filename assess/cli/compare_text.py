"""The comparison and the roll-up as plain text for the terminal."""

from __future__ import annotations

from assess.cli.policy_text import rate_lines, rollup_rate_lines
from assess.compare import ChangeClass, Comparison, Side, format_delta
from assess.rollup import Rollup
from assess.scoring import format_score, format_share
from assess.texts import cli as texts
from assess.texts import rollup as rollup_texts
from assess.texts.catalog import Texts
from assess.texts.compare import (
    describe,
    due_state,
    region_name,
    row_name,
    side_flags,
    status_text,
    unmatched_reason,
    unmatched_status,
)
from assess.texts.policy_changes import change_lines
from assess.textwidth import pad, width

NAME = 44
TITLE = 30
STATUS = 14


def side_line(tag: str, side: Side, t: Texts) -> str:
    parts = [
        side.name,
        side.period,
        t(texts.PLACE, province=side.province, region=t.label(side.region)),
    ]
    parts += list(side_flags(side, t))
    parts.append(t(texts.UPDATED, day=side.updated.date().isoformat()))
    parts.append(t(texts.CHECKLIST_VERSION, version=side.checklist_version))
    return f"{tag}  " + " · ".join(parts)


def change_count_line(comparison: Comparison, t: Texts) -> str:
    return "  ".join(f"{t.label(c)} {comparison.counts[c]}" for c in ChangeClass)


def comparison_text(comparison: Comparison, t: Texts) -> str:
    """Both profiles, the score table with deltas, the changed items, due actions, unmatched."""
    c = comparison
    lines = [t(texts.COMPARISON), side_line("A", c.a, t), side_line("B", c.b, t)]
    if not c.same_zone:
        lines.append(t(texts.DIFFERENT_ZONES))
    lines += [
        "",
        pad(t(texts.AREA_OR_MEASURE), NAME)
        + pad("A", 8, right=True)
        + pad("B", 8, right=True)
        + pad("Δ", 8, right=True)
        + pad(t(texts.COVERAGE_A_B), 14, right=True),
    ]
    for row in c.score_rows():
        indent = "  " if row.level == "measure" else ""
        lines.append(
            pad(indent + row_name(row, t), NAME)
            + pad(format_score(row.a.value), 8, right=True)
            + pad(format_score(row.b.value), 8, right=True)
            + pad(format_delta(row.delta), 8, right=True)
            + pad(f"{format_share(row.a.coverage)}→{format_share(row.b.coverage)}", 14, right=True)
        )
        if row.level == "overall":
            lines += rate_lines(c, t, NAME)
    changed = c.changed_items
    lines += [
        "",
        change_count_line(c, t),
        t(texts.ITEMS_CHANGED, changed=len(changed), total=len(c.items)),
    ]
    if changed:
        # as wide as the longest status shown: "not yet requested" is read whole
        status_width = max(
            STATUS, *(width(status_text(d, side, t)) + 1 for d in changed for side in ("a", "b"))
        )
        lines += ["", _item_header(t, status_width)]
        for diff in changed:
            item = c.checklist.item_index[diff.item_id]
            lines.append(
                pad(diff.item_id, 6)
                + pad(t.pick(item.title, item.title_en), TITLE)
                + " "
                + pad(status_text(diff, "a", t), status_width)
                + pad(status_text(diff, "b", t), status_width)
                + t.label(diff.change)
            )
            lines += [f"{'':6}· {phrase}" for phrase in describe(diff, t)]
    lines += change_lines(c, t)
    lines += _due_lines(c, t)
    lines += _unmatched_lines(c, t)
    return "\n".join(lines)


def _item_header(t: Texts, status_width: int) -> str:
    return (
        pad(t(texts.ID), 6)
        + pad(t(texts.ITEM), TITLE)
        + " "
        + pad("A", status_width)
        + pad("B", status_width)
        + t(texts.CHANGE)
    )


def _due_lines(c: Comparison, t: Texts) -> list[str]:
    start, end = (d.isoformat() for d in c.window)
    lines = ["", t(texts.DUE_HEAD, start=start, end=end, count=len(c.due_actions))]
    for due in c.due_actions:
        lead = f" ({due.lead})" if due.lead else ""
        lines.append(
            f"  {due.item_id} {due.text}{lead} · {due.due.isoformat()} · {due_state(due, t)}"
        )
    return lines


def _unmatched_lines(c: Comparison, t: Texts) -> list[str]:
    if not c.unmatched:
        return []
    lines = ["", t(texts.UNMATCHED_HEAD)]
    for u in c.unmatched:
        title = t.pick(u.title, u.title_en)
        status = unmatched_status(u, t)
        named = " ".join(filter(None, [u.item_id, title]))
        lines.append(f"  {named} [{status}]{t.colon}{unmatched_reason(u, t)}")
    return lines


def rollup_text(rollup: Rollup, t: Texts, *, top: int = 10) -> str:
    """Regional averages, the top of the ranking, the most common gaps and what was skipped."""
    lines = [
        t(texts.ROLLUP_HEAD, count=len(rollup.zones)),
        t(rollup_texts.PERIOD_HEAD, period=rollup.period),
        "",
        pad(t(texts.REGION), 10)
        + pad(t(texts.ZONES), 10, right=True)
        + pad(t(texts.MEAN_SCORE), 10, right=True)
        + pad(t(texts.MEAN_COVERAGE), 12, right=True),
    ]
    for avg in rollup.region_averages():
        lines.append(
            pad(region_name(avg.region, t), 10)
            + pad(str(avg.zones), 10, right=True)
            + pad(format_score(avg.overall.value), 10, right=True)
            + pad(format_share(avg.coverage.value), 12, right=True)
        )
    lines += ["", t(texts.TOP, count=top)]
    for rank, zone in rollup.ranking()[:top]:
        lines.append(
            pad(str(rank or "—"), 5, right=True)
            + "  "
            + pad(zone.name, 36)
            + pad(zone.province, 10)
            + pad(format_score(zone.overall), 8, right=True)
        )
    lines += rollup_rate_lines(rollup, t)
    lines += ["", t(texts.COMMON_GAPS)]
    for gap in rollup.common_gaps()[:top]:
        item = rollup.checklist.item_index[gap.item_id]
        lines.append(
            pad(gap.item_id, 6)
            + pad(t.pick(item.title, item.title_en), 36)
            + pad(f"{gap.gaps}/{gap.assessed}", 10, right=True)
            + pad(format_share(gap.share), 7, right=True)
        )
    for head, files in (
        (rollup_texts.OTHER_PERIODS_HEAD, rollup.other_periods),
        (texts.SKIPPED_HEAD, rollup.left_out),
    ):
        if files:
            lines += ["", t(head, count=len(files))]
            lines += [f"  {s.path}{t.colon}{s.reason_in(t)}" for s in files]
    return "\n".join(lines)
