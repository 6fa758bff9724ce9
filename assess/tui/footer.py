"""Textual's footer, rebuilt only when the keys it shows change.

Textual recomposes the footer (some 20 key widgets, their styles and layout) whenever the
bindings *might* have changed: every focus move, so every Tab through the form, and several
times while the form is built. Most of those moves leave the same keys on show; this footer
remembers what its last compose read and skips a rebuild that would read the same.

Textual's footer cuts the key that reaches the edge of a narrow window mid-word ("f fi" at 80
columns in English); this one shows only the keys that fit whole, in the registry's order (the
most used first), and the rest are on the help screen (?).
"""

from __future__ import annotations

from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


def shown_keys(screen: Screen[Any]) -> tuple[tuple[object, ...], ...]:
    """What the footer's ``compose`` reads from the screen's bindings, as a comparable value:
    the keys on show and the command palette's key (shown apart from them)."""
    app = screen.app
    palette = app.COMMAND_PALETTE_BINDING
    return tuple(
        (key, b.key, b.action, b.description, b.group, app.get_key_display(b), enabled, tooltip)
        for key, (_node, b, enabled, tooltip) in screen.active_bindings.items()
        if b.show or key == palette
    )  # the key as shown: a letter, or its chord while a text field has the focus


class SteadyFooter(Footer):
    _shown: tuple[tuple[object, ...], ...] | None = None  # what the last compose read

    def __init__(self, *, compact: bool = False) -> None:
        # Textual's own palette entry reads "palette" in every language; the key registry
        # shows ctrl+p in the user's words where it applies
        super().__init__(compact=compact, show_command_palette=False)

    def compose(self) -> ComposeResult:
        self._shown = shown_keys(self.screen) if self._bindings_ready else None
        yield from super().compose()
        self.call_after_refresh(self._fit)

    def on_resize(self, event: events.Resize) -> None:
        self._fit()

    def _fit(self) -> None:
        """Show the keys that fit whole; a key's own trailing margin may pass the edge."""
        room = self.content_size.width
        used = 0
        fits = True
        for key in self.query(FooterKey):
            margin = key.styles.margin
            width = key.get_content_width(self.size, self.app.size) + key.styles.gutter.width
            fits = fits and used + margin.left + width <= room
            used += margin.left + width + margin.right
            if key.display != fits:
                key.display = fits

    def bindings_changed(self, screen: Screen[Any]) -> None:
        same = self._shown is not None and screen is self.screen and self.is_attached
        if same and shown_keys(screen) == self._shown:
            return
        super().bindings_changed(screen)
