"""``assess report`` as a user runs it: default name, no silent overwrite, clear errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import docx
from openpyxl import load_workbook

from assess.models import Assessment
from assess.storage import save
from tests.conftest import run_cli


def test_report_writes_next_to_the_file_and_refuses_to_overwrite(
    tmp_path: Path, demo: Assessment
) -> None:
    source = tmp_path / "demo.json"
    save(source, demo)
    result = run_cli("report", source)
    assert result.returncode == 0, result.stderr
    written = tmp_path / "示例经济技术开发区-2026年上半年-自评报告.docx"
    assert docx.Document(str(written)).paragraphs[0].text.startswith("示例经济技术开发区")
    again = run_cli("report", source)
    assert again.returncode == 2
    assert "--force" in again.stderr
    assert run_cli("report", source, "--force").returncode == 0
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp left


def test_report_in_english_to_a_named_output(tmp_path: Path, demo: Assessment) -> None:
    source = tmp_path / "demo.json"
    save(source, demo)
    out = tmp_path / "report.docx"
    assert run_cli("report", source, "--lang", "en", "-o", out).returncode == 0
    assert docx.Document(str(out)).paragraphs[0].text.startswith("Self-Assessment Report of")


def test_report_errors_are_messages_with_exit_2(tmp_path: Path, demo: Assessment) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    result = run_cli("report", bad)
    assert result.returncode == 2
    assert result.stderr.startswith("错误：") and "Traceback" not in result.stderr
    source = tmp_path / "demo.json"
    save(source, demo)
    wrong = run_cli("report", source, "-o", tmp_path / "r.pdf")
    assert wrong.returncode == 2 and ".docx" in wrong.stderr
    assert not (tmp_path / "r.pdf").exists()


def test_the_final_report_and_cover_carry_the_approval(tmp_path: Path) -> None:
    """submit → approve with an opinion → finalize: the signed documents still show it."""
    path = tmp_path / "rv.json"
    assert run_cli("demo", "-o", path).returncode == 0
    for step, who, opinion in (
        ("submit", "李科长", ""),
        ("approve", "王主任", "同意上报"),
        ("finalize", "张书记", ""),
    ):
        result = run_cli("review", path, step, "--who", who, "--opinion", opinion)
        assert result.returncode == 0, result.stderr
    report, book = tmp_path / "rv.docx", tmp_path / "rv.xlsx"
    assert run_cli("report", path, "-o", report).returncode == 0
    assert run_cli("export", path, "-o", book).returncode == 0
    paragraphs = docx.Document(str(report)).paragraphs
    sign_off = [p.text for p in paragraphs if p.style is not None and p.style.name == "Sign-off"]
    day = date.fromisoformat(json.loads(path.read_text(encoding="utf-8"))["review"]["at"][:10])
    assert sign_off[-6:] == [
        "审核状态：定稿",
        "审核人：王主任",
        "审核意见：同意上报",
        "单位负责人（签字）：" + "　" * 8,
        f"日期：{day.year}年{day.month}月{day.day}日",
        f"定稿人：张书记（{day.year}年{day.month}月{day.day}日）",
    ]
    cover = {
        row[0]: row[1] for row in load_workbook(book)["封面"].iter_rows(values_only=True) if row[0]
    }
    assert cover["审核状态"] == "定稿"
    assert cover["审核人"] == f"王主任 {day.isoformat()}"
    assert cover["审核意见"] == "同意上报"
    assert cover["定稿人"] == f"张书记 {day.isoformat()}"
