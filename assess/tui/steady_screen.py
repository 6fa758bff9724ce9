"""The window's screen, arranged once per layout.

Refilling the item form (j/k) changes the heights of the policy text and the fields, so the
screen is laid out again. Textual's compositor arranged it up to three times: a repaint of a
widget out of sight (a table below the fold, a hidden section: the refill empties them) marks
the whole map of the screen stale, as if the widget were new, and the first widget then asking
for its size (a text field loading the item's text) arranged the whole screen; the layout
itself rebuilds the map, yet leaves it marked stale, so the first widget asking after it
(every widget, as the layout hands out the new sizes) arranged it once more.
``SteadyCompositor`` marks the map stale only for a widget it does not know and that shows,
and keeps the map a layout has just built.
"""

from __future__ import annotations

from typing import Any

from textual._compositor import Compositor, ReflowResult
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget


def _shows(widget: Widget) -> bool:
    return widget.display and all(node.display for node in widget.ancestors)


class SteadyCompositor(Compositor):
    """A compositor whose full map is fresh after a layout (it is the layout's own)."""

    def update_widgets(self, widgets: set[Widget]) -> None:
        stale = self._full_map_invalidated
        super().update_widgets(widgets)
        if not stale and all(w in self._full_map or not _shows(w) for w in widgets):
            self._full_map_invalidated = False  # repainting a known or hidden widget moves none

    def reflow(self, parent: Widget, size: Size) -> ReflowResult:
        # While it arranges, a widget asking for its size gets its last place (or none, if it
        # is new): not a whole arrangement of its own. After, the map is the one just built.
        self._full_map_invalidated = False
        result = super().reflow(parent, size)
        self._full_map_invalidated = False
        return result


class SteadyScreen(Screen[Any]):
    """The app's default screen, with :class:`SteadyCompositor`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._compositor = SteadyCompositor()
