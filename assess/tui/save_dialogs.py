"""What to do when a save cannot happen: the edits are kept until the user decides.

Two questions, each a modal screen returning the id of the chosen button (None on Esc):
``SaveFailed`` (the disk is full, the folder read-only, the share gone) and
``ChangedOnDisk`` (another program wrote the file since it was read). File paths and error
messages are shown literally, never parsed as markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text as RichText
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from assess.lang import Lang
from assess.texts import Text, Texts
from assess.texts import safety as s
from assess.tui.prose import Prose


class _Question(ModalScreen[str | None]):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "back", show=False)]
    DEFAULT_CSS = """
    _Question { align: center middle; }
    _Question > Vertical {
        width: 80%; max-width: 90; height: auto; padding: 1 2;
        border: thick $error; background: $surface;
    }
    _Question .question-title { text-style: bold; margin-bottom: 1; }
    _Question Button { width: 100%; margin-top: 1; }
    """

    def __init__(self, lang: Lang, title: Text, body: str, choices: list[tuple[str, Text]]) -> None:
        super().__init__()
        self.t = Texts(lang)
        self.title_text = self.t(title)
        self.body = body
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, markup=False, classes="question-title")
            yield Prose(RichText(self.body), id="question-body")  # no line starts with 。
            for choice, label in self.choices:
                yield Button(self.t(label), id=choice)

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    @on(Button.Pressed)
    def _chosen(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_back(self) -> None:
        self.dismiss(None)


class SaveFailed(_Question):
    """Saving failed: retry, save elsewhere, or (only when quitting) discard and quit."""

    def __init__(self, lang: Lang, error: str, *, quitting: bool) -> None:
        t = Texts(lang)
        choices = [("retry", s.RETRY), ("elsewhere", s.SAVE_ELSEWHERE)]
        if quitting:
            choices.append(("discard", s.DISCARD_QUIT))
        choices.append(("back", s.BACK))
        super().__init__(lang, s.SAVE_FAILED_TITLE, f"{error}\n\n{t(s.SAVE_FAILED_BODY)}", choices)


class ChangedOnDisk(_Question):
    """Another program wrote the file: load theirs or overwrite with mine, keeping a copy."""

    def __init__(self, lang: Lang, path: str, *, quitting: bool) -> None:
        t = Texts(lang)
        choices = [("reload", s.RELOAD_THEIRS), ("overwrite", s.OVERWRITE_MINE)]
        if quitting:
            choices.append(("discard", s.DISCARD_QUIT))
        choices.append(("back", s.KEEP_BOTH_LATER))
        super().__init__(lang, s.CONFLICT_TITLE, t(s.CONFLICT_BODY, path=path), choices)
