"""Safe text and print setup: what other workbooks reuse."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook

from assess.excel.cells import (
    MAX_CELL_CHARS,
    STYLE_BODY,
    TRUNCATED_MARK,
    clean_text,
    ensure_styles,
    put_text,
)
from assess.excel.printing import setup_print
from assess.texts import Texts

INJECTIONS = [
    "=1+1",
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example","点我")',
    "+SUM(A1:A2)",
    "-2+3",
    "@SUM(A1)",
    "\t=1+1",
    "\r=1+1",
]


def _saved(tmp_path: Path, values: list[str]) -> list[Any]:
    wb = Workbook()
    ensure_styles(wb)
    ws = wb.active
    for row, value in enumerate(values, start=1):
        put_text(ws, row, 1, value, STYLE_BODY)
    path = tmp_path / "t.xlsx"
    wb.save(path)
    back = load_workbook(path).active
    return [back.cell(row, 1) for row in range(1, len(values) + 1)]


@pytest.mark.parametrize("value", INJECTIONS)
def test_formula_like_text_stays_text(tmp_path: Path, value: str) -> None:
    (cell,) = _saved(tmp_path, [value])
    assert cell.data_type == "s"
    assert cell.quotePrefix
    assert cell.value.replace("\n", "\r") == value.replace("\n", "\r")


def test_formula_text_is_not_written_as_formula_xml(tmp_path: Path) -> None:
    _saved(tmp_path, ["=1+1"])
    with zipfile.ZipFile(tmp_path / "t.xlsx") as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet
    assert "=1+1" in sheet


def test_illegal_control_characters_are_removed(tmp_path: Path) -> None:
    (cell,) = _saved(tmp_path, ["甲\x00乙\x07丙\x1b丁\ufffe戊\ud800己\n庚\t辛"])
    assert cell.value == "甲乙丙丁戊己\n庚\t辛"


def test_overlong_text_is_cut_with_a_visible_marker(tmp_path: Path) -> None:
    (cell,) = _saved(tmp_path, ["字" * 40_000])
    value = cell.value
    assert len(value) == MAX_CELL_CHARS
    assert value.endswith(TRUNCATED_MARK)
    assert clean_text("短") == "短"


def test_empty_text_leaves_the_cell_empty(tmp_path: Path) -> None:
    (cell,) = _saved(tmp_path, [""])
    assert cell.value is None


def test_setup_print_gives_a4_landscape_at_a_legible_scale_with_headers(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["表头"])
    setup_print(
        ws, Texts(), title_rows="1:1", header_left="甲&乙经开区　2025年", header_right="x" * 300
    )
    path = tmp_path / "p.xlsx"
    wb.save(path)
    ws = load_workbook(path).active
    assert int(ws.page_setup.paperSize) == 9  # A4
    assert ws.page_setup.orientation == "landscape"
    assert ws.page_setup.scale == 100  # one narrow column: no need to shrink
    assert ws.print_title_rows == "$1:$1"
    assert ws.oddHeader.left.text == "甲&&乙经开区 2025年"  # & escaped, not a code
    assert len(ws.oddHeader.right.text) <= 80  # Excel rejects headers over 255 chars
    assert "&P" in ws.oddFooter.center.text and "&N" in ws.oddFooter.center.text
