"""What the report says, as a list of blocks; :mod:`assess.word.render` lays them out.

Numbering follows the policy so a reader can hold the report beside it: the report's parts are
一、 (基本情况) then 二、… for the plan's areas in order, its measures keep the plan's own （一）
to （十六）, and each measure has up to four run-in sections 1. 落实成效 2. 存在差距 3. 争取支持
4. 下一步举措, numbered in the order present, then 自定任务 (the zone's own tasks under that
measure, scored apart). 基本情况 gives both rates (落实率, 政策利用率), the requests and claims,
and the own tasks' line. Everything the zone wrote goes in as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from assess import fields
from assess.checklist import Checklist, Item, Kind, Measure
from assess.models import (
    Action,
    ActionStatus,
    Assessment,
    ClaimStatus,
    ItemRecord,
    Status,
    ZoneTask,
    all_claims,
)
from assess.review import review_state
from assess.scoring import Summary, format_score, format_share, schedule_of, summarize
from assess.texts import Texts, capitalised
from assess.texts import report as report_words

STATUS_ORDER = (
    Status.DONE,
    Status.IN_PROGRESS,
    Status.NOT_STARTED,
    Status.NOT_APPLICABLE,
    Status.NOT_ASSESSED,
)
SENTENCE_ENDS = ("。", "！", "？", "；", "…", ".", "!", "?", ";", "”", "）", ")")
# XML 1.0 forbids these; a zone's text containing them must still produce a document.
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class BlockKind(StrEnum):
    """How a block is laid out."""

    TITLE = "title"
    SUBTITLE = "subtitle"
    HEADING_1 = "heading_1"
    HEADING_2 = "heading_2"
    BODY = "body"
    CLOSING = "closing"  # body text kept on the page of the sign-off
    SIGN_OFF = "sign_off"


@dataclass(frozen=True)
class Block:
    """One paragraph; ``lead`` is a run-in heading (bold in body text, a label in the sign-off)."""

    kind: BlockKind
    text: str
    lead: str = ""


@dataclass
class MeasureText:
    """One measure's paragraphs and what they counted, for the 基本情况 totals."""

    blocks: list[Block]
    gaps: int = 0
    openings: int = 0
    actions: int = 0
    overdue: int = 0


def clean(text: str) -> str:
    """The zone's text on one line, without characters a .docx cannot hold."""
    return " ".join(_ILLEGAL_XML.sub("", text).split())


