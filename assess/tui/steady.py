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

from typing import TYPE_CHECKING, Any, Self

from rich.cells import set_cell_size
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual._types import SegmentLines
from textual.coordinate import Coordinate
from textual.geometry import Offset, Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import DataTable, TextArea
from textual.widgets.text_area import Selection

from assess.tui.literal import literal
from assess.tui.quick_scrollbar import QuickScrollBars

if TYPE_CHECKING:
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
    """A table of literal text rows, refilled only when its rows differ from those shown.

    A cell of one line of plain text is painted without Rich's padding and wrapping machinery
    (a tenth of a millisecond a cell, every cell of a refilled table, every j/k): the same
    cells, in the same style, as DataTable paints them.
    """

    _rows: Rows = ()
    _fresh_focus = False  # focus came and nothing was pressed or clicked since
    _click_opens = True

    def on_focus(self) -> None:
        self._fresh_focus = True

    def on_key(self) -> None:
        self._fresh_focus = False

    def on_mouse_down(self) -> None:
        self._click_opens, self._fresh_focus = not self._fresh_focus, False

    async def _on_click(self, event: events.Click) -> None:
        """A click that focuses the table chooses a row; only a click on the row already
        chosen opens it (DataTable opened row 0, the cursor's, on the first click)."""
        if self._click_opens:
            return  # DataTable's own handler follows (Textual calls each class's)
        with self.prevent(DataTable.RowSelected, DataTable.CellSelected):
            await super()._on_click(event)
        event.prevent_default()  # …not once more, unprevented

    def _render_cell(
        self,
        row_index: int,
        column_index: int,
        base_style: Style,
        width: int,
        cursor: bool = False,
        hover: bool = False,
    ) -> SegmentLines:
        text = self._plain_cell(row_index, column_index)
        inner = width - 2 * self.cell_padding
        if text is None or inner < 0:
            return super()._render_cell(row_index, column_index, base_style, width, cursor, hover)
        fixed = (
            row_index >= 0
            and column_index >= 0
            and (row_index < self.fixed_rows or column_index < self.fixed_columns)
        )
        component_style, post_style = self._get_styles_to_render_cell(
            row_index == -1, column_index == -1, fixed, hover, cursor, self.show_cursor,
            self._show_hover_cursor, self.cursor_foreground_priority == "css",
            self.cursor_background_priority == "css",
        )  # fmt: skip
        meta = Style.from_meta({"row": row_index, "column": column_index})
        style = base_style + meta + component_style + post_style
        pad = " " * self.cell_padding
        return [[Segment(pad + set_cell_size(text, inner) + pad, style)]]

    def _plain_cell(self, row_index: int, column_index: int) -> str | None:
        """The cell's text where it is one unstyled line of printable text on a one-line row."""
        if column_index < 0:
            return None
        if row_index == -1:
            height = self.header_height
            cell: object = self.ordered_columns[column_index].label
        else:
            row = self.ordered_rows[row_index]
            height = row.height
            cell = self._get_row_renderables(row_index)[1][column_index]
        if height != 1 or not isinstance(cell, Text) or cell.spans or cell.style:
            return None
        if cell.justify is not None or cell.overflow is not None or cell.no_wrap is False:
            return None  # Rich aligns, wraps or cuts it its own way
        plain = cell.plain
        return plain if plain.isprintable() else None

    def show_rows(self, rows: Rows) -> None:
        """Show ``rows`` as ``clear()`` + ``add_row`` would: cursor and scroll at the top."""
        at_top = self.cursor_coordinate == Coordinate(0, 0) and self.scroll_offset == Offset()
        if rows == self._rows and at_top and self.row_count == len(rows):
            return
        # a refill is not the user moving the cursor: nothing hears of its highlight
        with self.prevent(DataTable.RowHighlighted, DataTable.CellHighlighted):
            self.clear()
            for key, cells in rows:
                self.add_row(*literal(*cells), key=key)
        self._rows = rows


class SteadyArea(TextArea):
    """A TextArea that repaints only what a new text can change.

    TextArea reads its colours from CSS again at every paint (``TextAreaTheme.apply_css``,
    a third of a millisecond a field, every field a j/k refills). What it reads is the
    widget's style, its component styles (replaced whenever the stylesheet applies to it)
    and the app's theme; the colours are worked out again when any of those is not the one
    they were worked out from.

    Loading a text repaints the whole field, its frame too; the frame's lines, painted
    anew, then went through every later step of the frame as new lines (two of a field's
    three lines, for each field a j/k refills). A load (``load_text`` below) repaints only
    the lines inside the frame; a new size or style repaints the frame as before.
    """

    _css_from: tuple[object, ...] = ()
    _loading = False

    def render_lines(self, crop: Region) -> list[Strip]:
        theme = self._theme
        if theme:
            source = (theme, self.app.current_theme, self.rich_style,
                      *self._component_styles.values())  # fmt: skip
            if source != self._css_from:  # each one the same object, or equal to it
                theme.apply_css(self)
                self._css_from = source
        return ScrollView.render_lines(self, crop)  # TextArea's own applies the CSS again

    def refresh(
        self, *regions: Region, repaint: bool = True, layout: bool = False,
        recompose: bool = False,
    ) -> Self:  # fmt: skip
        if self._loading and repaint and not regions and not recompose and self.size:
            regions = (self.size.region,)  # inside the frame (content coordinates)
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def load_quietly(self, text: str) -> None:
        """``load_text`` as a refill, not an edit: no Changed message, the frame kept."""
        self._loading = True
        try:
            with self.prevent(TextArea.Changed):  # a load is not an edit: nothing bubbles
                self.load_text(text)
        finally:
            self._loading = False


def load_text(area: SteadyArea, text: str) -> None:
    """``area.load_text(text)`` unless the area already shows it as freshly loaded."""
    fresh = (
        not area.history.undo_stack
        and not area.history.redo_stack
        and area.selection == Selection()
        and area.scroll_offset == Offset()
    )
    if not fresh or area.text != text:
        area.load_quietly(text)
