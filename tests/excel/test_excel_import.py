"""Importing returned workbooks: round trip, merge, empty cells, every error located."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from assess.checklist import Checklist
from assess.cli import main
from assess.excel.import_report import short_pair
from assess.excel.importer import WorkbookInvalid, import_into, new_from_workbook
from assess.excel.layout import FIRST_DATA_ROW, HEADER_ROW, ITEMS
from assess.excel.limits import WorkbookRefused
from assess.excel.report import export_report
from assess.lang import Lang
from assess.models import Action, ActionStatus, Assessment, Evidence, Status
from assess.storage import dumps, load
from assess.texts import Texts
from tests.excel.conftest import TODAY

COMPARED = ("checklist", "zone", "period", "assessor", "evidence", "items", "retired_items")


def _same_assessment(a: Assessment, b: Assessment) -> None:
    for name in COMPARED:
        assert getattr(a, name) == getattr(b, name), name


def _edit(path: Path, sheet: str, item_id: str, header: str, value: object) -> None:
    """Set the cell of ``header`` in the row of ``item_id`` (first match), like a user would."""
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    col = headers.index(header) + 1
    id_col = headers.index("条目编号") + 1
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        if ws.cell(row, id_col).value == item_id:
            ws.cell(row, col).value = value
            break
    else:
        raise AssertionError(f"{item_id} not in {sheet}")
    wb.save(path)


def test_round_trip_into_a_copy_changes_nothing(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    copy = demo.model_copy(deep=True)
    result = import_into(report, checklist, copy)
    assert result.changes == []
    assert dumps(copy) == dumps(demo)


def test_round_trip_to_a_new_file_gives_the_same_assessment(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    made, result = new_from_workbook(report, checklist)
    _same_assessment(made, demo)
    assert result.overwritten == []


# Any printable Unicode plus the characters that matter in cells; control characters and
# non-characters are removed on export by design (see test_excel_cells).
_text = st.text(
    st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc", "Cn")),
        st.sampled_from(["\t", "\n", "=", "+", "-", "@", " ", "〔", "：", "E", "（", "）", "，"]),
    ),
    max_size=60,
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    explanation=_text,
    current=_text.filter(lambda t: "〔指标〕" not in t),
    gap=_text,
    note=_text,
    action=_text.filter(lambda t: t.strip() != ""),
    lead=_text,
    title=_text.filter(lambda t: t.strip() != ""),
)
def test_round_trip_keeps_arbitrary_unicode_text(
    tmp_path: Path,
    checklist: Checklist,
    demo: Assessment,
    explanation: str,
    current: str,
    gap: str,
    note: str,
    action: str,
    lead: str,
    title: str,
) -> None:
    a = demo.model_copy(deep=True)
    rec = a.items["2.3"]
    rec.status = Status.IN_PROGRESS
    rec.explanation, rec.current, rec.gap, rec.note = explanation, current, gap, note
    rec.actions = [Action(text=action, lead=lead, due=dt.date(2027, 2, 28))]
    a.evidence = [*a.evidence, Evidence(id="E50", title=title, ref=lead)]
    rec.evidence = ["E50"]
    path = export_report(checklist, a, tmp_path / "p.xlsx", today=TODAY)
    made, _ = new_from_workbook(path, checklist)
    back = made.items["2.3"]
    # Whitespace-only cells count as empty, so they come back empty.
    for got, sent in [
        (back.explanation, explanation), (back.current, current), (back.gap, gap), (back.note, note),
    ]:  # fmt: skip
        assert got == (sent if sent.strip() else "")
    assert back.actions[0].text == action
    assert back.actions[0].lead == (lead if lead.strip() else "")
    assert made.evidence_by_id()["E50"].title == title
    again = made.model_copy(deep=True)
    assert import_into(path, checklist, again).changes == []


def _without_base(path: Path) -> None:
    """A workbook as exported before bases existed (or made by hand)."""
    wb = load_workbook(path)
    del wb["导出基准"]
    wb.save(path)


def test_without_a_base_empty_cells_never_overwrite(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    for header in ("落实状态", "成效/进度/原因", "现状", "佐证材料", "差距"):
        _edit(report, "逐项对标", "1.1", header, None)
    _edit(report, "行动计划", "1.1", "牵头单位", None)
    _without_base(report)
    copy = demo.model_copy(deep=True)
    result = import_into(report, checklist, copy)
    assert result.changes == []
    assert copy.items["1.1"] == demo.items["1.1"]
    assert any("report.xlsx" in n and "旧规则" in n for n in (x.both() for x in result.notes))


def test_with_a_base_an_emptied_cell_clears_it_but_an_empty_status_is_no_change(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    _edit(report, "逐项对标", "1.1", "落实状态", None)
    _edit(report, "逐项对标", "1.1", "差距", None)
    copy = demo.model_copy(deep=True)
    result = import_into(report, checklist, copy)
    assert demo.items["1.1"].gap and copy.items["1.1"].gap == ""
    assert copy.items["1.1"].status is demo.items["1.1"].status
    assert [(c.item, c.field, c.new) for c in result.changes] == [("1.1", "gap", "")]


def test_edits_are_applied_through_history_and_overwrites_listed(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    _edit(report, "逐项对标", "1.1", "落实状态", "已落实")
    _edit(report, "逐项对标", "1.3", "差距", "缺少创新联合体")
    _edit(report, "行动计划", "1.1", "完成时限", dt.datetime(2027, 3, 31))
    copy = demo.model_copy(deep=True)
    result = import_into(report, checklist, copy, who="科创局")
    assert copy.items["1.1"].status is Status.DONE
    assert copy.items["1.3"].gap == "缺少创新联合体"
    assert copy.items["1.1"].actions[0].due == dt.date(2027, 3, 31)
    assert copy.items["1.1"].actions[1] == demo.items["1.1"].actions[1]
    fields = {(c.item, c.field) for c in result.changes}
    first_id = demo.items["1.1"].actions[0].id
    assert fields == {("1.1", "status"), ("1.3", "gap"), ("1.1", f"actions.{first_id}.due")}
    assert copy.history[-len(result.changes) :] == result.changes
    assert all(c.who == "科创局" for c in result.changes)
    overwritten = {(c.item, c.field, c.old, c.new) for c in result.overwritten}
    assert ("1.1", "status", "in_progress", "done") in overwritten
    assert not any(c.field == "gap" for c in result.overwritten)  # 1.3 had no gap recorded
    assert any("推进中 → 已落实" in line for line in result.lines())


@pytest.mark.parametrize("lang", list(Lang))
def test_an_edited_copy_column_is_said_not_silently_dropped(
    tmp_path: Path, checklist: Checklist, demo: Assessment, lang: Lang
) -> None:
    """A department that lifted the protection and rewrote 政策原文 or 类型 saw "0 处修改"
    and no word of it; the copy is still not taken (the checklist's text is the policy's)."""
    t = Texts(lang)
    path = export_report(checklist, demo, tmp_path / "w.xlsx", today=TODAY, lang=lang)
    wb = load_workbook(path)
    ws = wb[ITEMS.name(t)]
    source_header, kind_header = (t(ITEMS.column(key).text) for key in ("source", "kind"))
    headers = [c.value for c in ws[HEADER_ROW]]
    source, kind = headers.index(source_header) + 1, headers.index(kind_header) + 1
    row = next(r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, 4).value == "1.2")
    ws.cell(row, source).value = "部门改写的政策原文"
    ws.cell(row, kind).value = "  " + str(ws.cell(row, kind).value) + "\n"  # only re-spaced
    ws.cell(row + 1, kind).value = "要求" if lang is Lang.ZH else "requirement"
    wb.save(path)
    copy = demo.model_copy(deep=True)
    result = import_into(path, checklist, copy)
    assert result.changes == [] and dumps(copy) == dumps(demo)
    said = [n.render(t) for n in result.notes]
    assert len(said) == 2, said
    assert f"{row}" in said[0] and "1.2" in said[0] and source_header in said[0]
    assert kind_header not in said[0]  # re-spacing a copy is no edit
    assert "1.3" in said[1] and kind_header in said[1]


def test_new_evidence_lines_create_records_once(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    line = "园区创新联合体名单（科创发〔2026〕2号，2026-01-05）"
    _edit(report, "逐项对标", "1.3", "佐证材料", f"E1 随便写的标题\n{line}")
    _edit(report, "逐项对标", "1.2", "佐证材料", f"E1\n{line}")
    copy = demo.model_copy(deep=True)
    result = import_into(report, checklist, copy)
    (new_id,) = result.new_evidence
    record = copy.evidence_by_id()[new_id]
    assert (record.title, record.ref, record.date) == (
        "园区创新联合体名单",
        "科创发〔2026〕2号",
        dt.date(2026, 1, 5),
    )
    assert copy.items["1.3"].evidence == ["E1", new_id]
    assert copy.items["1.2"].evidence == ["E1", new_id]


def test_department_workbooks_merge_one_after_another(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    science = export_report(checklist, demo, tmp_path / "科创局.xlsx", measures=[1], today=TODAY)
    land = export_report(checklist, demo, tmp_path / "规划国土局.xlsx", measures=[13], today=TODAY)
    _edit(science, "逐项对标", "1.3", "落实状态", "推进中")
    _edit(land, "逐项对标", "13.2", "落实状态", "推进中")
    _edit(land, "行动计划", "13.2", "举措状态", "进行中")
    merged = demo.model_copy(deep=True)
    import_into(science, checklist, merged)
    import_into(land, checklist, merged)
    assert merged.items["1.3"].status is Status.IN_PROGRESS
    assert merged.items["13.2"].status is Status.IN_PROGRESS
    assert merged.items["13.2"].actions[0].status is ActionStatus.DOING
    untouched = [i for i in demo.items if i.split(".")[0] not in ("1", "13")]
    assert all(merged.items[i] == demo.items[i] for i in untouched)


def test_all_problems_reported_with_location_and_nothing_changed(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    _edit(report, "逐项对标", "1.1", "落实状态", "差不多了")
    _edit(report, "逐项对标", "1.2", "条目编号", "99.9")
    _edit(report, "逐项对标", "1.3", "成效/进度/原因", "这一处本来是合法修改")
    _edit(report, "行动计划", "1.4", "完成时限", "明年春天")
    _edit(report, "行动计划", "2.2", "优先级", "特急")
    _edit(report, "逐项对标", "1.4", "佐证材料", "E404 不存在的材料")
    copy = demo.model_copy(deep=True)
    with pytest.raises(WorkbookInvalid) as caught:
        import_into(report, checklist, copy)
    text = str(caught.value)
    assert "“逐项对标” 第 3 行 I 列（落实状态）" in text and "差不多了" in text
    assert "“逐项对标” 第 4 行 D 列（条目编号）" in text and "99.9" in text
    assert "“行动计划”" in text and "明年春天" in text and "（完成时限）" in text
    assert "特急" in text
    assert "E404" in text
    assert len(caught.value.problems) == 5  # every problem at once
    assert dumps(copy) == dumps(demo)


def test_unknown_evidence_id_is_reported(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    _edit(report, "逐项对标", "1.4", "佐证材料", "E404 不存在的材料")
    with pytest.raises(WorkbookInvalid, match="E404"):
        import_into(report, checklist, demo.model_copy(deep=True))


def test_missing_sheet_and_header_are_reported(report: Path, checklist: Checklist) -> None:
    wb = load_workbook(report)
    del wb["行动计划"]
    wb["逐项对标"].cell(HEADER_ROW, 9).value = "状态"
    wb.save(report)
    with pytest.raises(WorkbookInvalid) as caught:
        new_from_workbook(report, checklist)
    text = str(caught.value)
    assert "缺少工作表“行动计划”" in text
    assert "“逐项对标” 第 2 行" in text and "缺少列“落实状态”" in text
    # read in English, the Chinese workbook's missing sheet keeps the name its tab had
    english = caught.value.render(Texts(Lang.EN))
    assert "the sheet “行动计划” is missing" in english and "Action plan" not in english


def test_not_a_workbook_is_refused(tmp_path: Path, checklist: Checklist) -> None:
    csv = tmp_path / "r.xlsx"
    csv.write_text("条目编号,落实状态\n1.1,已落实\n", encoding="utf-8")
    with pytest.raises(WorkbookRefused, match=r"不是 \.xlsx"):
        new_from_workbook(csv, checklist)
    ole = tmp_path / "old.xls"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100)
    with pytest.raises(WorkbookRefused, match="旧格式或加密"):
        new_from_workbook(ole, checklist)
    other_zip = tmp_path / "x.xlsx"
    with zipfile.ZipFile(other_zip, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(WorkbookRefused, match=r"不是 \.xlsx"):
        new_from_workbook(other_zip, checklist)


def test_zip_bomb_and_huge_dimension_are_refused_quickly(
    tmp_path: Path, checklist: Checklist, report: Path
) -> None:
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(report) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":
                data += b" " * (60 * 1024 * 1024)
            dst.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)
    with pytest.raises(WorkbookRefused, match="过大"):
        new_from_workbook(bomb, checklist)

    wide = tmp_path / "wide.xlsx"
    with zipfile.ZipFile(report) as src, zipfile.ZipFile(wide, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":
                head, _, tail = data.partition(b'<dimension ref="')
                data = head + b'<dimension ref="A1:XFD1048576' + tail[tail.index(b'"') :]
            dst.writestr(info, data)
    with pytest.raises(WorkbookRefused, match="声明的范围"):
        new_from_workbook(wide, checklist)


def test_cli_export_then_import_into_with_lock(
    tmp_path: Path, demo_file: Path, capsys: pytest.CaptureFixture[str], checklist: Checklist
) -> None:
    out = tmp_path / "科创局.xlsx"
    assert main(["export", str(demo_file), "--measures", "1-2,13", "-o", str(out)]) == 0
    assert main(["export", str(demo_file), "-o", str(out)]) == 2  # exists: not overwritten
    _edit(out, "逐项对标", "2.4", "落实状态", "未启动")
    before = load(demo_file, checklist).assessment
    assert main(["import", str(out), "--into", str(demo_file), "--dry-run"]) == 0
    assert load(demo_file, checklist).assessment == before
    assert main(["import", str(out), "--into", str(demo_file)]) == 0
    after = load(demo_file, checklist).assessment
    assert after.items["2.4"].status is Status.NOT_STARTED
    assert after.history[-1].field == "status"
    printed = capsys.readouterr().out
    assert "已写入" in printed


def test_cli_import_new_file_and_bad_workbook_message(
    tmp_path: Path, report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    new = tmp_path / "new.json"
    assert main(["import", str(report), "-o", str(new)]) == 0
    assert new.exists()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    assert main(["import", str(bad), "-o", str(tmp_path / "n2.json")]) == 2
    err = capsys.readouterr().err
    assert "不是 .xlsx" in err and "Traceback" not in err
    assert not (tmp_path / "n2.json").exists()


def test_actions_typed_into_the_item_sheet_are_imported_when_the_item_has_none(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    assert not demo.items["1.3"].actions
    _edit(report, "逐项对标", "1.3", "下一步举措", "① 组建创新联合体\n② 对接大学科技园")
    _edit(report, "逐项对标", "1.3", "牵头单位", "① 科技创新局\n② 招商局")
    _edit(report, "逐项对标", "1.3", "完成时限", "① 2026-12-31\n② 2027/3/1")
    _edit(report, "逐项对标", "1.3", "优先级", "① 高")
    _edit(report, "逐项对标", "1.1", "下一步举措", "改写了但应以行动计划为准")
    copy = demo.model_copy(deep=True)
    result = import_into(report, checklist, copy)
    first, second = copy.items["1.3"].actions
    assert (first.text, first.lead, first.due, Texts().label(first.priority)) == (
        "组建创新联合体", "科技创新局", dt.date(2026, 12, 31), "高",
    )  # fmt: skip
    assert (second.text, second.lead, second.due) == (
        "对接大学科技园",
        "招商局",
        dt.date(2027, 3, 1),
    )
    assert copy.items["1.1"].actions == demo.items["1.1"].actions
    assert any("1.1" in n and "行动计划" in n for n in (x.both() for x in result.notes))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_workbook_resaved_by_libreoffice_imports_without_changes(
    tmp_path: Path, report: Path, checklist: Checklist, demo: Assessment
) -> None:
    outdir = tmp_path / "lo"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
         "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(report)],
        check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    resaved = outdir / "report.xlsx"
    copy = demo.model_copy(deep=True)
    assert import_into(resaved, checklist, copy).changes == []
    made, _ = new_from_workbook(resaved, checklist)
    _same_assessment(made, demo)


def test_damaged_sheet_xml_is_a_message_not_a_traceback(
    tmp_path: Path, report: Path, checklist: Checklist
) -> None:
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(report) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = data[: len(data) // 2]
            dst.writestr(info, data)
    with pytest.raises(WorkbookRefused, match="无法读取工作簿"):
        new_from_workbook(broken, checklist)


def test_workbook_of_another_zone_is_refused(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    other = demo.model_copy(deep=True)
    other.zone.name = "另一个经开区"
    with pytest.raises(WorkbookInvalid, match="另一个经开区"):
        import_into(report, checklist, other)
    assert other.history == demo.history


def test_dry_run_lists_every_change_it_would_make_and_the_import_lists_the_same(
    report: Path, demo_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _edit(report, "逐项对标", "1.1", "落实状态", "已落实")
    _edit(report, "逐项对标", "1.3", "差距", "缺少创新联合体")
    _edit(report, "逐项对标", "1.1", "备注", "已报管委会")
    assert main(["import", str(report), "--into", str(demo_file), "--dry-run"]) == 0
    dry = capsys.readouterr().out
    assert "1.1 落实状态：推进中 → 已落实" in dry  # overwritten: old → new
    assert "1.3 差距：缺少创新联合体" in dry  # was empty: the new value
    assert "1.1 备注：" in dry and "已报管委会" in dry
    assert main(["import", str(report), "--into", str(demo_file)]) == 0
    done = capsys.readouterr().out
    listed = [line for line in dry.splitlines() if line.startswith("  ")]
    assert len(listed) == 3 and all(line in done.splitlines() for line in listed)


def test_action_changes_are_listed_one_per_action_with_what_changed(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    first, second = demo.items["1.1"].actions
    wb = load_workbook(report)
    ws = wb["行动计划"]
    headers = [c.value for c in ws[HEADER_ROW]]
    col = {h: headers.index(h) + 1 for h in ("条目编号", "下一步举措", "举措状态", "完成时限")}
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        if ws.cell(row, col["下一步举措"]).value == second.text:
            ws.cell(row, col["举措状态"]).value = "已完成"
            ws.cell(row, col["完成时限"]).value = dt.datetime(2027, 3, 31)
    new_row = ws.max_row + 1
    ws.cell(new_row, col["条目编号"]).value = "1.1"
    ws.cell(new_row, col["下一步举措"]).value = "对接省科技厅"
    wb.save(report)
    result = import_into(report, checklist, demo.model_copy(deep=True))
    lines = result.lines()
    assert "  1.1 下一步举措" in lines
    changed = next(line for line in lines if second.text in line)
    assert changed.strip().startswith(f"修改 {second.id}“")
    assert f"举措状态 {Texts().label(second.status)} → 已完成" in changed
    old_due = second.due.isoformat() if second.due else "（空）"
    assert f"完成时限 {old_due} → 2027-03-31" in changed
    assert not any(first.text in line for line in lines)  # unchanged: not listed
    assert any("新增" in line and "“对接省科技厅”" in line for line in lines)


def test_half_width_punctuation_in_new_evidence_is_read_like_full_width(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    _edit(report, "逐项对标", "1.3", "佐证材料", "产业研究报告(示经开〔2026〕8号,2026-05-01)")
    copy = demo.model_copy(deep=True)
    (new_id,) = import_into(report, checklist, copy).new_evidence
    record = copy.evidence_by_id()[new_id]
    assert (record.title, record.ref, record.date) == (
        "产业研究报告",
        "示经开〔2026〕8号",
        dt.date(2026, 5, 1),
    )


def test_department_workbook_does_not_register_evidence_its_items_do_not_cite(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    path = export_report(checklist, demo, tmp_path / "d.xlsx", measures=[1, 13], today=TODAY)
    wb = load_workbook(path)
    ws = wb["佐证材料"]
    row = ws.max_row + 1
    ws.cell(row, 1).value, ws.cell(row, 2).value = "E99", "别的部门的材料"
    ws.cell(row + 1, 2).value = "未编号也未引用的材料"
    wb.save(path)
    copy = demo.model_copy(deep=True)
    result = import_into(path, checklist, copy)
    assert result.changes == [] and result.new_evidence == []
    assert copy.evidence == demo.evidence
    assert any("E99" in n and "未登记" in n for n in (x.both() for x in result.notes))
    made, _ = new_from_workbook(path, checklist)
    cited = {ref for i, r in made.items.items() for ref in r.evidence}
    assert {e.id for e in made.evidence} == cited


def test_full_workbook_still_registers_uncited_evidence(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    wb = load_workbook(report)
    ws = wb["佐证材料"]
    ws.cell(ws.max_row + 1, 2).value = "新的未引用材料"
    wb.save(report)
    copy = demo.model_copy(deep=True)
    (new_id,) = import_into(report, checklist, copy).new_evidence
    assert copy.evidence_by_id()[new_id].title == "新的未引用材料"


def test_long_overwritten_text_is_shown_where_it_differs() -> None:
    common = "对接高校院所共建中试基地，" * 6
    old, new = short_pair(common + "优先支持本地企业", common + "优先支持外地企业")
    assert old != new and "本地企业" in old and "外地企业" in new


def test_a_workbook_cut_short_in_sending_is_said_to_be_incomplete(
    tmp_path: Path, report: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Half a workbook (a mail or chat transfer cut short) is no "save it as .xlsx" case."""
    cut = tmp_path / "cut.xlsx"
    data = report.read_bytes()
    cut.write_bytes(data[: len(data) // 2])
    assert main(["import", str(cut), "-o", str(tmp_path / "n.json")]) == 2
    err = capsys.readouterr().err
    assert "不完整" in err and "重新发送" in err and "Traceback" not in err
    assert main(["--lang", "en", "import", str(cut), "-o", str(tmp_path / "n.json")]) == 2
    assert "incomplete" in capsys.readouterr().err
