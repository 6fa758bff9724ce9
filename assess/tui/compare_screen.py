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
from textual.widgets import DataTable

from assess.checklist import Checklist, Kind
from assess.compare import ChangeClass, Comparison, ItemDiff, Unmatched, compare, format_delta
from assess.lang import Lang
from assess.models import Action, Assessment, ItemRecord
from assess.requests import explanation_label, status_label
from assess.scoring import format_score
from assess.storage import Migration
from assess.texts import Texts, catalog
from assess.texts import tui_screens as texts
from assess.texts.compare import describe, status_text, unmatched_reason, unmatched_status
from assess.texts.labels import FIELD
from assess.textwidth import truncate, width
from assess.tui.footer import SteadyFooter
from assess.tui.prose import Prose
from assess.tui.screen_keys import describe_keys

ID_WIDTH, TITLE_MIN, OTHER_MIN, CELL_PADDING = 5, 12, 12, 2
MAX_STATUS, MAX_CHANGE = 14, 20  # below WIDE columns 未启动（画像不适用） is cut with 「…」
WIDE = 100

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
        Binding("f", "toggle_changes", "changes only"),
        Binding("s", "swap", "swap A/B"),
    ]
    KEYS: ClassVar[dict[str, catalog.Text]] = {
        "close": texts.KEY_BACK,
        "toggle_changes": texts.KEY_CHANGES_ONLY,
        "swap": texts.KEY_SWAP,
    }

    def __init__(
        self,
        checklist: Checklist,
        a: Assessment,
        b: Assessment,
        lang: Lang = Lang.ZH,
        *,
        migrations: tuple[Migration | None, Migration | None] = (None, None),
    ) -> None:
        super().__init__()
        self.checklist = checklist
        self.a, self.b = a, b
        self.migrations = migrations
        self.t = Texts(lang)
        describe_keys(self, self.t, self.KEYS)
        self.comparison: Comparison = compare(checklist, a, b, migrations=migrations)
        self.changes_only = False

    def compose(self) -> ComposeResult:
        yield Prose(self._head(), id="compare-head")
        yield DataTable(id="compare-table", cursor_type="row", zebra_stripes=True)
        yield SteadyFooter()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        t = self.t
        self.columns = _column_widths(t, self.comparison, self.size.width)
        headers = (t(texts.COL_ID), t(texts.COL_ITEM), "A", "B", t(texts.COL_CHANGE))
        for header, cells in zip(headers, self.columns, strict=True):
            table.add_column(header, width=cells)
        table.add_column(t(texts.COL_OTHER))
        self._fill()
        table.focus()

    def _head(self) -> Text:
        c, t = self.comparison, self.t
        overall = c.score_rows()[0]
        text = Text()
        text.append(f"{t(texts.COMPARE)}  ", style="bold")
        text.append(f"A {c.a.caption()}  →  B {c.b.caption()}\n")
        text.append(
            f"{t(texts.OVERALL)} {format_score(overall.a.value)} → {format_score(overall.b.value)} "
            f"({format_delta(overall.delta)})   "
        )
        for change in ChangeClass:
            text.append(f"{t.label(change)} {c.counts[change]}  ", style=CHANGE_STYLES[change])
        text.append(f"  {t(texts.CHANGED)} {len(c.changed_items)}/{len(c.items)}")
        if self.changes_only:
            text.append(t(texts.CHANGES_ONLY_ON), style="bold")
        text.append(f"\n{t(texts.COMPARE_KEYS)}", style="grey50")
        return text

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        t = self.t
        cut = dict(zip(("id", "item", "a", "b", "change"), self.columns, strict=True))
        index = self.checklist.item_index
        for diff in self.comparison.items:
            if self.changes_only and not diff.changed:
                continue
            item = index[diff.item_id]
            phrases = describe(diff, t)
            other = (
                phrases[0] + (f" (+{len(phrases) - 1})" if len(phrases) > 1 else "")
                if phrases
                else ""
            )
            table.add_row(
                Text(diff.item_id),
                Text(truncate(t.pick(item.title, item.title_en), cut["item"])),
                Text(truncate(status_text(diff, "a", t), cut["a"])),
                Text(truncate(status_text(diff, "b", t), cut["b"])),
                Text(
                    truncate(t.label(diff.change), cut["change"]), style=CHANGE_STYLES[diff.change]
                ),
                Text(other),
                key=diff.item_id,
            )
        for u in self.comparison.unmatched:
            status = truncate(unmatched_status(u, t), cut["a"])
            table.add_row(
                Text(u.item_id),
                Text(truncate(t.pick(u.title, u.title_en) or "—", cut["item"])),
                Text(status if u.side == "a" else "—"),
                Text(status if u.side == "b" else "—"),
                Text(truncate(t(texts.UNMATCHED), cut["change"]), style="magenta"),
                Text(unmatched_reason(u, t)),
                key=f"unmatched:{u.side}:{u.item_id}",
            )
        self.query_one("#compare-head", Prose).update(self._head())

    def action_toggle_changes(self) -> None:
        self.changes_only = not self.changes_only
        self._fill()

    def action_swap(self) -> None:
        """B becomes the reference: which file is "before" is the user's to say (two zones of
        one period have no order; two periods are put in order when the screen opens)."""
        self.a, self.b = self.b, self.a
        self.migrations = (self.migrations[1], self.migrations[0])
        self.comparison = compare(self.checklist, self.a, self.b, migrations=self.migrations)
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
        describe_keys(self, parent.t, {"close": texts.KEY_BACK})
        self.diff = diff
        self.unmatched = unmatched
        self.item_id = diff.item_id if diff else unmatched.item_id if unmatched else ""

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Prose(self._head(), id="item-head")
            with Horizontal():
                with VerticalScroll(classes="side", id="side-a"):
                    yield Prose(self._record_text("a"))
                with VerticalScroll(classes="side", id="side-b"):
                    yield Prose(self._record_text("b"))

    def _head(self) -> Text:
        t = self.owner.t
        item = self.owner.checklist.item_index.get(self.item_id)
        text = Text()
        title = "" if item is None else t.pick(item.title, item.title_en)
        text.append(f"{self.item_id} {title}\n", style="bold")
        if item is not None:
            text.append(f"{item.source}\n", style="italic")
        if self.diff is not None:
            text.append(f"{t(texts.COL_CHANGE)}{t.colon}")
            text.append(t.label(self.diff.change), style=CHANGE_STYLES[self.diff.change])
            for phrase in describe(self.diff, t):
                text.append(f"\n  · {phrase}")
        elif self.unmatched is not None:
            text.append(unmatched_reason(self.unmatched, t), style="magenta")
        return text

    def _record(self, side: str) -> tuple[Assessment, ItemRecord | None]:
        source = self.owner.a if side == "a" else self.owner.b
        if self.unmatched is not None and self.unmatched.side != side:
            return source, None
        record = source.items.get(self.item_id) or source.retired_items.get(self.item_id)
        return source, record

    def _record_text(self, side: str) -> Text:
        t = self.owner.t
        c = self.owner.comparison
        profile = c.a if side == "a" else c.b
        assessment, record = self._record(side)
        text = Text()
        text.append(f"{side.upper()}  {profile.caption()}\n\n", style="bold")
        if record is None:
            text.append(t(texts.NO_RECORD), style="magenta")
            return text
        item = self.owner.checklist.item_index.get(self.item_id)
        kind = Kind.REQUIREMENT if item is None else item.kind  # a retired item: the plain words
        status = (
            status_text(self.diff, "a" if side == "a" else "b", t)
            if self.diff is not None
            else t(status_label(record.status, kind))
        )
        text.append(f"{t(FIELD['status'])}{t.colon}", style="bold")
        text.append(f"{status}\n")
        explanation = t(explanation_label(record.status, kind))
        evidence = assessment.evidence_by_id()
        sections: list[tuple[str, str]] = [
            (explanation, record.explanation),
            (t(FIELD["current"]), record.current),
            (
                t(FIELD["evidence"]),
                "\n".join(
                    f"{e} {evidence[e].title} {evidence[e].ref}".rstrip() if e in evidence else e
                    for e in record.evidence
                ),
            ),
            (t(FIELD["gap"]), record.gap),
            (t(FIELD["opportunity"]), record.opportunity),
            (t(FIELD["actions"]), "\n".join(f"· {_action(a, t)}" for a in record.actions)),
            (t(FIELD["note"]), record.note),
            (t(FIELD["figures"]), "\n".join(f"{k}: {v}" for k, v in record.figures.items())),
        ]
        for label, value in sections:
            text.append(f"\n{label}\n", style="bold")
            text.append(
                f"{value.strip() or t(texts.NONE)}\n", style="" if value.strip() else "grey50"
            )
        return text

    def action_close(self) -> None:
        self.dismiss(None)


