"""The command palette in the user's language: Textual's says "No matches found" in English."""

from __future__ import annotations

from rich.align import Align
from rich.text import Text
from textual.command import CommandList, CommandPalette
from textual.widgets.option_list import Option

from assess.lang import Lang
from assess.texts import Texts
from assess.texts.tui_screens import PALETTE_NO_MATCHES


class Palette(CommandPalette):
    """Shows the catalog's 「没有匹配的命令」 where Textual would show its English sentence."""

    def __init__(self, lang: Lang, *, placeholder: str) -> None:
        super().__init__(placeholder=placeholder)
        self.no_matches = Texts(lang)(PALETTE_NO_MATCHES)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        """As Textual's (same delay, same option id), with our sentence."""
        self._stop_no_matches_countdown()

        def show() -> None:
            if search_value:
                self.query_one(CommandList).add_option(
                    Option(
                        Align.center(Text(self.no_matches, style="not bold")),
                        disabled=True,
                        id=self._NO_MATCHES,
                    )
                )
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, show)
