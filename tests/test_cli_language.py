"""One language per run: Chinese by default, English with ``--lang en`` before or after the command.

Every line a command prints (its report, its notes, its errors) is in that language; a word
of the other language in it is a sentence that bypassed the catalog.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from assess.cli import main
from assess.demo import build_demo
from assess.resources import default_checklist
from assess.storage import save

HAN = re.compile(r"[\u4e00-\u9fff]")
# English words that only a sentence of our own (never zone names or file text) would hold
ENGLISH = re.compile(r"\b(?:error|note|score|coverage|written|file|valid|warning)\b", re.I)


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    path = tmp_path / "demo.json"
    save(path, build_demo(default_checklist(), dt.date(2026, 1, 15)))
    return path


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def english_only(text: str, demo_words: tuple[str, ...] = ()) -> bool:
    """No Chinese in ``text`` once the demo's own data (zone, province, titles) is removed."""
    for word in demo_words:
        text = text.replace(word, "")
    return not HAN.search(text)


DEMO_DATA = ("示例经济技术开发区", "广西壮族自治区", "广西", "示例评估组")


@pytest.mark.parametrize("where", ["global", "command"])
def test_summary_in_english_either_way(
    demo: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    args = (
        ["--lang", "en", "summary", demo]
        if where == "global"
        else ["summary", demo, "--lang", "en"]
    )
    code, out, _ = run(capsys, *args)
    assert code == 0
    assert "Overall score" in out and "(1) " in out
    made = build_demo(default_checklist(), dt.date(2026, 1, 15))
    typed = (made.period, *(r.asked_of for r in made.items.values()))  # what the user wrote
    tasks = (t.title for t in made.zone_tasks)
    assert english_only(out, (*DEMO_DATA, *typed, *tasks)), out


def test_summary_in_chinese_by_default(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "summary", demo)
    assert code == 0 and "总体得分" in out and "（一）" in out
    assert not ENGLISH.search(out), out


def test_validate_in_each_language(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, zh, _ = run(capsys, "validate", demo)
    assert code == 1 and "质量提示" in zh and not ENGLISH.search(zh)
    code, en, _ = run(capsys, "--lang", "en", "validate", demo)
    assert code == 1 and "quality warning(s)" in en and "质量提示" not in en


def test_the_two_flags_must_agree(demo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--lang", "en", "summary", str(demo), "--lang", "zh"])
    assert info.value.code == 2
    assert "--lang" in capsys.readouterr().err
    assert main(["--lang", "en", "summary", str(demo), "--lang", "en"]) == 0


@pytest.mark.parametrize(
    ("lang", "expected", "absent"),
    [("zh", "错误：", "error"), ("en", "error: ", "错误")],
)
def test_errors_in_the_chosen_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str, expected: str, absent: str
) -> None:
    missing = tmp_path / "nope.json"
    code, _, err = run(capsys, "--lang", lang, "summary", missing)
    assert code == 2 and err.startswith(expected) and str(missing) in err
    assert absent not in err.replace(str(missing), "")


def test_new_speaks_english_when_asked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "new.json"
    code, stdout, _ = run(capsys, "--lang", "en", "new", "--zone", "苏州工业园区",
                          "--province", "江苏", "--period", "2025H2", "-o", out)  # fmt: skip
    assert code == 0 and stdout.startswith("created: ") and "items" in stdout
    assert english_only(stdout, ("苏州工业园区",))
    code, _, err = run(capsys, "--lang", "en", "new", "--zone", "z", "--province", "江苏",
                       "--period", "p", "-o", out)  # fmt: skip
    assert code == 2 and "file exists" in err and "已存在" not in err


def test_export_in_english_says_so_in_english(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "book.xlsx"
    code, out, _ = run(capsys, "--lang", "en", "export", demo, "-o", book)
    assert code == 0 and book.exists()
    assert english_only(out, (str(book),))


def test_compare_and_rollup_in_english(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "copy.json"  # the file itself is refused: every row would be unchanged
    copy.write_bytes(demo.read_bytes())
    code, out, _ = run(capsys, "--lang", "en", "compare", demo, copy)
    assert code == 0 and out.startswith("Comparison A → B") and "对比" not in out
    code, out, _ = run(capsys, "rollup", demo, "--lang", "en")
    assert code == 0 and out.startswith("Roll-up of 1 zone(s)") and "汇总" not in out


def test_rollup_skip_reasons_in_the_chosen_language(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.json").write_text("{oops", encoding="utf-8")
    code, zh, _ = run(capsys, "rollup", demo, tmp_path / "broken.json", tmp_path / "nope.json")
    assert code == 1 and "不是有效的 JSON" in zh and "文件不存在" in zh and "not valid" not in zh
    code, en, _ = run(capsys, "--lang", "en", "rollup", demo, tmp_path / "broken.json")
    assert code == 1 and "not valid JSON" in en and "不是有效" not in en


@pytest.mark.parametrize(
    ("text", "line", "column", "zh_problem"),
    [
        ('{"zone": {"name": "a",}}', 1, 23, "此处应是用双引号括起的键名"),
        ('{\n  "period": "2025"\n  "assessor": "x"\n}', 3, 3, "此处缺少逗号"),
        ('{"period": "2025', 1, 12, "字符串没有结束引号"),
    ],
)
def test_broken_json_is_explained_in_chinese_with_its_position(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    line: int,
    column: int,
    zh_problem: str,
) -> None:
    path = tmp_path / "broken.json"
    path.write_text(text, encoding="utf-8")
    code, _, zh = run(capsys, "validate", path)
    assert code == 2
    assert f"第 {line} 行第 {column} 列" in zh and zh_problem in zh
    assert not re.search(r"Expecting|delimiter|Unterminated|property name", zh), zh
    code, _, en = run(capsys, "validate", path, "--lang", "en")
    assert code == 2 and f"line {line}, column {column}" in en and not HAN.search(en)


def test_invalid_field_is_explained_in_each_language(
    demo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = demo.read_text(encoding="utf-8").replace('"border": true', '"border": "是的"')
    demo.write_text(text, encoding="utf-8")
    code, _, zh = run(capsys, "validate", demo)
    assert code == 2 and "zone.border" in zh and "应为 true 或 false" in zh
    assert "Input should" not in zh  # pydantic's own English sentence
    code, _, en = run(capsys, "--lang", "en", "validate", demo)
    assert code == 2 and "must be true or false" in en and "应为" not in en
