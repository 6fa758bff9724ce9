"""What leaders print: every sheet of every workbook at 9 pt or more on A4, footers in words.

The page setup is checked for every sheet (scale × font size), and LibreOffice's PDF of the
gap-analysis workbook is measured: a word's box is as tall as its font (× the CJK font's
ascent + descent, 1.3 for the 宋体 substitute: a 10 pt cell at 100 % gives a 13.0 pt box).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from assess.checklist import Checklist
from assess.compare import compare
from assess.demo import build_demo
from assess.excel.compare_book import build_compare_workbook
from assess.excel.department_book import export_by_department, planned_books
from assess.excel.print_ledger import NAME as PRINT_LEDGER
from assess.excel.printing import POINTS_PER_WIDTH_UNIT, PRINTABLE_WIDTH_PT, sheet_width_units
from assess.excel.report import export_report
from assess.excel.rollup_book import build_rollup_workbook
from assess.models import Assessment, ZoneProfile
from assess.rollup import build_rollup
from assess.storage import save
from assess.texts import Texts
from tests.excel.conftest import TODAY

MIN_PRINTED_PT = 9.0
BOX_PER_POINT = 1.3
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _saved(wb: Workbook, path: Path) -> Workbook:
    wb.save(path)
    return load_workbook(path)


@pytest.fixture
def workbooks(tmp_path: Path, checklist: Checklist, demo: Assessment) -> dict[str, Workbook]:
    """The kinds of workbook a zone or a province prints, as written to disk."""
    other = build_demo(checklist, TODAY)
    other.zone = ZoneProfile(name="另一经济技术开发区", province="四川")
    paths = []
    for name, assessment in (("a", demo), ("b", other)):
        paths.append(tmp_path / f"{name}.json")
        save(paths[-1], assessment)
    return {
        "report": load_workbook(export_report(checklist, demo, tmp_path / "r.xlsx", today=TODAY)),
        "department": load_workbook(
            export_report(checklist, demo, tmp_path / "d.xlsx", measures=[1, 5], today=TODAY)
        ),
        "by_department": load_workbook(_department_book(checklist, demo, tmp_path)),
        "compare": _saved(
            build_compare_workbook(compare(checklist, demo, other, today=TODAY)),
            tmp_path / "c.xlsx",
        ),
        "rollup": _saved(
            build_rollup_workbook(build_rollup(checklist, paths)), tmp_path / "u.xlsx"
        ),
    }


def _department_book(checklist: Checklist, demo: Assessment, tmp_path: Path) -> Path:
    """The first department's workbook, as ``export --by-department`` writes it."""
    books = planned_books(checklist, demo, tmp_path / "out")
    return export_by_department(checklist, demo, books[:1], today=TODAY)[0]


def _sheets(workbooks: dict[str, Workbook]) -> Iterator[tuple[str, Worksheet]]:
    for kind, wb in workbooks.items():
        for ws in wb.worksheets:
            if ws.sheet_state == "visible":  # the hidden 导出基准 is never printed
                yield f"{kind}/{ws.title}", ws


def test_every_cell_and_header_prints_at_9pt_or_more(workbooks: dict[str, Workbook]) -> None:
    for where, ws in _sheets(workbooks):
        assert int(ws.page_setup.paperSize) == 9 and not ws.sheet_properties.pageSetUpPr.fitToPage
        scale = ws.page_setup.scale / 100
        sizes = {
            cell.font.sz
            for row in ws.iter_rows()
            for cell in row
            if cell.value is not None and cell.font is not None
        }
        assert sizes and min(sizes) * scale >= MIN_PRINTED_PT, (where, sizes, scale)
        for part in (ws.oddHeader.left, ws.oddHeader.right, ws.oddFooter.left):
            assert part.size * scale >= MIN_PRINTED_PT, where
        fonts = {c.font.name for row in ws.iter_rows() for c in row if c.font is not None}
        assert fonts <= {"宋体", "黑体"}, (where, fonts)  # no Calibri, even in empty cells


def test_every_page_is_dated_and_names_the_work_plan_in_words(
    workbooks: dict[str, Workbook], checklist: Checklist
) -> None:
    for where, ws in _sheets(workbooks):
        assert ISO_DATE.search(ws.oddHeader.right.text or ""), where
        footer = ws.oddFooter.left.text or ""
        assert f"《工作方案》对标清单 {checklist.version} 版" in footer, (where, footer)


def test_report_sheets_fit_the_page_width_but_the_full_item_table(
    workbooks: dict[str, Workbook],
) -> None:
    for kind in ("report", "department", "by_department"):
        for _, ws in _sheets({kind: workbooks[kind]}):
            printed = sheet_width_units(ws) * POINTS_PER_WIDTH_UNIT * ws.page_setup.scale / 100
            if ws.title == "逐项对标":  # 20 columns: pages to the right, key columns repeated
                assert printed > PRINTABLE_WIDTH_PT
                assert ws.print_title_cols == "$A:$E"
            else:
                assert printed <= PRINTABLE_WIDTH_PT, (kind, ws.title, printed)


def test_print_ledger_puts_the_policy_text_on_its_own_line(
    workbooks: dict[str, Workbook], checklist: Checklist
) -> None:
    ws = workbooks["report"][Texts()(PRINT_LEDGER)]
    assert ws.page_setup.scale == 100
    first, second = checklist.items[:2]
    assert str(ws["B3"].value).startswith(f"{first.id} {first.title}")
    assert ws["B4"].value == f"政策原文：{first.source}"
    assert "B4:G4" in {str(r) for r in ws.merged_cells.ranges}
    assert str(ws["B5"].value).startswith(f"{second.id} ")
    assert ws.print_title_rows == "$2:$2"


def _word_heights(pdf: Path) -> list[list[float]]:
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    box = re.compile(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"')
    return [
        [float(low_y) - float(top) for top, low_y in box.findall(page)]
        for page in xml.split("<page ")[1:]
    ]


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are needed to print",
)
def test_libreoffice_prints_every_page_of_the_ledger_at_9pt_or_more(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    report = export_report(checklist, demo, tmp_path / "ledger.xlsx", today=TODAY)
    profile = tmp_path / "lo-profile"  # its own profile: parallel runs do not share a lock
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(report)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pages = _word_heights(report.with_suffix(".pdf"))
    assert len(pages) > 10
    smallest = min(min(heights) for heights in pages if heights)
    assert smallest / BOX_PER_POINT >= MIN_PRINTED_PT - 0.05, smallest
