"""Keys typed faster than focus moves (text, Tab, text with no pause, as tmux send-keys or a
paste-like burst delivers them) land where the user meant: the Tab moves focus before the next
key is handed to a widget."""

from __future__ import annotations

from textual import events
from tui_helpers import SIZE, until

from assess.tui.app import AssessApp
from assess.tui.detail import FieldArea
from assess.tui.tree import ChecklistTree


def burst(app: AssessApp, *keys: str) -> None:
    """Post the keys to the driver one after another, without waiting between them."""
    assert app._driver is not None
    for key in keys:
        character = key if len(key) == 1 else ("\t" if key == "tab" else None)
        app._driver.send_message(events.Key(key, character))


async def test_text_tab_text_in_one_burst_fills_two_fields(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.query_one(ChecklistTree).go_to_item("1.3")
        await until(pilot, lambda: app.detail.item_id == "1.3")
        explanation = app.detail.query_one("#explanation", FieldArea)
        current = app.detail.query_one("#current", FieldArea)
        explanation.focus()
        await pilot.pause()
        burst(app, "a", "b", "tab", "c", "d", "shift+tab", "e")
        await until(pilot, lambda: "e" in explanation.text + current.text)
        assert explanation.text == "abe"
        assert current.text == "cd"
