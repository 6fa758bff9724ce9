"""Plain-text reports for the terminal: the summary table and the warning list."""

from __future__ import annotations

from assess.checklist import Checklist
from assess.models import Assessment
from assess.scoring import Score, Summary, format_score, format_share, summarize
from assess.texts import cli as texts
from assess.texts.catalog import Texts
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


def summary_text(checklist: Checklist, assessment: Assessment, t: Texts) -> str:
    summary = summarize(checklist, assessment)
    zone = assessment.zone
    flags = [
        t(label)
        for on, label in (
            (zone.border, texts.FLAG_BORDER),
            (zone.hub, texts.FLAG_HUB),
            (zone.foreign_talent, texts.FLAG_FOREIGN_TALENT),
        )
        if on
    ]
    place = t(texts.PLACE, province=zone.province, region=t.label(zone.region))
    head = f"{zone.name} · {assessment.period} · {place}"
    if flags:
        head += " · " + t.list_sep.join(flags)
    if assessment.assessor:
        head += " · " + t(texts.ASSESSOR, name=assessment.assessor)
    overall = summary.overall
    lines = [
        head,
        t(texts.CHECKLIST, id=checklist.id, version=checklist.version),
        "",
        t(
            texts.OVERALL,
            score=format_score(overall.value),
            coverage=format_share(overall.coverage),
            assessed=overall.assessed,
            applicable=overall.applicable,
        ),
        status_counts(summary.counts, t),
        "",
        pad(t(texts.AREA_OR_MEASURE), NAME_COLUMNS)
        + pad(t(texts.SCORE), 9, right=True)
        + pad(t(texts.COVERAGE), 9, right=True)
        + pad(t(texts.ASSESSED_OF), 10, right=True),
    ]
    for area in checklist.areas:
        title = t.pick(area.title, area.title_en)
        name = t(texts.AREA_NAME, numeral=area.numeral, number=area.number, title=title)
        lines.append(_row(name, summary.areas[area.number]))
        for m in area.measures:
            title = t.pick(m.title, m.title_en)
            name = t(texts.MEASURE_NAME, numeral=m.numeral, number=m.number, title=title)
            lines.append(_row(f"  {name}", summary.measures[m.number]))
    lines += ["", t(ROLLUP_RULE)]
    if summary.warnings:
        lines.append(t(texts.WARNINGS_HINT, count=len(summary.warnings)))
    return "\n".join(lines)


def warnings_text(checklist: Checklist, summary: Summary, t: Texts) -> str:
    lines = [t(texts.WARNINGS_HEAD, count=len(summary.warnings))]
    for w in summary.warnings:
        item = checklist.item_index.get(w.item_id)
        title = "" if item is None else t.pick(item.title, item.title_en)
        lines.append(f"  {w.item_id} {title}{t.colon}{warning_text(w, t)}")
    return "\n".join(lines)
