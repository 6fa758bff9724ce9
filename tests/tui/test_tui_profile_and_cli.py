"""Profile changes re-decide applicability; the CLI refuses locked or broken files."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Select, Switch
from tui_helpers import SIZE, TODAY, on_disk, until, until_saved

from assess import userdata
from assess.cli import main, tui_commands
from assess.errors import LockedError
from assess.storage import AssessmentFile
from assess.tui.app import AssessApp, open_app
from assess.tui.glyphs import NOT_FOR_ZONE
from assess.tui.profile import ProfileScreen
from assess.tui.tree import ChecklistTree


async def test_hub_switch_makes_item_applicable_and_is_saved(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        tree = app.query_one(ChecklistTree)
        assert NOT_FOR_ZONE in str(tree.item_nodes["3.4"].label)
        overall_before = app.session.summary.overall
        await pilot.press("p")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        await pilot.click("#hub")
        await pilot.pause()
        await until_saved(pilot)
        assert app.screen.query_one("#hub", Switch).value
        saved = on_disk(demo_path)
        assert saved.zone.hub
        assert saved.history[-1].field == "zone.hub"
        await pilot.press("escape")
        await pilot.pause()
        assert NOT_FOR_ZONE not in str(tree.item_nodes["3.4"].label)
        # 3.4 is 未启动 in the demo: now it counts, so the score drops
        overall = app.session.summary.overall
        assert overall.applicable == overall_before.applicable + 1
        assert overall.value is not None and overall_before.value is not None
        assert overall.value < overall_before.value


async def test_province_change_shows_region_and_rescores(app: AssessApp, demo_path: Path) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        app.screen.query_one("#province", Select).value = "江苏"
        await pilot.pause()
        await until_saved(pilot)
        assert "东部" in str(app.screen.query_one("#region").render())
        saved = on_disk(demo_path)
        assert saved.zone.province == "江苏"
        # 5.3 is only for central, western and north-eastern zones
        assert NOT_FOR_ZONE in str(app.query_one(ChecklistTree).item_nodes["5.3"].label)


async def test_period_and_name_edits_are_saved_and_empty_name_refused(
    app: AssessApp, demo_path: Path
) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        period = app.screen.query_one("#period", Input)
        period.focus()
        period.value = "2026年上半年"
        await pilot.press("enter")
        name = app.screen.query_one("#name", Input)
        name.focus()
        name.value = ""
        await pilot.press("enter")
        await pilot.pause()
        await until_saved(pilot)
        saved = on_disk(demo_path)
        assert saved.period == "2026年上半年"
        assert saved.zone.name == "示例经济技术开发区"
        assert "2026年上半年" in str(app.query_one("#zone-line").render())


def test_second_window_is_refused(demo_path: Path) -> None:
    first = open_app(demo_path, today=TODAY)
    try:
        with pytest.raises(LockedError):
            open_app(demo_path, today=TODAY)
    finally:
        first.session.close()


def test_cli_open_locked_file_exits_2_with_message(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with AssessmentFile(demo_path):
        assert main(["open", str(demo_path)]) == 2
    err = capsys.readouterr().err
    assert str(demo_path) in err and "Traceback" not in err


def test_cli_open_broken_file_exits_2_with_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{not json", encoding="utf-8")
    assert main(["open", str(path)]) == 2
    err = capsys.readouterr().err
    assert "JSON" in err and "Traceback" not in err
    # the lock taken for loading is released again
    with AssessmentFile(path):
        pass


def test_demo_copy_lives_in_the_data_folder_and_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    path = tui_commands.demo_copy()
    assert path == tmp_path / "data" / "assess" / "demo.json"
    path.write_text(path.read_text(encoding="utf-8").replace("示例评估组", "我的评估组"))
    assert tui_commands.demo_copy() == path
    assert "我的评估组" in path.read_text(encoding="utf-8")  # never overwritten


def test_a_damaged_demo_copy_says_to_delete_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``assess`` alone on a broken demo copy: mending its JSON is not the user's job."""
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    path = tui_commands.demo_copy()
    path.write_text("{", encoding="utf-8")
    assert main([]) == 2
    err = capsys.readouterr().err
    assert "删除" in err and str(path) in err and "Traceback" not in err


def test_data_folder_per_platform(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("APPDATA", str(tmp_path / "roaming"))
    monkeypatch.setattr("sys.platform", "win32")
    assert userdata.user_data_dir() == tmp_path / "roaming" / "assess"
    monkeypatch.setattr("sys.platform", "darwin")
    assert userdata.user_data_dir().parts[-3:] == ("Library", "Application Support", "assess")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setattr("sys.platform", "linux")
    assert userdata.user_data_dir().parts[-3:] == (".local", "share", "assess")


def test_no_command_opens_the_demo_copy_in_the_chosen_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[Path, str, Path | None]] = []
    monkeypatch.setattr(tui_commands, "demo_copy", lambda lang: tmp_path / "demo.json")
    monkeypatch.setattr(
        tui_commands,
        "open_tui",
        lambda p, lang, export_folder=None: opened.append((p, lang, export_folder)) or 0,
    )
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    assert main(["--lang", "en"]) == 0
    assert main([]) == 0
    # the demo's workbooks go where the user started assess, not into the hidden data folder
    demo = tmp_path / "demo.json"
    assert opened == [(demo, "en", work), (demo, "zh", work)]


