"""The profile rules at every door: new, new --from, validate, import -o, and --help (issue 12)."""

from __future__ import annotations

import json
from pathlib import Path

from assess.lang import Lang
from assess.lifecycle import new_assessment
from assess.models import ZoneProfile
from assess.resources import default_checklist
from assess.storage import save
from assess.texts import Texts
from assess.texts.profile import DEFINITIONS
from tests.conftest import run_cli


def _new(out: Path, *args: str) -> tuple[int, str]:
    result = run_cli("new", "--zone", "z", "--period", "p", "-o", out, *args)
    return result.returncode, result.stderr


def _file_with(tmp_path: Path, **profile: object) -> Path:
    """A file as an older assess (or a hand edit) may have left it: the profile unchecked."""
    zone = ZoneProfile(name="z", **profile)  # type: ignore[arg-type]
    path = tmp_path / "old.json"
    save(path, new_assessment(default_checklist(), zone, "2025年上半年"))
    return path


def test_new_refuses_border_and_hub_outside_their_provinces(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    code, err = _new(out, "--province", "河南", "--border")
    assert code == 2 and "--border" in err and "沿边仅限陆地边境省份" in err and "河南" in err
    code, err = _new(out, "--province", "四川", "--hub")
    assert code == 2 and "--hub" in err and "和林格尔" in err and "Horinger" not in err
    code, err = _new(out, "--province", "四川", "--hub", "--lang", "en")
    assert code == 2 and "--hub" in err and "Horinger" in err and "和林格尔" not in err
    assert not out.exists()


def test_new_accepts_the_rules_own_places_and_short_names(tmp_path: Path) -> None:
    border, hub = tmp_path / "b.json", tmp_path / "h.json"
    assert _new(border, "--province", "兵团", "--border")[0] == 0
    assert json.loads(border.read_text(encoding="utf-8"))["zone"]["province"] == "新疆生产建设兵团"
    assert _new(hub, "--province", "内蒙", "--hub")[0] == 0
    assert json.loads(hub.read_text(encoding="utf-8"))["zone"]["province"] == "内蒙古"


def test_new_refuses_a_wrong_suffix(tmp_path: Path) -> None:
    code, err = _new(tmp_path / "x.json", "--province", "江苏自治区")
    assert code == 2 and "--province" in err and "江苏省" in err


def test_roll_forward_refuses_a_carried_violation_until_switched_off(tmp_path: Path) -> None:
    previous = _file_with(tmp_path, province="江苏", hub=True)
    out = tmp_path / "next.json"
    result = run_cli("new", "--from", previous, "--period", "下期", "-o", out)
    assert result.returncode == 2 and "--no-hub" in result.stderr and not out.exists()
    result = run_cli("new", "--from", previous, "--no-hub", "--period", "下期", "-o", out)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["zone"]["hub"] is False


def test_validate_warns_naming_the_rule(tmp_path: Path) -> None:
    path = _file_with(tmp_path, province="江苏", hub=True)
    zh = run_cli("validate", path)
    assert zh.returncode == 1
    assert "画像提示 1 条" in zh.stdout and "西部枢纽节点起步区仅在" in zh.stdout
    en = run_cli("validate", path, "--lang", "en")
    assert en.returncode == 1 and "western hub start-up areas only at" in en.stdout
    clean = _file_with(tmp_path, province="宁夏", hub=True)
    assert run_cli("validate", clean).returncode == 0


def test_import_new_file_warns_naming_the_rule(tmp_path: Path) -> None:
    path = _file_with(tmp_path, province="上海", border=True)
    book = tmp_path / "book.xlsx"
    assert run_cli("export", path, "-o", book).returncode == 0
    out = tmp_path / "from-book.json"
    result = run_cli("import", book, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "沿边仅限陆地边境省份" in result.stdout and "land-border" not in result.stdout
    assert json.loads(out.read_text(encoding="utf-8"))["zone"]["border"] is True  # kept, not lost


def test_help_defines_each_attribute_in_one_sentence() -> None:
    out = "".join(run_cli("new", "--help").stdout.split())  # argparse wraps CJK without spaces
    for entry in DEFINITIONS.values():
        for lang in Lang:
            sentence = Texts(lang)(entry)
            assert sentence.count("。") + sentence.count(". ") <= 1, sentence
            assert "".join(sentence.split()) in out, sentence
