"""Every change lands on disk at once, is in the history, and can be undone."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select, Static
from tui_helpers import SIZE, notices, on_disk, until, until_saved

from assess.models import ActionStatus, Priority, Status
from assess.tui.app import AssessApp
from assess.tui.detail import FieldArea
from assess.tui.glyphs import GLYPHS
from assess.tui.modals import ActionForm, CiteEvidence, EvidenceForm
from assess.tui.tree import ChecklistTree


@pytest.mark.parametrize(
    ("key", "status"),
    [
        ("1", Status.DONE),
        ("2", Status.IN_PROGRESS),
        ("3", Status.NOT_STARTED),
        ("4", Status.NOT_APPLICABLE),
        ("0", Status.NOT_ASSESSED),
    ],
)
async def test_status_key_saves_at_once_and_relabels(
    app: AssessApp, demo_path: Path, key: str, status: Status
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("j", "j", "j", "j", "j", "j")  # 1.7, 未启动 in the demo
        await until(pilot, lambda: app.detail.item_id == "1.7")  # the pane follows at rest
        if status is Status.NOT_STARTED:
            await pilot.press("1")  # make the key below a change
        before = app.session.summary.measures[1].value
        await pilot.press(key)
        await pilot.pause()
        await until_saved(pilot)
        saved = on_disk(demo_path)
        assert saved.items["1.7"].status is status
        change = saved.history[-1]
        assert (change.item, change.field, change.new) == ("1.7", "status", status.value)
        tree = app.query_one(ChecklistTree)
        assert str(tree.item_nodes["1.7"].label).startswith(GLYPHS[status][0])
        after = app.session.summary.measures[1].value
        assert (status is Status.NOT_STARTED) or after != before
        assert f"{after:.1f}" in str(tree.measure_nodes[1].label)
        assert app.query_one("#status", Select).value is status


async def test_status_key_on_an_area_changes_nothing(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("left", "left", "left")  # the measure, folded, then its area
        tree = app.query_one(ChecklistTree)
        assert tree.cursor_node is next(iter(tree.area_nodes.values()))
        before = demo_path.read_bytes()
        await pilot.press("1")
        await pilot.pause()
        await until_saved(pilot)
        assert demo_path.read_bytes() == before
        assert not app.session.can_undo


@pytest.mark.parametrize("field", ["explanation", "current", "gap", "opportunity", "note"])
async def test_text_field_saved_on_leaving_it(app: AssessApp, demo_path: Path, field: str) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        area = app.query_one(f"#{field}", FieldArea)
        area.focus()
        await until(pilot, lambda: app.focused is area)  # focus() is applied later
        area.clear()
        await pilot.press(*"新的内容")
        await pilot.press("escape")  # back to the tree: the field is left
        await pilot.pause()
        await until_saved(pilot)
        assert app.focused is app.query_one(ChecklistTree)
        saved = on_disk(demo_path)
        assert getattr(saved.items["1.1"], field) == "新的内容"
        assert saved.history[-1].field == field


async def test_text_field_saved_after_a_pause_while_still_typing_there(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        area = app.query_one("#note", FieldArea)
        area.focus()
        await until(pilot, lambda: app.focused is area)  # focus() is applied later
        await pilot.press(*"ok")
        await until(pilot, lambda: app.session.record("1.1").note.endswith("ok"))  # the pause
        await until_saved(pilot)
        assert app.focused is area
        assert on_disk(demo_path).items["1.1"].note.endswith("ok")


async def test_text_typed_then_moving_away_lands_on_the_item_it_was_typed_for(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        area = app.query_one("#gap", FieldArea)
        area.focus()
        await until(pilot, lambda: app.focused is area)  # focus() is applied later
        area.clear()
        await pilot.press(*"一号的差距")
        app.jump_to("1.2")  # e.g. a click in the tree, before the pause elapses
        await pilot.pause()
        await until_saved(pilot)
        saved = on_disk(demo_path)
        assert saved.items["1.1"].gap == "一号的差距"
        assert saved.items["1.2"].gap != "一号的差距"
        assert area.text == saved.items["1.2"].gap


async def test_undo_reverts_a_text_edit(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = app.session.record("1.1").current
        area = app.query_one("#current", FieldArea)
        area.focus()
        await until(pilot, lambda: app.focused is area)  # focus() is applied later
        await pilot.press(*"补充")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        await until_saved(pilot)
        assert on_disk(demo_path).items["1.1"].current == before
        assert area.text == before


async def test_explanation_label_follows_status(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        label = app.query_one("#explanation-label")
        shown = {}
        for key in ("1", "2", "3", "4"):
            await pilot.press(key)
            await pilot.pause()
            shown[key] = str(label.render()).split()[0]
        assert shown == {"1": "成效", "2": "进度", "3": "原因", "4": "理由"}


async def test_add_new_evidence_through_the_form(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.detail.add_evidence()
        await pilot.pause()
        assert isinstance(app.screen, EvidenceForm)
        await pilot.press(*"平台批复")
        app.screen.query_one("#ev-date", Input).value = "2025-13-01"
        await pilot.click("#ok")
        await pilot.pause()
        assert isinstance(app.screen, EvidenceForm)  # a bad date keeps the form open
        assert "没有这一天" in str(app.screen.query_one("#form-error", Static).render())
        wrong_form = app.screen.query_one("#ev-date", Input)
        wrong_form.value = "十月一日"
        wrong_form.focus()
        await until(pilot, lambda: app.focused is wrong_form)  # focus() is applied later
        await pilot.press("enter")
        await pilot.pause()
        assert "日期格式应为" in str(app.screen.query_one("#form-error", Static).render())
        date = app.screen.query_one("#ev-date", Input)
        date.value = "2025-10-01"
        date.focus()
        await until(pilot, lambda: app.focused is date)  # focus() is applied later
        await pilot.press("enter")  # Enter in a field submits the form
        await pilot.pause()
        await until_saved(pilot)
        saved = on_disk(demo_path)
        new = saved.evidence[-1]
        assert (new.title, new.date.isoformat() if new.date else None) == ("平台批复", "2025-10-01")
        assert saved.items["1.1"].evidence[-1] == new.id


async def test_cite_existing_evidence_reuses_the_record(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.jump_to("1.3")  # cites nothing in the demo
        await pilot.pause()
        count = len(app.session.assessment.evidence)
        app.detail.cite_evidence()
        await pilot.pause()
        assert isinstance(app.screen, CiteEvidence)
        await pilot.press("down", "enter")  # the second record: E2
        await pilot.pause()
        await until_saved(pilot)
        saved = on_disk(demo_path)
        assert saved.items["1.3"].evidence == ["E2"]
        assert "E2" in saved.items["1.1"].evidence
        assert len(saved.evidence) == count
        table = app.query_one("#evidence-table", DataTable)
        assert table.row_count == 1


async def test_remove_citation_keeps_record_used_elsewhere(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.detail.remove_evidence()  # 1.1 cites only E2, also cited by 1.2
        await pilot.pause()
        await until_saved(pilot)
        saved = on_disk(demo_path)
        assert saved.items["1.1"].evidence == []
        assert "E2" in saved.evidence_by_id()
        assert "E2" in saved.items["1.2"].evidence


async def test_action_add_validates_date_then_saves(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = len(app.session.record("1.1").actions)
        app.detail.add_action()
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        await pilot.press(*"争取国家级平台")
        form = app.screen
        form.query_one("#act-lead", Input).value = "科创局"
        form.query_one("#act-partners", Input).value = "财政局"
        form.query_one("#act-due", Input).value = "2026-02-30"
        form.query_one("#act-priority", Select).value = Priority.HIGH
        form.query_one("#act-status", Select).value = ActionStatus.DOING
        await pilot.click("#ok")
        await pilot.pause()
        assert app.screen is form
        assert "没有这一天" in str(form.query_one("#form-error", Static).render())
        due = form.query_one("#act-due", Input)
        due.value = "2026/6/30"  # the way it is often typed; stored as a date
        due.focus()
        await until(pilot, lambda: app.focused is due)  # focus() is applied later
        await pilot.press("enter")  # Enter in a field submits the form
        await pilot.pause()
        await until_saved(pilot)
        actions = on_disk(demo_path).items["1.1"].actions
        assert len(actions) == before + 1
        new = actions[-1]
        assert (new.text, new.lead, new.partners, new.due.isoformat() if new.due else "") == (
            "争取国家级平台",
            "科创局",
            "财政局",
            "2026-06-30",
        )
        assert (new.priority, new.status) == (Priority.HIGH, ActionStatus.DOING)
        assert app.query_one("#actions-table", DataTable).row_count == before + 1


async def test_action_edit_and_remove(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = app.session.record("1.1").actions[0]
        app.detail.edit_action()
        await pilot.pause()
        app.screen.query_one("#act-status", Select).value = ActionStatus.DONE
        await pilot.click("#ok")
        await pilot.pause()
        await until_saved(pilot)
        assert on_disk(demo_path).items["1.1"].actions[0].status is ActionStatus.DONE
        count = len(app.session.record("1.1").actions)
        app.detail.remove_action()
        await pilot.pause()
        await until_saved(pilot)
        actions = on_disk(demo_path).items["1.1"].actions
        assert len(actions) == count - 1
        assert first.text not in [a.text for a in actions]


async def test_undo_reverts_across_saves_and_is_in_history(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1")  # 1.1: 推进中 → 已落实
        await pilot.pause()
        await until_saved(pilot)
        assert on_disk(demo_path).items["1.1"].status is Status.DONE
        await pilot.press("ctrl+z")
        await pilot.pause()
        await until_saved(pilot)
        saved = on_disk(demo_path)
        assert saved.items["1.1"].status is Status.IN_PROGRESS
        fields = [c.field for c in saved.history[-3:]]
        assert fields == ["status", "status", "undo"]
        assert str(app.query_one(ChecklistTree).item_nodes["1.1"].label).startswith("◐")
        await pilot.press("ctrl+z")  # nothing left: no change, no crash
        await pilot.pause()
        await until_saved(pilot)
        assert on_disk(demo_path).items["1.1"].status is Status.IN_PROGRESS


async def test_undo_waits_while_a_form_is_open(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1")
        await pilot.pause()
        app.detail.edit_action()
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert isinstance(app.screen, ActionForm)
        assert app.session.record("1.1").status is Status.DONE
        await pilot.press("escape", "ctrl+z")
        await pilot.pause()
        assert app.session.record("1.1").status is Status.IN_PROGRESS


async def test_undo_restores_removed_evidence_record(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.jump_to("14.1")  # the only item citing E6
        await pilot.pause()
        app.detail.remove_evidence()
        await pilot.pause()
        await until_saved(pilot)
        assert "E6" not in on_disk(demo_path).evidence_by_id()
        await pilot.press("ctrl+z")
        await pilot.pause()
        await until_saved(pilot)
        saved = on_disk(demo_path)
        assert "E6" in saved.evidence_by_id()
        assert saved.items["14.1"].evidence == ["E6"]


async def test_palette_runs_a_status_command(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"未启动")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        await until_saved(pilot)
        assert on_disk(demo_path).items["1.1"].status is Status.NOT_STARTED


async def test_ctrl_s_saves_and_quit_keeps_everything(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        area = app.query_one("#note", FieldArea)
        area.focus()
        await until(pilot, lambda: app.focused is area)  # focus() is applied later
        await pilot.press(*"xyz")
        await pilot.press("ctrl+q")  # quit straight from the field, no pause
        await pilot.pause()
    assert on_disk(demo_path).items["1.1"].note.endswith("xyz")


@pytest.mark.parametrize(("table_id", "form"), [("#evidence-table", EvidenceForm),
                                                ("#actions-table", ActionForm)])  # fmt: skip
async def test_enter_on_a_table_row_edits_that_row(
    app: AssessApp, demo_path: Path, table_id: str, form: type
) -> None:
    """The hint for a letter typed on a table says Enter edits the row: it did nothing."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        table = app.query_one(table_id, DataTable)
        await until(pilot, lambda: table.row_count > 0)  # 1.1 has evidence and actions
        table.focus()
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, form))
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is app.screen_stack[0])
        assert app.focused is table  # back where the user was


