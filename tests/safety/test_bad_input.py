"""Issue 11.4, 5, 10–13: files that load wrong, crash, hang or flood; each a message, exit 2.

Every case is run as a user runs it (``validate``, ``summary``, ``new --from``, ``import
--into``, ``open``): a message on stderr, exit 2, no traceback, and the file byte-identical.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from assess.cli import main
from assess.demo import build_demo
from assess.editing import Editor
from assess.errors import LoadError, SaveError
from assess.excel.report import export_report
from assess.resources import default_checklist
from assess.storage import AssessmentFile, load, save

REPO = Path(__file__).resolve().parents[2]
MINIMAL = REPO / "tests" / "hostile" / "valid-minimal.json"


def minimal() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(MINIMAL.read_text(encoding="utf-8"))
    return data


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def assert_refused(
    capsys: pytest.CaptureFixture[str], path: Path, words: str, tmp_path: Path
) -> None:
    """Every command that reads ``path`` says ``words`` and exits 2; the file is untouched."""
    before = path.read_bytes()
    workbook = tmp_path / "book.xlsx"
    if not workbook.exists():
        export_report(default_checklist(), build_demo(default_checklist()), workbook)
    commands: list[list[str | Path]] = [
        ["validate", path],
        ["summary", path],
        ["new", "--period", "2026年上半年", "--from", path, "-o", tmp_path / "next.json"],
        ["import", workbook, "--into", path],
        ["export", path, "-o", tmp_path / "out.xlsx"],
    ]
    for command in commands:
        code, out, err = run(capsys, *command)
        assert code == 2, (command, out, err)
        assert words in err, (command, err)
        assert "Traceback" not in err
        assert path.read_bytes() == before
    assert not (tmp_path / "next.json").exists()
    with pytest.raises(LoadError, match=words):
        from assess.tui.app import open_app

        open_app(path)
    assert path.read_bytes() == before


def write(tmp_path: Path, text: str, name: str = "评估.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# 5. duplicate keys ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '{"period": "甲", "period": "乙", ' + MINIMAL.read_text(encoding="utf-8").strip()[1:],
        MINIMAL.read_text(encoding="utf-8").replace(
            '"status": "done",', '"status": "done", "status": "not_started",'
        ),
    ],
    ids=["top-level", "in-an-item"],
)
def test_duplicate_keys_are_refused_not_silently_dropped(
    text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert_refused(capsys, write(tmp_path, text), "出现了两次", tmp_path)


# 10. numbers, version digits, lone surrogates ---------------------------------------------


def test_an_integer_of_5000_digits_is_a_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        '"schema_version": 1', '"schema_version": 1' + "0" * 5000
    )
    assert_refused(capsys, write(tmp_path, text), "位数过多", tmp_path)


@pytest.mark.parametrize("version", ["1.²", "１.0.0", "1.0.0\u0663"])
def test_a_version_with_non_ascii_digits_is_a_message(
    version: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = minimal()
    data["checklist"]["version"] = version
    path = write(tmp_path, json.dumps(data, ensure_ascii=False))
    assert_refused(capsys, path, "清单版本号", tmp_path)


@pytest.mark.parametrize("escape", ["\\ud800", "\\udc00", "x\\ud83dy"])
def test_a_lone_surrogate_is_refused_at_load_not_at_the_first_save(
    escape: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = minimal()
    data["zone"]["name"] = "@@"
    path = write(tmp_path, json.dumps(data, ensure_ascii=False).replace("@@", escape))
    assert_refused(capsys, path, "代理字符", tmp_path)


def test_a_surrogate_pair_and_an_escaped_backslash_still_load(tmp_path: Path) -> None:
    data = minimal()
    data["zone"]["name"] = "@@"
    text = json.dumps(data, ensure_ascii=False).replace("@@", "\\ud83d\\ude00 \\\\ud800")
    loaded = load(write(tmp_path, text), default_checklist())
    assert loaded.assessment.zone.name == "😀 \\ud800"


# 11. not regular files --------------------------------------------------------------------


def run_cli(*args: str | Path, timeout: float = 30) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "assess", *map(str, args)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=REPO,
        timeout=timeout,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_a_fifo_is_a_message_not_a_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    book = tmp_path / "pipe.xlsx"
    os.mkfifo(book)
    good = tmp_path / "good.json"
    save(good, build_demo(default_checklist()))
    before = good.read_bytes()
    for args in (
        ["validate", fifo],
        ["summary", fifo],
        ["import", tmp_path / "none.xlsx", "--into", fifo],
        ["import", book, "--into", good],
        ["compare", fifo, good],
    ):
        result = run_cli(*args)  # the old code blocked here forever (TimeoutExpired)
        assert result.returncode == 2, (args, result.stderr)
        assert "普通文件" in result.stderr or "不存在" in result.stderr
        assert "Traceback" not in result.stderr
    assert good.read_bytes() == before


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_an_endless_device_is_not_read_until_memory_runs_out(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device}")
    result = run_cli("validate", device)
    assert result.returncode == 2
    assert "普通文件" in result.stderr
    assert "Traceback" not in result.stderr


# 12. time and memory within the size cap ----------------------------------------------------


def test_100k_evidence_entries_load_in_linear_time(tmp_path: Path) -> None:
    data = minimal()
    data["evidence"] = [{"id": f"E{i}", "title": f"材料{i}"} for i in range(1, 100_001)]
    path = write(tmp_path, json.dumps(data, ensure_ascii=False))
    started = time.perf_counter()
    loaded = load(path, default_checklist())
    assert len(loaded.assessment.evidence) == 100_000
    assert time.perf_counter() - started < 20  # the quadratic check took more than 90 s


def test_duplicate_evidence_among_100k_is_named_quickly(tmp_path: Path) -> None:
    data = minimal()
    data["evidence"] = [{"id": f"E{i % 99_999}", "title": "材料"} for i in range(100_000)]
    path = write(tmp_path, json.dumps(data, ensure_ascii=False))
    started = time.perf_counter()
    with pytest.raises(LoadError, match="duplicate evidence ID"):
        load(path, default_checklist())
    assert time.perf_counter() - started < 20


def _limit_memory() -> None:  # pragma: no cover - runs in the child
    cap = 1536 * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


@pytest.mark.parametrize(
    "flood",
    [
        lambda d: d.update({f"x{i}": 0 for i in range(2_000_000)}),
        lambda d: d["items"]["7.6"].update({f"x{i}": 0 for i in range(2_000_000)}),
        lambda d: d["items"].update({f"99.{i}": {} for i in range(1_000_000)}),
    ],
    ids=["unknown-top-level-keys", "unknown-record-keys", "unknown-items"],
)
def test_millions_of_bad_keys_are_counted_in_bounded_memory(
    flood: Callable[[dict[str, Any]], None], tmp_path: Path
) -> None:
    data = minimal()
    flood(data)
    path = write(tmp_path, json.dumps(data, ensure_ascii=False))
    result = subprocess.run(
        [sys.executable, "-m", "assess", "validate", str(path)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        preexec_fn=_limit_memory,
    )
    assert result.returncode == 2, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    assert len(result.stderr) < 2000  # counted, not a million names


def test_deep_nesting_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = minimal()
    data["items"]["7.6"]["figures"] = json.loads("[" * 70 + "]" * 70)
    assert_refused(capsys, write(tmp_path, json.dumps(data)), "嵌套过深", tmp_path)


# 4. never write a file the loader refuses --------------------------------------------------


def test_three_edits_of_a_12mb_field_give_a_file_that_opens(tmp_path: Path) -> None:
    checklist = default_checklist()
    path = tmp_path / "评估.json"
    save(path, build_demo(checklist))
    with AssessmentFile(path) as handle:
        assessment = handle.load(checklist).assessment
        editor = Editor(assessment)
        for letter in "甲乙丙":
            editor.set_text("1.1", "current", letter * (4 * 1024 * 1024))  # 12 MB of UTF-8
            handle.save(assessment)
    reloaded = load(path, checklist).assessment
    assert reloaded.items["1.1"].current == "丙" * (4 * 1024 * 1024)
    assert path.stat().st_size < 20 * 1024 * 1024
    last = reloaded.history[-1]
    assert len(last.old) < 3000 and "sha256" in last.old and str(4 * 1024 * 1024) in last.old


def test_a_save_the_loader_would_refuse_is_not_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    checklist = default_checklist()
    path = tmp_path / "评估.json"
    save(path, build_demo(checklist))
    before = path.read_bytes()
    monkeypatch.setattr("assess.storage.MAX_FILE_BYTES", len(before) + 10)
    with AssessmentFile(path) as handle:
        assessment = handle.load(checklist).assessment
        Editor(assessment).set_text("1.1", "note", "长" * 1000)
        with pytest.raises(SaveError, match="上限"):
            handle.save(assessment)
    assert path.read_bytes() == before


# 13. control characters --------------------------------------------------------------------

ESCAPES = "\x1b[2J\x1b]0;pwned\x07\x1b[31m\u202e\r"


def test_summary_and_validate_show_control_characters_instead_of_sending_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = build_demo(default_checklist())
    demo.zone.name = f"示例{ESCAPES}经开区"
    demo.period = f"2025{ESCAPES}"
    for record in demo.items.values():  # overdue actions are named in validate's warnings
        for action in record.actions:
            action.text = f"{ESCAPES}{action.text}"
    path = tmp_path / f"评估{ESCAPES.replace(chr(0x202E), '')}.json"
    save(path, demo)
    for command in ("summary", "validate"):
        code, out, err = run(capsys, command, path)
        assert code in (0, 1)
        for text in (out, err):
            assert not any(c in text for c in "\x1b\x07\u202e\r"), command
        assert "\\x1b[2J" in out
    data = json.loads(path.read_text(encoding="utf-8"))
    data["zone"]["province"] = ESCAPES
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, out, err = run(capsys, "validate", path)
    assert code == 2
    assert "\x1b" not in err and "\\x1b" in err
