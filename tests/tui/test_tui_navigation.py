"""Moving around: focus at start, keys in the tree, search, filters, dashboard jumps."""

from __future__ import annotations

import asyncio
import io
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.app import App
from textual.widgets import Label, Static, Tree
from tui_helpers import SIZE, until

from assess.models import Status
from assess.tui.app import AssessApp, open_app
from assess.tui.detail import ItemDetail
from assess.tui.tree import ChecklistTree


def tree_of(app: AssessApp) -> ChecklistTree:
    return app.query_one(ChecklistTree)


async def test_starts_on_first_item_with_tree_focused_and_measures_expanded(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = tree_of(app)
        assert app.focused is tree
        assert tree.current_item == "1.1"
        assert app.detail.item_id == "1.1"
        assert all(node.is_expanded for node in tree.measure_nodes.values())
        items = app.session.checklist.items
        assert len(tree.item_nodes) == len(items) + len(app.session.assessment.zone_tasks)


async def test_j_k_and_arrows_move_and_detail_follows(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j")
        assert tree_of(app).current_item == "1.3"
        await until(pilot, lambda: app.detail.item_id == "1.3")  # the pane follows at rest
        await pilot.press("down")
        assert tree_of(app).current_item == "1.4"
        await pilot.press("k", "up")
        assert tree_of(app).current_item == "1.2"


async def test_left_goes_to_measure_and_folds_right_unfolds(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = tree_of(app)
        await pilot.press("left")
        measure = tree.measure_nodes[1]
        assert tree.cursor_node is measure
        await until(pilot, lambda: app.detail.item_id is None)
        await pilot.press("left")
        assert not measure.is_expanded
        await pilot.press("right")
        assert measure.is_expanded


async def test_enter_goes_into_form_and_escape_back(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        assert app.focused is not None and app.focused.id == "status"
        await pilot.press("escape")
        assert app.focused is tree_of(app)
        await pilot.press("tab")
        assert app.focused is not None and app.focused.id == "status"


async def test_search_finds_source_text_and_jumps(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash")
        await pilot.press(*"标准地")  # only in the policy text of 13.x
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        item = tree_of(app).current_item
        assert item is not None
        assert "标准地" in app.session.checklist.item_index[item].source
        assert app.detail.item_id == item


async def test_down_from_the_search_box_goes_to_the_second_hit(app: AssessApp) -> None:
    """The first hit is highlighted while typing (Enter opens it): Down moves to the next."""
    from assess.tui.search import search_items

    hits = search_items(app.session.checklist, "平台")
    assert len(hits) > 2
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("slash", *"平台")
        await pilot.pause()
        await pilot.press("down", "enter")
        await until(pilot, lambda: app.detail.item_id == hits[1])
        await pilot.press("slash", *"平台")
        await pilot.pause()
        await pilot.press("down", "up", "enter")  # and back up to the first
        await until(pilot, lambda: app.detail.item_id == hits[0])


async def test_search_finds_the_zones_own_task_by_its_title(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        task = app.session.assessment.zone_tasks[0]
        await pilot.press("slash")
        await pilot.press(*"自设试点")  # in the demo's Z1 title, in no item of the plan
        await pilot.pause()
        await pilot.press("enter")
        await until(pilot, lambda: app.detail.item_id == task.id)
        assert tree_of(app).current_item == task.id


async def test_filter_cycles_through_unassessed_gaps_opportunities_warnings(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = tree_of(app)
        summary = app.session.summary
        await pilot.press("f")
        assert app.filter == "unassessed"
        shown = set(tree.item_nodes)
        assert shown and all(app.session.record(i).status is Status.NOT_ASSESSED for i in shown)
        assert "3.4" not in shown  # not applicable to this zone: nothing to assess
        await pilot.press("f")
        assert app.filter == "gaps"
        assert set(tree.item_nodes) == set(summary.gaps)
        await pilot.press("f")
        assert set(tree.item_nodes) == set(summary.opportunities)
        await pilot.press("f")
        assert set(tree.item_nodes) == {w.item_id for w in summary.warnings}
        await pilot.press("f")
        assert app.filter == "all"
        items = app.session.checklist.items
        assert len(tree.item_nodes) == len(items) + len(app.session.assessment.zone_tasks)


async def test_cycling_the_filter_back_to_all_returns_to_the_item_the_user_was_on(
    app: AssessApp,
) -> None:
    """On 2.4 (assessed, so the first filter hides it), f five times comes back to 2.4; a move
    of the user's own in between is where they stay."""
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app._started)
        tree = tree_of(app)
        app.jump_to("2.1")
        await until(pilot, lambda: app.detail.item_id == "2.1")
        assert app.session.record("2.1").status is not Status.NOT_ASSESSED
        await pilot.press("f")
        assert "2.1" not in tree.item_nodes and tree.current_item != "2.1"
        await pilot.press("f", "f", "f", "f")
        assert app.filter == "all"
        await until(pilot, lambda: tree.current_item == "2.1" and app.detail.item_id == "2.1")
        await pilot.press("f", "j")  # the user moves under the filter: that is where they are
        moved = tree.current_item
        await until(pilot, lambda: app.detail.item_id == moved)
        await pilot.press("f", "f", "f", "f")
        assert app.filter == "all"
        await until(pilot, lambda: tree.current_item == moved)


async def test_dashboard_row_jumps_to_item(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("enter")  # first row: the top gap
        await pilot.pause()
        top_gap = app.session.summary.gaps[0]
        assert tree_of(app).current_item == top_gap
        assert app.detail.item_id == top_gap


async def test_help_lists_every_key(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        console = Console(record=True, width=100, file=io.StringIO())
        console.print(app.screen.query_one("#help-keys", Static).content)
        text = console.export_text()
        for key in ("j k", "← →", "/", "ctrl+z", "ctrl+s", "ctrl+p", "?", "ctrl+q", "Esc", "Tab"):
            assert key in text
        for label in (
            "已落实",
            "推进中",
            "未启动",
            "不适用",
            "未评估",
            "筛选",
            "总览",
            "经开区画像",
        ):
            assert label in text
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        assert len(lines) == len(set(lines))  # each key once (ctrl+q was listed twice)
        assert sum("ctrl+q" in line for line in lines) == 1
        await pilot.press("escape")
        assert app.screen is app.screen_stack[0]


async def test_english_labels(demo_path: Path) -> None:
    app = open_app(demo_path, lang="en")
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            header = str(app.query_one("#zone-line").render())
            assert "score" in header and "总分" not in header
            assert str(app.query_one("#explanation-label", Label).render()).split()[0] == "progress"
            label = str(tree_of(app).item_nodes["1.1"].label)
            assert "Major industrial" in label
    finally:
        app.session.close()


async def test_a_highlight_arriving_while_the_app_closes_is_harmless(app: AssessApp) -> None:
    """CI saw it: the tree's last highlight reached the app after the tree had gone."""
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app._started)
        tree = tree_of(app)
        node = tree.item_nodes["1.2"]
        await tree.remove()
        app.post_message(Tree.NodeHighlighted(node))
        await pilot.pause()
        app._show_cursor_item()  # the highlight's follow-up, however late it comes
    assert app.return_code in (None, 0)


async def test_one_move_from_rest_fills_the_pane_at_once_a_held_key_waits(
    app: AssessApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One j shows its item at once; keys as fast as a held one leave the pane until the cursor
    rests, so holding j stays smooth (the clock is the test's: no timing involved)."""
    clock = [1000.0]
    monkeypatch.setattr("assess.tui.app.monotonic", lambda: clock[0])
    monkeypatch.setattr("assess.tui.app.FOLLOW_DELAY_SECONDS", 600)  # the rest never comes
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app._started and app.detail.item_id == "1.1")
        clock[0] += 1000  # at rest since the start
        await pilot.press("j")
        await until(pilot, lambda: app.detail.item_id == "1.2")  # no timer: right after the frame
        await pilot.press("j", "j", "j")  # the clock stands still: a held key
        await pilot.pause()
        assert tree_of(app).current_item == "1.5"
        assert app.detail.item_id == "1.2"  # waiting for the cursor to rest
        clock[0] += 1000  # a pause, then one more move
        await pilot.press("j")
        await until(pilot, lambda: app.detail.item_id == "1.6")


@pytest.fixture
def slow_start(monkeypatch: pytest.MonkeyPatch) -> asyncio.Event:
    """The start's form build waits until the test sets this (a slow machine's start)."""
    gate = asyncio.Event()
    build = ItemDetail.build_form

    async def slow_build(self: ItemDetail) -> None:
        await gate.wait()
        await build(self)

    monkeypatch.setattr(ItemDetail, "build_form", slow_build)
    return gate


async def test_a_move_before_the_form_is_built_is_not_undone_by_the_start(
    app: AssessApp, slow_start: asyncio.Event
) -> None:
    """The form is built after the first frame; on a slow machine the user may press j before
    it is there. The first j starts from 1.1, where the start puts the cursor (it went to the
    area's heading), and the start then keeps their cursor (it used to put it back on 1.1)."""
    async with App.run_test(app, size=SIZE) as pilot:  # not waiting for the start (conftest)
        tree = tree_of(app)
        for _ in range(4):  # the start blocks the screen, so no Pilot waits: plain loop turns
            app.post_message(events.Key("j", "j"))
        try:
            for _ in range(500):
                if tree.current_item == "1.5":
                    break
                await asyncio.sleep(0.01)
            moved_to = tree.cursor_node
            assert tree.current_item == "1.5"  # from 1.1: 1.2, 1.3, 1.4, 1.5
        finally:
            slow_start.set()  # a failure must not leave the start waiting forever
        await until(pilot, lambda: app._started)
        await pilot.pause()
        assert tree.cursor_node is moved_to  # still where the user put it
        assert app.detail.item_id == tree.current_item


@pytest.mark.parametrize(
    ("key", "character", "then"), [("1", "1", 0), ("exclamation_mark", "!", 1)]
)
async def test_a_status_key_before_the_form_is_built_sets_the_first_item(
    app: AssessApp, slow_start: asyncio.Event, key: str, character: str, then: int
) -> None:
    """Typed while the start builds the form (a slow machine, or the browser), ``1`` sets the
    first item, where the start puts the cursor — it used to land on the area's heading; ⇧1
    sets it too and moves to the second (it looked for an item before the cursor was put on
    the first, and stayed)."""
    items = [i.id for i in app.session.checklist.items[:2]]
    first = items[0]
    assert app.session.record(first).status is not Status.DONE
    async with App.run_test(app, size=SIZE) as pilot:  # not waiting for the start (conftest)
        app.post_message(events.Key(key, character))
        try:
            for _ in range(500):
                if app.session.record(first).status is Status.DONE:
                    break
                await asyncio.sleep(0.01)
        finally:
            slow_start.set()  # a failure must not leave the start waiting forever
        await until(pilot, lambda: app._started)
        await pilot.pause()
        assert app.session.record(first).status is Status.DONE
        assert app.checklist_tree.current_item == items[then]


async def test_shift_digit_on_a_measures_last_item_moves_to_the_next_item_not_the_measure(
    app: AssessApp,
) -> None:
    """⇧2 ⇧2 from 1.8: the first sets 1.8 and lands on 2.1, the second sets 2.1 alone; it
    used to land on （二）'s heading, where the second ⇧2 set all its items at once."""
    checklist = app.session.checklist
    last = checklist.measures[0].items[-1].id
    following = checklist.measures[1].items[0].id
    others = {i.id: app.session.record(i.id).status for i in checklist.measures[1].items[1:]}
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = tree_of(app)
        tree.go_to_item(last)
        await until(pilot, lambda: tree.current_item == last)
        await pilot.press("at")
        assert tree.current_item == following
        await pilot.press("at")
        assert app.session.record(last).status is Status.IN_PROGRESS
        assert app.session.record(following).status is Status.IN_PROGRESS
        assert {i: app.session.record(i).status for i in others} == others


async def test_on_a_measure_the_pane_shows_no_half_form_of_the_last_item(app: AssessApp) -> None:
    """It showed 1.1's status and text, greyed, under 在左侧选择一个条目, as if editable."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        form = [app.query_one("#status"), app.query_one("#explanation")]

        def shown() -> list[bool]:
            return [all(n.display for n in (w, *w.ancestors) if n is not app) for w in form]

        assert shown() == [True, True]
        await pilot.press("left")  # to the measure
        await until(pilot, lambda: app.detail.item_id is None)
        assert shown() == [False, False]
        await pilot.press("right", "down")  # unfolded already: down to its first item
        await until(pilot, lambda: app.detail.item_id is not None)
        assert shown() == [True, True]