async def test_undoing_a_task_removal_brings_it_back_to_the_tree_and_redo_takes_it_away(
    app: AssessApp, demo_path: Path
) -> None:
    """The task came back in the file but not in the tree: users made it again."""
    task = app.session.assessment.zone_tasks[0]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.query_one(ChecklistTree)
        tree.go_to_item(task.id)
        await until(pilot, lambda: tree.current_item == task.id)
        app.action_remove_task()
        await pilot.pause()
        app.screen.dismiss("remove")
        await until(pilot, lambda: task.id not in tree.item_nodes)
        await pilot.press("ctrl+z")
        assert task.id in tree.item_nodes
        assert f"恢复 {task.id}“" in notices(app)[-1]  # which task, not every title
        await until(pilot, lambda: tree.current_item == task.id)
        assert app.detail.item_id == task.id
        await pilot.press("ctrl+y")
        assert task.id not in tree.item_nodes
        assert f"去掉 {task.id}“" in notices(app)[-1]
        await until(pilot, lambda: tree.current_item is not None)
        assert app.detail.item_id == tree.current_item


async def test_a_form_error_goes_once_the_field_is_being_corrected(app: AssessApp) -> None:
    """没有这一天 stayed on screen after the date was put right, as if still wrong."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.detail.add_evidence()
        await until(pilot, lambda: isinstance(app.screen, EvidenceForm))
        await pilot.press(*"平台批复")
        date = app.screen.query_one("#ev-date", Input)
        date.value = "2025-13-01"
        await pilot.click("#ok")
        error = app.screen.query_one("#form-error", Static)
        await until(pilot, lambda: "没有这一天" in str(error.render()))
        date.focus()
        await until(pilot, lambda: app.focused is date)
        await pilot.press("backspace")
        await until(pilot, lambda: not str(error.render()))
        assert isinstance(app.screen, EvidenceForm)


@pytest.mark.parametrize(("due", "warned"), [("2025-06-30", True), ("2026-06-30", False)])
async def test_an_open_action_due_in_the_past_is_saved_and_said(
    app: AssessApp, demo_path: Path, due: str, warned: bool
) -> None:
    """2025 typed for 2026: found only later by validate (逾期); now said when it is saved."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.detail.add_action()
        await until(pilot, lambda: isinstance(app.screen, ActionForm))
        await pilot.press(*"争取国家级平台")
        app.screen.query_one("#act-due", Input).value = due
        await pilot.click("#ok")
        await until(pilot, lambda: not isinstance(app.screen, ActionForm))
        said = [n for n in notices(app) if "已过" in n]
        assert bool(said) is warned  # the session's today is before 2026-06-30
        if warned:
            assert f"{due} 已过（今天 {app.session.today}）" in said[0]
        await until_saved(pilot)
        assert due in {str(a.due) for a in on_disk(demo_path).items["1.1"].actions}


async def test_a_click_that_focuses_a_table_chooses_its_row_and_a_second_opens_it(
    app: AssessApp,
) -> None:
    """The first click on row 0 (where the cursor starts) opened the edit form, while a
    first click on any other row only chose it."""
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: app._started)
        table = app.detail.query_one("#evidence-table", DataTable)
        assert table.row_count and app.focused is not table
        table.scroll_visible(animate=False)
        await pilot.pause()
        await pilot.click("#evidence-table", offset=(4, 1))  # row 0, below the header
        await pilot.pause()
        assert app.focused is table and table.cursor_row == 0
        assert not isinstance(app.screen, EvidenceForm)
        await pilot.click("#evidence-table", offset=(4, 1))
        await until(pilot, lambda: isinstance(app.screen, EvidenceForm))
