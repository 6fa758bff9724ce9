"""``assess report`` as a user runs it: default name, no silent overwrite, clear errors."""

from __future__ import annotations

from pathlib import Path

import docx

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
