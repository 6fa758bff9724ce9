"""Charts carry their values in the file, so previews that never recalculate still draw them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.drawing.spreadsheet_drawing import TwoCellAnchor
from openpyxl.utils import get_column_letter

from assess.checklist import Checklist
from assess.compare import compare
from assess.excel.compare_book import build_compare_workbook, workbook_bytes
from assess.excel.layout import OVERVIEW
from assess.excel.report import build_workbook, export_report
from assess.lang import Lang
from assess.models import Assessment, ItemRecord, Status
from assess.scoring import summarize
from assess.texts import Texts
from tests.excel.conftest import TODAY


def charts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if re.fullmatch(r"xl/charts/chart\d+\.xml", n))
        return [z.read(n).decode("utf-8") for n in names]


def cache(xml: str, kind: str) -> list[list[str]]:
    """The cached point values of each ``numCache`` or ``strCache`` in a chart's XML."""
    out = []
    for block in re.findall(rf"<{kind}>(.*?)</{kind}>", xml):
        count = int(re.search(r'<ptCount val="(\d+)"/>', block).group(1))  # type: ignore[union-attr]
        values = re.findall(r"<v>(.*?)</v>", block)
        assert len(values) <= count
        out.append(values)
    return out


def test_overview_charts_cache_scores_and_names(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    bar, radar = charts(report)
    summary = summarize(checklist, demo, TODAY)
    measure_scores = [f"{round(summary.measures[m.number].value, 1):g}" for m in checklist.measures
                      if summary.measures[m.number].value is not None]  # fmt: skip
    assert "各举措得分（百分制）" in bar
    assert cache(bar, "numCache") == [measure_scores]
    assert cache(bar, "strCache") == [[m.numeral for m in checklist.measures]]
    assert "各领域得分（百分制）" in radar
    area_scores = [f"{round(summary.areas[a.number].value or 0, 1):g}" for a in checklist.areas]
    assert cache(radar, "numCache") == [area_scores]
    assert cache(radar, "strCache") == [[a.title for a in checklist.areas]]


def test_department_radar_shows_its_measures_and_says_department_score(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    path = export_report(checklist, demo, tmp_path / "dept.xlsx", measures=range(1, 6), today=TODAY)
    bar, radar = charts(path)
    numerals = [checklist.measure(n).numeral for n in range(1, 6)]
    assert cache(radar, "strCache") == [numerals]  # five axes, not one
    assert len(cache(radar, "numCache")[0]) == 5
    assert cache(bar, "numCache") == cache(radar, "numCache")
    ws = load_workbook(path)["总览"]
    labels = [ws.cell(r, 1).value for r in range(1, 30)]
    assert "本部门得分" in labels and "总体得分" not in labels


def test_department_with_two_measures_keeps_only_the_bar_chart(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    path = export_report(checklist, demo, tmp_path / "two.xlsx", measures=[1, 13], today=TODAY)
    (bar,) = charts(path)
    assert cache(bar, "strCache") == [["（一）", "（十三）"]]


def test_compare_chart_caches_both_sides(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    later = demo.model_copy(deep=True)
    later.items["9.1"] = ItemRecord(status=Status.DONE, explanation="已完成。")
    path = tmp_path / "c.xlsx"
    path.write_bytes(workbook_bytes(build_compare_workbook(compare(checklist, demo, later))))
    (chart,) = charts(path)
    a, b = cache(chart, "numCache")
    assert a and b and a != b
    names_a, names_b = cache(chart, "strCache")
    assert names_a == names_b and len(names_a) == len(checklist.measures)


@pytest.mark.parametrize("lang", list(Lang))
def test_overview_charts_sit_side_by_side_within_the_page(
    checklist: Checklist, demo: Assessment, lang: Lang
) -> None:
    """LibreOffice drew the radar over the bars' (十五) and (十六): each chart spans its own
    cells (so no program draws them wider than their columns), the bars left of the radar,
    both inside the sheet's printed columns."""
    ws = build_workbook(checklist, demo, today=TODAY, lang=lang)[OVERVIEW.name(Texts(lang))]
    bar, radar = (chart.anchor for chart in ws._charts)
    assert isinstance(bar, TwoCellAnchor) and isinstance(radar, TwoCellAnchor)
    assert bar._from.col == 0 and bar.to.col <= radar._from.col
    assert radar.to.col <= ws.max_column
    assert (bar._from.row, bar.to.row) == (radar._from.row, radar.to.row)
    # the radar's names fit beside a web: Chinese area names (≤ 11 characters) in ≥ 50 units
    width = sum(ws.column_dimensions[get_column_letter(c + 1)].width for c in range(3, 9))
    assert width >= 50


def test_english_radar_names_the_areas_by_number(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    """An English area's name (up to 70 letters) left no room for the web and ran off the
    chart: its axis shows the number the area table lists it by."""
    path = export_report(checklist, demo, tmp_path / "en.xlsx", today=TODAY, lang=Lang.EN)
    _, radar = charts(path)
    assert cache(radar, "strCache") == [[str(a.number) for a in checklist.areas]]
