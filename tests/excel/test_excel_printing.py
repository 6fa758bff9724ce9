"""What leaders print: every sheet of every workbook at 9 pt or more on A4, footers in words.

The page setup is checked for every sheet (scale × font size, width on the page), and
LibreOffice's PDFs of the gap-analysis, compare and roll-up workbooks are measured: a word's box
is as thick as its font (× the CJK font's ascent + descent, 1.3 for the 宋体 substitute: a
10 pt cell at 100 % gives a 13.0 pt box; a header turned 90° is as wide as that).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.styles import Border, Side
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from assess.checklist import Checklist
from assess.compare import compare
from assess.demo import build_demo
from assess.excel.compare_book import build_compare_workbook
from assess.excel.department_book import export_by_department, planned_books
from assess.excel.layout import ITEMS
from assess.excel.print_ledger import NAME as PRINT_LEDGER
from assess.excel.printing import POINTS_PER_WIDTH_UNIT, PRINTABLE_WIDTH_PT, sheet_width_units
from assess.excel.report import build_workbook, export_report
from assess.excel.rollup_book import build_rollup_workbook
from assess.lang import Lang
from assess.models import Assessment, ZoneProfile
from assess.rollup import build_rollup
from assess.storage import save
from assess.texts import Texts
from tests.excel.conftest import TODAY

MIN_PRINTED_PT = 9.0
BOX_PER_POINT = 1.3
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CJK = re.compile(r"[\u3000-\u9fff\uff00-\uffef]")


@pytest.fixture
def files(tmp_path: Path, checklist: Checklist, demo: Assessment) -> dict[str, Path]:
    return _write_books(tmp_path, checklist, demo, Lang.ZH)


def _write_books(
    tmp_path: Path, checklist: Checklist, demo: Assessment, lang: Lang
) -> dict[str, Path]:
    """The four kinds of workbook a zone or a province prints, written to disk."""
    other = build_demo(checklist, TODAY)
    other.zone = ZoneProfile(name="另一经济技术开发区", province="四川")
    paths = []
    for name, assessment in (("a", demo), ("b", other)):
        paths.append(tmp_path / f"{name}.json")
        save(paths[-1], assessment)
    compared = build_compare_workbook(compare(checklist, demo, other, today=TODAY), lang=lang)
    compared.save(tmp_path / "c.xlsx")
    build_rollup_workbook(build_rollup(checklist, paths), lang=lang).save(tmp_path / "u.xlsx")
    books = planned_books(checklist, demo, tmp_path / "out")
    return {
        "report": export_report(checklist, demo, tmp_path / "r.xlsx", today=TODAY, lang=lang),
        "department": export_report(
            checklist, demo, tmp_path / "d.xlsx", measures=[1, 5], today=TODAY, lang=lang
        ),
        "by_department": export_by_department(checklist, demo, books[:1], today=TODAY, lang=lang)[
            0
        ],
        "compare": tmp_path / "c.xlsx",
        "rollup": tmp_path / "u.xlsx",
    }


@pytest.fixture
def workbooks(files: dict[str, Path]) -> dict[str, Workbook]:
    return {kind: load_workbook(path) for kind, path in files.items()}


@pytest.fixture
def english(tmp_path: Path, checklist: Checklist, demo: Assessment) -> dict[str, Workbook]:
    """The same workbooks written with ``--lang en``."""
    paths = _write_books(tmp_path, checklist, demo, Lang.EN)
    return {kind: load_workbook(path) for kind, path in paths.items()}


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


def test_english_pages_are_numbered_in_english(english: dict[str, Workbook]) -> None:
    """Not 第 66 页 / 共 87 页 under an English ledger: every header and footer from the catalog."""
    for where, ws in _sheets(english):
        assert ws.oddFooter.center.text == "Page &P of &N", where
        words = " ".join(
            part.text or "" for part in (ws.oddHeader.center, ws.oddHeader.right, ws.oddFooter.left)
        )
        assert not CJK.search(words), (where, words)


@pytest.mark.parametrize("lang", list(Lang))
def test_every_sheet_prints_one_page_wide_but_the_full_item_table(
    request: pytest.FixtureRequest, lang: Lang
) -> None:
    """Compare's item lists and the roll-up's matrix too, in either language: nothing
    continues to the right."""
    books = request.getfixturevalue("english" if lang is Lang.EN else "workbooks")
    for where, ws in _sheets(books):
        printed = sheet_width_units(ws) * POINTS_PER_WIDTH_UNIT * ws.page_setup.scale / 100
        ledger = not where.startswith("compare/")  # its 逐项对比 is “Item by item” too
        if ledger and ws.title == ITEMS.name(Texts(lang)):  # 20 columns: pages to the right
            assert printed > PRINTABLE_WIDTH_PT
            assert ws.print_title_cols == "$A:$E"
        else:
            assert printed <= PRINTABLE_WIDTH_PT, (where, printed)
            assert ws.print_title_cols is None, where


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


@pytest.mark.parametrize("department", ["", "科创局"])
def test_merged_cells_are_boxed_along_every_edge(
    checklist: Checklist, demo: Assessment, department: str
) -> None:
    """Excel draws a merged cell's outline from the cells along its edges: each of them has
    the box its first cell has (the cover's rows, the ledger's policy lines, the titles …)."""
    wb = build_workbook(checklist, demo, today=TODAY, department=department)
    checked = 0
    for ws in wb.worksheets:
        for merged in ws.merged_cells.ranges:
            first = ws.cell(merged.min_row, merged.min_col).border
            edges = {"left": merged.left, "right": merged.right,
                     "top": merged.top, "bottom": merged.bottom}  # fmt: skip
            for side, cells in edges.items():
                style = _side(first, side)
                for row, col in cells if style else ():
                    assert _side(ws.cell(row, col).border, side) == style, (
                        ws.title, str(merged), side, row, col,
                    )  # fmt: skip
                    checked += 1
    assert checked > 1000  # the ledger's two merged ranges per item, the cover's rows


def _side(border: Border, side: str) -> str | None:
    line: Side | None = getattr(border, side)
    return None if line is None else line.style


def _pages(pdf: Path) -> list[list[tuple[str, float]]]:
    """Each page's words with the thickness of their line of text, in points."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    box = re.compile(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
    )
    pages = []
    for page in xml.split("<page ")[1:]:
        words = []
        for x0, y0, x1, y1, word in box.findall(page):
            words.append((word, _thickness(word, float(x1) - float(x0), float(y1) - float(y0))))
        pages.append(words)
    return pages


