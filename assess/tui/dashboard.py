"""The ``d`` screen: scores as bars, counts, coverage, and rows that jump to items.

Everything is one list, so at 80×24 the cursor scrolls from the scores (areas, measures)
down to the gaps, opportunities and warnings; every row jumps to an item. Long rows are
wrapped by the Chinese line-breaking rules at the list's width.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from assess.checklist import Measure
from assess.lang import Lang
from assess.models import STATUS_ORDER
from assess.scoring import Score, format_score, format_share
from assess.texts import Texts
from assess.texts import departments as dept_texts
from assess.texts import tui_screens as texts
from assess.texts.messages import ROLLUP_RULE, warning_text
from assess.textwidth import pad, width
from assess.tui.departments import progress_lines
from assess.tui.footer import SteadyFooter
from assess.tui.glyphs import GLYPHS
from assess.tui.policy_view import dashboard_rows
from assess.tui.prose import wrap_text
from assess.tui.screen_keys import describe_keys
from assess.tui.session import Session
from assess.tui.tree_labels import rates_line

BAR_WIDTH = 20
SCORE_WIDTH = 14  # the score, the coverage and the gaps between them
TOP_GAPS = 10
INDENT = 2
CHROME = 9  # screen padding, the list's border, scrollbar and option padding


def bar(value: float | None, width: int = BAR_WIDTH) -> Text:
    """A 0–100 score as a bar of full and empty blocks."""
    if value is None:
        return Text("░" * width, style="grey37")
    full = round(width * value / 100)
    style = "green" if value >= 80 else "yellow" if value >= 50 else "red"
    return Text.assemble(("█" * full, style), ("░" * (width - full), "grey37"))


class DashboardScreen(Screen[str | None]):
    """Dismisses with an item ID when a row is chosen (the app jumps there)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,d,q", "close", "back"),
    ]

    def __init__(self, session: Session, lang: Lang) -> None:
        super().__init__()
        self.session = session
        self.t = Texts(lang)
        self.columns = 0
        describe_keys(self, self.t, {"close": texts.KEY_BACK})

    def compose(self) -> ComposeResult:
        with Vertical(id="dashboard"):
            title = Text.assemble((self.t(texts.DASHBOARD), "bold"), "  ")
            title.append(self.t(texts.DASHBOARD_KEYS), style="grey62")
            yield Label(title, classes="dialog-title")
            yield OptionList(id="dash-rows")
        yield SteadyFooter()

    def on_mount(self) -> None:
        self.query_one("#dash-rows", OptionList).focus()

    def on_resize(self, event: events.Resize) -> None:
        """Rows are wrapped for one width: rebuilt when the terminal changes size."""
        columns = max(event.size.width - CHROME, 20)
        if columns != self.columns:
            self.columns = columns
            self._fill(columns)

    def _fill(self, columns: int) -> None:
        rows = self.query_one("#dash-rows", OptionList)
        highlighted = rows.highlighted
        rows.clear_options()
        rows.add_options(self._rows(columns))
        if highlighted is None:  # first the top gap (Enter goes there); ↑ goes to the scores
            enabled = [i for i in range(rows.option_count) if rows.get_option_at_index(i).id]
            gaps = [i for i in enabled if "#gap" in str(rows.get_option_at_index(i).id)]
            highlighted = (gaps or enabled)[0]
        rows.highlighted = highlighted

    def _rows(self, columns: int) -> list[Option]:
        t, summary, cl = self.t, self.session.summary, self.session.checklist
        rows: list[Option] = []

        def line(text: Text, option_id: str | None = None, *, indent: int = 0) -> None:
            rows.append(
                Option(
                    wrap_text(text, columns, indent=indent), id=option_id, disabled=not option_id
                )
            )

        def section(name: str, count: int | None = None) -> None:
            label = name if count is None else t(texts.SECTION, name=name, count=count)
            line(Text(label, style="bold"))

        head = Text(style="bold")
        head.append(f"{t(texts.OVERALL)} {format_score(summary.overall.value)}    ")
        head.append(f"{t(texts.COVERAGE)} {format_share(summary.overall.coverage)}")
        line(head)
        line(Text(rates_line(summary, t), style="bold"), indent=INDENT)
        counts = Text()
        for status in STATUS_ORDER:
            glyph, style = GLYPHS[status]
            counts.append(glyph, style=style)
            counts.append(f" {t.label(status)} {summary.counts[status]}   ")
        line(counts, indent=INDENT)

        names = {
            m.number: t.pick(f"{m.numeral}{m.title}", f"({m.number}) {m.title_en}")
            for m in cl.measures
        }
        longest = max(
            width(n) for n in [*names.values(), *(t.pick(a.title, a.title_en) for a in cl.areas)]
        )
        name_width = min(longest, columns - BAR_WIDTH - SCORE_WIDTH)
        section(t(texts.AREA_SCORES))
        for area in cl.areas:
            name = t.pick(area.title, area.title_en)
            line(
                _score_row(name, name_width, summary.areas[area.number]),
                f"{_first(area.measures[0])}#a{area.number}",
            )
        section(t(texts.MEASURE_SCORES))
        for measure in cl.measures:
            score = summary.measures[measure.number]
            line(
                _score_row(names[measure.number], name_width, score),
                f"{_first(measure)}#m{measure.number}",
            )
        line(Text(t(ROLLUP_RULE), style="grey62"))

        def title(item_id: str) -> str:
            item = cl.item_index[item_id]
            return f"{item_id}  {t.pick(item.title, item.title_en)}"

        section(t(texts.TOP_GAPS), len(summary.gaps))
        for n, item_id in enumerate(summary.gaps[:TOP_GAPS]):
            status = self.session.record(item_id).status
            kind = t.label(cl.item_index[item_id].kind)
            label = Text(f"{title(item_id)}  [{kind}·{t.label(status)}]")
            line(label, f"{item_id}#gap{n}", indent=INDENT)
        section(t(texts.OPEN_OPPORTUNITIES), len(summary.opportunities))
        for n, item_id in enumerate(summary.opportunities):
            line(Text(title(item_id)), f"{item_id}#opp{n}", indent=INDENT)
        rows += dashboard_rows(cl, self.session.assessment, summary, self.t)
        section(t(texts.WARNINGS), len(summary.warnings))
        for n, warning in enumerate(summary.warnings):
            message = f"{warning.item_id}  {warning_text(warning, t)}"
            line(Text(message), f"{warning.item_id}#w{n}", indent=INDENT)
        progress = progress_lines(cl, self.session.assessment, t)  # last: the gaps stay in place
        if progress:
            section(t(dept_texts.TUI_TITLE))
            for text in progress:
                line(text, indent=INDENT)
        return rows

    @on(OptionList.OptionHighlighted, "#dash-rows")
    def _moved(self, event: OptionList.OptionHighlighted) -> None:
        """At the first row, show the lines above it too (the total and the counts)."""
        rows = event.option_list
        first = next(i for i in range(rows.option_count) if rows.get_option_at_index(i).id)
        if event.option_index == first:
            rows.scroll_home(animate=False)

    @on(OptionList.OptionSelected, "#dash-rows")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(event.option.id.split("#")[0])

    def action_close(self) -> None:
        self.dismiss(None)


def _score_row(name: str, name_width: int, score: Score) -> Text:
    row = Text(pad(name, name_width) + " ")
    row.append_text(bar(score.value))
    row.append(f" {format_score(score.value):>5}  {format_share(score.coverage):>4}")
    return row


def _first(measure: Measure) -> str:
    """Where a measure's (or area's) row jumps: its first item."""
    return measure.items[0].id
