"""Textual's footer, rebuilt only when the keys it shows change.

Textual recomposes the footer (some 20 key widgets, their styles and layout) whenever the
bindings *might* have changed: every focus move, so every Tab through the form, and several
times while the form is built. Most of those moves leave the same keys on show; this footer
remembers what its last compose read and skips a rebuild that would read the same.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


def shown_keys(screen: Screen[Any]) -> tuple[tuple[object, ...], ...]:
    """What the footer's ``compose`` reads from the screen's bindings, as a comparable value:
    the keys on show and the command palette's key (shown apart from them)."""
    palette = screen.app.COMMAND_PALETTE_BINDING
    return tuple(
        (key, b.key, b.action, b.description, b.group, b.key_display, enabled, tooltip)
        for key, (_node, b, enabled, tooltip) in screen.active_bindings.items()
        if b.show or key == palette
    )


class SteadyFooter(Footer):
    _shown: tuple[tuple[object, ...], ...] | None = None  # what the last compose read

    def __init__(self, *, compact: bool = False) -> None:
        # Textual's own palette entry reads "palette" in every language; the key registry
        # shows ctrl+p in the user's words where it applies
        super().__init__(compact=compact, show_command_palette=False)

    def compose(self) -> ComposeResult:
        self._shown = shown_keys(self.screen) if self._bindings_ready else None
        yield from super().compose()

    def bindings_changed(self, screen: Screen[Any]) -> None:
        same = self._shown is not None and screen is self.screen and self.is_attached
        if same and shown_keys(screen) == self._shown:
            return
        super().bindings_changed(screen)
