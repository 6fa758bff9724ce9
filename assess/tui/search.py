"""The ``/`` search: titles and policy text, and the zone's own tasks; Enter jumps there."""

from __future__ import annotations

from collections.abc import Sequence
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
from assess.models import ZoneTask
from assess.texts import Texts
from assess.texts import policy as policy_words
from assess.texts import tui_screens as texts
from assess.textwidth import truncate

MAX_HITS = 50


def search_items(checklist: Checklist, query: str, tasks: Sequence[ZoneTask] = ()) -> list[str]:
    """IDs of items whose ID, title (zh/en) or source contains every word of ``query``, then
    of zone tasks whose ID, title or description does."""
    words = query.lower().split()
    texts = [(i.id, f"{i.id} {i.title} {i.title_en} {i.source}") for i in checklist.items]
    texts += [(t.id, f"{t.id} {t.title} {t.description}") for t in tasks]
    return [key for key, text in texts if all(w in text.lower() for w in words)]


class SearchScreen(ModalScreen[str | None]):
    """Type to narrow the list; Enter (or a click) jumps to the item."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel", show=False),
        Binding("down", "focus_list", show=False),
    ]

    def __init__(self, checklist: Checklist, lang: Lang, tasks: Sequence[ZoneTask] = ()) -> None:
        super().__init__()
        self.checklist = checklist
        self.tasks = {task.id: task for task in tasks}
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
        hits = (
            search_items(self.checklist, query, list(self.tasks.values())) if query.strip() else []
        )
        for key in hits[:MAX_HITS]:
            task = self.tasks.get(key)
            if task is not None:
                shown = f"{task.id}  {self.t(policy_words.ZONE_TASK_TAG)}{task.title}"
            else:
                item = self.checklist.item_index[key]
                shown = f"{item.id}  {self.t.pick(item.title, item.title_en)}"
            results.add_option(Option(Text(truncate(shown, columns)), id=key))
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
        """Down from the box goes to the next hit: the first is highlighted already (Enter in
        the box opens it), so Down then Enter opened the first too."""
        results = self.query_one("#search-results", OptionList)
        results.focus()
        if results.highlighted is not None:
            results.action_cursor_down()

    def action_cancel(self) -> None:
        self.dismiss(None)
