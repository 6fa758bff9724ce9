"""Scrollbars painted straight from Textual's own bar segments.

Each j/k gives the item pane new content, so its 38-line scrollbar is painted again, and so is
the horizontal bar of every table the refill changes. Textual paints a scrollbar as it paints
any widget, line by line through content, padding, border and background: about a millisecond
of every j/k frame, for one column of blanks and a thumb.
``QuickScrollBar`` asks Textual's bar renderer for the same segments and hands them over as
lines, with the same filters applied: the same cells, mouse actions included, at a fraction of
the cost. ``QuickScrollBars`` makes a scrolling widget use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.color import Color
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Region
from textual.scrollbar import ScrollBar, ScrollBarRender
from textual.strip import Strip

if TYPE_CHECKING:
    from textual.widget import Widget

    _Base = Widget
else:  # a plain mixin: Textual takes CSS and component classes from the first widget base
    _Base = object

_GREY = Color.parse("#555555")  # Textual's own fallbacks for a bar without colours
_MAGENTA = Color.parse("bright_magenta")


class QuickScrollBar(ScrollBar):
    """A scrollbar (vertical, or horizontal and one line thick) that skips the per-line
    widget pipeline."""

    def render_lines(self, crop: Region) -> list[Strip]:
        bar = self.render()
        width, height = self.size
        if not isinstance(bar, ScrollBarRender) or not (self.vertical or height == 1):
            return super().render_lines(crop)
        style = bar.style
        assert isinstance(style, Style)  # ScrollBar.render always passes a Style
        segments = bar.render_bar(
            size=height if self.vertical else width,
            virtual_size=bar.virtual_size,
            window_size=bar.window_size,
            position=bar.position,
            thickness=width if self.vertical else height,
            vertical=self.vertical,
            back_color=style.bgcolor or _GREY,
            bar_color=style.color or _MAGENTA,
        ).segments
        base = self.visual_style.rich_style  # under the bar's own, as Textual paints content
        cells = [Segment(text, base + segment_style) for text, segment_style, _ in segments
                 if text != "\n"]  # fmt: skip
        # a horizontal bar is one line of a few runs of equal cells: filter each run once
        rows = [[cell] for cell in cells] if self.vertical else [list(Segment.simplify(cells))]
        background = self.background_colors[1]
        filters = self.get_line_filters()
        done: dict[tuple[Segment, ...], Strip] = {}  # a vertical bar is a few distinct cells
        lines = []
        for row in rows[crop.y : crop.bottom]:
            key = tuple(row)
            strip = done.get(key)
            if strip is None:
                strip = Strip(row, width)
                for line_filter in filters:
                    strip = strip.apply_filter(line_filter, background)
                strip = done[key] = strip.crop(crop.x, crop.right)
            lines.append(strip)
        return lines


class QuickScrollBars(_Base):
    """Mix in before a scrolling widget class: its scrollbars are QuickScrollBars."""

    @property
    def vertical_scrollbar(self) -> ScrollBar:
        # Widget.vertical_scrollbar, creating the quick bar instead of Textual's
        if self._vertical_scrollbar is None:
            self._vertical_scrollbar = bar = self._quick_bar(True, self.scrollbar_size_vertical)
            self.app._start_widget(self, bar)  # as Textual does: after the bar is known
        return self._vertical_scrollbar

    @property
    def horizontal_scrollbar(self) -> ScrollBar:
        if self._horizontal_scrollbar is None:
            self._horizontal_scrollbar = bar = self._quick_bar(
                False, self.scrollbar_size_horizontal
            )
            self.app._start_widget(self, bar)
        return self._horizontal_scrollbar

    def _quick_bar(self, vertical: bool, thickness: int) -> QuickScrollBar:
        name = "vertical" if vertical else "horizontal"
        bar = QuickScrollBar(vertical=vertical, name=name, thickness=thickness)
        bar.display = False
        return bar
