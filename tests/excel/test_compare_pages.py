"""The comparison's 对比总览 score table on paper: every page of scores under its header.

English measure names take two lines and the table no longer fits one page; the measures then
start a page of their own under the header again. The Chinese table stays on one page.
"""

from __future__ import annotations

import shutil
import subprocess
from itertools import pairwise
from pathlib import Path

import pytest
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.worksheet.worksheet import Worksheet

from assess.checklist import Checklist
from assess.compare import Comparison, compare
from assess.excel.compare_book import build_compare_workbook
from assess.excel.printing import PRINTABLE_HEIGHT_PT
from assess.lang import Lang
from assess.lifecycle import roll_forward
from assess.models import Assessment, Status
from assess.texts import Texts
from assess.texts.compare import row_name
from assess.texts.workbook import COMPARE, COMPARE_SHEET
from tests.excel.conftest import TODAY

DEFAULT_ROW_PT = 15.0


def _comparison(checklist: Checklist, demo: Assessment) -> Comparison:
    """The next half-year with a few items moved on: scores change by fractions (16.7 …)."""
    later = roll_forward(demo, checklist, period="2026年下半年")
    moved = [i for i, r in later.items.items() if r.status is Status.IN_PROGRESS][:3]
    for item_id in moved:
        later.items[item_id].status = Status.DONE
    return compare(checklist, demo, later, today=TODAY)


def _overview(c: Comparison, lang: Lang) -> Worksheet:
    return build_compare_workbook(c, lang=lang)[Texts(lang)(COMPARE_SHEET["overview"])]


def _pages(ws: Worksheet) -> list[range]:
    """The sheet's rows page by page, as its manual breaks cut them (the chart's page last)."""
    chart_row = coordinate_from_string(ws._charts[0].anchor)[1]
    cuts = [0, *(b.id for b in ws.row_breaks.brk), max(ws.max_row, chart_row)]
    return [range(a + 1, b + 1) for a, b in pairwise(cuts)]


@pytest.mark.parametrize("lang", list(Lang), ids=str)
def test_every_page_of_scores_fits_and_starts_with_the_header(
    checklist: Checklist, demo: Assessment, lang: Lang
) -> None:
    t = Texts(lang)
    c = _comparison(checklist, demo)
    ws = _overview(c, lang)
    header = t(COMPARE["area_measure"])
    names = {row_name(r, t) for r in c.score_rows()}
    page = PRINTABLE_HEIGHT_PT * 100 / ws.page_setup.scale
    score_pages = []
    for rows in _pages(ws)[1:-1]:  # the first page has no score; the last holds the chart
        values = [ws.cell(r, 1).value for r in rows]
        if names & set(values):
            score_pages.append(values)
            assert values[0] == header, (lang, values[:2])
            assert values.count(header) == 1
        height = sum(ws.row_dimensions[r].height or DEFAULT_ROW_PT for r in rows)
        assert height <= page, (lang, values[0], height, page)
    assert names <= {v for values in score_pages for v in values}
    assert len(score_pages) == (1 if lang is Lang.ZH else 2)  # Chinese: one table, one page


@pytest.mark.parametrize("lang", list(Lang), ids=str)
def test_the_chart_reads_the_sixteen_measures_from_one_block_on_its_own_page(
    checklist: Checklist, demo: Assessment, lang: Lang
) -> None:
    t = Texts(lang)
    c = _comparison(checklist, demo)
    ws = _overview(c, lang)
    chart = ws._charts[0]
    ref = chart.series[0].val.numRef.f  # 'Overview'!$B$31:$B$46
    first, last = (int(part.rsplit("$", 1)[1]) for part in ref.split("!")[1].split(":"))
    measures = [row_name(r, t) for r in c.score_rows() if r.level == "measure"]
    assert [ws.cell(r, 1).value for r in range(first, last + 1)] == measures
    chart_page = _pages(ws)[-1]
    assert not any(ws.cell(r, 1).value for r in chart_page)  # no header above the chart
    assert ws.print_title_rows is None


@pytest.mark.skipif(
    shutil.which("soffice") is None or shutil.which("pdftotext") is None,
    reason="LibreOffice and poppler are needed to print",
)
def test_libreoffice_prints_the_header_on_every_page_of_scores(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    c = _comparison(checklist, demo)
    books = []
    for lang in Lang:
        book = build_compare_workbook(c, lang=lang)
        for ws in book.worksheets[1:]:  # the overview alone: its pages come first
            book.remove(ws)
        books.append(tmp_path / f"{lang}.xlsx")
        book.save(books[-1])
    profile = tmp_path / "lo-profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, books)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    for lang, book in zip(Lang, books, strict=True):
        t = Texts(lang)
        text = subprocess.run(
            ["pdftotext", "-layout", str(book.with_suffix(".pdf")), "-"],
            check=True, capture_output=True, text=True,
        ).stdout  # fmt: skip
        tables = [p for p in text.split("\f") if p.strip()][:-1]  # the chart's page is last
        starts = [row_name(r, t)[:20] for r in c.score_rows()]  # a long name wraps later
        with_scores = [p for p in tables if any(start in p for start in starts)]
        assert len(with_scores) == (1 if lang is Lang.ZH else 2), lang
        assert all(t(COMPARE["area_measure"]) in p for p in with_scores), lang
        assert all(any(start in p for p in with_scores) for start in starts), lang
