"""The workbook and comparison commands on broken input: a message, an exit code, nothing touched.

``assess import / export / compare / rollup`` are run as a user would, on files that are not
what they claim to be, folders, missing files, GBK-encoded JSON, a truncated workbook, a file
locked by another window, a full disk. Each must print a message naming the file on stderr
(no traceback), exit 2 (1 for a roll-up that skipped some files), and leave every file in
the folder byte-identical, with no new file or temp file left behind.
"""

from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from assess.cli import main
from assess.demo import build_demo
from assess.excel.layout import FIRST_DATA_ROW, HEADER_ROW
from assess.excel.report import export_report
from assess.resources import default_checklist
from assess.storage import AssessmentFile, save

REPO = Path(__file__).resolve().parents[1]
CORPUS = Path(__file__).parent / "hostile"
TODAY = dt.date(2026, 1, 15)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A user's folder: a good assessment and its workbook, next to broken look-alikes."""
    checklist = default_checklist()
    demo = build_demo(checklist, TODAY)
    save(tmp_path / "demo.json", demo)
    save(tmp_path / "demo.json", demo)  # so demo.json.bak exists too
    report = export_report(checklist, demo, tmp_path / "report.xlsx", today=TODAY)
    shutil.copy(CORPUS / "gbk.json", tmp_path / "gbk.json")
    shutil.copy(CORPUS / "truncated.json", tmp_path / "truncated.json")
    csv = "条目编号,落实状态\n1.1,已落实\n".encode("gbk")
    (tmp_path / "gbk.xlsx").write_bytes(csv)  # a GBK CSV renamed to .xlsx
    (tmp_path / "half.xlsx").write_bytes(report.read_bytes()[: report.stat().st_size // 2])
    (tmp_path / "empty.xlsx").write_bytes(b"")
    (tmp_path / "folder.xlsx").mkdir()
    (tmp_path / "sub").mkdir()
    return tmp_path


def snapshot(folder: Path) -> dict[str, bytes | None]:
    """Every file and folder, with its bytes: any change, new file or temp file shows."""
    return {
        str(p.relative_to(folder)): None if p.is_dir() else p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if not p.name.endswith(".lock")
    }


def run(folder: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    cwd = Path.cwd()
    os.chdir(folder)
    try:
        code = main(list(args))
    finally:
        os.chdir(cwd)
    out, err = capsys.readouterr()
    return code, out, err


BROKEN = [
    # (command, file the message must name, words it must contain)
    (["import", "gbk.xlsx", "--into", "demo.json"], "gbk.xlsx", "不是 .xlsx"),
    (["import", "half.xlsx", "--into", "demo.json"], "half.xlsx", ".xlsx"),
    (["import", "empty.xlsx", "--into", "demo.json"], "empty.xlsx", "不是 .xlsx"),
    (["import", "folder.xlsx", "--into", "demo.json"], "folder.xlsx", "文件夹"),
    (["import", "missing.xlsx", "--into", "demo.json"], "missing.xlsx", "不存在"),
    (["import", "demo.json", "--into", "demo.json"], "demo.json", "不是 .xlsx"),
    (["import", "report.xlsx", "--into", "gbk.json"], "gbk.json", "UTF-8"),
    (["import", "report.xlsx", "--into", "truncated.json"], "truncated.json", "JSON"),
    (["import", "report.xlsx", "--into", "sub"], "sub", "文件夹"),
    (["import", "report.xlsx", "--into", "missing.json"], "missing.json", "不存在"),
    (["import", "report.xlsx", "--into", "demo.json", "--dry-run"], "", ""),  # control: works
    (["import", "gbk.xlsx", "-o", "new.json"], "gbk.xlsx", "不是 .xlsx"),
    (["import", "report.xlsx", "-o", "demo.json"], "demo.json", "已存在"),
    (["export", "gbk.json", "-o", "out.xlsx"], "gbk.json", "UTF-8"),
    (["export", "truncated.json", "-o", "out.xlsx"], "truncated.json", "JSON"),
    (["export", "sub", "-o", "out.xlsx"], "sub", "文件夹"),
    (["export", "missing.json", "-o", "out.xlsx"], "missing.json", "不存在"),
    (["export", "demo.json", "-o", "report.xlsx"], "report.xlsx", "已存在"),
    (["export", "demo.json", "-o", "out.csv"], "out.csv", ".xlsx"),
    (["export", "demo.json", "-o", "no-such-folder/out.xlsx"], "out.xlsx", "保存失败"),
    (["compare", "demo.json", "gbk.json"], "gbk.json", "UTF-8"),
    (["compare", "truncated.json", "demo.json"], "truncated.json", "JSON"),
    (["compare", "report.xlsx", "demo.json"], "report.xlsx", "assess import"),
    (["compare", "demo.json", "sub"], "sub", "文件夹"),
    (["compare", "demo.json", "missing.json", "-o", "c.xlsx"], "missing.json", "不存在"),
    (["rollup", "gbk.json", "truncated.json", "sub", "missing.json"], "gbk.json", "没有可以汇总"),
]


@pytest.mark.parametrize(("args", "named", "words"), BROKEN, ids=[" ".join(b[0]) for b in BROKEN])
def test_broken_input_is_a_message_and_changes_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str], args: list[str], named: str, words: str
) -> None:
    before = snapshot(folder)
    code, out, err = run(folder, capsys, *args)
    assert snapshot(folder) == before
    if not named:  # the control case: the same files work when used as meant
        assert code == 0, err
        return
    assert code == 2, (out, err)
    assert "错误：" in err and named in err and words in err, err
    assert "Traceback" not in err + out


def test_rollup_skips_each_broken_input_with_its_reason(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(folder)
    inputs = ["demo.json", "gbk.json", "truncated.json", "report.xlsx", "sub", "missing.json"]
    code, out, err = run(folder, capsys, "rollup", *inputs)
    assert code == 1, err
    assert snapshot(folder) == before
    skipped = out[out.index("未计入的文件") :]
    for name, words in [
        ("gbk.json", "UTF-8"),
        ("truncated.json", "JSON"),
        ("report.xlsx", "assess import"),
        ("sub", ".json"),
        ("missing.json", "不存在"),
    ]:
        line = next(line for line in skipped.splitlines() if line.strip().startswith(name))
        assert words in line, line
    assert "示例经济技术开发区" in out  # the good file is still summed up


def test_import_into_a_file_open_in_another_window_changes_nothing(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = snapshot(folder)
    with AssessmentFile(folder / "demo.json"):
        code, _, err = run(folder, capsys, "import", "report.xlsx", "--into", "demo.json")
    assert code == 2 and "另一个程序" in err and "demo.json" in err
    assert snapshot(folder) == before


def test_full_disk_during_import_keeps_file_and_backup(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workbook that changes something, then ENOSPC while saving: the old file stays."""
    from openpyxl import load_workbook

    wb = load_workbook(folder / "report.xlsx")
    ws = wb["逐项对标"]
    gap = [c.value for c in ws[HEADER_ROW]].index("差距") + 1
    ws.cell(FIRST_DATA_ROW, gap).value = "新的差距说明"
    wb.save(folder / "report.xlsx")
    before = snapshot(folder)

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    code, out, err = run(folder, capsys, "import", "report.xlsx", "--into", "demo.json")
    assert code == 2, (out, err)
    assert "保存失败" in err and "原文件未改动" in err
    assert snapshot(folder) == before  # demo.json and demo.json.bak as they were


def test_full_disk_during_forced_export_keeps_the_old_workbook(
    folder: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(folder)

    def full_disk(fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full_disk)
    code, _, err = run(folder, capsys, "export", "demo.json", "-o", "report.xlsx", "--force")
    assert code == 2 and "report.xlsx" in err and "保存失败" in err
    assert snapshot(folder) == before


@pytest.mark.parametrize(
    "args",
    [
        ["import", "gbk.xlsx", "--into", "demo.json"],
        ["export", "gbk.json", "-o", "x.xlsx"],
        ["compare", "report.xlsx", "sub"],
        ["rollup", "sub"],
    ],
)
def test_real_process_prints_no_traceback(folder: Path, args: list[str]) -> None:
    """The same through a real process: stderr is one message, not Python's internals."""
    before = snapshot(folder)
    result = subprocess.run(
        [sys.executable, "-m", "assess", *args],
        capture_output=True, text=True, encoding="utf-8", cwd=folder, timeout=60,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    )  # fmt: skip
    assert result.returncode == 2
    assert "错误：" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(folder) == before
