"""The CLI end to end, through a subprocess, as a user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assess.cli import main
from tests.conftest import run_cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.json"
    result = run_cli("demo", "-o", path)
    assert result.returncode == 0, result.stderr
    return path


def test_help_is_bilingual() -> None:
    result = run_cli("--help")
    assert result.returncode == 0
    assert "逐项分解" in result.stdout and "Self-assessment" in result.stdout
    sub = run_cli("new", "--help")
    assert "沿边" in sub.stdout and "border" in sub.stdout


def test_new_then_summary(tmp_path: Path) -> None:
    out = tmp_path / "suzhou.json"
    result = run_cli("new", "--zone", "苏州工业园区", "--province", "江苏省", "--period", "2025年下半年",
                 "--assessor", "王五", "--foreign-talent", "-o", out)  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["zone"] == {"name": "苏州工业园区", "province": "江苏", "border": False, "hub": False,
                            "foreign_talent": True}  # fmt: skip
    assert len(data["items"]) == 81
    summary = run_cli("summary", out)
    assert summary.returncode == 0
    assert "苏州工业园区" in summary.stdout and "江苏（东部）" in summary.stdout
    assert "已落实 0  推进中 0  未启动 0  不适用 0  未评估 81" in summary.stdout
    assert "（十六）加强财政金融支持" in summary.stdout


def test_unknown_province_lists_valid_ones(tmp_path: Path) -> None:
    result = run_cli(
        "new", "--zone", "z", "--province", "江南", "--period", "p", "-o", tmp_path / "x.json"
    )
    assert result.returncode == 2
    assert "江南" in result.stderr and "江苏" in result.stderr and "黑龙江" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_new_refuses_to_overwrite(tmp_path: Path, demo: Path) -> None:
    target = tmp_path / "mine.json"
    target.write_text("precious", encoding="utf-8")
    result = run_cli("new", "--zone", "z", "--province", "江苏", "--period", "p", "-o", target)
    assert result.returncode == 2 and "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "precious"


def test_summary_counts_and_scores_match_the_demo(demo: Path) -> None:
    result = run_cli("summary", demo)
    assert result.returncode == 0
    data = json.loads(demo.read_text(encoding="utf-8"))
    statuses = [r["status"] for r in data["items"].values()]
    assert (
        f"已落实 {statuses.count('done')}  推进中 {statuses.count('in_progress')}" in result.stdout
    )
    assert f"未评估 {statuses.count('not_assessed')}" in result.stdout
    assert "评分规则" in result.stdout
    english = run_cli("summary", "--lang", "en", demo)
    assert "Overall score" in english.stdout and "(16) " in english.stdout


def test_validate_exit_codes(tmp_path: Path, demo: Path) -> None:
    warned = run_cli("validate", demo)
    assert warned.returncode == 1
    assert "已获得但未填写获得情况" in warned.stdout  # 6.4 is a request: its own words
    assert "不适用但未说明理由" in warned.stdout
    clean = tmp_path / "clean.json"
    assert (
        run_cli("new", "--zone", "z", "--province", "江苏", "--period", "p", "-o", clean).returncode
        == 0
    )
    assert run_cli("validate", clean).returncode == 0
    broken = tmp_path / "broken.json"
    data = json.loads(clean.read_text(encoding="utf-8"))
    data["items"]["7.6"]["status"] = "完成"
    broken.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    invalid = run_cli("validate", broken)
    assert invalid.returncode == 2
    assert "broken.json" in invalid.stderr and "items.7.6.status" in invalid.stderr
    assert "Traceback" not in invalid.stderr


def test_roll_forward_from_previous_period(tmp_path: Path, demo: Path) -> None:
    nxt = tmp_path / "next.json"
    result = run_cli("new", "--zone", "示例经济技术开发区", "--province", "广西", "--border",
                 "--period", "下一期", "--from", demo, "-o", nxt)  # fmt: skip
    assert result.returncode == 0, result.stderr
    old = json.loads(demo.read_text(encoding="utf-8"))
    new = json.loads(nxt.read_text(encoding="utf-8"))
    assert new["history"] == []
    assert new["evidence"] == old["evidence"]
    for item_id, rec in old["items"].items():
        assert new["items"][item_id]["status"] == rec["status"]
        assert new["items"][item_id]["explanation"] == rec["explanation"]
        open_actions = [a for a in rec["actions"] if a["status"] != "done"]
        assert new["items"][item_id]["actions"] == open_actions


def test_schema_is_json_schema() -> None:
    result = run_cli("schema")
    schema = json.loads(result.stdout)
    assert schema["title"] == "Assessment"
    assert "items" in schema["properties"]


def test_missing_file_is_a_message(tmp_path: Path) -> None:
    result = run_cli("summary", tmp_path / "nope.json")
    assert result.returncode == 2
    assert "nope.json" in result.stderr and "文件不存在" in result.stderr
    assert "Traceback" not in result.stderr


def test_roll_forward_carries_the_profile_and_warns_on_same_period(
    tmp_path: Path, demo: Path
) -> None:
    nxt = tmp_path / "next.json"
    period = json.loads(demo.read_text(encoding="utf-8"))["period"]
    result = run_cli("new", "--period", period, "--from", demo, "-o", nxt)
    assert result.returncode == 0, result.stderr
    assert "与上一期相同" in result.stderr
    zone = json.loads(nxt.read_text(encoding="utf-8"))["zone"]
    assert zone == json.loads(demo.read_text(encoding="utf-8"))["zone"]  # border carried
    other = tmp_path / "other.json"
    result = run_cli("new", "--zone", "别的区", "--province", "江苏", "--no-border", "--period", "下期",
                 "--from", demo, "-o", other)  # fmt: skip
    assert result.returncode == 0 and "上一期是“示例经济技术开发区”" in result.stderr
    assert json.loads(other.read_text(encoding="utf-8"))["zone"]["border"] is False


def test_profile_errors_name_the_option(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    hub = run_cli("new", "--zone", "z", "--province", "江苏", "--hub", "--period", "p", "-o", out)
    assert hub.returncode == 2 and "--hub" in hub.stderr and "西部" in hub.stderr
    blank = run_cli("new", "--zone", " ", "--province", "江苏", "--period", "p", "-o", out)
    assert blank.returncode == 2 and "--zone" in blank.stderr
    missing = run_cli("new", "--period", "p", "-o", out)
    assert missing.returncode == 2 and "--zone" in missing.stderr
    assert not out.exists()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["new"], "缺少必需的参数"),
        (["summary", "--lang", "fr", "x.json"], "不能取 'fr'"),
        (["summary", "a.json", "b.json"], "无法识别的参数：b.json"),
        (["import", "w.xlsx"], "以下参数须给出其中一个：--into -o/--output"),
        (["import", "w.xlsx", "--into", "a.json", "-o", "b.json"], "不能与 --into 同时使用"),
        (
            ["import", "w.xlsx", "--into", "a.json", "--dry-run=yes"],
            "是开关，不带取值（去掉“=yes”）",
        ),
        (["new", "--p", "x"], "选项 --p 不明确，可能是：--province, --period"),
    ],
)
def test_argument_errors_are_said_in_chinese_too(
    argv: list[str], said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """argparse's own errors were English only, under a bilingual help."""
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert said in err and " / " in err  # Chinese, then argparse's English
