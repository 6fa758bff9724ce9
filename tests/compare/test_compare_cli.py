"""`assess compare` and `assess rollup` end to end, through a subprocess, as a user runs them."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assess.cli.compare_commands import ProgressLine
from assess.compare import ChangeClass
from assess.demo import build_demo
from assess.editing import Editor
from assess.excel.compare_book import CHANGE_FILLS
from assess.lang import Lang
from assess.lifecycle import roll_forward
from assess.models import Status
from assess.resources import default_checklist
from assess.storage import save
from assess.texts import Texts
from tests.compare.builders import stamp
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def periods(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The demo zone in two periods: one item improved, one regressed, hostile text in B."""
    cl = default_checklist()
    folder = tmp_path_factory.mktemp("periods")
    a = build_demo(cl, dt.date(2025, 12, 1))
    a.updated = stamp(dt.date(2025, 12, 1))
    b = roll_forward(a, cl, period="2026年上半年")
    editor = Editor(b, "测试")
    editor.set_status("1.1", Status.DONE)
    editor.set_text("1.1", "explanation", "中试基地已投用")
    regressed = next(i.id for i in cl.items if a.items[i.id].status is Status.DONE)
    editor.set_status(regressed, Status.NOT_STARTED)
    new = editor.add_evidence('=HYPERLINK("http://evil")')
    editor.set_item_evidence("1.1", [*b.items["1.1"].evidence, new.id])
    b.assessor = "@SUM(1)"
    b.updated = stamp(dt.date(2026, 6, 30))
    save(folder / "a.json", a)
    save(folder / "b.json", b)
    return folder / "a.json", folder / "b.json"


