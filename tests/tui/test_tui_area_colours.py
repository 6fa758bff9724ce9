"""A form text field works its colours out only when they can change, and paints what
TextArea paints.

``SteadyArea`` (assess/tui/steady.py) skips TextArea's per-paint ``apply_css`` when the widget's
style, its component styles and the app's theme are the ones it last worked from; a field
focused, disabled or under another theme must still paint the cells a plain TextArea paints.
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.geometry import Region
from textual.strip import Strip
from textual.widgets import TextArea
from textual.widgets.text_area import Selection
from tui_helpers import until

from assess.tui.steady import SteadyArea

TEXT = "现状：已建成两个园区\n[b]not markup[/b]\n"


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
