"""The ``/`` search: titles and policy text, Enter jumps to the item."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from assess.checklist import Checklist
from assess.lang import Lang
from assess.texts import Texts
from assess.texts import tui_screens as texts
from assess.textwidth import truncate

MAX_HITS = 50


def search_items(checklist: Checklist, query: str) -> list[str]:
    """IDs of items whose ID, title (zh/en) or source contains every word of ``query``."""
    words = query.lower().split()
    hits = []
    for item in checklist.items:
        haystack = f"{item.id} {item.title} {item.title_en} {item.source}".lower()
        if all(w in haystack for w in words):
            hits.append(item.id)
    return hits


class SearchScreen(ModalScreen[str | None]):
    """Type to narrow the list; Enter (or a click) jumps to the item."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", show=False),
        Binding("down", "focus_list", show=False),
    ]

    def __init__(self, checklist: Checklist, lang: Lang) -> None:
        super().__init__()
        self.checklist = checklist
        self.t = Texts(lang)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(self.t(texts.SEARCH), classes="dialog-title")
            yield Input(placeholder=self.t(texts.SEARCH_HINT), id="search-input")
            yield OptionList(id="search-results")

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, query: str) -> None:
        results = self.query_one("#search-results", OptionList)
        results.clear_options()
        columns = max(results.scrollable_content_region.width - 2, 20)
        hits = search_items(self.checklist, query) if query.strip() else []
        for item_id in hits[:MAX_HITS]:
            item = self.checklist.item_index[item_id]
            title = truncate(f"{item.id}  {self.t.pick(item.title, item.title_en)}", columns)
            results.add_option(Option(Text(title), id=item.id))
        if query.strip() and not hits:
            results.add_option(Option(self.t(texts.NO_MATCH), disabled=True))
        if results.option_count:
            results.highlighted = 0

    @on(Input.Changed, "#search-input")
    def _typed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#search-input")
    def _submitted(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.option_count and results.highlighted is not None:
            option = results.get_option_at_index(results.highlighted)
            if not option.disabled:
                self.dismiss(option.id)

    @on(OptionList.OptionSelected, "#search-results")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_focus_list(self) -> None:
        self.query_one("#search-results", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