def test_compare_prints_table_and_writes_workbook(
    periods: tuple[Path, Path], tmp_path: Path
) -> None:
    a, b = periods
    out = tmp_path / "对比.xlsx"
    result = run_cli("compare", a, b, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "对比 A → B" in result.stdout and "改善 1" in result.stdout and "退步 1" in result.stdout
    assert "新增佐证：=HYPERLINK" in result.stdout
    wb = load_workbook(out)
    assert wb.sheetnames == ["对比总览", "逐项对比", "变化清单", "到期举措"]
    overview = wb["对比总览"]
    assessor = next(
        row for row in overview.iter_rows(min_row=3, max_row=12) if row[0].value == "评估人"
    )
    assert assessor[2].value == "@SUM(1)" and assessor[2].data_type == "s"
    assert len(overview._charts) == 1
    chart = overview._charts[0]
    assert len(chart.series) == 2
    items = wb["逐项对比"]
    assert items.max_row == 2 + 81
    assert items.print_title_rows == "$2:$2"
    rows = {items.cell(r, 2).value: r for r in range(3, items.max_row + 1)}
    r11 = rows["1.1"]
    assert items.cell(r11, 6).value == "推进中" and items.cell(r11, 7).value == "已落实"
    assert items.cell(r11, 8).value == "改善"
    assert items.cell(r11, 8).fill.fgColor.rgb.endswith(CHANGE_FILLS[ChangeClass.IMPROVED])
    assert "新增佐证：=HYPERLINK" in items.cell(r11, 9).value
    changes = wb["变化清单"]
    listed = [changes.cell(r, 8).value for r in range(3, changes.max_row + 1)]
    assert "退步" in listed and "改善" in listed
    assert changes.max_row - 2 < 81
    regress_row = next(
        r for r in range(3, changes.max_row + 1) if changes.cell(r, 8).value == "退步"
    )
    assert changes.cell(regress_row, 8).fill.fgColor.rgb.endswith(
        CHANGE_FILLS[ChangeClass.REGRESSED]
    )


def test_compare_in_english(periods: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "compare.xlsx"
    result = run_cli("compare", *periods, "-o", out, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Comparison A → B" in result.stdout
    assert Texts(Lang.EN).label(ChangeClass.IMPROVED) in result.stdout
    assert load_workbook(out).sheetnames == ["Overview", "Item by item", "Changes", "Due actions"]
    area = "2. Developing new quality productive forces according to local conditions"
    assert "\n2. Developing new quality" in result.stdout and "Part " not in result.stdout
    overview = load_workbook(out)["Overview"]
    names = [c.value for row in overview.iter_rows() for c in row if isinstance(c.value, str)]
    assert area in names and not any(name.startswith("Part ") for name in names)
    summary = run_cli("summary", periods[1], "--lang", "en")
    assert "\n2. Developing new quality" in summary.stdout and "Part " not in summary.stdout


def test_compare_refuses_to_overwrite_and_reports_bad_files(
    periods: tuple[Path, Path], tmp_path: Path
) -> None:
    out = tmp_path / "x.xlsx"
    out.write_bytes(b"keep me")
    result = run_cli("compare", *periods, "-o", out)
    assert result.returncode == 2 and "--force" in result.stderr
    assert out.read_bytes() == b"keep me"
    assert run_cli("compare", *periods, "-o", out, "--force").returncode == 0
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema_version": 1', encoding="utf-8")
    result = run_cli("compare", periods[0], broken)
    assert result.returncode == 2
    assert "broken.json" in result.stderr and "Traceback" not in result.stderr


def test_compare_refuses_a_file_with_itself(periods: tuple[Path, Path]) -> None:
    """Every row would read 未变: a mistyped argument looks like a period with no progress."""
    a = periods[0]
    result = run_cli("compare", a, a.parent / ".." / a.parent.name / a.name)
    assert result.returncode == 2 and "同一个文件" in result.stderr and "a.json" in result.stderr
    assert "未变" not in result.stdout
    result = run_cli("compare", a, a, "--lang", "en")
    assert result.returncode == 2 and "the same file" in result.stderr


def test_rollup_skips_bad_files_shows_progress_and_writes_workbook(
    zone_dir: Path, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("not json", encoding="utf-8")
    out = tmp_path / "汇总.xlsx"
    result = run_cli("rollup", zone_dir, broken, tmp_path / "missing.json", "-o", out)
    assert result.returncode == 1, result.stderr  # some files skipped, workbook still written
    assert "汇总 232 个经开区" in result.stdout
    assert "未计入的文件 2 个" in result.stdout and "broken.json" in result.stdout
    assert "读取 50/233" in result.stderr and "读取 233/233" in result.stderr
    wb = load_workbook(out)
    assert wb["得分矩阵"].max_row == 2 + 232
    skipped = wb["未计入文件"]
    assert {skipped.cell(r, 2).value.rsplit("/", 1)[-1] for r in (3, 4)} == {
        "broken.json",
        "missing.json",
    }


def test_rollup_with_nothing_loadable_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    result = run_cli("rollup", tmp_path)
    assert result.returncode == 2
    assert "没有可以汇总的评估文件" in result.stderr and "a.json" in result.stderr


def test_rollup_all_good_exits_zero(periods: tuple[Path, Path]) -> None:
    result = run_cli("rollup", periods[1], "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Roll-up of 1 zone(s)" in result.stdout


def test_progress_rewrites_one_line_on_a_terminal() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    stream = Terminal()
    progress = ProgressLine(stream, Texts())
    for done in (1, 2, 3):
        progress(done, 3)
    assert stream.getvalue() == ("\r读取 1/3\r读取 2/3\r读取 3/3\n")


def test_rollup_of_two_periods_of_one_zone_is_not_a_failure(
    periods: tuple[Path, Path], tmp_path: Path
) -> None:
    """A province folder holds both half-years: the later is rolled up, the older listed apart."""
    result = run_cli("rollup", *periods)
    assert result.returncode == 0, result.stderr
    assert "本次汇总的评估期：2026年上半年" in result.stdout
    assert "其他评估期的文件 1 个（未计入排名和平均）" in result.stdout
    assert f"{periods[0]}：评估期为 2025年下半年" in result.stdout
    assert "未计入的文件" not in result.stdout
    broken = tmp_path / "broken.json"
    broken.write_text("not json", encoding="utf-8")
    assert run_cli("rollup", *periods, broken).returncode == 1


def test_rollup_ranks_only_the_period_asked_for(periods: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "汇总.xlsx"
    result = run_cli("rollup", *periods, "--period", "2025年下半年", "-o", out, "--lang", "en")
    assert result.returncode == 0, result.stderr
    assert "Roll-up of 1 zone(s)" in result.stdout
    assert "This roll-up is of the period 2025年下半年" in result.stdout
    assert f"{periods[1]}: its period is 2026年上半年" in result.stdout
    wb = load_workbook(out)
    assert wb["Score matrix"].cell(3, 5).value == "2025年下半年"
    assert wb["Ranking"].max_row == 3
    result = run_cli("rollup", *periods, "--period", "2030年")
    assert result.returncode == 2
    assert "没有可以汇总的评估文件" in result.stderr and "评估期为 2026年上半年" in result.stderr