def _action(action: Action, t: Texts) -> str:
    """An action on one line: text｜lead｜due｜status."""
    parts = [action.text, action.lead, action.due.isoformat() if action.due else ""]
    parts.append(t.label(action.status))
    return "｜".join(p for p in parts if p)


def _column_widths(t: Texts, c: Comparison, columns: int) -> tuple[int, int, int, int, int]:
    """ID, item, A, B and change columns: labels whole, the title takes what is left.

    At 80 columns 「未变」 and 「未评估」 must both be read in full, so the status and change
    columns are as wide as the longest label they show (the longest cut with 「…」 on a
    small terminal); the item title takes the rest and is cut with 「…」.
    """
    statuses = [status_text(d, side, t) for d in c.items for side in ("a", "b")]
    statuses += [unmatched_status(u, t) for u in c.unmatched]
    changes = [t.label(d.change) for d in c.items] + [t(texts.UNMATCHED)] * bool(c.unmatched)
    status = max(map(width, statuses), default=6)
    status = status if columns >= WIDE else min(status, MAX_STATUS)
    change = min(max(map(width, changes), default=6), MAX_CHANGE)
    rest = columns - ID_WIDTH - 2 * status - change - 5 * CELL_PADDING - OTHER_MIN
    title = max(rest, TITLE_MIN)
    return ID_WIDTH, title, status, status, change
