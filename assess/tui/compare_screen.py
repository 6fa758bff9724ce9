"""A reusable screen comparing two assessments item by item, and a side-by-side item view.

The app pushes ``CompareScreen(checklist, a, b, lang)``; it needs nothing else from the app
(its styles are in ``DEFAULT_CSS``). ``f`` filters to changed items, Enter opens both records
of the item side by side, Esc goes back.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Static

from assess.checklist import Checklist
from assess.compare import ChangeClass, Comparison, ItemDiff, Unmatched, compare, format_delta
from assess.models import Action, Assessment, ItemRecord
from assess.scoring import format_score
from assess.storage import Migration
from assess.texts.catalog import texts_for
from assess.texts.compare import describe, status_text, unmatched_reason
from assess.texts.labels import EXPLANATION
from assess.tui.i18n import Labels
from assess.tui.keys import localize
from assess.tui.literal import literal

CHANGE_STYLES: dict[ChangeClass, str] = {
    ChangeClass.IMPROVED: "bold green",
    ChangeClass.REGRESSED: "bold red",
    ChangeClass.NEWLY_ASSESSED: "cyan",
    ChangeClass.NO_LONGER_ASSESSED: "dark_orange",
    ChangeClass.APPLICABILITY: "yellow",
    ChangeClass.UNCHANGED: "grey50",
}


class CompareScreen(Screen[None]):
    """Items with both statuses and their change class; dismisses with None."""

    DEFAULT_CSS = """
    CompareScreen {
        layout: vertical;
    }
    CompareScreen #compare-head {
        height: auto;
        padding: 0 1;
        background: $boost;
    }
    CompareScreen #compare-table {
        height: 1fr;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "back"),
        Binding("f", "toggle_changes", "cmp_changes_only"),
    ]

    def __init__(
        self,
        checklist: Checklist,
        a: Assessment,
        b: Assessment,
        lang: str = "zh",
        *,
        migrations: tuple[Migration | None, Migration | None] = (None, None),
    ) -> None:
        super().__init__()
        self.checklist = checklist
        self.a, self.b = a, b
        self.t = Labels(en=lang == "en")
        localize(self, self.t)
        self.comparison: Comparison = compare(checklist, a, b, migrations=migrations)
        self.changes_only = False

    def compose(self) -> ComposeResult:
        yield Static(self._head(), id="compare-head")
        yield DataTable(id="compare-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        t = self.t
        table.add_columns(t("id"), t("cmp_item"), "A", "B", t("cmp_change"), t("cmp_other"))
        self._fill()
        table.focus()

    def _head(self) -> Text:
        c, t, en = self.comparison, self.t, self.t.en
        overall = c.score_rows()[0]
        text = Text()
        text.append(f"{t('cmp_title')}  ", style="bold")
        text.append(f"A {c.a.caption()}  →  B {c.b.caption()}\n")
        text.append(
            f"{t('cmp_overall')} {format_score(overall.a.value)} → {format_score(overall.b.value)} "
            f"({format_delta(overall.delta)})   "
        )
        for change in ChangeClass:
            text.append(
                f"{texts_for(en).label(change)} {c.counts[change]}  ", style=CHANGE_STYLES[change]
            )
        text.append(f"  {t('cmp_changed')} {len(c.changed_items)}/{len(c.items)}")
        if self.changes_only:
            text.append(t("cmp_filter_on"), style="bold")
        text.append(f"\n{t('cmp_keys')}", style="grey50")
        return text

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        en = self.t.en
        index = self.checklist.item_index
        for diff in self.comparison.items:
            if self.changes_only and not diff.changed:
                continue
            item = index[diff.item_id]
            phrases = describe(diff, texts_for(en))
            other = (
                phrases[0] + (f" (+{len(phrases) - 1})" if len(phrases) > 1 else "")
                if phrases
                else ""
            )
            table.add_row(
                *literal(
                    diff.item_id,
                    item.title_en if en else item.title,
                    status_text(diff, "a", texts_for(en)),
                    status_text(diff, "b", texts_for(en)),
                ),
                Text(texts_for(en).label(diff.change), style=CHANGE_STYLES[diff.change]),
                Text(other),
                key=diff.item_id,
            )
        for u in self.comparison.unmatched:
            status = texts_for(en).label(u.status)
            table.add_row(
                *literal(
                    u.item_id,
                    (u.title_en if en else u.title) or "—",
                    status if u.side == "a" else "—",
                    status if u.side == "b" else "—",
                ),
                Text(self.t("cmp_unmatched"), style="magenta"),
                Text(unmatched_reason(u, texts_for(en))),
                key=f"unmatched:{u.side}:{u.item_id}",
            )
        self.query_one("#compare-head", Static).update(self._head())

    def action_toggle_changes(self) -> None:
        self.changes_only = not self.changes_only
        self._fill()

    def action_close(self) -> None:
        self.dismiss(None)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if event.row_key.value is not None:
            self._open(event.row_key.value)

    def _open(self, key: str) -> None:
        diff = next((d for d in self.comparison.items if d.item_id == key), None)
        unmatched = next(
            (u for u in self.comparison.unmatched if key == f"unmatched:{u.side}:{u.item_id}"),
            None,
        )
        if diff is None and unmatched is None:
            return
        self.app.push_screen(ItemCompareScreen(self, diff, unmatched))


class ItemCompareScreen(ModalScreen[None]):
    """Both records of one item side by side, with what changed on top."""

    DEFAULT_CSS = """
    ItemCompareScreen {
        align: center middle;
    }
    ItemCompareScreen > Vertical {
        width: 96%;
        height: 92%;
        border: thick $primary;
        background: $surface;
        padding: 0 1;
    }
    ItemCompareScreen #item-head {
        height: auto;
        max-height: 40%;
        margin-bottom: 1;
    }
    ItemCompareScreen Horizontal {
        height: 1fr;
    }
    ItemCompareScreen .side {
        width: 1fr;
        border: round $secondary;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "back")]

    def __init__(
        self, parent: CompareScreen, diff: ItemDiff | None, unmatched: Unmatched | None
    ) -> None:
        super().__init__()
        self.owner = parent
        localize(self, parent.t)
        self.diff = diff
        self.unmatched = unmatched
        self.item_id = diff.item_id if diff else unmatched.item_id if unmatched else ""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self._head(), id="item-head")
            with Horizontal():
                with VerticalScroll(classes="side", id="side-a"):
                    yield Static(self._record_text("a"))
                with VerticalScroll(classes="side", id="side-b"):
                    yield Static(self._record_text("b"))

    def _head(self) -> Text:
        t, en = self.owner.t, self.owner.t.en
        item = self.owner.checklist.item_index.get(self.item_id)
        text = Text()
        title = "" if item is None else (item.title_en if en else item.title)
        text.append(f"{self.item_id} {title}\n", style="bold")
        if item is not None:
            text.append(f"{item.source}\n", style="italic")
        if self.diff is not None:
            text.append(f"{t('cmp_change')}: ")
            text.append(
                texts_for(en).label(self.diff.change), style=CHANGE_STYLES[self.diff.change]
            )
            for phrase in describe(self.diff, texts_for(en)):
                text.append(f"\n  · {phrase}")
        elif self.unmatched is not None:
            text.append(unmatched_reason(self.unmatched, texts_for(en)), style="magenta")
        return text

    def _record(self, side: str) -> tuple[Assessment, ItemRecord | None]:
        source = self.owner.a if side == "a" else self.owner.b
        if self.unmatched is not None and self.unmatched.side != side:
            return source, None
        record = source.items.get(self.item_id) or source.retired_items.get(self.item_id)
        return source, record

    def _record_text(self, side: str) -> Text:
        t, en = self.owner.t, self.owner.t.en
        c = self.owner.comparison
        profile = c.a if side == "a" else c.b
        assessment, record = self._record(side)
        text = Text()
        text.append(f"{side.upper()}  {profile.caption()}\n\n", style="bold")
        if record is None:
            text.append(t("cmp_no_record"), style="magenta")
            return text
        status = (
            status_text(self.diff, "a" if side == "a" else "b", texts_for(en))
            if self.diff is not None
            else (texts_for(en).label(record.status))
        )
        text.append(f"{t('status')}: ", style="bold")
        text.append(f"{status}\n")
        explanation = texts_for(en)(EXPLANATION[record.status.value])
        evidence = assessment.evidence_by_id()
        sections: list[tuple[str, str]] = [
            (explanation, record.explanation),
            (t("current"), record.current),
            (
                t("evidence"),
                "\n".join(
                    f"{e} {evidence[e].title} {evidence[e].ref}".rstrip() if e in evidence else e
                    for e in record.evidence
                ),
            ),
            (t("gap"), record.gap),
            (t("opportunity"), record.opportunity),
            (t("actions"), "\n".join(f"· {_action(a, en)}" for a in record.actions)),
            (t("note"), record.note),
            (t("cmp_figures"), "\n".join(f"{k}: {v}" for k, v in record.figures.items())),
        ]
        for label, value in sections:
            text.append(f"\n{label}\n", style="bold")
            text.append(
                f"{value.strip() or t('cmp_none')}\n", style="" if value.strip() else "grey50"
            )
        return text

    def action_close(self) -> None:
        self.dismiss(None)


def _action(action: Action, en: bool) -> str:
    """An action on one line: text｜lead｜due｜status."""
    parts = [action.text, action.lead, action.due.isoformat() if action.due else ""]
    parts.append(texts_for(en).label(action.status))
    return "｜".join(p for p in parts if p)
