"""The ``?`` screen: every key, in the user's language."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Static

from assess.tui.i18n import HELP_ROWS, Labels
from assess.tui.keys import localize


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "back"),
    ]

    def __init__(self, labels: Labels) -> None:
        super().__init__()
        self.t = labels
        localize(self, labels)

    def compose(self) -> ComposeResult:
        table = Table(show_header=False, box=None, padding=(0, 2))
        table.add_column(style="bold cyan", no_wrap=True)
        table.add_column()
        for keys, label in HELP_ROWS:
            table.add_row(keys, self.t(label))
        with Vertical(classes="dialog"):
            yield Label(self.t("help"), classes="dialog-title")
            yield Static(table, id="help-keys")

    def action_close(self) -> None:
        self.dismiss(None)
