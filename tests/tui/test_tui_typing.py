"""Typing an item in few keys: jumps, one-key adds, status-and-next, undo that says what it
undid, focus that comes back, keys that are never silently lost, figures checked as numbers."""

from __future__ import annotations

from pathlib import Path

from textual import events
from textual.pilot import Pilot
from textual.widgets import DataTable, Input, Select
from tui_helpers import SIZE, notices, on_disk, until, until_saved

from assess.applicability import item_applies
from assess.models import Priority, Status
from assess.tui.app import AssessApp
from assess.tui.detail import FieldArea, FigureInput, ItemDetail
from assess.tui.keys import REGISTRY
from assess.tui.modals import ActionForm, CiteEvidence, EvidenceForm


async def at_item(app: AssessApp, pilot: Pilot[None], item_id: str) -> None:
    """Once the app has put the cursor on the first item, move it to ``item_id``."""
    tree = app.checklist_tree
    await until(pilot, lambda: app._started and tree.current_item == app.detail.item_id == "1.1")
    app.jump_to(item_id)
    await until(pilot, lambda: tree.current_item == app.detail.item_id == item_id)


async def chord(pilot: Pilot[None], key: str) -> None:
    """alt+<letter> as a terminal sends it: the letter with alt, so a field could type it."""
    pilot.app.post_message(events.Key(key, key.removeprefix("alt+")))
    await pilot.pause()


async def test_one_full_item_in_at_most_twelve_keys(app: AssessApp, demo_path: Path) -> None:
    """Status + explanation + one evidence + one action with lead, due and priority 高."""
    keys = 0
    async with app.run_test(size=SIZE) as pilot:
        await at_item(app, pilot, "1.3")  # nothing recorded in the demo

        async def key(*names: str) -> None:
            nonlocal keys
            keys += len(names)
            await pilot.press(*names)
            await pilot.pause()

        async def typed(text: str) -> None:
            await pilot.press(*text)

        await key("2")  # 推进中
        await key("e")  # into 进度
        await typed("已签约")
        await chord(pilot, "alt+n")  # new evidence, cited by this item
        keys += 1
        assert isinstance(app.screen, EvidenceForm)
        await typed("签约文件")
        await key("enter")
        assert app.focused is app.query_one("#explanation")  # back where the user was
        await chord(pilot, "alt+t")  # new action
        keys += 1
        assert isinstance(app.screen, ActionForm)
        await typed("建设平台")
        await key("tab")
        await typed("科创局")
        await key("tab", "tab")  # past 配合单位
        await typed("2026-06-30")
        await key("tab")  # 优先级
        await key("1")  # the first option: 高
        await key("ctrl+s")  # OK, from any field of the dialog
        await until_saved(pilot)
        record = on_disk(demo_path).items["1.3"]
    assert keys <= 12
    assert record.status is Status.IN_PROGRESS
    assert record.explanation.startswith("已签约")
    assert len(record.evidence) == 1
    (action,) = record.actions
    assert (action.text, action.lead, str(action.due), action.priority) == (
        "建设平台", "科创局", "2026-06-30", Priority.HIGH,
    )  # fmt: skip


