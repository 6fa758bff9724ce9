"""The exported workbook, read back with openpyxl: sheets, columns, values, validation, print."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, RadarChart
from openpyxl.utils.cell import coordinate_from_string
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from assess import fields
from assess.applicability import item_applies
from assess.checklist import Checklist, Kind
from assess.compare import compare
from assess.excel.compare_book import build_compare_workbook
from assess.excel.layout import FIRST_DATA_ROW, HEADER_ROW, NOTES, SHEETS
from assess.excel.report import default_report_name, export_report
from assess.lang import Lang
from assess.lifecycle import new_assessment, roll_forward
from assess.models import Action, Assessment, Evidence, Status
from assess.requests import status_label
from assess.resources import template_path
from assess.scoring import summarize
from assess.texts import Texts
from assess.texts.messages import ROLLUP_RULE, warning_text
from tests.excel.conftest import TODAY

SHEET_NAMES = [
    "封面",
    "总览",
    "逐项对标",
    "逐项对标（打印）",
    "差距清单",
    "机遇清单",
    "行动计划",
    "佐证材料",
    "质量检查",
    "说明",
    "上级事项",
    "政策争取",
    "自定任务",
    "推进进度",
    "导出基准",  # hidden: the base a returned workbook is merged against
]
ITEM_COLUMNS = [
    "序号", "领域", "举措", "条目编号", "条目", "政策原文", "类型", "适用性", "落实状态",
    "成效/进度/原因", "现状", "相关指标", "佐证材料", "差距", "机遇", "下一步举措", "牵头单位", "配合单位",
    "完成时限", "优先级", "备注", "责任部门",
]  # fmt: skip


def _rows(book: Workbook, sheet: str) -> list[dict[str, object]]:
    ws = book[sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    return [
        dict(zip(headers, (c.value for c in row), strict=False))
        for row in ws.iter_rows(min_row=FIRST_DATA_ROW)
        if any(c.value is not None for c in row)
    ]


def test_sheets_in_order_and_item_columns_verbatim(book: Workbook) -> None:
    assert book.sheetnames == SHEET_NAMES
    assert [c.value for c in book["逐项对标"][HEADER_ROW]] == ITEM_COLUMNS


def test_one_row_per_item_with_labels_and_types(
    book: Workbook, checklist: Checklist, demo: Assessment
) -> None:
    rows = _rows(book, "逐项对标")
    assert [r["条目编号"] for r in rows] == [i.id for i in checklist.items]
    by_id = {r["条目编号"]: r for r in rows}
    assert by_id["1.1"]["落实状态"] == "推进中"
    assert by_id["1.6"]["落实状态"] == "不适用"
    assert by_id["3.4"]["适用性"] == "不适用（仅适用于西部地区、西部枢纽节点起步区）"
    assert by_id["1.2"]["适用性"] == "适用"
    assert by_id["1.1"]["类型"] == "支持"
    assert all(isinstance(r["序号"], int) for r in rows)
    # one action: its due date is a real date; several: one line each
    due_5_3 = by_id["5.3"]["完成时限"]
    assert isinstance(due_5_3, dt.datetime)
    assert due_5_3.date() == demo.items["5.3"].actions[0].due
    assert by_id["1.1"]["下一步举措"].count("\n") == 1  # type: ignore[union-attr]
    assert by_id["1.2"]["佐证材料"].splitlines()[0].startswith("E1 2025年管委会工作报告（")  # type: ignore[union-attr]
    assert by_id["4.1"]["现状"] is None
    assert (
        by_id["4.1"]["相关指标"] == "高新技术企业数：86 家\n专精特新企业数："
    )  # blank: to fill in


def test_status_dropdown_and_colours(book: Workbook, checklist: Checklist) -> None:
    ws = book["逐项对标"]
    last = FIRST_DATA_ROW + len(checklist.items) - 1
    (dv,) = [d for d in ws.data_validations.dataValidation if "I3" in str(d.sqref)]
    assert dv.type == "list"
    # Higher-level items answer as requests: their labels are offered too.
    assert dv.formula1 == '"已落实,推进中,未启动,不适用,未评估,已获得,争取中,未争取"'
    assert str(dv.sqref) == f"I3:I{last}"
    assert not dv.showDropDown  # True would hide the arrow in Excel
    rules = [r for cf in ws.conditional_formatting for r in cf.rules]
    colours = {r.formula[0]: r.dxf.fill.bgColor.rgb[-6:] for r in rules}
    assert colours['"已落实"'] == "C6EFCE" and colours['"未启动"'] == "FFC7CE"
    assert colours['"已获得"'] == "C6EFCE" and colours['"未争取"'] == "FFC7CE"
    assert len(colours) == 8


def test_filter_freeze_wrap_and_measure_bands(book: Workbook, checklist: Checklist) -> None:
    ws = book["逐项对标"]
    assert ws.auto_filter.ref.startswith(f"A{HEADER_ROW}:V")  # 责任部门 sorts with its row
    assert ws.freeze_panes == "F3"
    assert ws["F3"].alignment.wrap_text
    fills = {ws.cell(r, 1).fill.fgColor.rgb[-6:] for r in range(3, 20)}
    assert len(fills) == 2  # measures alternate shading
    second = 3 + len(checklist.measure(1).items)  # first row of (二)
    assert ws.cell(3, 1).fill.fgColor.rgb != ws.cell(second, 1).fill.fgColor.rgb


def test_every_sheet_prints_a4_landscape_with_headers(book: Workbook, demo: Assessment) -> None:
    for ws in book.worksheets:
        if ws.sheet_state != "visible":
            continue  # the export base: never shown, never printed
        assert int(ws.page_setup.paperSize) == 9, ws.title
        assert ws.page_setup.orientation == "landscape", ws.title
        assert not ws.sheet_properties.pageSetUpPr.fitToPage, ws.title  # a fixed scale
        assert 90 <= ws.page_setup.scale <= 100, ws.title
        assert "示例经济技术开发区" in ws.oddHeader.left.text, ws.title
        assert demo.period in ws.oddHeader.left.text, ws.title
        assert "&P" in ws.oddFooter.center.text, ws.title
        if ws.title not in ("总览", "封面"):
            assert ws.print_title_rows == f"${HEADER_ROW}:${HEADER_ROW}", ws.title
        fonts = {ws.cell(r, c).font.name for r in range(1, 6) for c in range(1, 4)}
        assert fonts <= {"宋体", "黑体"}, (ws.title, fonts)


def test_overview_scores_are_numbers_and_charts_exist(
    book: Workbook, checklist: Checklist, demo: Assessment
) -> None:
    ws = book["总览"]
    labels = {ws.cell(r, 1).value: ws.cell(r, 2) for r in range(1, 30)}
    summary = summarize(checklist, demo, TODAY)
    assert labels["总体得分"].value == round(summary.overall.value or 0, 1)
    assert labels["覆盖率"].number_format == "0%"
    assert isinstance(labels["报告日期"].value, dt.datetime)
    kinds = sorted(type(c).__name__ for c in ws._charts)
    assert kinds == ["BarChart", "RadarChart"]
    bar = next(c for c in ws._charts if isinstance(c, BarChart))
    assert len(bar.series) == 1
    radar = next(c for c in ws._charts if isinstance(c, RadarChart))
    assert radar.series


def test_gap_list_requirements_first_and_only_open_applicable_items(
    book: Workbook, checklist: Checklist, demo: Assessment
) -> None:
    rows = _rows(book, "差距清单")
    ids = [r["条目编号"] for r in rows]
    kinds = [r["类型"] for r in rows]
    assert kinds == sorted(kinds, key=lambda k: k != "要求")  # requirements first
    for item_id in ids:
        rec = demo.items[str(item_id)]
        assert rec.status in (Status.IN_PROGRESS, Status.NOT_STARTED)
        assert item_applies(checklist.item_index[str(item_id)], demo.zone)


def test_gap_and_opportunity_sheets_hold_exactly_the_summarys_gaps(
    book: Workbook, checklist: Checklist, demo: Assessment
) -> None:
    summary = summarize(checklist, demo, TODAY)
    assert any(r.status is Status.NOT_ASSESSED for r in demo.items.values())
    gaps = [str(r["条目编号"]) for r in _rows(book, "差距清单")]
    assert sorted(gaps) == sorted(summary.gaps)
    assert "未评估" not in {r["落实状态"] for r in _rows(book, "差距清单")}
    opportunities = [str(r["条目编号"]) for r in _rows(book, "机遇清单")]
    assert opportunities == summary.opportunities


def test_blank_assessment_gives_empty_gap_and_opportunity_sheets(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    blank = new_assessment(checklist, demo.zone, demo.period)
    book = load_workbook(export_report(checklist, blank, tmp_path / "b.xlsx", today=TODAY))
    for sheet in ("差距清单", "机遇清单"):
        ws = book[sheet]
        assert ws.cell(HEADER_ROW, 2).value == "条目编号"
        assert _rows(book, sheet) == [
            {**dict.fromkeys(c.value for c in ws[HEADER_ROW]), "条目": "（暂无）"}
        ]


def test_department_register_lists_only_evidence_its_items_cite(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    demo.evidence = [*demo.evidence, Evidence(id="E40", title="未被引用的材料")]
    full = load_workbook(export_report(checklist, demo, tmp_path / "f.xlsx", today=TODAY))
    assert [r["编号"] for r in _rows(full, "佐证材料")] == [e.id for e in demo.evidence]
    measures = [1, 2, 3, 4, 5, 13]
    path = export_report(checklist, demo, tmp_path / "d.xlsx", measures=measures, today=TODAY)
    cited = {
        ref
        for item_id, rec in demo.items.items()
        if int(item_id.split(".")[0]) in measures
        for ref in rec.evidence
    }
    listed = [r["编号"] for r in _rows(load_workbook(path), "佐证材料")]
    assert listed == [e.id for e in demo.evidence if e.id in cited]
    assert "E40" not in listed and "E7" not in listed  # E7: only 12.1/12.2 cite it


def test_compare_overview_starts_each_block_on_its_page_and_repeats_no_header(
    checklist: Checklist, demo: Assessment
) -> None:
    """Page 1 who and what changed, page 2 the score table, page 3 the chart. A repeated score
    header used to print above the chart; now no table is split, so none repeats."""
    later = roll_forward(demo, checklist, period="2026年下半年")
    ws = build_compare_workbook(compare(checklist, demo, later, today=TODAY))["对比总览"]
    header = next(r for r in range(1, 80) if ws.cell(r, 1).value == "领域 / 举措")
    chart_row = coordinate_from_string(ws._charts[0].anchor)[1]
    assert ws.print_title_rows is None
    assert [b.id for b in ws.row_breaks.brk] == [header - 1, chart_row - 1]
    assert ws.cell(chart_row - 1, 1).value.startswith("评分规则")


def test_action_plan_flags_overdue(book: Workbook, demo: Assessment) -> None:
    rows = _rows(book, "行动计划")
    assert len(rows) == sum(len(r.actions) for r in demo.items.values())
    for row in rows:
        due = row["完成时限"]
        overdue = (
            isinstance(due, dt.datetime) and due.date() < TODAY and row["举措状态"] != "已完成"
        )
        assert (row["逾期"] == "是") == overdue
    assert any(r["逾期"] == "是" for r in rows)


def test_evidence_register_lists_each_record_once_with_citing_items(
    book: Workbook, demo: Assessment
) -> None:
    rows = _rows(book, "佐证材料")
    assert [r["编号"] for r in rows] == [e.id for e in demo.evidence]
    e2 = next(r for r in rows if r["编号"] == "E2")
    citing = [i for i, rec in demo.items.items() if "E2" in rec.evidence]
    assert e2["引用条目"] == "、".join(citing)
    assert isinstance(e2["日期"], dt.datetime)


def test_quality_sheet_lists_every_warning(
    book: Workbook, checklist: Checklist, demo: Assessment
) -> None:
    rows = _rows(book, "质量检查")
    warnings = summarize(checklist, demo, TODAY).warnings
    assert [(r["条目编号"], r["问题说明"]) for r in rows] == [
        (w.item_id, warning_text(w, Texts())) for w in warnings
    ]


def test_notes_sheet_states_rule_and_version(book: Workbook, checklist: Checklist) -> None:
    text = "\n".join(str(c.value) for row in book["说明"].iter_rows() for c in row if c.value)
    assert Texts()(ROLLUP_RULE) in text
    assert checklist.version in text and checklist.id in text
    assert "仅适用于" in text and "生成时间" in text


@pytest.mark.parametrize("lang", list(Lang))
def test_notes_quote_the_statuses_as_the_status_column_reads_them(
    tmp_path: Path, checklist: Checklist, demo: Assessment, lang: Lang
) -> None:
    t = Texts(lang)
    book = load_workbook(export_report(checklist, demo, tmp_path / "r.xlsx", lang=lang))
    notes = book[NOTES.name(t)]
    text = "\n".join(str(c.value) for row in notes.iter_rows() for c in row if c.value)
    quote = "“{}”" if lang is Lang.ZH else "'{}'"
    requests = [Status.DONE, Status.IN_PROGRESS, Status.NOT_STARTED]
    for label in [t(status_label(s, Kind.HIGHER_LEVEL)) for s in requests] + [
        t.label(Status.NOT_APPLICABLE)
    ]:
        assert quote.format(label) in text, label
    assert t(fields.STATUS.header) in text


def test_hostile_user_text_is_written_as_text(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    rec = demo.items["1.1"]
    rec.explanation = "=cmd|' /C calc'!A0"
    rec.gap = "+1+1\x07"
    rec.note = "@SUM(A1)" + "长" * 40_000
    rec.actions = [Action(text="-1-1", lead="=A1")]
    demo.evidence = [*demo.evidence, Evidence(id="E99", title='=HYPERLINK("x")')]
    rec.evidence = ["E99"]
    demo.zone.name = "=区&<名>"
    path = export_report(checklist, demo, tmp_path / "x.xlsx", today=TODAY)
    book = load_workbook(path)
    formulas = [
        c.coordinate
        for ws in book.worksheets
        for row in ws.iter_rows()
        for c in row
        if c.data_type == "f"
    ]
    assert formulas == []
    row = next(r for r in _rows(book, "逐项对标") if r["条目编号"] == "1.1")
    assert row["成效/进度/原因"] == "=cmd|' /C calc'!A0"
    assert row["差距"] == "+1+1"
    assert str(row["备注"]).endswith("…[已截断 / truncated]")


def test_measures_option_limits_items_but_keeps_structure(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    path = export_report(checklist, demo, tmp_path / "d.xlsx", measures=[1, 13], today=TODAY)
    book = load_workbook(path)
    assert book.sheetnames == SHEET_NAMES
    ids = [str(r["条目编号"]) for r in _rows(book, "逐项对标")]
    assert ids and {i.split(".")[0] for i in ids} == {"1", "13"}
    assert {str(r["条目编号"]).split(".")[0] for r in _rows(book, "行动计划")} <= {"1", "13"}
    overview = book["总览"]
    labels = {overview.cell(r, 1).value: overview.cell(r, 2).value for r in range(1, 30)}
    assert labels["范围"] == "举措（一）、（十三）"
    measure_rows = [
        r for r in range(1, 80) if overview.cell(r, 1).value in ("（一）", "（十三）", "（二）")
    ]
    assert [overview.cell(r, 1).value for r in measure_rows] == ["（一）", "（十三）"]


def test_default_name_is_a_safe_file_name(demo: Assessment) -> None:
    demo.period = "2026年/下半年:*?"
    name = default_report_name(demo)
    assert name == "示例经济技术开发区-2026年_下半年___-对标分析.xlsx"


def test_export_is_fast_and_atomic(tmp_path: Path, checklist: Checklist, demo: Assessment) -> None:
    target = tmp_path / "r.xlsx"
    started = time.perf_counter()
    export_report(checklist, demo, target, today=TODAY)
    assert time.perf_counter() - started < 2.0
    assert [p.name for p in tmp_path.iterdir()] == ["r.xlsx"]  # no temp file left behind


def test_template_matches_the_generator(tmp_path: Path) -> None:
    target = tmp_path / "t.xlsx"
    repo = Path(__file__).resolve().parents[2]
    subprocess.run(
        [sys.executable, str(repo / "templates" / "make_template.py"), str(target)],
        check=True,
        capture_output=True,
    )
    fresh, shipped = load_workbook(target), load_workbook(template_path())
    assert shipped.sheetnames == fresh.sheetnames == [s.name(Texts()) for s in SHEETS]
    for ws in fresh.worksheets:
        other = shipped[ws.title]
        assert [c.value for c in ws[HEADER_ROW]] == [c.value for c in other[HEADER_ROW]]
        widths = {k: d.width for k, d in ws.column_dimensions.items()}
        assert widths == {k: d.width for k, d in other.column_dimensions.items()}, ws.title


def test_each_export_starts_from_an_untouched_template(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    """The template is parsed once per process; an English department book written in
    between leaves no trace in the next full workbook."""
    first = export_report(checklist, demo, tmp_path / "1.xlsx", today=TODAY)
    export_report(checklist, demo, tmp_path / "d.xlsx", measures=[2], today=TODAY, lang=Lang.EN)
    again = export_report(checklist, demo, tmp_path / "2.xlsx", today=TODAY)
    for ws, other in zip(load_workbook(first), load_workbook(again), strict=True):
        assert ws.title == other.title
        if ws.sheet_state == "hidden":  # the export base: a new export ID each time
            continue
        assert _values(ws) == _values(other), ws.title
        rows = {k: d.height for k, d in ws.row_dimensions.items()}
        assert rows == {k: d.height for k, d in other.row_dimensions.items()}, ws.title
        assert ws.freeze_panes == other.freeze_panes
        assert ws.print_title_rows == other.print_title_rows


def _values(ws: Worksheet) -> list[list[object]]:
    """Cell values, the generation time (说明's 生成时间, to the minute) left out."""
    stamp = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")
    return [
        [stamp.sub("", c.value) if isinstance(c.value, str) else c.value for c in row]
        for row in ws.iter_rows()
    ]
