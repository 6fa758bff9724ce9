"""The ``d`` screen: scores as bars, counts, coverage, and rows that jump to items."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Container, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from assess.models import STATUS_ORDER
from assess.scoring import format_score, format_share
from assess.texts.catalog import texts_for
from assess.texts.messages import ROLLUP_RULE, warning_text
from assess.textwidth import pad, width
from assess.tui.departments import progress_text, texts_of
from assess.tui.i18n import Labels
from assess.tui.keys import localize
from assess.tui.session import Session
from assess.tui.tree import GLYPHS

BAR_WIDTH = 20
WIDE = 130  # columns from which scores and lists sit side by side
TOP_GAPS = 10


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

    def __init__(self, session: Session, labels: Labels) -> None:
        super().__init__()
        self.session = session
        self.t = labels
        localize(self, labels)

    def compose(self) -> ComposeResult:
        with Vertical(id="dashboard"):
            yield Label(self.t("dashboard"), classes="dialog-title")
            with Container(id="dash-body"):
                with VerticalScroll(id="dash-scores"):
                    yield Static(self._scores())
                    yield Static(progress_text(self.session.checklist, self.session.assessment,
                                               texts_of(self.t)))  # fmt: skip
                yield OptionList(*self._rows(), id="dash-rows")
        yield Footer()

    def on_resize(self, event: events.Resize) -> None:
        """Scores beside the lists when the terminal is wide enough for both."""
        self.query_one("#dash-body").set_class(event.size.width >= WIDE, "-wide")

    def _scores(self) -> Text:
        t, summary, cl = self.t, self.session.summary, self.session.checklist
        area_width = min(30, max(width(t.pick(a.title, a.title_en)) for a in cl.areas))
        names = [t.pick(f"{m.numeral}{m.title}", f"({m.number}) {m.title_en}") for m in cl.measures]
        measure_width = min(30, max(width(n) for n in names))
        out = Text()
        out.append(f"{t('overall')} {format_score(summary.overall.value)}    ", style="bold")
        out.append(f"{t('coverage')} {format_share(summary.overall.coverage)}\n", style="bold")
        for status in STATUS_ORDER:
            glyph, style = GLYPHS[status]
            out.append(glyph, style=style)
            out.append(f" {t.status(status)} {summary.counts[status]}   ")
        out.append(f"\n\n{t('area_scores')}\n", style="bold")
        for area in cl.areas:
            score = summary.areas[area.number]
            out.append(pad(t.pick(area.title, area.title_en), area_width))
            out.append(" ")
            out.append_text(bar(score.value))
            out.append(f" {format_score(score.value):>5}  {format_share(score.coverage):>4}\n")
        out.append(f"\n{t('measure_scores')}\n", style="bold")
        for measure, name in zip(cl.measures, names, strict=True):
            score = summary.measures[measure.number]
            out.append(pad(name, measure_width))
            out.append(" ")
            out.append_text(bar(score.value))
            out.append(f" {format_score(score.value):>5}  {format_share(score.coverage):>4}\n")
        out.append(f"\n{texts_for(t.en)(ROLLUP_RULE)}\n", style="grey62")
        return out

    def _rows(self) -> list[Option]:
        t, summary, cl = self.t, self.session.summary, self.session.checklist
        rows: list[Option] = []

        def title(item_id: str) -> str:
            item = cl.item_index[item_id]
            return f"{item_id}  {t.pick(item.title, item.title_en)}"

        def section(name: str, count: int) -> None:
            rows.append(Option(Text(f"{name}（{count}）", style="bold"), disabled=True))

        section(t("top_gaps"), len(summary.gaps))
        for n, item_id in enumerate(summary.gaps[:TOP_GAPS]):
            status = self.session.record(item_id).status
            kind = cl.item_index[item_id].kind
            rows.append(
                Option(
                    Text(f"  {title(item_id)}  [{texts_for(t.en).label(kind)}·{t.status(status)}]"),
                    id=f"{item_id}#gap{n}",
                )
            )
        section(t("open_opps"), len(summary.opportunities))
        for n, item_id in enumerate(summary.opportunities):
            rows.append(Option(Text(f"  {title(item_id)}"), id=f"{item_id}#opp{n}"))
        section(t("warnings"), len(summary.warnings))
        for n, warning in enumerate(summary.warnings):
            message = warning_text(warning, texts_for(t.en))
            rows.append(
                Option(Text(f"  {warning.item_id}  {message}"), id=f"{warning.item_id}#w{n}")
            )
        return rows

    def on_mount(self) -> None:
        rows = self.query_one("#dash-rows", OptionList)
        rows.focus()
        for index in range(rows.option_count):
            if not rows.get_option_at_index(index).disabled:
                rows.highlighted = index
                break

    @on(OptionList.OptionSelected, "#dash-rows")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            self.dismiss(event.option.id.split("#")[0])

    def action_close(self) -> None:
        self.dismiss(None)
