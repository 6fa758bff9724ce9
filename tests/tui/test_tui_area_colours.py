"""A form text field works its colours out only when they can change, repaints only what a
refill can change, and paints what TextArea paints.

``SteadyArea`` (assess/tui/steady.py) skips TextArea's per-paint ``apply_css`` when the widget's
style, its component styles and the app's theme are the ones it last worked from; a field
focused, disabled or under another theme must still paint the cells a plain TextArea paints.
A refill (``load_text``) repaints the lines inside the field's frame, not the frame: the field
must still show exactly what a full repaint shows, whether its text grew, shrank or kept its
height, focused or not.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import Selection
from tui_helpers import until

from assess.tui.steady import SteadyArea, load_text

TEXT = "现状：已建成两个园区\n[b]not markup[/b]\n"


class FramedApp(App[None]):
    CSS = """
    SteadyArea { height: auto; max-height: 8; border: round $border-blurred; }
    SteadyArea:focus { border: heavy $border; }
    """

    def compose(self) -> ComposeResult:
        yield SteadyArea("一行", soft_wrap=True)


async def test_a_refilled_field_shows_what_a_full_repaint_shows() -> None:
    app = FramedApp()
    async with app.run_test(size=(30, 12)) as pilot:
        area = app.query_one(SteadyArea)
        area.cursor_blink = False
        await until(pilot, lambda: area.outer_size.height == 3)

        async def shown() -> list[list[tuple[str, object]]]:
            await pilot.pause()
            return cells(area.render_lines(Region(0, 0, *area.outer_size)))

        for focused in (False, True):
            area.focus() if focused else app.set_focus(None)
            for text in ("另一行", "第一行\n第二行\n第三行", "甲\n乙\n丙", "短", "", "同样高"):
                load_text(area, text)
                refilled = await shown()
                assert area.text == text
                assert area.outer_size.height == max(text.count("\n") + 1, 1) + 2
                area._styles_cache.clear()  # what a full repaint of the field shows
                assert refilled == await shown(), (focused, text)
            kept = area._styles_cache._cache.get(0)
            load_text(area, "换一行")  # the same height: the frame's top line is not repainted
            await shown()
            assert kept is not None and area._styles_cache._cache.get(0) is kept


class AreasApp(App[None]):
    CSS = """
    TextArea { height: 4; }
    TextArea:focus { background: $accent; }
    .marked TextArea .text-area--selection { background: magenta; }
    """

    def compose(self) -> ComposeResult:
        yield SteadyArea(TEXT, id="steady")
        yield TextArea(TEXT, id="plain")


def cells(strips: list[Strip]) -> list[list[tuple[str, object]]]:
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


async def test_field_paints_what_textarea_paints_in_every_state() -> None:
    app = AreasApp()
    async with app.run_test(size=(40, 12)) as pilot:
        steady, plain = app.query_one("#steady", SteadyArea), app.query_one("#plain", TextArea)
        for area in (steady, plain):
            area.cursor_blink = False

        async def painted(area: TextArea) -> list[list[tuple[str, object]]]:
            await pilot.pause()
            area._line_cache.clear()
            return cells(area.render_lines(Region(0, 0, *area.outer_size)))

        async def same(state: str) -> None:
            if state == "focused":  # one at a time, as a user moves between them
                steady.focus()
                mine = await painted(steady)
                plain.focus()
                assert mine == await painted(plain), state
                app.set_focus(None)
                return
            assert await painted(steady) == await painted(plain), state

        await until(pilot, lambda: steady.outer_size.height == 4)
        app.set_focus(None)  # the app focused the first field on start
        await same("rest")
        await same("focused")
        await same("rest again")
        steady.disabled = plain.disabled = True
        await same("disabled")
        steady.disabled = plain.disabled = False
        app.theme = "textual-light"
        await same("light theme")
        await same("focused")
        for area in (steady, plain):
            area.selection = Selection((0, 0), (0, 3))
        await same("selected")
        app.screen.add_class("marked")  # changes a component's colour, not the field's own
        await same("selection recoloured")
