"""Plain-text reports for the terminal: the summary table and the warning list."""

from __future__ import annotations

from assess.checklist import Checklist, chinese_numeral
from assess.models import Assessment, all_claims
from assess.requests import mapping_note, status_label
from assess.scoring import Score, Summary, format_score, format_share, summarize
from assess.texts import Texts
from assess.texts import policy as policy_texts
from assess.texts import summary as words
from assess.texts.messages import ROLLUP_RULE, status_counts, warning_text
from assess.texts.workbook import area_title, measure_title
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
    region = t.label(zone.region)
    flags = [
        t(label)
        for on, label in (
            (zone.border, words.FLAG_BORDER),
            (zone.hub, words.FLAG_HUB),
            (zone.foreign_talent, words.FLAG_FOREIGN),
        )
        if on
    ]
    head = f"{zone.name} · {assessment.period} · {t(words.PLACE, province=zone.province, region=region)}"
    if flags:
        head += " · " + t.list_sep.join(flags)
    if assessment.assessor:
        head += f" · {t(words.ASSESSOR)} {assessment.assessor}"
    overall = summary.overall
    lines = [
        head,
        f"{t(words.CHECKLIST)} {checklist.id} {checklist.version}",
        "",
        t(
            words.OVERALL,
            score=format_score(overall.value),
            coverage=format_share(overall.coverage),
            assessed=overall.assessed,
            applicable=overall.applicable,
        ),
        t(
            words.RATES,
            implementation=format_score(summary.implementation.value),
            req_scored=summary.implementation.scored,
            policy_use=format_score(summary.policy_use.value),
            open_scored=summary.policy_use.scored,
        ),
        status_counts(summary.counts, t),
        "",
        pad(t(words.AREA_MEASURE), NAME_COLUMNS)
        + pad(t(words.SCORE), 9, right=True)
        + pad(t(words.COVERAGE), 9, right=True)
        + pad(t(words.ASSESSED), 10, right=True),
    ]
    for area in checklist.areas:
        lines.append(_row(area_title(area, t), summary.areas[area.number]))
        for m in area.measures:
            lines.append(_row(f"  {measure_title(m, t)}", summary.measures[m.number]))
    lines += ["", *policy_lines(checklist, assessment, summary, t)]
    lines += ["", t(ROLLUP_RULE)]
    note = mapping_note(checklist, assessment)
    if note is not None:
        lines.append(t(note))
    if summary.warnings:
        lines.append(t(words.WARNINGS_HINT, count=len(summary.warnings)))
    return "\n".join(lines)


def policy_lines(
    checklist: Checklist, assessment: Assessment, summary: Summary, t: Texts
) -> list[str]:
    """待争取事项, 欠进度, 政策争取 and 自定任务: the lists the two rates stand on."""
    lines = [t(words.REQUESTS_HEAD, count=len(summary.requests))]
    for item_id in summary.requests:
        item = checklist.item_index[item_id]
        record = assessment.items[item_id]
        body = record.asked_of.strip()
        lines.append(
            t(
                words.REQUEST_LINE,
                id=item_id,
                title=t.pick(item.title, item.title_en),
                status=t(status_label(record.status, item.kind)),
                asked=t(words.ASKED_OF, body=body) if body else "",
            )
        )
    if summary.behind:
        lines.append(
            t(words.BEHIND_HEAD, count=len(summary.behind), ids=t.list_sep.join(summary.behind))
        )
    claims = all_claims(assessment)
    lines.append(t(words.CLAIMS_LINE, count=len(claims), approved=summary.approved_claims))
    if assessment.zone_tasks:
        own = summary.own_tasks
        count = len(assessment.zone_tasks)
        lines.append(t(policy_texts.OWN_LINE, count=count, score=format_score(own.value)))
        for task in assessment.zone_tasks:
            lines.append(
                t(
                    words.TASK_LINE,
                    id=task.id,
                    numeral=f"（{chinese_numeral(task.measure)}）",
                    number=task.measure,
                    title=task.title,
                    status=t.label(task.record.status),
                )
            )
    return lines


def warnings_text(checklist: Checklist, summary: Summary, t: Texts) -> str:
    lines = [t(words.WARNINGS_HEAD, count=len(summary.warnings))]
    for w in summary.warnings:
        item = checklist.item_index.get(w.item_id)
        title = "" if item is None else t.pick(item.title, item.title_en)
        lines.append(f"  {w.item_id} {title}{t.colon}{warning_text(w, t)}")
    return "\n".join(lines)