def _thickness(word: str, width: float, height: float) -> float:
    """How thick the word's line is: its height, or its width when turned 90° (a box much
    taller than wide). One glyph's box is its advance one way and its line the other (1.3×
    the font for CJK), so the larger side is the line."""
    if len(word) == 1:
        return max(width, height)
    return width if height > 1.5 * width else height


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are needed to print",
)
def test_libreoffice_prints_every_page_at_9pt_or_more_and_one_page_wide(
    tmp_path: Path, files: dict[str, Path]
) -> None:
    kinds = ("report", "compare", "rollup")
    profile = tmp_path / "lo-profile"  # its own profile: parallel runs do not share a lock
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
         *(str(files[kind]) for kind in kinds)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    pages = {kind: _pages(tmp_path / "pdf" / f"{files[kind].stem}.pdf") for kind in kinds}
    assert len(pages["report"]) > 10
    for kind, printed in pages.items():
        smallest = min(size for words in printed for _, size in words)
        assert smallest / BOX_PER_POINT >= MIN_PRINTED_PT - 0.05, (kind, smallest)
    # the sheets that printed two pages across: their title and last column on one page
    for kind, title, last_header in (
        ("compare", "逐项对比表", "其他变化（说明、佐证、举措、指标等）"),
        ("rollup", "举措得分矩阵", "（十六）加强财政金融"),
    ):
        first = next(words for words in pages[kind] if any(title in w for w, _ in words))
        assert last_header in {w for w, _ in first}, kind


LATIN_WORD = re.compile(r"[a-z]+")


def _wrapped_cells(wb: Workbook) -> Iterator[tuple[str, float, float, str]]:
    """(where, column width, row height, text) of each English text cell of the list sheets
    and the printed ledger (not merged: a merged cell is as wide as its columns together)."""
    for ws in wb.worksheets:
        if ws.sheet_state != "visible" or ws.title in ("Cover", "Overview", "Item by item"):
            continue
        merged = {c for r in ws.merged_cells.ranges for c in r.cells}
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                text = cell.value
                if isinstance(text, str) and not CJK.search(text) and cell.coordinate:
                    if (cell.row, cell.column) in merged:
                        continue
                    width = ws.column_dimensions[cell.column_letter].width
                    height = ws.row_dimensions[cell.row].height or 15
                    yield f"{ws.title}!{cell.coordinate}", width, height, text


def test_english_words_are_never_broken_in_their_column(english: dict[str, Workbook]) -> None:
    """“requirement” in a 9-wide Kind column printed as “requireme / nt”, “in progress” in the
    printed ledger as “progres / s”: each word fits its column (an average letter ≥ 0.9 of
    a width unit, as LibreOffice prints 宋体's substitute)."""
    for where, width, _, text in _wrapped_cells(english["report"]):
        longest = max((len(w) for w in LATIN_WORD.findall(text)), default=0)
        assert 0.9 * longest <= width, (where, width, text)


def test_english_rows_are_tall_enough_for_their_words(english: dict[str, Workbook]) -> None:
    """Broken between words an English text takes more lines than its letters fill: the row
    shows every line (the Gaps sheet cut “…from development” at the bottom). A line holds
    width ÷ 0.85 letters (a letter measured 0.8–1.05 units in LibreOffice's PDF)."""
    for where, width, height, text in _wrapped_cells(english["report"]):
        letters = int(width / 0.85)
        lines = sum(len(textwrap.wrap(p, letters) or [""]) for p in text.split("\n"))
        assert height >= lines * 14, (where, width, height, text)