async def test_export_writes_workbook_next_to_the_file_without_overwriting(
    app: AssessApp, demo_path: Path
) -> None:
    from openpyxl import load_workbook

    from assess.excel.report import default_report_name

    expected = demo_path.parent / default_report_name(app.session.assessment)
    expected.write_bytes(b"an earlier export the user edited")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await until_saved(pilot)
        await pilot.pause()
    assert expected.read_bytes() == b"an earlier export the user edited"
    second = expected.with_name(f"{expected.stem}-2{expected.suffix}")
    book = load_workbook(second)
    assert "逐项对标" in book.sheetnames


async def test_export_goes_to_the_folder_asked_for_and_is_listed(
    app: AssessApp, demo_path: Path, tmp_path: Path
) -> None:
    from assess.excel.report import default_report_name

    work = tmp_path / "started-here"
    work.mkdir()
    app.export_folder = work
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await until(pilot, lambda: bool(app.exported))
    written = work / default_report_name(app.session.assessment)
    assert app.exported == [written] and written.exists()
    assert not (demo_path.parent / written.name).exists()


async def test_compare_loads_other_file_or_tells_why_not(
    app: AssessApp, demo_path: Path, tmp_path: Path
) -> None:
    from assess.tui.compare_screen import CompareScreen
    from assess.tui.modals import PathPrompt

    other = demo_path.parent / "other.json"
    other.write_bytes(demo_path.read_bytes())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, PathPrompt)
        await pilot.press(*"missing.json", "enter")  # typed after the prefilled folder
        await pilot.pause()
        # the dialog stays, with the reason, so the next keys still edit the path
        assert isinstance(app.screen, PathPrompt)
        assert "missing.json" in str(app.screen.query_one("#form-error").render())
        await pilot.press(*["backspace"] * len("missing.json"), *demo_path.name, "enter")
        await pilot.pause()
        assert isinstance(app.screen, PathPrompt)  # the file open now: every row 未变
        assert "当前打开的文件" in str(app.screen.query_one("#form-error").render())
        status_before = app.session.assessment.items["1.1"].status
        await pilot.press(*["backspace"] * len(demo_path.name), *"1234", *["backspace"] * 4)
        await pilot.press(*other.name, "enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.session.assessment.items["1.1"].status is status_before
        assert app.screen.a.zone.name == app.session.assessment.zone.name


async def test_compare_puts_the_earlier_file_first_and_s_swaps(
    app: AssessApp, demo_path: Path
) -> None:
    """Opened from last period's window, the next period's file is B, so 改善 means better;
    ``s`` swaps A and B, and 改善 and 退步 with them."""
    import datetime as dt

    from assess.compare import ChangeClass
    from assess.editing import Editor
    from assess.models import Status
    from assess.storage import load, save
    from assess.tui.compare_screen import CompareScreen

    later = load(demo_path, app.session.checklist).assessment
    # made later, and written without a UTC offset (a hand-made file): still put in order
    later.period = "下一期"
    later.created = (later.created + dt.timedelta(days=180)).replace(tzinfo=None)
    Editor(later, who="t").set_status("1.1", Status.DONE)  # 推进中 before: 改善
    save(demo_path.with_name("next.json"), later)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("c", *"next.json", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        assert (screen.a.period, screen.b.period) == (app.session.assessment.period, "下一期")
        improved = screen.comparison.counts[ChangeClass.IMPROVED]
        assert improved >= 1
        await pilot.press("s")
        assert screen.b.period == app.session.assessment.period
        assert screen.comparison.counts[ChangeClass.REGRESSED] == improved


async def test_profile_switches_say_their_state_in_words(app: AssessApp) -> None:
    from textual.widgets import Label, Switch

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        label = app.screen.query_one("#hub-label", Label)
        assert str(label.render()).endswith("否")
        app.screen.query_one("#hub", Switch).value = True
        await pilot.pause()
        assert str(label.render()).endswith("是")
        assert app.session.assessment.zone.hub is True


async def test_profile_defines_attributes_and_names_a_broken_rule(
    app: AssessApp, demo_path: Path
) -> None:
    """The demo is in 广西: 沿边 is fine there, a hub start-up area is not (issue 12)."""
    from assess.texts import Texts
    from assess.texts.profile import DEFINITIONS
    from assess.tui.prose import Prose

    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        await pilot.pause()
        shown = [p.content.plain for p in app.screen.query(Prose)]
        for entry in DEFINITIONS.values():
            assert Texts()(entry) in shown
        assert not [n for n in app._notifications if "规则" in n.message]
        app.screen.query_one("#hub", Switch).value = True
        await pilot.pause()
        await until_saved(pilot)
        messages = [n.message for n in app._notifications]
        assert any("西部枢纽节点起步区仅在" in m and "广西" in m for m in messages), messages
        assert on_disk(demo_path).zone.hub  # kept: the user may be fixing the province next
