"""The quick save writes the file openpyxl writes: every part of the .xlsx, byte for byte.

A workbook is saved once by openpyxl first (its first save fills in defaults such as a sheet's
outline level, so a second save is the one to compare with), then by openpyxl and by
``workbook_bytes``; only the time stamp in docProps/core.xml may differ.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.comments import Comment

from assess.checklist import Checklist
from assess.compare import compare
from assess.demo import build_demo
from assess.excel.cells import STYLE_BODY, ensure_styles, merge, put_text
from assess.excel.compare_book import build_compare_workbook
from assess.excel.report import build_workbook
from assess.excel.rollup_book import build_rollup_workbook
from assess.excel.saving import workbook_bytes
from assess.lang import Lang
from assess.models import Assessment, ZoneProfile
from assess.rollup import build_rollup
from assess.storage import save
from tests.excel.conftest import TODAY


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/core.xml"}


def _openpyxl_bytes(wb: Workbook) -> bytes:
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _assert_same_file(wb: Workbook) -> None:
    _openpyxl_bytes(wb)
    expected = _parts(_openpyxl_bytes(wb))
    got = _parts(workbook_bytes(wb))
    assert list(got) == list(expected)
    assert [name for name in expected if got[name] != expected[name]] == []


def _rollup(checklist: Checklist, demo: Assessment, folder: Path) -> Workbook:
    other = build_demo(checklist, TODAY)
    other.zone = ZoneProfile(name="另一经济技术开发区", province="四川")
    paths = [folder / "a.json", folder / "b.json"]
    save(paths[0], demo)
    save(paths[1], other)
    return build_rollup_workbook(build_rollup(checklist, paths, today=TODAY))


BOOKS: dict[str, Callable[[Checklist, Assessment, Path], Workbook]] = {
    "report": lambda c, a, _: build_workbook(c, a, today=TODAY),
    "report in English": lambda c, a, _: build_workbook(c, a, today=TODAY, lang=Lang.EN),
    "measures 1 and 5": lambda c, a, _: build_workbook(c, a, today=TODAY, measures=[1, 5]),
    "department": lambda c, a, _: build_workbook(c, a, today=TODAY, department="科创局"),
    "compare": lambda c, a, _: build_compare_workbook(compare(c, a, a, today=TODAY)),
    "roll-up": _rollup,
}


@pytest.mark.parametrize("kind", list(BOOKS))
def test_every_workbook_is_saved_as_openpyxl_saves_it(
    kind: str, checklist: Checklist, demo: Assessment, tmp_path: Path
) -> None:
    _assert_same_file(BOOKS[kind](checklist, demo, tmp_path))


def test_cells_openpyxl_writes_itself_are_unchanged() -> None:
    """Formulas, booleans, comments, links, rich text and dates with times go through
    openpyxl's own loop; openpyxl's merged cells, empty rows and padded text are kept."""
    wb = Workbook()
    ensure_styles(wb)
    ws = wb.active
    assert ws is not None
    ws["A1"] = "=SUM(B1:B2)"
    ws["B1"] = True
    ws["C1"] = dt.datetime(2026, 3, 1, 9, 30)
    ws["D1"] = dt.time(8, 15)
    plain = wb.create_sheet("plain")
    put_text(plain, 1, 1, "  前后有空格  ", STYLE_BODY)
    put_text(plain, 1, 2, "=不是公式 & <b> \r\n第二行 😀", STYLE_BODY)
    plain["C1"] = 3.25
    plain["D1"] = dt.date(2026, 12, 1)
    plain["E1"] = ""
    merge(plain, 2, 1, 2, 4, STYLE_BODY)
    plain.merge_cells("A4:C5")
    plain.row_dimensions[9].height = 30
    for title, fill in (("comment", "C"), ("link", "L"), ("rich", "R")):
        other = wb.create_sheet(title)
        other["A1"] = "前"
        other["B2"] = "后"
        if fill == "C":
            other["B2"].comment = Comment("批注", "审核人")
        elif fill == "L":
            other["B2"].hyperlink = "https://www.mofcom.gov.cn/"
        else:
            other["B2"] = CellRichText("富", TextBlock(InlineFont(b=True), "文本"))
    _assert_same_file(wb)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs",))), min_size=1, max_size=4))
def test_any_text_is_escaped_as_openpyxl_escapes_it(texts: list[str]) -> None:
    """What a zone types (any character, control characters cleaned) is the same XML."""
    wb = Workbook()
    ensure_styles(wb)
    ws = wb.active
    assert ws is not None
    for col, text in enumerate(texts, start=1):
        put_text(ws, 1, col, text, STYLE_BODY if col % 2 else "")
    _assert_same_file(wb)
