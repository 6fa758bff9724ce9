"""The sign-off step in the TUI: ask for the 意见 and take the step, errors shown in place."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label

from assess.errors import AssessError
from assess.texts import Texts
from assess.tui.modals import _Form


class OpinionPrompt(_Form[str]):
    """Asks for the opinion of one review step; ``take`` raises AssessError to stay open."""

    def __init__(self, labels: Texts, title: str, take: Callable[[str], object]) -> None:
        super().__init__(labels.lang)
        self.title_text = title
        self.take = take

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Input("", id="opinion", compact=True)
            yield from self.buttons()

    def on_mount(self) -> None:
        self.query_one("#opinion", Input).focus()

    def submit(self) -> None:
        opinion = self.value("#opinion")
        try:
            self.take(opinion)
        except AssessError as exc:
            self.error(exc.render(self.t))
            return
        self.dismiss(opinion)
