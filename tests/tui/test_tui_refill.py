"""Moving through the tree refills the item form: each item shows its own values, every time.

The refill skips widgets that already show what the item holds (same text, same rows); these
tests walk between a filled item (1.4) and an empty one (1.3) and check every field, so a
skipped update can never leave the previous item's value on screen.
"""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Input, Select
from tui_helpers import SIZE, until

from assess.models import Schedule, Status
from assess.tui.app import AssessApp
from assess.tui.detail import FieldArea
from assess.tui.tree import ChecklistTree

TEXT_FIELDS = ("explanation", "current", "gap", "opportunity", "note")
TABLES = {"evidence": "#evidence-table", "actions": "#actions-table", "claims": "#claims-table"}


def shown(app: AssessApp) -> dict[str, object]:
    """What the form shows, field by field."""
    q = app.detail.query_one
    view: dict[str, object] = {f: q(f"#{f}", FieldArea).text for f in TEXT_FIELDS}
    view["status"] = q("#status", Select).value
    view["schedule shown"] = q("#schedule").display
    if view["schedule shown"]:
        view["schedule"] = q("#schedule", Select).value
    for name, selector in TABLES.items():
        table = q(selector, DataTable)
        view[name] = [(key.value, [str(c) for c in table.get_row(key)]) for key in table.rows]
    view["asked_of"] = q("#asked_of", Input).value
    return view


def expected(app: AssessApp, item_id: str) -> dict[str, object]:
    """What the file holds for ``item_id``, in the form's terms."""
    record = app.session.record(item_id)
    view: dict[str, object] = {f: getattr(record, f) for f in TEXT_FIELDS}
    view["status"] = record.status
    view["schedule shown"] = record.status is Status.IN_PROGRESS
    if view["schedule shown"]:
        view["schedule"] = Select.NULL if record.schedule is None else record.schedule
    ids = {
        "evidence": record.evidence,
        "actions": [a.id for a in record.actions],
        "claims": [c.id for c in record.claims],
    }
    for name, keys in ids.items():
        table = app.detail.query_one(TABLES[name], DataTable)
        assert [k.value for k in table.rows] == keys, (item_id, name)
        view[name] = [(k, [str(c) for c in table.get_row(k)]) for k in keys]
    view["asked_of"] = record.asked_of
    return view


async def test_moving_between_a_filled_and_an_empty_item_shows_each_ones_own_values(
    app: AssessApp,
) -> None:
    filled = app.session.record("1.4")
    assert filled.explanation and filled.gap and filled.evidence and filled.actions
    assert filled.claims and filled.status is Status.IN_PROGRESS and filled.schedule
    assert not app.session.record("1.3").explanation  # the demo's empty neighbour
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.query_one(ChecklistTree)
        for item_id in ("1.2", "1.3", "1.4", "1.3", "1.4", "1.5", "1.4", "1.3"):
            tree.go_to_item(item_id)
            await until(pilot, lambda i=item_id: app.detail.item_id == i)  # type: ignore[misc]
            assert shown(app) == expected(app, item_id), item_id


async def test_a_j_from_rest_refills_the_form_in_the_keys_own_handler(
    app: AssessApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The form comes in the cursor's frame: no message, no timer between the key and it."""
    clock = [1000.0]
    monkeypatch.setattr("assess.tui.app.monotonic", lambda: clock[0])
    async with app.run_test(size=SIZE) as pilot:
        settled = lambda: app._follow is None and not app._follow_soon  # noqa: E731
        await until(pilot, lambda: app._started and settled() and app.detail.item_id == "1.1")
        clock[0] += 1000  # at rest since the start
        app.query_one(ChecklistTree).action_cursor_down()  # what j runs
        assert app.detail.item_id == "1.2"
        assert shown(app) == expected(app, "1.2")


async def test_the_hidden_schedule_shows_the_items_own_pace_when_it_appears(
    app: AssessApp,
) -> None:
    """The 达进度/欠进度 row is left alone while hidden; shown, it holds this item's value."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.query_one(ChecklistTree)
        tree.go_to_item("1.4")  # in progress, on track
        await until(pilot, lambda: app.detail.item_id == "1.4")
        assert app.detail.query_one("#schedule", Select).value is Schedule.ON_TRACK
        tree.go_to_item("1.3")  # not assessed: no schedule row
        await until(pilot, lambda: app.detail.item_id == "1.3")
        await pilot.press("2")  # 推进中 on 1.3, which has no pace yet
        await until(pilot, lambda: app.session.record("1.3").status is Status.IN_PROGRESS)
        assert shown(app) == expected(app, "1.3")
        assert app.detail.query_one("#schedule", Select).value is Select.NULL


async def test_a_fields_own_undo_does_not_follow_to_the_next_item(app: AssessApp) -> None:
    """Typing and deleting leaves a field empty as before, with undo steps; the next item's
    empty field starts without them (ctrl+z there must not bring the letters back)."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.query_one(ChecklistTree)
        tree.go_to_item("1.3")
        await until(pilot, lambda: app.detail.item_id == "1.3")
        gap = app.detail.query_one("#gap", FieldArea)
        gap.focus()
        await pilot.press("x", "y", "backspace", "backspace")
        assert gap.text == "" and gap.history.undo_stack
        app.action_focus_tree()
        empty = next(
            i.id
            for i in app.session.checklist.items
            if i.id != "1.3" and not app.session.record(i.id).gap
        )
        tree.go_to_item(empty)
        await until(pilot, lambda: app.detail.item_id == empty)
        assert gap.text == "" and not gap.history.undo_stack
        gap.focus()
        await pilot.press("ctrl+z")
        assert gap.text == ""


async def test_the_status_list_opens_on_the_items_own_status_after_each_refill(
    app: AssessApp,
) -> None:
    """A refill only relabels the closed drop-down; opened, its list points at the status the
    item holds (not one from an item shown before), and choosing from it sets that item."""
    from textual.widgets._select import SelectCurrent, SelectOverlay

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.query_one(ChecklistTree)
        select = app.detail.query_one("#status", Select)
        for item_id in ("1.4", "1.3", "1.4", "1.2"):
            tree.go_to_item(item_id)
            await until(pilot, lambda i=item_id: app.detail.item_id == i)  # type: ignore[misc]
            status = app.session.record(item_id).status
            prompt = next(p for p, value in select._options if value is status)
            label = select.query_one(SelectCurrent).query_one("#label")
            assert str(label.render()) == str(prompt), item_id
            select.focus()
            await pilot.press("enter")
            await until(pilot, lambda: select.expanded)
            overlay = select.query_one(SelectOverlay)
            assert overlay.highlighted == [v for _, v in select._options].index(status)
            await pilot.press("escape")
            await until(pilot, lambda: not select.expanded)
            app.action_focus_tree()
        select.focus()
        first = [v for _, v in select._options].index(status) == 0
        await pilot.press("enter", "down" if first else "up", "enter")  # 1.2: its neighbour
        await until(pilot, lambda: app.session.record("1.2").status is not status)
        assert select.value is app.session.record("1.2").status
