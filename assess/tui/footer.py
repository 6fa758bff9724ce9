"""Textual's footer, rebuilt only when the keys it shows change.

Textual recomposes the footer (some 20 key widgets, their styles and layout) whenever the
bindings *might* have changed: every focus move, so every Tab through the form, and several
times while the form is built. Most of those moves leave the same keys on show; this footer
compares what it would show and skips the rebuild when nothing differs.
"""

from __future__ import annotations

from typing import Any

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
    _shown: tuple[tuple[object, ...], ...] | None = None

    def bindings_changed(self, screen: Screen[Any]) -> None:
        if not (screen.app.app_focus and self.is_attached and screen is self.screen):
            self._shown = None  # not rebuilt now: the next change must rebuild
            super().bindings_changed(screen)
            return
        shown = shown_keys(screen)
        if shown == self._shown:
            return
        self._shown = shown
        super().bindings_changed(screen)
