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

from itertools import groupby
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
        background = self.background_colors[1]
        filters = self.get_line_filters()
        # render_bar repeats a few segment objects (the track above the thumb, the thumb, the
        # track below): each run of one object is styled and filtered once
        runs: list[tuple[Segment, int]] = []
        for _, group in groupby(segments, key=id):
            first, *rest = group
            if first.text != "\n":
                runs.append((Segment(first.text, base + first.style), 1 + len(rest)))

        def line(cells: list[Segment]) -> Strip:
            strip = Strip(cells, width)
            for line_filter in filters:
                strip = strip.apply_filter(line_filter, background)
            return strip.crop(crop.x, crop.right)

        if not self.vertical:  # one line: a segment a run
            return [line([Segment(cell.text * count, cell.style) for cell, count in runs])]
        strips = [(line([cell]), count) for cell, count in runs]
        return [strip for strip, count in strips for _ in range(count)][crop.y : crop.bottom]


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