async def test_status_and_next_sets_then_moves(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await at_item(app, pilot, "1.3")
        await pilot.press("number_sign")  # ⇧3: 未启动, then the next item
        await until(pilot, lambda: app.detail.item_id == "1.4")
        await pilot.press("fullwidth_exclamation_mark")  # what ⇧1 sends with a Chinese IME
        await until(pilot, lambda: app.detail.item_id == "1.5")
        assert app.checklist_tree.current_item == "1.5"
        await until_saved(pilot)
        items = on_disk(demo_path).items
    assert items["1.3"].status is Status.NOT_STARTED
    assert items["1.4"].status is Status.DONE


async def test_section_keys_jump_from_the_tree_and_from_a_field(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, target in (("e", "explanation"), ("s", "current")):
            await pilot.press("escape", key)
            assert app.focused is app.query_one(f"#{target}", FieldArea)
        await chord(pilot, "alt+v")  # from inside a text field: a chord, never text
        assert app.focused is app.query_one("#evidence-table", DataTable)
        await pilot.press("a")  # on a table, a plain letter is a key again
        assert app.focused is app.query_one("#actions-table", DataTable)
        assert "v" not in app.query_one("#current", FieldArea).text[:1]


async def test_one_key_cite_from_a_text_field(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await at_item(app, pilot, "1.3")
        await pilot.press("s")  # 现状
        await pilot.press("alt+r")
        assert isinstance(app.screen, CiteEvidence)
        await pilot.press("enter")  # the first record offered
        await pilot.pause()
        assert app.focused is app.query_one("#current")
        await until_saved(pilot)
    assert on_disk(demo_path).items["1.3"].evidence == ["E1"]


async def test_focus_returns_after_a_dialog_is_cancelled(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("e", "alt+t")
        assert isinstance(app.screen, ActionForm)
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused is app.query_one("#explanation")
        assert app.query_one("#explanation-label").has_class("-focused")


async def test_printable_key_on_a_button_shows_a_hint(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        before = demo_path.read_bytes()
        app.query_one("#act-add").focus()
        await pilot.press("x")  # the user thought a text field had the focus
        await pilot.pause()
        shown = notices(app)
        assert any("“x”" in n and "添加" in n for n in shown), shown
        assert app.screen is app.screen_stack[0]  # no export started
        app.query_one("#evidence-table").focus()
        await pilot.press("z")
        await pilot.pause()
        assert any("“z”" in notice and "佐证材料" in notice for notice in notices(app))
        app.query_one("#status").focus()
        await pilot.press("q")  # meant to quit: the drop-down is named, and the way back
        await pilot.pause()
        assert any("“q”" in n and "“状态”" in n and "Esc" in n for n in notices(app)), notices(app)
        assert demo_path.read_bytes() == before


async def test_digit_on_the_status_drop_down_picks_like_the_tree(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await at_item(app, pilot, "1.3")
        await pilot.press("enter")  # into the form, on the status drop-down
        assert app.focused is app.query_one("#status", Select)
        await pilot.press("4")
        await pilot.pause()
        assert app.session.record("1.3").status is Status.NOT_APPLICABLE
        assert str(app.query_one("#explanation-label").render()).split()[0] == "理由"


async def test_measure_status_from_its_node_in_one_undo_step(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        cl, zone = app.session.checklist, app.session.assessment.zone
        measure = next(m for m in cl.measures if m.number == 1)
        applicable = [i.id for i in measure.items if item_applies(i, zone)]
        before = {i: app.session.record(i).status for i in applicable}
        await pilot.press("left")  # the measure node of 1.1
        await pilot.press("3")
        await until_saved(pilot)
        after = on_disk(demo_path).items
        assert all(after[i].status is Status.NOT_STARTED for i in applicable)
        changed = sum(s is not Status.NOT_STARTED for s in before.values())
        assert any(f"{changed} 个条目" in n for n in notices(app))
        await pilot.press("ctrl+z")
        await until_saved(pilot)
        restored = on_disk(demo_path).items
    assert {i: restored[i].status for i in applicable} == before


async def test_undo_says_what_it_undid_and_redo_makes_it_again(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await at_item(app, pilot, "6.2")
        await pilot.press("3", "e")  # 未启动 asks for 原因
        await pilot.press(*"缺资金")
        await pilot.press("escape")
        app.query_one("#note", FieldArea).focus()
        await pilot.press(*"备忘")
        await pilot.press("escape")
        await pilot.press("ctrl+z")
        await pilot.pause()
        first = notices(app)[-1]
        assert first.startswith("已撤销") and "6.2 备注" in first and "备忘" in first
        await pilot.press("ctrl+z")
        await pilot.pause()
        second = notices(app)[-1]
        assert "6.2 原因" in second and "缺资金" in second and "（空）" in second
        await pilot.press("ctrl+y")
        await until_saved(pilot)
        assert notices(app)[-1].startswith("已重做") and "缺资金" in notices(app)[-1]
        record = on_disk(demo_path).items["6.2"]
    assert record.explanation == "缺资金"
    assert record.note == ""


async def test_inside_a_text_field_its_own_undo_comes_first(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        status = app.session.record("1.1").status
        await pilot.press("1")  # an app-level change to undo later
        area = app.query_one("#note", FieldArea)
        before = area.text
        area.focus()
        await until(pilot, lambda: app.focused is area)  # focus() is applied later
        await pilot.press(*"xy")
        await pilot.press("ctrl+z")  # the field's typing
        await pilot.pause()
        assert area.text == before
        assert app.session.record("1.1").status is Status.DONE
        await pilot.press("ctrl+z")  # nothing typed left: the app's undo
        await until(pilot, lambda: app.session.record("1.1").status is status)


async def test_whitespace_only_text_is_saved_as_empty(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        area = app.query_one("#note", FieldArea)
        area.focus()
        await until(pilot, lambda: app.focused is area)  # focus() is applied later
        area.clear()
        await pilot.press("space", "enter", "enter", "space")
        await pilot.press("escape")
        await until_saved(pilot)
    assert on_disk(demo_path).items["1.1"].note == ""


async def test_figures_are_checked_as_numbers_with_their_unit(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await at_item(app, pilot, "6.1")  # 实际使用外资（亿美元）
        indicator = app.session.checklist.item_index["6.1"].indicators[0]
        field = app.query_one("#figure-0", FigureInput)
        assert str(app.query_one("#figure-unit-0").render()) == f"（{indicator.unit}）"
        await pilot.press("i")  # the figures' jump key
        assert app.focused is field
        field.value = ""
        await pilot.press(*"约三亿", "enter")
        await pilot.pause()
        assert any("不是数字" in n and indicator.unit in n for n in notices(app))
        await until_saved(pilot)
        assert on_disk(demo_path).items["6.1"].figures[indicator.name] == "0.8"  # kept
        field.value = ""
        await pilot.press(*"1,234.5", "enter")
        await until_saved(pilot)
        assert on_disk(demo_path).items["6.1"].figures[indicator.name] == "1234.5"
        assert app.query_one("#figure-0", Input).value == "1234.5"


async def test_a_jump_to_a_section_the_item_lacks_says_so(app: AssessApp) -> None:
    """``i`` on an item without indicators did nothing, not even a word."""
    none = next(i.id for i in app.session.checklist.items if not i.indicators)
    async with app.run_test(size=SIZE) as pilot:
        await at_item(app, pilot, none)
        focused = app.focused
        await pilot.press("i")
        await until(pilot, lambda: any("没有“相关指标”" in n for n in notices(app)))
        assert app.focused is focused


async def test_every_registry_key_is_bound(app: AssessApp) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: bool(app.query(ItemDetail)))  # mounted after the first frame
        bound = {
            name
            for node in (app, app.checklist_tree, app.detail)
            for name in node._bindings.key_to_bindings
        }
        for key in REGISTRY:
            for name in filter(None, key.keys.split(",")):
                assert name in bound, key.id


async def test_a_jump_into_a_field_with_text_types_after_that_text(app: AssessApp) -> None:
    """``e`` into 1.1's filled 进度: the typing went before the recorded text."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        field = app.query_one("#explanation", FieldArea)
        await until(pilot, lambda: app.detail.item_id == "1.1" and bool(field.text))
        before = field.text
        await pilot.press("e", *"补充")
        assert field.text == before + "补充"


def test_a_figure_is_a_plain_number() -> None:
    from assess.tui.detail import parse_figure

    assert [parse_figure(v) for v in ("１２", "1,234.5", "-3", "0.8")] == [
        "12",
        "1234.5",
        "-3",
        "0.8",
    ]
    assert [
        parse_figure(v) for v in ("1e400", "2E3", "nan", "inf", "约三亿", "", "1_000", ".5")
    ] == [None] * 8


async def test_inside_a_text_field_the_footer_names_the_chords_that_work_there(
    app: AssessApp,
) -> None:
    """It said ``e 说明 n 佐证 t 举措`` in a field, where those letters are typed as text."""
    from textual.widgets._footer import FooterKey

    async with app.run_test(size=(160, 40)) as pilot:
        await until(pilot, lambda: app.detail.ready)

        def keys() -> set[str]:
            return {k.key_display for k in app.query(FooterKey)}

        await until(pilot, lambda: {"e", "n", "t"} <= keys())
        await pilot.press("e")
        await until(pilot, lambda: {"alt+e", "alt+n", "alt+t"} <= keys())
        assert not {"e", "n", "t"} & keys()
        await pilot.press("escape")
        await until(pilot, lambda: {"e", "n", "t"} <= keys())
