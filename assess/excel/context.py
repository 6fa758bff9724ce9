"""What every sheet of the report needs: the assessment, its scores and the chosen measures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import cached_property

from assess.checklist import Checklist, Item, Measure
from assess.errors import AssessError
from assess.lang import Lang
from assess.models import Assessment, ItemRecord
from assess.scoring import Score, Summary, summarize
from assess.texts import Texts
from assess.texts.workbook import MEASURE_RUN, PART_SCOPE, WHOLE_SCOPE


@dataclass
class ReportContext:
    checklist: Checklist
    assessment: Assessment
    today: dt.date
    measure_numbers: tuple[int, ...]
    lang: Lang = Lang.ZH
    only: frozenset[str] | None = None
    """A department's items (it leads or partners); None: every item of the measures."""
    summary: Summary = field(init=False)

    def __post_init__(self) -> None:
        self.summary = summarize(self.checklist, self.assessment, self.today)

    @classmethod
    def build(
        cls,
        checklist: Checklist,
        assessment: Assessment,
        measures: Collection[int] | None,
        today: dt.date | None,
        lang: Lang = Lang.ZH,
        only: Collection[str] | None = None,
    ) -> ReportContext:
        if only is not None:
            wanted = set(only)
            measures = [m.number for m in checklist.measures if wanted & {i.id for i in m.items}]
        known = [m.number for m in checklist.measures]
        if measures is None:
            chosen = tuple(known)
        else:
            unknown = sorted(set(measures) - set(known))
            if unknown:
                raise AssessError(
                    f"清单中没有举措 {', '.join(map(str, unknown))}；可选 1–{max(known)} "
                    f"/ no such measure(s); valid: 1–{max(known)}"
                )
            chosen = tuple(n for n in known if n in set(measures))
            if not chosen:
                raise AssessError("未选择任何举措 / no measure selected")
        chosen_only = None if only is None else frozenset(only)
        return cls(checklist, assessment, today or dt.date.today(), chosen, lang, chosen_only)

    @property
    def t(self) -> Texts:
        """The workbook's language."""
        return Texts(self.lang)

    @property
    def limited(self) -> bool:
        return self.only is not None or len(self.measure_numbers) < len(self.checklist.measures)

    @cached_property
    def measures(self) -> list[Measure]:
        return [self.checklist.measure(n) for n in self.measure_numbers]

    @cached_property
    def items(self) -> list[Item]:
        return [i for m in self.measures for i in m.items if self.only is None or i.id in self.only]

    @cached_property
    def item_ids(self) -> set[str]:
        return {i.id for i in self.items}

    def record(self, item_id: str) -> ItemRecord:
        return self.assessment.items.get(item_id) or ItemRecord()

    @cached_property
    def scope_score(self) -> Score:
        return sum((self.summary.measures[n] for n in self.measure_numbers), Score())

    def area_scores(self) -> list[tuple[str, str, Score]]:
        """(numeral, title, score over the chosen measures) for each area that has any."""
        out = []
        for area in self.checklist.areas:
            numbers = [m.number for m in area.measures if m.number in self.measure_numbers]
            if numbers:
                score = sum((self.summary.measures[n] for n in numbers), Score())
                numeral = self.t.pick(area.numeral, str(area.number))
                out.append((numeral, self.t.pick(area.title, area.title_en), score))
        return out

    def scope_text(self) -> str:
        if not self.limited:
            return self.t(WHOLE_SCOPE, count=len(self.checklist.measures))
        runs: list[list[Measure]] = []
        for measure in self.measures:
            if runs and runs[-1][-1].number + 1 == measure.number:
                runs[-1].append(measure)
            else:
                runs.append([measure])
        parts = [
            self._numeral(run[0])
            if len(run) == 1
            else self.t(MEASURE_RUN, first=self._numeral(run[0]), last=self._numeral(run[-1]))
            for run in runs
        ]
        return self.t(PART_SCOPE, measures=self.t.list_sep.join(parts))

    def _numeral(self, measure: Measure) -> str:
        return str(measure.number) if self.lang is Lang.EN else measure.numeral

    def item_title(self, item: Item) -> str:
        return self.t.pick(item.title, item.title_en)

    @property
    def zone_line(self) -> str:
        """Page header text: zone name and period."""
        return f"{self.assessment.zone.name}　{self.assessment.period}"
