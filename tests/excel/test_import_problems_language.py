"""A refused import says each problem, and where it is, in the user's language only.

The sheet names and headers are the workbook's own (Chinese in a Chinese workbook, English in
an English one); every other word is the catalog's, in ``--lang``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assess.checklist import Checklist
from assess.cli import main
from assess.excel.layout import ACTIONS, EVIDENCE, FIRST_DATA_ROW, HEADER_ROW, ITEMS
from assess.excel.report import export_report
from assess.lang import Lang
from assess.models import Assessment
from assess.storage import dumps, save
from assess.texts import Texts
from tests.excel.conftest import TODAY

HAN = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def _edit(path: Path, sheet: str, item_id: str, key: str, value: object, t: Texts) -> None:
    """Set the cell of column ``key`` in the row of ``item_id``, by the workbook's headers."""
    layout = {ITEMS.key: ITEMS, ACTIONS.key: ACTIONS}[sheet]
    wb = load_workbook(path)
    ws = wb[layout.name(t)]
    headers = [c.value for c in ws[HEADER_ROW]]
    col = headers.index(layout.column(key).header(t)) + 1
    id_col = headers.index(layout.column("item_id").header(t)) + 1
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        if ws.cell(row, id_col).value == item_id:
            ws.cell(row, col).value = value
            break
    else:
        raise AssertionError(f"{item_id} not in {sheet}")
    wb.save(path)


def _spoilt(tmp_path: Path, checklist: Checklist, demo: Assessment, lang: Lang) -> Path:
    """A returned workbook with an empty item ID, an unknown item, a bad date and an evidence
    ID the register lacks."""
    t = Texts(lang)
    path = export_report(checklist, demo, tmp_path / f"back-{lang}.xlsx", today=TODAY, lang=lang)
    _edit(path, ITEMS.key, "1.1", "item_id", None, t)
    _edit(path, ITEMS.key, "1.2", "item_id", "99.9", t)
    _edit(path, ACTIONS.key, "1.4", "action.due", "next spring", t)
    _edit(path, ITEMS.key, "1.4", "evidence", "E404 lost paper", t)
    return path


def _refused(tmp_path: Path, demo: Assessment, book: Path, *lang: str) -> str:
    into = tmp_path / "zone.json"
    save(into, demo)
    before = into.read_text(encoding="utf-8")
    assert main(["import", str(book), "--into", str(into), *lang]) == 2
    assert into.read_text(encoding="utf-8") == before == dumps(demo)
    return before


def _workbook_words(lang: Lang) -> tuple[str, ...]:
    """The sheet names and headers the problems quote from the workbook."""
    t = Texts(lang)
    sheets = (ITEMS.name(t), ACTIONS.name(t), EVIDENCE.name(t))
    headers = ("item_id", "action.due", "evidence")
    return (*sheets, *(ITEMS.column(k).header(t) for k in headers if k in ITEMS.keys),
            ACTIONS.column("action.due").header(t))  # fmt: skip


@pytest.mark.parametrize("book_lang", [Lang.ZH, Lang.EN])
def test_english_import_run_says_every_problem_in_english(
    tmp_path: Path,
    checklist: Checklist,
    demo: Assessment,
    capsys: pytest.CaptureFixture[str],
    book_lang: Lang,
) -> None:
    book = _spoilt(tmp_path, checklist, demo, book_lang)
    _refused(tmp_path, demo, book, "--lang", "en")
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("  - ")]
    assert len(lines) == 4, err
    said = err
    for word in _workbook_words(book_lang):  # the file's own text
        said = said.replace(word, "")
    assert not HAN.search(said), err
    assert " / " not in err
    t = Texts(Lang.EN)
    items, actions = ITEMS.name(Texts(book_lang)), ACTIONS.name(Texts(book_lang))
    item_id = ITEMS.column("item_id").header(Texts(book_lang))
    assert "the workbook has 4 problem(s), so nothing was imported" in err
    assert f"sheet “{items}”, row 3, column D ({item_id}): the item ID is empty;" in err
    assert f"sheet “{items}”, row 4, column D ({item_id}): the checklist has no item “99.9”" in err
    assert f"sheet “{actions}”, row" in err and "the date “next spring” is not recognised" in err
    assert "evidence ID E404 is not registered on the “" in err
    assert t.colon in err


def test_chinese_import_run_has_no_english_tails(
    tmp_path: Path, checklist: Checklist, demo: Assessment, capsys: pytest.CaptureFixture[str]
) -> None:
    book = _spoilt(tmp_path, checklist, demo, Lang.ZH)
    _refused(tmp_path, demo, book)
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if line.startswith("  - ")]
    assert len(lines) == 4, err
    said = err.replace(str(tmp_path), "").replace(book.name, "")
    for value in ("next spring", "E404"):  # the file's own text
        said = said.replace(value, "")
    assert not LATIN_WORD.search(said), err
    assert "“逐项对标” 第 3 行 D 列（条目编号）：条目编号为空" in err
    assert "“逐项对标” 第 4 行 D 列（条目编号）：清单中没有条目“99.9”" in err
    assert "日期“next spring”无法识别，请写成 2026-06-30" in err
    assert "佐证编号 E404 未在“佐证材料”表登记" in err


@pytest.mark.parametrize("lang", list(Lang))
def test_a_file_that_is_no_workbook_is_refused_in_one_language(
    tmp_path: Path, demo: Assessment, capsys: pytest.CaptureFixture[str], lang: Lang
) -> None:
    """Refused before it is read (not .xlsx, a folder, missing, damaged): the sentence is the
    user's language only, with how to fix it (it was “中文 / english” in both)."""
    target = tmp_path / "a.json"
    target.write_text(dumps(demo), encoding="utf-8")
    (tmp_path / "old.xlsx").write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 64)  # an .xls in disguise
    (tmp_path / "text.xlsx").write_text("not a workbook", encoding="utf-8")
    (tmp_path / "folder.xlsx").mkdir()
    for name in ("old.xlsx", "text.xlsx", "folder.xlsx", "missing.xlsx"):
        book = tmp_path / name
        assert main(["--lang", lang.value, "import", str(book), "--into", str(target)]) == 2
        err = capsys.readouterr().err.replace(str(book), "")
        assert err.strip() and " / " not in err, err
        if lang is Lang.EN:
            assert not HAN.search(err), err
        else:
            names = re.sub(r"Excel/WPS|\.(xlsx|xls|et)\b", "", err)  # programs, file types
            assert not LATIN_WORD.search(names), err
    assert target.read_text(encoding="utf-8") == dumps(demo)  # nothing changed
