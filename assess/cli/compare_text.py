"""The comparison and the roll-up as plain text for the terminal."""

from __future__ import annotations

from assess.compare import ChangeClass, Comparison, Side, format_delta
from assess.rollup import Rollup
from assess.scoring import format_score, format_share
from assess.texts.catalog import texts_for
from assess.texts.compare import (
    describe,
    due_state,
    region_name,
    row_name,
    side_flags,
    status_text,
    unmatched_reason,
)
from assess.textwidth import pad

NAME = 44
TITLE = 30


def side_line(tag: str, side: Side, *, en: bool = False) -> str:
    region = texts_for(en).label(side.region)
    where = f"{side.province} ({region})" if en else f"{side.province}（{region}）"
    parts = [side.name, side.period, where]
    parts += list(side_flags(side, texts_for(en)))
    updated = side.updated.date().isoformat()
    parts.append(f"updated {updated}" if en else f"更新于 {updated}")
    parts.append(f"checklist {side.checklist_version}" if en else f"清单 {side.checklist_version}")
    return f"{tag}  " + " · ".join(parts)


def change_count_line(comparison: Comparison, *, en: bool = False) -> str:
    return "  ".join(f"{texts_for(en).label(c)} {comparison.counts[c]}" for c in ChangeClass)


def comparison_text(comparison: Comparison, *, en: bool = False) -> str:
    """Both profiles, the score table with deltas, the changed items, due actions, unmatched."""
    c = comparison
    lines = [
        "Comparison A → B" if en else "对比 A → B",
        side_line("A", c.a, en=en),
        side_line("B", c.b, en=en),
    ]
    if not c.same_zone:
        lines.append(
            "(two different zones: applicability follows each zone's profile)"
            if en
            else "（两个不同的经开区：适用性按各自画像判断）"
        )
    lines += [
        "",
        pad("Area / measure" if en else "领域 / 举措", NAME)
        + pad("A", 8, right=True)
        + pad("B", 8, right=True)
        + pad("Δ", 8, right=True)
        + pad("coverage A→B" if en else "覆盖率 A→B", 14, right=True),
    ]
    for row in c.score_rows():
        indent = "  " if row.level == "measure" else ""
        lines.append(
            pad(indent + row_name(row, texts_for(en)), NAME)
            + pad(format_score(row.a.value), 8, right=True)
            + pad(format_score(row.b.value), 8, right=True)
            + pad(format_delta(row.delta), 8, right=True)
            + pad(f"{format_share(row.a.coverage)}→{format_share(row.b.coverage)}", 14, right=True)
        )
    changed = c.changed_items
    lines += [
        "",
        change_count_line(c, en=en),
        (
            f"{len(changed)} of {len(c.items)} items changed"
            if en
            else f"有变化的条目 {len(changed)} / {len(c.items)}"
        ),
    ]
    if changed:
        lines += ["", _item_header(en)]
        for diff in changed:
            item = c.checklist.item_index[diff.item_id]
            lines.append(
                pad(diff.item_id, 6)
                + pad(item.title_en if en else item.title, TITLE)
                + " "
                + pad(status_text(diff, "a", texts_for(en)), 14)
                + pad(status_text(diff, "b", texts_for(en)), 14)
                + texts_for(en).label(diff.change)
            )
            lines += [f"{'':6}· {phrase}" for phrase in describe(diff, texts_for(en))]
    lines += _due_lines(c, en)
    lines += _unmatched_lines(c, en)
    return "\n".join(lines)


def _item_header(en: bool) -> str:
    return (
        pad("ID" if en else "编号", 6)
        + pad("Item" if en else "条目", TITLE)
        + " "
        + pad("A", 14)
        + pad("B", 14)
        + ("Change" if en else "变化")
    )


def _due_lines(c: Comparison, en: bool) -> list[str]:
    start, end = (d.isoformat() for d in c.window)
    head = (
        f"Actions due {start} – {end} and not done in B: {len(c.due_actions)}"
        if en
        else f"{start} 至 {end} 到期且 B 中未完成的举措：{len(c.due_actions)} 项"
    )
    lines = ["", head]
    for due in c.due_actions:
        lead = f" ({due.lead})" if due.lead else ""
        lines.append(
            f"  {due.item_id} {due.text}{lead} · {due.due.isoformat()} · {due_state(due, texts_for(en))}"
        )
    return lines


def _unmatched_lines(c: Comparison, en: bool) -> list[str]:
    if not c.unmatched:
        return []
    lines = [
        "",
        "Items not matched (different checklist versions):"
        if en
        else "未能对应的条目（清单版本不同）：",
    ]
    for u in c.unmatched:
        title = u.title_en if en else u.title
        status = texts_for(en).label(u.status)
        lines.append(
            f"  {' '.join(filter(None, [u.item_id, title]))} [{status}]: {unmatched_reason(u, texts_for(en))}"
        )
    return lines


def rollup_text(rollup: Rollup, *, en: bool = False, top: int = 10) -> str:
    """Regional averages, the top of the ranking, the most common gaps and what was skipped."""
    lines = [
        (f"Roll-up of {len(rollup.zones)} zone(s)" if en else f"汇总 {len(rollup.zones)} 个经开区"),
        ("periods: " if en else "评估期：")
        + "、".join(f"{p} ({n})" for p, n in rollup.periods.most_common()),
        "",
        pad("Region" if en else "地区", 10)
        + pad("zones" if en else "经开区数", 10, right=True)
        + pad("score" if en else "平均得分", 10, right=True)
        + pad("coverage" if en else "平均覆盖率", 12, right=True),
    ]
    for avg in rollup.region_averages():
        lines.append(
            pad(region_name(avg.region, texts_for(en)), 10)
            + pad(str(avg.zones), 10, right=True)
            + pad(format_score(avg.overall.value), 10, right=True)
            + pad(format_share(avg.coverage.value), 12, right=True)
        )
    lines += ["", f"Top {top}:" if en else f"得分前 {top} 名："]
    for rank, zone in rollup.ranking()[:top]:
        lines.append(
            pad(str(rank or "—"), 5, right=True)
            + "  "
            + pad(zone.name, 36)
            + pad(zone.province, 10)
            + pad(format_score(zone.overall), 8, right=True)
        )
    lines += ["", "Most common gaps:" if en else "最常见的差距："]
    for gap in rollup.common_gaps()[:top]:
        item = rollup.checklist.item_index[gap.item_id]
        lines.append(
            pad(gap.item_id, 6)
            + pad(item.title_en if en else item.title, 36)
            + pad(f"{gap.gaps}/{gap.assessed}", 10, right=True)
            + pad(format_share(gap.share), 7, right=True)
        )
    if rollup.skipped:
        lines += [
            "",
            f"Skipped {len(rollup.skipped)} file(s):"
            if en
            else f"未计入的文件 {len(rollup.skipped)} 个：",
        ]
        lines += [f"  {s.path}: {s.reason}" for s in rollup.skipped]
    return "\n".join(lines)