class Writer:
    """Composes the report in one language; ``today`` decides what is overdue."""

    def __init__(self, checklist: Checklist, assessment: Assessment, t: Texts, today: dt.date):
        self.checklist = checklist
        self.assessment = assessment
        self.t = t
        self.today = today
        self.summary: Summary = summarize(checklist, assessment, today)
        # open requests are no longer gaps; the report still names them as requests
        self.gap_ids = set(self.summary.gaps) | set(self.summary.requests)
        self.opening_ids = set(self.summary.opportunities)

    # ── small pieces ──
    def sentence(self, text: str) -> str:
        """``text`` cleaned and ending like a sentence (empty stays empty)."""
        text = clean(text)
        if text and not text.endswith(SENTENCE_ENDS):
            text += self.t(report_words.FULL_STOP)
        return text

    def date(self, day: dt.date) -> str:
        return self.t(report_words.DATE, y=day.year, m=day.month, d=day.day)

    def score(self, value: float | None) -> str:
        return (
            self.t(report_words.NO_SCORE)
            if value is None
            else self.t(report_words.SCORE, score=format_score(value))
        )

    def counts(self, counts: Counter[Status], *, skip_zero: bool) -> str:
        parts = [
            self.t(report_words.COUNT, status=self.t.label(s), n=counts[s])
            for s in STATUS_ORDER
            if counts[s] or not skip_zero
        ]
        return self.t.list_sep.join(parts)

    def title(self, item: Item) -> str:
        return self.t.pick(item.title, item.title_en)

    def record(self, item_id: str) -> ItemRecord:
        return self.assessment.items.get(item_id) or ItemRecord()

    def entries(self, heading: str, number: int, entries: list[str]) -> Block:
        """A run-in section: “1.落实成效。” then its entries, numbered （1）（2） when several."""
        if len(entries) > 1:
            entries = [
                self.t(report_words.ENTRY_NUMBER, n=n) + e for n, e in enumerate(entries, start=1)
            ]
        lead = self.t(report_words.SECTION, n=number, name=heading)
        return Block(BlockKind.BODY, self.t(report_words.ENTRY_SEP).join(entries), lead)

    # ── the document ──
    def blocks(self) -> list[Block]:
        t, a, cl = self.t, self.assessment, self.checklist
        plan = t.pick(cl.title, cl.title_en)
        measures = {m.number: self.measure(m) for m in cl.measures}
        out = [
            Block(BlockKind.TITLE, t(report_words.TITLE, zone=clean(a.zone.name), plan=plan)),
            Block(BlockKind.SUBTITLE, t(report_words.SUBTITLE, period=clean(a.period))),
            Block(BlockKind.BODY, ""),
            Block(
                BlockKind.BODY,
                t(
                    report_words.OPENING,
                    plan=plan,
                    measures=len(cl.measures),
                    period=clean(a.period),
                ),
            ),
            self.part_heading(1, t(report_words.BASICS)),
            *self.basics(measures.values()),
        ]
        for part, area in enumerate(cl.areas, start=2):
            out.append(self.part_heading(part, t.pick(area.title, area.title_en)))
            for measure in area.measures:
                numeral = t(report_words.MEASURE_NUMERALS[measure.number - 1])
                title = t.pick(measure.title, measure.title_en)
                out.append(
                    Block(
                        BlockKind.HEADING_2,
                        t(report_words.MEASURE_HEADING, numeral=numeral, title=title),
                    )
                )
                out.extend(measures[measure.number].blocks)
        return [*out, *self.closing()]

    def part_heading(self, number: int, title: str) -> Block:
        numeral = self.t(report_words.PART_NUMERALS[number - 1])
        return Block(
            BlockKind.HEADING_1, self.t(report_words.PART_HEADING, numeral=numeral, title=title)
        )

    def basics(self, measures: Iterable[MeasureText]) -> list[Block]:
        t, a, s = self.t, self.assessment, self.summary
        zone = a.zone
        flags = [
            t(entry)
            for on, entry in ((zone.border, report_words.BORDER), (zone.hub, report_words.HUB), (zone.foreign_talent, report_words.FOREIGN))
            if on
        ]  # fmt: skip
        listed = list(measures)
        areas = t(report_words.SENTENCE_SEP).join(
            t(report_words.AREA_SCORE, title=t.pick(area.title, area.title_en), score=self.score(s.areas[area.number].value))
            for area in self.checklist.areas
        )  # fmt: skip
        profile = t(
            report_words.PROFILE,
            zone=clean(zone.name),
            province=zone.province,
            region=t.label(zone.region),
            flags=t(report_words.FLAGS, flags=t.list_sep.join(flags)) if flags else "",
            period=clean(a.period),
            assessor=clean(a.assessor) or t(report_words.NO_ASSESSOR),
            version=self.checklist.version,
            items=len(self.checklist.items),
        )
        scores = t(
            report_words.SCORE_LINE,
            applicable=s.overall.applicable,
            assessed=s.overall.assessed,
            coverage=format_share(s.overall.coverage),
            score=self.score(s.overall.value),
        )
        counts = t(
            report_words.COUNT_LINE,
            counts=self.counts(s.counts, skip_zero=False),
            gaps=sum(m.gaps for m in listed),
            openings=sum(m.openings for m in listed),
            actions=sum(m.actions for m in listed),
            overdue=sum(m.overdue for m in listed),
        )
        return [
            Block(BlockKind.BODY, profile),
            Block(BlockKind.BODY, scores),
            Block(
                BlockKind.BODY,
                t(report_words.ENTRY_SEP).join([self.rates(), self.tasks_line()]),
            ),
            Block(BlockKind.BODY, counts),
            Block(BlockKind.BODY, t(report_words.AREA_LINE, areas=areas)),
        ]

    def rates(self) -> str:
        """落实率 and 政策利用率, the higher-level items by where they stand, the claims."""
        s, a = self.summary, self.assessment
        requests = Counter(
            self.record(i.id).status
            for i in self.checklist.items
            if i.kind is Kind.HIGHER_LEVEL and s.items[i.id].applicable
        )
        claims = all_claims(a)
        return self.t(
            report_words.RATES_LINE,
            implementation=self.rate(s.implementation.value),
            policy_use=self.rate(s.policy_use.value),
            received=requests[Status.DONE],
            requests=len(s.requests),
            requested=requests[Status.IN_PROGRESS],
            unrequested=requests[Status.NOT_STARTED],
            claims=len(claims),
            approved=sum(c.status is ClaimStatus.APPROVED for c in claims),
        )

    def rate(self, value: float | None) -> str:
        if value is None:
            return self.t(report_words.NO_SCORE)
        return self.t(report_words.RATE, score=format_score(value))

    def tasks_line(self) -> str:
        tasks = self.assessment.zone_tasks
        if not tasks:
            return self.t(report_words.NO_TASKS_LINE)
        counts = Counter(task.record.status for task in tasks)
        return self.t(
            report_words.TASKS_LINE,
            count=len(tasks),
            counts=self.counts(counts, skip_zero=True),
            score=self.score(self.summary.own_tasks.value),
        )

    def measure(self, measure: Measure) -> MeasureText:
        """The measure's paragraphs, its own tasks (自定任务) last, numbered after the rest."""
        text = self.plan_measure(measure)
        tasks = [self.task(task) for task in self.assessment.zone_tasks
                 if task.measure == measure.number]  # fmt: skip
        if tasks:
            number = sum(1 for b in text.blocks if b.lead) + 1
            text.blocks.append(self.entries(self.t(report_words.OWN_TASKS), number, tasks))
        return text

    def task(self, task: ZoneTask) -> str:
        """One own task: its title, status (and 达进度/欠进度), what was written, its next steps."""
        t, rec = self.t, task.record
        status = t.label(rec.status)
        pace = schedule_of(rec)
        if pace is not None:
            status = t(report_words.TASK_STATUS_PACE, status=status, pace=t.label(pace))
        detail = self.sentence(rec.explanation or task.description) or t(
            report_words.DETAIL_MISSING
        )
        out = t(report_words.TASK_ENTRY, title=clean(task.title), status=status, detail=detail)
        steps = [self.action(a) for a in rec.actions if a.status is not ActionStatus.DONE]
        if steps:
            out += t(report_words.TASK_STEPS, steps="".join(steps))
        return out

    def plan_measure(self, measure: Measure) -> MeasureText:
        t = self.t
        items = [i for i in measure.items if self.summary.items[i.id].applicable]
        if not items:
            return MeasureText([Block(BlockKind.BODY, t(report_words.NOT_FOR_PROFILE))])
        if all(self.record(i.id).is_blank() for i in items):
            return MeasureText([Block(BlockKind.BODY, t(report_words.NOTHING_RECORDED))])
        score = self.summary.measures[measure.number]
        counts = Counter(self.record(i.id).status for i in items)
        line = t(
            report_words.MEASURE_LINE,
            applicable=len(items),
            counts=self.counts(counts, skip_zero=True),
            score=self.score(score.value),
        )
        reasons = [
            t(report_words.NOT_APPLICABLE, title=self.title(i), reason=self.sentence(self.record(i.id).explanation) or t(report_words.NO_REASON))
            for i in items
            if self.record(i.id).status is Status.NOT_APPLICABLE
        ]  # fmt: skip
        text = MeasureText(
            [Block(BlockKind.BODY, t(report_words.ENTRY_SEP).join([line, *reasons]))]
        )
        effects = [self.effect(i) for i in items if self.record(i.id).status is Status.DONE]
        gaps = [
            self.gap(i) for i in items if i.id in self.gap_ids and i.kind is not Kind.HIGHER_LEVEL
        ]
        openings = [o for o in (self.opening(i) for i in items) if o]
        open_actions = [
            a for i in measure.items for a in self.record(i.id).actions
            if a.status is not ActionStatus.DONE
        ]  # fmt: skip
        steps = [self.action(a) for a in open_actions]
        sections = (
            (t(report_words.EFFECTS), effects),
            (t(report_words.GAPS), gaps),
            (t(report_words.SUPPORT), openings),
            (capitalised(t(report_words.RUN_IN, name=t(fields.ACTIONS.label))), steps),
        )
        present = [(heading, entries) for heading, entries in sections if entries]
        for number, (heading, entries) in enumerate(present, start=1):
            text.blocks.append(self.entries(heading, number, entries))
        text.gaps, text.openings, text.actions = len(gaps), len(openings), len(steps)
        text.overdue = sum(1 for a in open_actions if self.overdue(a))
        return text

    def effect(self, item: Item) -> str:
        effect = self.sentence(self.record(item.id).explanation) or self.t(
            report_words.EFFECT_MISSING
        )
        return self.t(report_words.EFFECT, title=self.title(item), effect=effect)

    def gap(self, item: Item) -> str:
        rec = self.record(item.id)
        entry = (
            report_words.GAP_IN_PROGRESS
            if rec.status is Status.IN_PROGRESS
            else report_words.GAP_NOT_STARTED
        )
        detail = self.sentence(rec.explanation) or self.t(report_words.DETAIL_MISSING)
        out = self.t(entry, title=self.title(item), detail=detail)
        if rec.gap.strip():
            out += self.t(report_words.GAP_TEXT, gap=self.sentence(rec.gap))
        return out

    def opening(self, item: Item) -> str:
        """An opening to use, support to request from higher levels, or '' if neither."""
        rec = self.record(item.id)
        detail = self.sentence(rec.opportunity) or self.t(
            report_words.POLICY_SAYS, source=clean(item.source).rstrip("，。；,;")
        )
        if item.kind is Kind.HIGHER_LEVEL and item.id in self.gap_ids:
            entry = (
                report_words.REQUEST_IN_PROGRESS
                if rec.status is Status.IN_PROGRESS
                else report_words.REQUEST_NOT_STARTED
            )
            return self.t(entry, title=self.title(item), detail=detail)
        usable = rec.status not in (Status.DONE, Status.NOT_APPLICABLE)
        if item.id in self.opening_ids or (usable and rec.opportunity.strip()):
            return self.t(report_words.OPENING_ENTRY, title=self.title(item), detail=detail)
        return ""

    def action(self, action: Action) -> str:
        t = self.t
        terms = [
            t(report_words.LEAD, lead=clean(action.lead))
            if action.lead.strip()
            else t(report_words.NO_LEAD, lead=t(fields.ACTION_LEAD.label))
        ]
        if action.partners.strip():
            terms.append(t(report_words.PARTNERS, partners=clean(action.partners)))
        if action.due is not None:
            terms.append(t(report_words.DUE, date=self.date(action.due)))
        if self.overdue(action):
            terms.append(t(report_words.OVERDUE))
        text = clean(action.text).rstrip("。.；;")
        return t(
            report_words.ACTION, text=text, terms=t(report_words.ACTION_TERM_SEP).join(terms)
        ) + t(report_words.FULL_STOP)

    def overdue(self, action: Action) -> bool:
        return (
            action.due is not None
            and action.due < self.today
            and action.status is not ActionStatus.DONE
        )

    def closing(self) -> list[Block]:
        t, a = self.t, self.assessment
        return [
            Block(BlockKind.CLOSING, t(report_words.CLOSING)),
            Block(BlockKind.CLOSING, ""),
            Block(BlockKind.SIGN_OFF, clean(a.zone.name), t(report_words.SIGN_UNIT)),
            Block(BlockKind.SIGN_OFF, clean(a.assessor), t(report_words.SIGN_PERSON)),
            Block(
                BlockKind.SIGN_OFF,
                clean(a.contact),
                t(report_words.SIGN_PHONE, label=capitalised(t(fields.CONTACT.label))),
            ),
            *self.sign_off(),
        ]

    def sign_off(self) -> list[Block]:
        """审核状态, 审核人, 审核意见 and the date as the file records them (blank to sign), and
        a line for the head of unit's signature, which no file holds;
        a final report also names who finalized it (``review_state`` says what each step shows)."""
        t = self.t
        review = review_state(self.assessment)
        date = t(report_words.SIGN_DATE_BLANK) if review.date is None else self.date(review.date)
        blocks = [
            Block(BlockKind.SIGN_OFF, review.state_text(t), t(report_words.SIGN_STATE)),
            Block(BlockKind.SIGN_OFF, clean(review.reviewer), t(report_words.SIGN_REVIEWER)),
        ]
        if review.opinion:
            blocks.append(
                Block(BlockKind.SIGN_OFF, clean(review.opinion), t(report_words.SIGN_OPINION))
            )
        blocks.append(Block(BlockKind.SIGN_OFF, "", t(report_words.SIGN_HEAD)))  # signed by hand
        blocks.append(Block(BlockKind.SIGN_OFF, date, t(report_words.SIGN_DATE)))
        if review.finalizer:
            day = self.date(review.finalized) if review.finalized else ""
            by = t(report_words.SIGN_FINALIZED, who=clean(review.finalizer), date=day)
            blocks.append(Block(BlockKind.SIGN_OFF, by, t(report_words.SIGN_FINALIZER)))
        if review.final_opinion:
            opinion = clean(review.final_opinion)
            blocks.append(Block(BlockKind.SIGN_OFF, opinion, t(report_words.SIGN_FINAL_OPINION)))
        return blocks

    def footer(self) -> str:
        a = self.assessment
        return self.t(
            report_words.FOOTER,
            zone=clean(a.zone.name),
            period=clean(a.period),
            version=self.checklist.version,
        )
