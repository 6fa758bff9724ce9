"""Keys typed faster than focus moves (text, Tab, text with no pause, as tmux send-keys or a
paste-like burst delivers them) land where the user meant: the Tab moves focus before the next
key is handed to a widget."""

from __future__ import annotations

import datetime as dt

from textual import events
from textual.widgets import DataTable, Input
from tui_helpers import SIZE, notices, until

from assess.models import Priority
from assess.tui.app import AssessApp
from assess.tui.detail import FieldArea
from assess.tui.modals import ActionForm
from assess.tui.tree import ChecklistTree


def burst(app: AssessApp, *keys: str) -> None:
    """Post the keys to the driver one after another, without waiting between them (an alt
    chord as a terminal reports it: the letter, with alt)."""
    assert app._driver is not None
    for key in keys:
        character = key if len(key) == 1 else ("\t" if key == "tab" else None)
        if key.startswith("alt+"):
            character = key.removeprefix("alt+")
        app._driver.send_message(events.Key(key, character))


async def at_1_3(app: AssessApp, pilot: object) -> None:
    await until(pilot, lambda: app._started)  # type: ignore[arg-type]
    app.query_one(ChecklistTree).go_to_item("1.3")
    await until(pilot, lambda: app.detail.item_id == "1.3")  # type: ignore[arg-type]


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


async def test_a_chord_and_the_text_behind_it_go_to_the_dialog(app: AssessApp) -> None:
    """alt+t in a field, then the action's text at once: the text is the action's, not the
    field's (the chord used to open its dialog after the letters had gone into the field)."""
    async with app.run_test(size=SIZE) as pilot:
        await at_1_3(app, pilot)
        explanation = app.detail.query_one("#explanation", FieldArea)
        explanation.focus()
        await pilot.pause()
        burst(app, "alt+t", "举", "措", "tab", "科")
        await until(pilot, lambda: isinstance(app.screen, ActionForm))
        form = app.screen
        await until(pilot, lambda: form.query_one("#act-lead", Input).value == "科")
        assert form.query_one("#act-text", Input).value == "举措"
        assert explanation.text == "" and app.session.record("1.3").explanation == ""


async def test_the_tree_key_and_the_text_behind_it_go_to_the_dialog(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await at_1_3(app, pilot)
        burst(app, "t", "e", "s")  # on the tree ``e`` and ``s`` would jump to 进度 / 现状
        await until(pilot, lambda: isinstance(app.screen, ActionForm))
        form = app.screen
        await until(pilot, lambda: form.query_one("#act-text", Input).value == "es")
        assert app.detail.query_one("#explanation", FieldArea).text == ""


async def test_a_dialog_filled_and_sent_in_one_burst_is_saved_whole(app: AssessApp) -> None:
    """Text, Tab, text … ctrl+s without a pause: ctrl+s reads the form after the keys typed
    before it (it read it before, found the text empty and saved nothing or a blank due)."""
    async with app.run_test(size=SIZE) as pilot:
        await at_1_3(app, pilot)
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, ActionForm))
        burst(app, "举", "措", "甲", "tab", "科", "创", "局", "tab", "tab",
              *"2026-12-15", "tab", "1", "ctrl+s")  # fmt: skip
        await until(pilot, lambda: bool(app.session.record("1.3").actions))
        (action,) = app.session.record("1.3").actions
        assert (action.text, action.lead) == ("举措甲", "科创局")
        assert action.due == dt.date(2026, 12, 15) and action.priority is Priority.HIGH


async def test_a_bound_letter_on_a_table_acts_without_a_stray_key_hint(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await at_1_3(app, pilot)
        app.detail.query_one("#actions-table", DataTable).focus()
        await pilot.press("t")
        await until(pilot, lambda: isinstance(app.screen, ActionForm))
        assert not [n for n in notices(app) if "没有输入" in n], notices(app)
