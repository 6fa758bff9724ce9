"""The departments screen: assign a measure or an item, see progress, filter to 我的条目."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList
from tui_helpers import SIZE, on_disk, until, until_saved

from assess.departments import items_of
from assess.tui.app import AssessApp
from assess.tui.departments import DepartmentsScreen
from assess.tui.tree import ChecklistTree


async def _open_departments(app: AssessApp, pilot: object, department: str) -> OptionList:
    await pilot.press("g")  # type: ignore[attr-defined]
    await pilot.pause()  # type: ignore[attr-defined]
    assert isinstance(app.screen, DepartmentsScreen)
    options = app.screen.query_one(OptionList)
    options.highlighted = app.session.assessment.departments.index(department)
    return options


async def test_enter_narrows_the_tree_to_the_department_and_a_shows_all(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await _open_departments(app, pilot, "科创局")
        await pilot.press("enter")
        await pilot.pause()
        tree = app.query_one(ChecklistTree)
        mine = items_of(app.session.checklist, app.session.assessment, "科创局", "any")
        assert sorted(tree.item_nodes) == sorted(mine)  # Z1 sits under 商务局's measure (九)
        await _open_departments(app, pilot, "科创局")
        await pilot.press("a")
        await pilot.pause()
        everything = len(app.session.checklist.items) + len(app.session.assessment.zone_tasks)
        assert len(tree.item_nodes) == everything


async def test_l_assigns_the_current_measure_and_i_one_item_through_the_history(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.query_one(ChecklistTree)
        tree.go_to_item("1.3")
        await pilot.pause()
        await _open_departments(app, pilot, "商务局")
        await pilot.press("i")
        await pilot.pause()
        assert app.session.assessment.responsibility["1.3"].lead == "商务局"
        assert isinstance(app.screen, DepartmentsScreen)  # the screen stays for the next one
        options = app.screen.query_one(OptionList)
        options.highlighted = app.session.assessment.departments.index("财政局")
        await pilot.press("l")
        await pilot.pause()
        owners = app.session.assessment.responsibility
        assert owners["1"].lead == "财政局" and "财政局" not in owners["1"].partners
        assert "1.3" not in owners and "1.7" not in owners  # the measure covers all its items
        await pilot.press("escape")
        await pilot.pause()
        app.session.save_now()
        saved = on_disk(demo_path)
        assert saved.responsibility["1"].lead == "财政局"
        fields = [c.field for c in saved.history[-4:]]
        assert fields == [
            "responsibility.1.3", "responsibility.1", "responsibility.1.3", "responsibility.1.7"
        ]  # fmt: skip
        assert saved.history[-1].who == saved.assessor  # the profile's assessor, not the OS user


async def test_n_types_the_departments_once_and_p_makes_one_a_partner(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        known = list(app.session.assessment.departments)
        app.query_one(ChecklistTree).go_to_item("1.3")  # measure 1: 科创局 leads
        await pilot.pause()
        await _open_departments(app, pilot, known[0])
        await pilot.press("n")
        await pilot.pause()
        app.screen.query_one(Input).value = "应急管理局、经发局，统计局"  # 经发局: listed already
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DepartmentsScreen))
        assert app.session.assessment.departments == [*known, "应急管理局", "统计局"]
        options = app.screen.query_one(OptionList)
        assert options.option_count == len(known) + 2
        options.highlighted = app.session.assessment.departments.index("统计局")
        await pilot.press("p")
        await pilot.pause()
        assert "统计局" in app.session.assessment.responsibility["1"].partners
        await pilot.press("p")  # again: no longer
        await pilot.pause()
        assert "统计局" not in app.session.assessment.responsibility["1"].partners
        await pilot.press("escape")
        await until_saved(pilot)
    assert on_disk(demo_path).departments[-2:] == ["应急管理局", "统计局"]


async def test_n_with_nothing_typed_says_so_and_adds_nothing(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        known = list(app.session.assessment.departments)
        await _open_departments(app, pilot, known[0])
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("space", "enter")
        await pilot.pause()
        error = str(app.screen.query_one("#form-error").render())
        assert "请输入部门名称" in error
        assert app.session.assessment.departments == known


async def test_a_first_department_typed_is_the_one_l_assigns(app: AssessApp) -> None:
    """A zone that starts with no departments: n, type them, l — the first one leads the
    measure (l used to do nothing, silently, until the list was moved)."""
    from tui_helpers import notices

    from assess.editing import Editor

    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        editor = Editor(app.session.assessment, who="t")
        for key in list(app.session.assessment.responsibility):
            editor.set_responsibility(key, None)
        editor.set_departments([])
        app.query_one(ChecklistTree).go_to_item("1.3")
        await pilot.pause()
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, DepartmentsScreen))
        await pilot.press("n")
        await until(pilot, lambda: bool(app.screen.query(Input)))
        app.screen.query_one(Input).value = "经发局、科创局"
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, DepartmentsScreen))
        await pilot.press("l")
        await until(pilot, lambda: "1" in app.session.assessment.responsibility)
        assert app.session.assessment.responsibility["1"].lead == "经发局"
        assert any("举措 1" in n and "经发局" in n for n in notices(app)), notices(app)
