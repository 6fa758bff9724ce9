"""The policy's own fields in the form (claims, 争取对象, 达进度/欠进度) and the zone's own tasks
in the tree: every change saved at once, in the history, and undone by ctrl+z."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, OptionList, Select, Static
from tui_helpers import SIZE, TODAY, notices, on_disk, until, until_saved

from assess.lang import Lang
from assess.models import ClaimStatus, Schedule, Status
from assess.scoring import format_score
from assess.texts import Texts
from assess.texts import policy as policy_words
from assess.texts import tui as words
from assess.textwidth import width as cell_width
from assess.tui.app import AssessApp, open_app
from assess.tui.detail import FieldArea
from assess.tui.policy_forms import ClaimForm, ConfirmRemoveTask, ZoneTaskForm
from assess.tui.tree import ChecklistTree


async def open_on(app: AssessApp, pilot: object, item_id: str) -> None:
    await pilot.pause()  # type: ignore[attr-defined]
    await until(pilot, lambda: app.detail.ready)  # type: ignore[arg-type]
    app.jump_to(item_id)
    await until(pilot, lambda: app.detail.item_id == item_id)  # type: ignore[arg-type]


def shown(app: AssessApp, widget_id: str) -> bool:
    widget = app.query_one(f"#{widget_id}")
    return bool(widget.display)


async def test_a_claim_is_added_edited_saved_and_undone(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_on(app, pilot, "1.4")  # support, 推进中, one claim (C1) in the demo
        assert shown(app, "claims-table")
        await pilot.press("alt+u")
        await until(pilot, lambda: isinstance(app.screen, ClaimForm))
        form = app.screen
        form.query_one("#claim-policy", Input).value = "省级孵化器奖补"
        form.query_one("#claim-issuer", Input).value = "自治区科技厅"
        form.query_one("#claim-status", Select).value = ClaimStatus.APPROVED
        form.query_one("#claim-amount", Input).value = "100万元"
        form.query_one("#claim-date", Input).value = "2026-03-01"
        await pilot.click("#ok")
        await until_saved(pilot)
        claims = on_disk(demo_path).items["1.4"].claims
        added = claims[-1]
        assert (added.policy, added.issuer, added.status, added.amount) == (
            "省级孵化器奖补", "自治区科技厅", ClaimStatus.APPROVED, "100万元",
        )  # fmt: skip
        assert on_disk(demo_path).history[-1].field == f"claims.{added.id}"
        assert app.session.summary.approved_claims == 2
        await pilot.press("ctrl+z")
        await until_saved(pilot)
        assert [c.id for c in on_disk(demo_path).items["1.4"].claims] == [claims[0].id]


async def test_a_claim_on_a_requirement_is_refused_with_the_rule(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_on(app, pilot, "12.1")  # a requirement
        assert not shown(app, "claims-table")
        await pilot.press("u")
        await pilot.pause()
        assert not isinstance(app.screen, ClaimForm)
        assert any("要求类" in n for n in notices(app))


async def test_asked_of_shows_on_requests_only_and_saves(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_on(app, pilot, "1.1")
        assert not shown(app, "asked_of")
        await open_on(app, pilot, "13.1")  # higher-level: 单列年度用地计划指标
        field = app.query_one("#asked_of", Input)
        assert shown(app, "asked_of") and field.value == "自治区自然资源厅"
        field.focus()
        field.value = "自治区人民政府"
        await pilot.press("enter")
        await until_saved(pilot)
        assert on_disk(demo_path).items["13.1"].asked_of == "自治区人民政府"
        # a request's statuses read as requests in the form, never 推进中/未启动
        labels = [str(prompt) for prompt, _ in app.query_one("#status", Select)._options]
        assert "未争取" in labels and "争取中" in labels and "未启动" not in labels
        assert "推进中" not in labels


async def test_schedule_only_on_in_progress_and_marks_the_tree(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_on(app, pilot, "1.4")  # 推进中, 达进度
        assert shown(app, "schedule")
        app.query_one("#schedule", Select).value = Schedule.BEHIND
        await until(pilot, lambda: app.session.record("1.4").schedule is Schedule.BEHIND)
        await until_saved(pilot)
        assert on_disk(demo_path).items["1.4"].schedule is Schedule.BEHIND
        tree = app.query_one(ChecklistTree)
        assert "欠进度" in str(tree.item_nodes["1.4"].label)
        assert "1.4" in app.session.summary.behind
        app.detail.set_status("1.4", Status.DONE)
        await pilot.pause()
        assert not shown(app, "schedule")
        assert "欠进度" not in str(tree.item_nodes["1.4"].label)


async def test_a_zone_task_is_a_node_opened_like_an_item(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        tree = app.query_one(ChecklistTree)
        node = tree.item_nodes["Z1"]
        assert node.parent is tree.measure_nodes[9] and "〔自定〕" in str(node.label)
        before = app.session.summary.measures[9].value
        await open_on(app, pilot, "Z1")
        assert app.query_one("#task-title", Input).value.startswith("中越边境")
        assert shown(app, "task-description") and not shown(app, "current")
        assert not shown(app, "claims-table") and not shown(app, "asked_of")
        tree.focus()
        await pilot.press("1")
        await until_saved(pilot)
        saved = on_disk(demo_path)
        assert saved.zone_tasks[0].record.status is Status.DONE and "Z1" not in saved.items
        assert (saved.history[-1].item, saved.history[-1].field) == ("Z1", "status")
        assert app.session.summary.measures[9].value == before  # scored apart
        assert app.session.summary.own_tasks.value == 100
        area = app.query_one("#task-description", FieldArea)
        area.focus()
        area.clear()
        area.insert("新的任务内容")
        await pilot.pause()
        title = app.query_one("#task-title", Input)
        title.focus()
        title.value = "改名后的试点"
        await pilot.press("enter")
        await until_saved(pilot)
        task = on_disk(demo_path).zone_tasks[0]
        assert (task.title, task.description) == ("改名后的试点", "新的任务内容")
        assert "改名后的试点" in str(tree.item_nodes["Z1"].label)
        await pilot.press("ctrl+z")
        await until_saved(pilot)
        assert on_disk(demo_path).zone_tasks[0].title.startswith("中越边境")


async def test_a_zone_task_is_added_on_a_measure_and_removed_after_asking(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_on(app, pilot, "2.1")
        tree = app.query_one(ChecklistTree)
        tree.focus()
        await pilot.press("left")  # the measure (二)
        assert tree.current_measure is not None and tree.current_measure.number == 2
        await pilot.press("z")
        await until(pilot, lambda: isinstance(app.screen, ZoneTaskForm))
        app.screen.query_one("#task-new-title", Input).value = "自设数字孪生工厂示范"
        await pilot.click("#ok")
        await until_saved(pilot)
        tasks = on_disk(demo_path).zone_tasks
        assert [(t.id, t.measure, t.title) for t in tasks][-1] == ("Z2", 2, "自设数字孪生工厂示范")
        assert tree.item_nodes["Z2"].parent is tree.measure_nodes[2]
        assert tree.current_item == "Z2" and app.detail.item_id == "Z2"
        await pilot.press("delete")
        await until(pilot, lambda: isinstance(app.screen, ConfirmRemoveTask))
        assert app.screen.focused is not None and app.screen.focused.id == "back"
        await pilot.press("enter")  # a hasty Enter keeps the task
        await pilot.pause()
        assert "Z2" in tree.item_nodes
        await pilot.press("delete")
        await until(pilot, lambda: isinstance(app.screen, ConfirmRemoveTask))
        await pilot.click("#remove")
        await until(pilot, lambda: "Z2" not in tree.item_nodes)
        await until_saved(pilot)
        assert [t.id for t in on_disk(demo_path).zone_tasks] == ["Z1"]
        assert "Z2" not in tree.item_nodes
        assert on_disk(demo_path).history[-1].old.startswith('{"id":"Z2"')  # kept whole
        await pilot.press("ctrl+z")
        await until_saved(pilot)
        assert [t.id for t in on_disk(demo_path).zone_tasks] == ["Z1", "Z2"]


async def test_delete_on_a_checklist_item_removes_nothing(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_on(app, pilot, "1.1")
        app.query_one(ChecklistTree).focus()
        before = demo_path.read_bytes()
        await pilot.press("delete")
        await pilot.pause()
        assert not isinstance(app.screen, ConfirmRemoveTask)
        assert demo_path.read_bytes() == before


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_header_at_80_columns_shows_the_score_and_both_rates_whole(
    demo_path: Path, lang: str
) -> None:
    app = open_app(demo_path, lang=lang, today=TODAY)
    t = Texts(Lang(lang))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            summary = app.session.summary
            lines = [_shown(app, "#zone-line"), _shown(app, "#score-line")]
            assert app.query_one("#score-line").display
            scores = lines[1]
            assert scores.startswith(f"{t(words.OVERALL)} {format_score(summary.overall.value)}")
            assert scores.endswith(f"{format_score(summary.policy_use.value)}")
            assert t(policy_words.IMPLEMENTATION).split()[0] in scores
            assert "…" not in scores and cell_width(scores) <= 78
            assert lines[0].startswith("示例经济技术开发区 · ")
            await pilot.resize_terminal(160, 40)  # room for one line: the second goes
            await pilot.pause()
            assert not app.query_one("#score-line").display
            assert format_score(summary.policy_use.value) in _shown(app, "#zone-line")
    finally:
        app.session.close()


def _shown(app: AssessApp, selector: str) -> str:
    return str(app.query_one(selector, Static).render())


async def test_a_dashboard_task_row_opens_the_task(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await open_on(app, pilot, "1.1")
        await pilot.press("d")
        await until(pilot, lambda: app.screen.query("#dash-rows"))
        rows = app.screen.query_one("#dash-rows", OptionList)
        index = next(
            i for i in range(rows.option_count) if str(rows.get_option_at_index(i).id) == "Z1#task"
        )
        rows.focus()
        rows.highlighted = index
        await pilot.press("enter")
        await until(pilot, lambda: app.detail.item_id == "Z1")
        assert app.query_one(ChecklistTree).current_item == "Z1"
