"""A j/k refills the form with one arrangement of the screen per layout, and no layout after it.

The new item's text changes the heights in the pane, so the screen is laid out again. Textual's
compositor then arranged it up to three times (a table out of sight, refreshed by the refill,
marked the full map stale; see assess/tui/steady_screen.py), and the pane, grown or shrunk, asked
for a layout of its own once the first was done. The time is in bench/; these tests count the work.
"""

from __future__ import annotations

from typing import Any

import pytest
from textual.screen import Screen
from tui_helpers import SIZE, until

from assess.tui.app import AssessApp


async def test_a_move_arranges_the_screen_once_per_layout(
    app: AssessApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j")
        await until(pilot, lambda: app.detail.item_id == "1.2")
        compositor = app.screen._compositor
        arranged: list[object] = []
        laid_out: list[object] = []
        arrange, layout = compositor._arrange_root, Screen._refresh_layout

        def counted_arrange(*args: Any, **kwargs: Any) -> Any:
            arranged.append(args)
            return arrange(*args, **kwargs)

        def counted_layout(screen: Screen[Any], *args: Any, **kwargs: Any) -> None:
            laid_out.append(args)
            layout(screen, *args, **kwargs)

        monkeypatch.setattr(compositor, "_arrange_root", counted_arrange)
        monkeypatch.setattr(Screen, "_refresh_layout", counted_layout)
        for key, item in (("j", "1.3"), ("j", "1.4"), ("k", "1.3")):  # heights change
            await pilot.press(key)
            await until(pilot, lambda item=item: app.detail.item_id == item)
            await pilot.pause()
        assert laid_out, "the refill laid nothing out: the test no longer tests it"
        assert len(arranged) == len(laid_out)


async def test_the_pane_resized_by_a_new_item_asks_for_no_second_layout(
    app: AssessApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("j", "j")
        await until(pilot, lambda: app.detail.item_id == "1.3")
        detail = app.detail
        before = detail.virtual_size.height
        asked: list[bool] = []
        refresh, layout = detail.refresh, Screen._refresh_layout
        inside = False

        def recorded(*args: Any, **kwargs: Any) -> Any:
            if inside and kwargs.get("layout"):
                asked.append(True)
            return refresh(*args, **kwargs)

        def laying_out(screen: Screen[Any], *args: Any, **kwargs: Any) -> None:
            nonlocal inside
            inside = True
            try:
                layout(screen, *args, **kwargs)
            finally:
                inside = False

        monkeypatch.setattr(detail, "refresh", recorded)
        monkeypatch.setattr(Screen, "_refresh_layout", laying_out)
        await pilot.press("j")  # 1.4: evidence, actions and longer policy text
        await until(pilot, lambda: detail.item_id == "1.4")
        await pilot.pause()
        assert detail.virtual_size.height != before, "the test no longer changes the height"
        assert not asked


async def test_the_pane_scrolls_to_the_end_of_each_item(app: AssessApp) -> None:
    """Its scroll range follows the item shown, though the pane is not laid out again for it."""
    async with app.run_test(size=SIZE) as pilot:
        detail = app.detail
        for key, item in (("j", "1.2"), ("j", "1.3"), ("j", "1.4"), ("k", "1.3")):
            await pilot.press(key)
            await until(pilot, lambda item=item: detail.item_id == item)
            await pilot.pause()
            detail.scroll_end(animate=False)
            await pilot.pause()
            last = [w for w in detail.children if w.display][-1]
            assert last.region.bottom <= detail.region.bottom, item
            assert last.region.bottom >= detail.region.bottom - 2, item  # not scrolled short
            detail.scroll_home(animate=False)
            await pilot.pause()
