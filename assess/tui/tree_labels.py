"""What the tree's nodes and the header line say: functions of the session, free of widgets.

The window uses them, and so does the start-up child (``assess.tui.first_frame``), which
computes the first frame's labels while the window's process is still importing Textual.
"""

from __future__ import annotations

from rich.text import Text

from assess.applicability import item_applies
from assess.checklist import Area, Item, Measure
from assess.models import ItemRecord, ReviewState, Schedule, Status, ZoneTask
from assess.scoring import Summary, format_score, format_share, schedule_of
from assess.texts import Texts, safety
from assess.texts import policy as policy_words
from assess.texts import tui as words
from assess.texts.workbook import area_title, measure_title
from assess.tui.glyphs import GLYPHS, NOT_FOR_ZONE
from assess.tui.session import Session


def _score(value: float | None) -> Text:
    return Text(f"{format_score(value):>5} ", style="bold cyan")


def area_label(session: Session, t: Texts, area: Area) -> Text:
    label = _score(session.summary.areas[area.number].value)
    label.append(area_title(area, t), style="bold")
    return label


def measure_label(session: Session, t: Texts, measure: Measure) -> Text:
    label = _score(session.summary.measures[measure.number].value)
    label.append(measure_title(measure, t))
    return label


def item_tag(record: ItemRecord | None, t: Texts) -> Text:
    """What follows an item's title in the tree: 欠进度 in red when 推进中 work is behind."""
    if record is not None and schedule_of(record) is Schedule.BEHIND:
        return Text.assemble(" ", (t(policy_words.BEHIND_TAG), "bold red"))
    return Text()


def item_label(session: Session, t: Texts, item: Item) -> Text:
    record = session.assessment.items.get(item.id)
    status = Status.NOT_ASSESSED if record is None else record.status
    glyph, style = GLYPHS[status]
    title = t.pick(item.title, item.title_en)
    if item_applies(item, session.assessment.zone):
        return Text.assemble((glyph, style), " ", (item.id, "dim"), " ", title, item_tag(record, t))
    # the mark goes before the title, so a narrow tree that cuts titles still shows it
    return Text.assemble((glyph, style), " ", (f"{item.id} {NOT_FOR_ZONE} {title}", "dim"))


def task_label(t: Texts, task: ZoneTask) -> Text:
    """A zone task: its glyph, ID, the mark 〔自定〕 and its title (欠进度 in red if behind)."""
    glyph, style = GLYPHS[task.record.status]
    mark = t(policy_words.ZONE_TASK_TAG)
    label = Text.assemble(
        (glyph, style), " ", (task.id, "dim"), " ", (mark, "bold magenta"), task.title
    )
    if schedule_of(task.record) is Schedule.BEHIND:
        label.append_text(Text.assemble(" ", (t(policy_words.BEHIND_TAG), "bold red")))
    return label


def rates_line(summary: Summary, t: Texts) -> str:
    """落实率 · 政策利用率, for the header line and the dashboard."""
    return t(
        policy_words.RATES_LINE,
        implementation=format_score(summary.implementation.value),
        policy_use=format_score(summary.policy_use.value),
    )


def header_parts(session: Session, t: Texts, filter_name: str) -> tuple[list[str], str]:
    """The header's identity (zone, period, filter, sign-off state) and its scores."""
    a = session.assessment
    overall = session.summary.overall
    identity = [a.zone.name, a.period]
    if filter_name != "all":
        identity.append(f"{t(words.FILTER)}{t.colon}{t(words.FILTERS[filter_name])}")
    if a.review.state is not ReviewState.DRAFT:  # the sign-off, once it has begun
        identity.append(t.label(a.review.state))
    if session.view_only:  # said once on opening; the header keeps saying it
        identity.append(t(safety.VIEW_ONLY_MARK))
    scores = (
        f"{t(words.OVERALL)} {format_score(overall.value)}"
        f" · {t(words.COVERAGE)} {format_share(overall.coverage)}"
        f" · {rates_line(session.summary, t)}"
    )
    return identity, scores
