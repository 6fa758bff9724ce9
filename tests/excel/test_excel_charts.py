"""Charts carry their values in the file, so previews that never recalculate still draw them."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import load_workbook

from assess.checklist import Checklist
from assess.compare import compare
from assess.excel.compare_book import build_compare_workbook, workbook_bytes
from assess.excel.report import export_report
from assess.models import Assessment, ItemRecord, Status
from assess.scoring import summarize
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
