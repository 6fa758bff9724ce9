"""The ``?`` screen: every key of the registry, in the user's language."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from assess import fields
from assess.lang import Lang
from assess.texts import Texts
from assess.texts import tui as words
from assess.tui.keys import help_rows


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", show=False),
    ]

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.t = Texts(lang)

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for keys, label in help_rows(self.t):
            table.add_row(Text(keys), Text(label))
        with Vertical(classes="dialog wide"):
            yield Label(self.t(words.HELP_TITLE), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):  # 80×24 shows a part; the rest scrolls
                yield Static(table, id="help-keys")
            yield Static(self._target(), markup=False, classes="hint")

    def _target(self) -> str:
        """The README's key-count target, naming the action's terms by their form labels."""
        terms = (fields.ACTION_LEAD, fields.ACTION_DUE, fields.ACTION_PRIORITY)
        return self.t(words.HELP_TARGET, terms=self.t.list_sep.join(self.t(f.label) for f in terms))

    def action_close(self) -> None:
        self.dismiss(None)
