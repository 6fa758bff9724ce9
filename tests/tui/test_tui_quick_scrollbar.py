"""The item pane's scrollbar paints exactly what Textual's scrollbar paints, only cheaper.

``QuickScrollBar`` (assess/tui/quick_scrollbar.py) skips Textual's per-line widget pipeline; the
cells it hands over (glyphs, colours, the mouse actions in their style) must be the very ones
Textual's own ``ScrollBar.render_lines`` produces, at every scroll position and mouse state.
"""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.geometry import Offset, Region
from textual.scrollbar import ScrollBar
from textual.widgets import Static
from tui_helpers import SIZE, painted_cells, until

from assess.tui.app import AssessApp
from assess.tui.quick_scrollbar import QuickScrollBar, QuickScrollBars


class Pane(QuickScrollBars, VerticalScroll):
    pass


class PaneApp(App[None]):
    CSS = "Pane { scrollbar-size-vertical: 2; overflow-x: auto; } Static { width: auto; }"

    def compose(self) -> ComposeResult:
        wide = "-" * 150  # wide enough for a horizontal bar too
        yield Pane(Static("\n".join(f"line {n} {wide}" for n in range(100))))


@pytest.mark.parametrize("state", ["rest", "hover", "grabbed"])
async def test_quick_bar_paints_what_textual_paints(state: str) -> None:
    app = PaneApp()
    async with app.run_test(size=(40, 20)) as pilot:
        pane = app.query_one(Pane)
        bars = (pane.vertical_scrollbar, pane.horizontal_scrollbar)
        for bar in bars:
            assert isinstance(bar, QuickScrollBar)
            bar.mouse_over = state == "hover"
            bar.grabbed = Offset(0, 0) if state == "grabbed" else None
        await until(pilot, lambda: all(bar.display for bar in bars))
        for y in (0, 7, 40, 80):  # top, a thumb cut by eighths, middle, bottom
            pane.scroll_to(x=y, y=y, animate=False)
            await pilot.pause()
            for bar in bars:
                width, height = bar.size
                top = min(1, height - 1)  # a part of the bar, as when it is partly covered
                for crop in (Region(0, 0, width, height), Region(1, top, width - 1, height - top)):
                    quick, textual = bar.render_lines(crop), ScrollBar.render_lines(bar, crop)
                    assert painted_cells(quick) == painted_cells(textual)


async def test_item_pane_and_tables_scroll_with_quick_bars(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app.detail.ready)
        await pilot.press("j", "j")  # item 1.3: its evidence is wider than the pane
        await until(pilot, lambda: app.detail.item_id == "1.3")
        pane_bar = app.detail.vertical_scrollbar
        table_bar = app.detail.query_one("#evidence-table").horizontal_scrollbar
        for bar in (pane_bar, table_bar):
            assert isinstance(bar, QuickScrollBar)
            await until(pilot, lambda bar=bar: bar.display and bar.window_size > 0)
            crop = Region(0, 0, *bar.size)
            assert painted_cells(bar.render_lines(crop)) == painted_cells(
                ScrollBar.render_lines(bar, crop)
            )
