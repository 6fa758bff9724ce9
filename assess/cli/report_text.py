"""Plain-text reports for the terminal: the summary table and the warning list."""

from __future__ import annotations

from assess.checklist import Checklist
from assess.models import Assessment
from assess.scoring import Score, Summary, format_score, format_share, summarize
from assess.texts.catalog import texts_for
from assess.texts.messages import ROLLUP_RULE, status_counts, warning_text
from assess.textwidth import pad

NAME_COLUMNS = 50


def _row(name: str, score: Score) -> str:
    return (
        pad(name, NAME_COLUMNS)
        + pad(format_score(score.value), 9, right=True)
        + pad(format_share(score.coverage), 9, right=True)
        + pad(f"{score.assessed}/{score.applicable}", 10, right=True)
    )


def summary_text(checklist: Checklist, assessment: Assessment, *, en: bool = False) -> str:
    summary = summarize(checklist, assessment)
    zone = assessment.zone
    region = texts_for(en).label(zone.region)
    flags = [
        label
        for on, label in (
            (zone.border, "border" if en else "沿边"),
            (zone.hub, "western hub" if en else "西部枢纽节点起步区"),
            (zone.foreign_talent, "foreign talent" if en else "外籍人才集中"),
        )
        if on
    ]
    head = f"{zone.name} · {assessment.period} · {zone.province}（{region}）"
    if flags:
        head += " · " + "、".join(flags)
    if assessment.assessor:
        head += f" · {'assessor' if en else '评估人'} {assessment.assessor}"
    overall = summary.overall
    lines = [
        head,
        f"{'checklist' if en else '清单'} {checklist.id} {checklist.version}",
        "",
        (
            f"{'Overall score' if en else '总体得分'} {format_score(overall.value)}   "
            f"{'coverage' if en else '覆盖率'} {format_share(overall.coverage)} "
            f"({overall.assessed}/{overall.applicable})"
        ),
        status_counts(summary.counts, texts_for(en)),
        "",
        pad("Area / measure" if en else "领域 / 举措", NAME_COLUMNS)
        + pad("score" if en else "得分", 9, right=True)
        + pad("coverage" if en else "覆盖率", 9, right=True)
        + pad("assessed" if en else "已评/适用", 10, right=True),
    ]
    for area in checklist.areas:
        name = f"Part {area.number}. {area.title_en}" if en else f"{area.numeral}、{area.title}"
        lines.append(_row(name, summary.areas[area.number]))
        for m in area.measures:
            name = f"({m.number}) {m.title_en}" if en else f"{m.numeral}{m.title}"
            lines.append(_row(f"  {name}", summary.measures[m.number]))
    lines += ["", texts_for(en)(ROLLUP_RULE)]
    if summary.warnings:
        lines.append(
            f"{len(summary.warnings)} quality warning(s): run 'assess validate'"
            if en
            else f"质量提示 {len(summary.warnings)} 条，运行 assess validate 查看"
        )
    return "\n".join(lines)


def warnings_text(checklist: Checklist, summary: Summary, *, en: bool = False) -> str:
    lines = [
        f"{len(summary.warnings)} quality warning(s):"
        if en
        else f"质量提示 {len(summary.warnings)} 条："
    ]
    for w in summary.warnings:
        item = checklist.item_index.get(w.item_id)
        title = "" if item is None else (item.title_en if en else item.title)
        lines.append(f"  {w.item_id} {title}: {warning_text(w, texts_for(en))}")
    return "\n".join(lines)
