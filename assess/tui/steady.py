"""Form widgets that do no work when a refill leaves them as they are.

Moving through the tree refills the item form; most of its fields hold the same thing as for
the item before (empty, or the same rows), and Textual repaints what is set, changed or not.
Each helper here skips the set when the widget would end up exactly as the set leaves it
(content, cursor, scroll and undo history), so only what the user sees change is redrawn.

Textual's ``ScrollView`` (Tree, DataTable, TextArea) also recomputes and repaints its
scrollbars at every layout of the screen, even when its own size and content did not change:
refilling the form (a layout) repainted the tree's 40-line scrollbar, a third of the frame.
``SteadyScroll`` skips a layout that hands the view the geometry it already has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.coordinate import Coordinate
from textual.geometry import Offset, Size
from textual.widgets import DataTable, TextArea
from textual.widgets.text_area import Selection

from assess.tui.literal import literal
from assess.tui.quick_scrollbar import QuickScrollBars

if TYPE_CHECKING:
    from textual.scroll_view import ScrollView

    _Base = ScrollView
else:  # a plain mixin: Textual takes CSS and component classes from the first widget base
    _Base = object

Rows = tuple[tuple[str, tuple[str, ...]], ...]  # (row key, cell texts) per row


class SteadyScroll(_Base):
    """Mix in before a ScrollView class: its scrollbars repaint only when something moved."""

    _last_geometry: tuple[Size, Size, Size, Size] | None = None

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        geometry = (size, virtual_size, container_size, self.virtual_size)
        if geometry == self._last_geometry:
            return False
        changed = super()._size_updated(size, virtual_size, container_size, layout)
        self._last_geometry = (size, virtual_size, container_size, self.virtual_size)
        return changed


class SteadyTable(SteadyScroll, QuickScrollBars, DataTable[Any]):
    """A table of literal text rows, refilled only when its rows differ from those shown."""

    _rows: Rows = ()

    def show_rows(self, rows: Rows) -> None:
        """Show ``rows`` as ``clear()`` + ``add_row`` would: cursor and scroll at the top."""
        at_top = self.cursor_coordinate == Coordinate(0, 0) and self.scroll_offset == Offset()
        if rows == self._rows and at_top and self.row_count == len(rows):
            return
        self.clear()
        for key, cells in rows:
            self.add_row(*literal(*cells), key=key)
        self._rows = rows


def load_text(area: TextArea, text: str) -> None:
    """``area.load_text(text)`` unless the area already shows it as freshly loaded."""
    fresh = (
        not area.history.undo_stack
        and not area.history.redo_stack
        and area.selection == Selection()
        and area.scroll_offset == Offset()
    )
    if not fresh or area.text != text:
        area.load_text(text)
