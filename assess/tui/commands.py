"""The command palette (ctrl+p): the registry's actions, searchable by their words and keys."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Protocol, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider

from assess.texts import Texts
from assess.tui.keys import palette_keys


class PaletteApp(Protocol):
    t: Texts

    def review_commands(self) -> list[tuple[str, str, Callable[[], object]]]: ...


class AssessCommands(Provider):
    """Lists the app's actions with their keys, e.g. “已落实 (1)”."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        app = cast(PaletteApp, self.app)
        t = app.t
        return [
            (f"{t(key.text)} ({key.shown_keys})", key.shown_keys,
             partial(self.app.run_action, key.action))
            for key in palette_keys()
        ] + app.review_commands()  # fmt: skip

    async def discover(self) -> Hits:
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)
