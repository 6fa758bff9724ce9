"""The department loop end to end: export by department, fill, import all at once (issue 13)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from assess import fields
from assess.checklist import Checklist
from assess.cli import main
from assess.departments import items_of
from assess.editing import Editor
from assess.excel.conflicts import conflict_lines
from assess.excel.department_book import export_by_department, planned_books
from assess.excel.importer import WorkbookInvalid, import_into, import_many
from assess.excel.layout import FIRST_DATA_ROW, HEADER_ROW
from assess.excel.layout import ITEMS as ITEMS_LAYOUT
from assess.excel.report import export_report
from assess.lang import Lang
from assess.merge import ROW, Conflict, MergeRefused
from assess.models import Action, Assessment, Responsibility, Status
from assess.review import ReviewError, ReviewStep
from assess.storage import load, save
from assess.texts import Texts
from tests.excel.conftest import TODAY

ITEMS, ACTIONS = "逐项对标", "行动计划"


def _books(checklist: Checklist, demo: Assessment, folder: Path) -> dict[str, Path]:
    books = planned_books(checklist, demo, folder)
    export_by_department(checklist, demo, books, today=TODAY)
    return {name: path for name, path, _ in books}


def _row(ws: Any, key_header: str, key: str) -> int:
    headers = [c.value for c in ws[HEADER_ROW]]
    col = headers.index(key_header) + 1
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        if ws.cell(row, col).value == key:
            return row
    raise AssertionError(f"{key} not in {ws.title}")


def _set(
    path: Path, sheet: str, key: str, header: str, value: object, by: str = "条目编号"
) -> None:
    """Type ``value`` into the row of ``key`` (an item ID, or an action ID with by="编号")."""
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    ws.cell(_row(ws, by, key), headers.index(header) + 1).value = value
    wb.save(path)


def _cover(path: Path, **values: str) -> None:
    wb = load_workbook(path)
    ws = wb["封面"]
    for row in range(1, 20):
        label = ws.cell(row, 1).value
        if label in values:
            ws.cell(row, 2).value = values[label]
    wb.save(path)


def _delete_action(path: Path, action_id: str) -> None:
    wb = load_workbook(path)
    ws = wb[ACTIONS]
    ws.delete_rows(_row(ws, "编号", action_id))
    wb.save(path)


def _reverse_actions(path: Path) -> None:
    """Sort the 行动计划 sheet the other way round, as its filter would."""
    wb = load_workbook(path)
    ws = wb[ACTIONS]
    last = max(r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, 2).value)
    rows = [[c.value for c in ws[r]] for r in range(FIRST_DATA_ROW, last + 1)]
    for offset, values in enumerate(reversed(rows)):
        for col, value in enumerate(values, start=1):
            ws.cell(FIRST_DATA_ROW + offset, col).value = value
    wb.save(path)


def _add_action(path: Path, item_id: str, text: str) -> None:
    wb = load_workbook(path)
    ws = wb[ACTIONS]
    headers = [c.value for c in ws[HEADER_ROW]]
    row = max(r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, 2).value) + 1
    ws.cell(row, headers.index("条目编号") + 1).value = item_id
    ws.cell(row, headers.index("下一步举措") + 1).value = text
    wb.save(path)


def test_a_returned_untouched_workbook_never_reverts_newer_work(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    """Issue 13.1: the office edits after the export; the workbook comes back untouched."""
    office = demo.model_copy(deep=True)
    Editor(office, who="办公室").set_text("1.1", "gap", "办公室导出后补充的差距")
    Editor(office, who="办公室").set_status("1.2", Status.IN_PROGRESS)
    _set(report, ITEMS, "1.3", "差距", "部门填写的差距")
    result = import_into(report, checklist, office)
    assert office.items["1.1"].gap == "办公室导出后补充的差距"
    assert office.items["1.2"].status is Status.IN_PROGRESS
    assert office.items["1.3"].gap == "部门填写的差距"
    assert [(c.item, c.field) for c in result.changes] == [("1.3", "gap")]


def test_a_full_round_of_four_departments_loses_nothing(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    books = _books(checklist, demo, tmp_path / "out")
    science, commerce, land, approval = (
        books[d] for d in ("科创局", "商务局", "自然资源和规划局", "行政审批局")
    )
    # The office goes on working after the export.
    office = demo.model_copy(deep=True)
    editor = Editor(office, who="办公室")
    editor.set_text("1.2", "explanation", "办公室更新的成效")
    editor.set_text("5.1", "gap", "办公室写的差距")
    editor.set_action_field("A16", "text", "办公室改写的举措")
    # 科创局: an assessment, a deleted action, its plan sorted the other way; fills the cover.
    _set(science, ITEMS, "1.3", "落实状态", "已落实")
    _set(science, ITEMS, "1.3", "成效/进度/原因", "已建成创新联合体")
    _delete_action(science, "A3")
    _reverse_actions(science)
    _cover(science, 填报人="张三", 联系电话="0512-1234", 填报部门="科创局")
    # 商务局: a gap the office changed too (conflict) and a new action.
    _set(commerce, ITEMS, "5.1", "差距", "商务局写的差距")
    _add_action(commerce, "5.2", "对接省商务厅争取试点")
    _cover(commerce, 填报人="李四")
    # 自然资源和规划局: the action the office rewrote (conflict), and 13.3 in progress.
    _set(land, ACTIONS, "A16", "下一步举措", "部门改写的举措", by="编号")
    _set(land, ITEMS, "13.3", "落实状态", "推进中")
    # 行政审批局: edits 7.1, where it is only a partner: refused, with its cell.
    partner_item = next(
        i
        for i in items_of(checklist, demo, "行政审批局", "any")
        if i not in items_of(checklist, demo, "行政审批局")
    )
    _set(approval, ITEMS, partner_item, "差距", "不该由配合部门写")
    paths = [science, commerce, land, approval]

    with pytest.raises(WorkbookInvalid) as refused:
        import_many(paths, checklist, office.model_copy(deep=True))
    (problem,) = refused.value.problems
    assert problem.sheet == ITEMS and problem.header == "差距" and problem.row >= FIRST_DATA_ROW
    assert partner_item in problem.message.both() and "配合" in problem.message.both()
    _set(approval, ITEMS, partner_item, "差距", None)  # the office reverts the cell

    with pytest.raises(MergeRefused) as conflicts:
        import_many(paths, checklist, office.model_copy(deep=True))
    assert {(c.item, c.row) for c in conflicts.value.conflicts} == {("5.1", ""), ("13.2", "A16")}

    merged = office.model_copy(deep=True)
    result, report = import_many(paths, checklist, merged, prefer="workbook")
    records = merged.items
    assert records["1.2"].explanation == "办公室更新的成效"  # the office's newer work stays
    assert records["1.3"].status is Status.DONE
    assert records["1.3"].explanation == "已建成创新联合体"
    assert "A3" not in {a.id for a in records["1.4"].actions}
    assert [a.id for a in records["1.1"].actions] == ["A1", "A2"]  # sorting is no change
    assert records["5.1"].gap == "商务局写的差距"
    assert [a.text for a in records["5.2"].actions][-1] == "对接省商务厅争取试点"
    assert records["13.2"].actions[0].text == "部门改写的举措"
    assert records["13.3"].status is Status.IN_PROGRESS
    untouched = set(demo.items) - {"1.3", "1.4", "5.1", "5.2", "13.2", "13.3", "1.2"}
    assert all(records[i] == demo.items[i] for i in untouched)
    by_source = {c.source: c.who for c in result.changes}
    assert by_source[science.name] == "张三（科创局）"
    assert by_source[commerce.name] == "李四（商务局）"
    deleted = [c for c in result.changes if c.field == "actions.A3"]
    assert deleted and deleted[0].new == "" and deleted[0].source == science.name
    assert any("删除 A3" in line for line in report.lines())


def test_a_department_may_not_relabel_rows_or_plan_for_other_items(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    science = _books(checklist, demo, tmp_path)["科创局"]
    _set(science, ITEMS, "1.3", "条目编号", "10.1")
    _add_action(science, "12.1", "替别的部门加的举措")
    with pytest.raises(WorkbookInvalid) as caught:
        import_into(science, checklist, demo.model_copy(deep=True))
    where = {(p.sheet, p.header) for p in caught.value.problems}
    assert (ITEMS, "条目编号") in where and (ACTIONS, "条目编号") in where
    text = str(caught.value)
    assert "10.1" in text and "12.1" in text and "D 列" in text


def test_swapped_ids_in_the_full_workbook_are_caught_by_the_title(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    _set(report, ITEMS, "1.1", "条目编号", "1.2x")
    _set(report, ITEMS, "1.2", "条目编号", "1.1")
    _set(report, ITEMS, "1.2x", "条目编号", "1.2")
    copy = demo.model_copy(deep=True)
    with pytest.raises(WorkbookInvalid, match=re.escape("条目编号 1.1 与旁边的条目")):
        import_into(report, checklist, copy)
    assert copy == demo


def test_editing_an_action_row_edits_it_and_a_row_without_id_is_new(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    first = demo.items["1.1"].actions[0]
    _set(report, ACTIONS, first.id, "下一步举措", "改写后的举措", by="编号")
    _add_action(report, "1.1", "新增的举措")
    copy = demo.model_copy(deep=True)
    import_into(report, checklist, copy)
    actions = copy.items["1.1"].actions
    assert [a.text for a in actions] == [
        "改写后的举措",
        demo.items["1.1"].actions[1].text,
        "新增的举措",
    ]
    assert actions[0].id == first.id and actions[2].id not in {
        a.id for a in demo.items["1.1"].actions
    }


def test_not_assessed_in_a_workbook_is_a_real_value(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    assert demo.items["1.2"].status is Status.DONE
    _set(report, ITEMS, "1.2", "落实状态", "未评估")
    copy = demo.model_copy(deep=True)
    result = import_into(report, checklist, copy)
    assert copy.items["1.2"].status is Status.NOT_ASSESSED
    assert [(c.field, c.old, c.new) for c in result.changes] == [("status", "done", "not_assessed")]


def test_not_assessed_without_a_base_is_reported_not_ignored(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    _set(report, ITEMS, "1.2", "落实状态", "未评估")
    wb = load_workbook(report)
    del wb["导出基准"]
    wb.save(report)
    copy = demo.model_copy(deep=True)
    result = import_into(report, checklist, copy)
    assert copy.items["1.2"].status is Status.DONE
    assert any("1.2" in n and "未评估" in n for n in (x.both() for x in result.notes))


def test_department_books_hold_their_items_and_mark_partner_items(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    books = _books(checklist, demo, tmp_path)
    assert books["科创局"].name == f"{demo.zone.name}-{demo.period}-科创局.xlsx"
    wb = load_workbook(books["科创局"])
    ws = wb[ITEMS]
    ids = [
        ws.cell(r, 4).value for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, 4).value
    ]
    assert ids == items_of(checklist, demo, "科创局", "any")
    cover = [[c.value for c in row] for row in wb["封面"].iter_rows()]
    roles = {row[0]: row[3] for row in cover if row[0] in ids}
    lead = set(items_of(checklist, demo, "科创局"))
    assert {i for i, role in roles.items() if role == "牵头"} == lead
    assert {r for i, r in roles.items() if i not in lead} == {"配合（只读）"}
    assert cover[5][:2] == ["填报部门", "科创局"]
    assert wb["导出基准"].sheet_state == "hidden"


def test_cover_shows_the_assessor_and_contact_and_leaves_blank_lines(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    demo.contact = "0512-66668888"
    path = export_report(checklist, demo, tmp_path / "r.xlsx", today=TODAY)
    cover = {
        row[0]: row[1] for row in load_workbook(path)["封面"].iter_rows(values_only=True) if row[0]
    }
    assert cover["填报人"] == demo.assessor and cover["联系电话"] == "0512-66668888"
    assert cover["审核人"] is None and cover["填报单位（盖章）"] is None
    assert "年" in cover["填报日期"] and "签字" in "".join(str(k) for k in cover)


def test_a_departments_partner_items_refuse_typing_and_its_own_take_it(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    """配合（只读） rows took typing, and the whole workbook was refused at import for it."""
    science = _books(checklist, demo, tmp_path)["科创局"]
    own = set(items_of(checklist, demo, "科创局"))
    ws = load_workbook(science)[ITEMS]
    ids = [ws.cell(r, 4).value for r in range(FIRST_DATA_ROW, ws.max_row + 1)]
    partner = next(i for i in ids if i and i not in own)
    mine = next(i for i in ids if i in own)
    assert not _typable(ws, _row(ws, "条目编号", partner), "差距")
    assert _typable(ws, _row(ws, "条目编号", mine), "差距")


def _cover_text(path: Path) -> str:
    rows = load_workbook(path)["封面"].iter_rows(values_only=True)
    return "".join(str(v) for row in rows for v in row if v)


def test_only_a_department_cover_tells_of_partner_items(
    tmp_path: Path, report: Path, checklist: Checklist, demo: Assessment
) -> None:
    """The office's own workbook said "标为配合（只读）的条目…请勿修改", which it has none of."""
    science = _books(checklist, demo, tmp_path)["科创局"]
    assert "配合（只读）" in _cover_text(science)
    full = _cover_text(report)
    assert "配合（只读）" not in full and "抄录的列" in full and "导出基准" in full


def test_the_office_reassigns_an_item_in_its_workbook_a_department_cannot(
    tmp_path: Path, report: Path, checklist: Checklist, demo: Assessment
) -> None:
    _set(report, ITEMS, "1.3", "责任部门", "商务局；配合：科创局")
    copy = demo.model_copy(deep=True)
    result = import_into(report, checklist, copy)
    assert copy.responsibility["1.3"].lead == "商务局"
    assert copy.responsibility["1.3"].partners == ["科创局"]
    said = "\n".join(result.lines())  # as its cell reads: no "佐证材料 responsibility.1.3：{…}"
    assert "  1.3 责任部门：商务局；配合：科创局" in said and "{" not in said
    science = _books(checklist, demo, tmp_path)["科创局"]
    _set(science, ITEMS, "1.3", "责任部门", "商务局")
    with pytest.raises(WorkbookInvalid, match="不能改动责任部门"):
        import_into(science, checklist, demo.model_copy(deep=True))


def test_cli_exports_by_department_and_imports_a_folder_with_who(
    tmp_path: Path, checklist: Checklist, demo: Assessment, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "d.json"
    save(file, demo)
    out = tmp_path / "out"
    assert main(["export", str(file), "--by-department", "-o", str(out)]) == 0
    science = out / f"{demo.zone.name}-{demo.period}-科创局.xlsx"
    _set(science, ITEMS, "1.3", "差距", "缺少中试平台")
    capsys.readouterr()
    assert main(["import", str(out), "--into", str(file), "--who", "王五"]) == 0
    printed = capsys.readouterr().out
    assert "回收情况" in printed and "科创局" in printed and "1 处修改" in printed
    saved = load(file, checklist).assessment
    assert saved.items["1.3"].gap == "缺少中试平台"
    assert saved.history[-1].who == "王五" and saved.history[-1].source == science.name


def test_a_folder_without_workbooks_or_a_file_for_a_folder_is_said_plainly(
    tmp_path: Path, demo: Assessment, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "d.json"
    save(file, demo)
    before = file.read_bytes()
    (tmp_path / "empty").mkdir()
    (tmp_path / "afile").write_text("", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", str(tmp_path / "empty"), "--into", str(file)]) == 2
    assert main(["export", str(file), "--by-department", "-o", str(tmp_path / "afile")]) == 2
    said = capsys.readouterr().err
    assert "文件夹中没有 .xlsx 工作簿" in said and "应为目录" in said
    assert "{path}" not in said
    assert file.read_bytes() == before


def test_an_action_moved_to_another_item_is_refused(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    action: Action = demo.items["1.1"].actions[0]
    _set(report, ACTIONS, action.id, "条目编号", "1.3", by="编号")
    wb = load_workbook(report)
    ws = wb[ACTIONS]
    headers = [c.value for c in ws[HEADER_ROW]]
    ws.cell(_row(ws, "编号", action.id), headers.index("条目") + 1).value = None
    wb.save(report)
    with pytest.raises(WorkbookInvalid, match=f"举措 {action.id} 属于条目 1.1"):
        import_into(report, checklist, demo.model_copy(deep=True))


def test_dates_typed_on_the_cover_are_read(tmp_path: Path) -> None:
    from assess.excel.cover import read_cover

    info = read_cover([("填报人", "张三"), ("填报日期", dt.datetime(2026, 3, 1))])
    assert (info.filler, info.date) == ("张三", "2026-03-01")


def test_an_english_cover_reads_as_a_form_and_its_filler_is_read_back(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    from assess.excel.cover import read_cover

    name, path, items = planned_books(checklist, demo, tmp_path)[0]
    export_by_department(checklist, demo, [(name, path, items)], today=TODAY, lang=Lang.EN)
    cover = load_workbook(path).worksheets[0]
    labels = [row[0] for row in cover.iter_rows(min_row=3, max_row=8, values_only=True)]
    assert labels == [
        "Zone",
        "Period",
        "Reporting unit (seal)",
        "Department",
        "Filled in by",
        "Phone",
    ]
    rows = [("Filled in by", "Li Lei"), ("phone", "0512-1234")]  # a cover from before: lowercase
    info = read_cover(rows)
    assert (info.filler, info.contact) == ("Li Lei", "0512-1234")


def test_a_damaged_base_is_a_message_naming_the_sheet(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    wb = load_workbook(report)
    wb["导出基准"]["A2"] = "{not json"
    wb.save(report)
    copy = demo.model_copy(deep=True)
    with pytest.raises(WorkbookInvalid, match="导出基准") as caught:
        import_into(report, checklist, copy)
    assert "重新导出" in str(caught.value)
    assert copy == demo


def test_english_department_workbook_imports_its_edits_and_nothing_else(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    """The English 责任部门 cell (``partners:``) left alone is no reassignment, so no refusal."""
    books = planned_books(checklist, demo, tmp_path)
    name, path, _ = next(b for b in books if any(demo.responsibility[k].partners for k in
                                                  demo.responsibility if k.isdigit()))  # fmt: skip
    export_by_department(checklist, demo, [(name, path, _)], today=TODAY, lang=Lang.EN)
    item = items_of(checklist, demo, name)[0]
    before = demo.model_copy(deep=True)
    _, untouched = import_many([path], checklist, demo)
    assert untouched.changes == [] and demo.items == before.items
    wb = load_workbook(path)
    ws = wb[ITEMS_LAYOUT.name(Texts(Lang.EN))]
    row = _row(ws, "Item ID", item)
    ws.cell(row, ITEMS_LAYOUT.col(fields.GAP.id)).value = "A gap typed in English"
    wb.save(path)
    _, report = import_many([path], checklist, demo)
    assert [(c.item, c.field) for c in report.changes] == [(item, fields.GAP.id)]
    assert demo.items[item].gap == "A gap typed in English"


def _cell(path: Path, sheet: str, key: str, header: str) -> tuple[int, str]:
    """(row, column letter) of ``header`` in the row of item ``key``."""
    ws = load_workbook(path)[sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    return _row(ws, "条目编号", key), get_column_letter(headers.index(header) + 1)


def test_a_conflict_names_the_file_and_the_cell_the_department_typed_in(
    tmp_path: Path, checklist: Checklist, demo: Assessment, capsys: pytest.CaptureFixture[str]
) -> None:
    """The office must find both sides: the assessment file by name, the workbook's cell by
    sheet, row and column. An empty side reads as the undo notice says it."""
    assert not demo.items["1.3"].gap
    file = tmp_path / "d.json"
    save(file, demo)
    out = tmp_path / "out"
    assert main(["export", str(file), "--by-department", "-o", str(out)]) == 0
    office = load(file, checklist).assessment
    Editor(office, "办公室").set_text("1.3", "gap", "办公室写的差距")
    save(file, office)
    science = out / f"{demo.zone.name}-{demo.period}-科创局.xlsx"
    _set(science, ITEMS, "1.3", "差距", "科创局写的差距")
    row, column = _cell(science, ITEMS, "1.3", "差距")
    capsys.readouterr()
    assert main(["import", str(science), "--into", str(file)]) == 2
    said = capsys.readouterr().err
    assert "导出时（空），d.json 现为“办公室写的差距”" in said
    assert f"改为“科创局写的差距”（“{ITEMS}” 第 {row} 行 {column} 列）" in said
    assert "“”" not in said
    assert main(["import", str(science), "--into", str(file), "--lang", "en"]) == 2
    said = capsys.readouterr().err
    assert "(empty) when exported, “办公室写的差距” in d.json now" in said
    assert f"in {science.name} (sheet “{ITEMS}”, row {row}, column {column})" in said
    assert main(["import", str(science), "--into", str(file), "--prefer", "file"]) == 0
    assert f"（“{ITEMS}” 第 {row} 行 {column} 列）" in capsys.readouterr().out


def test_two_workbooks_that_disagree_are_each_placed(
    tmp_path: Path, checklist: Checklist, demo: Assessment, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "d.json"
    save(file, demo)
    full = tmp_path / "office.xlsx"
    assert main(["export", str(file), "-o", str(full)]) == 0
    out = tmp_path / "out"
    assert main(["export", str(file), "--by-department", "-o", str(out)]) == 0
    science = out / f"{demo.zone.name}-{demo.period}-科创局.xlsx"
    _set(full, ITEMS, "1.3", "差距", "办公室的差距")
    _set(science, ITEMS, "1.3", "差距", "科创局的差距")
    places = {book: _cell(book, ITEMS, "1.3", "差距") for book in (full, science)}
    capsys.readouterr()
    assert main(["import", str(full), str(science), "--into", str(file)]) == 2
    said = capsys.readouterr().err
    for book, (row, column) in places.items():
        assert f"（“{ITEMS}” 第 {row} 行 {column} 列）" in said, book
    assert load(file, checklist).assessment.items["1.3"].gap == demo.items["1.3"].gap


def test_an_action_conflict_names_the_column_as_the_sheet_heads_it(
    tmp_path: Path, checklist: Checklist, demo: Assessment, capsys: pytest.CaptureFixture[str]
) -> None:
    """It said "1.1 A1 text" and pointed at the 编号 column."""
    file = tmp_path / "d.json"
    save(file, demo)
    book = tmp_path / "d.xlsx"
    assert main(["export", str(file), "-o", str(book)]) == 0
    item, action = next((i, r.actions[0]) for i, r in demo.items.items() if r.actions)
    office = load(file, checklist).assessment
    Editor(office, "办公室").set_action_field(action.id, "text", "办公室改的举措")
    save(file, office)
    _set(book, ACTIONS, action.id, "下一步举措", "科室改的举措", by="编号")
    ws = load_workbook(book)[ACTIONS]
    headers = [c.value for c in ws[HEADER_ROW]]
    row, column = _row(ws, "编号", action.id), get_column_letter(headers.index("下一步举措") + 1)
    capsys.readouterr()
    assert main(["import", str(book), "--into", str(file)]) == 2
    said = capsys.readouterr().err
    assert f"冲突 {item} {action.id} 下一步举措：" in said
    assert f"（“{ACTIONS}” 第 {row} 行 {column} 列）" in said
    assert main(["import", str(book), "--into", str(file), "--lang", "en"]) == 2
    assert f"conflict {item} {action.id} next action: " in capsys.readouterr().err


def test_a_conflict_names_a_task_or_a_row_once() -> None:
    """A zone task's row is the task itself: "Z2", not "Z2 Z2"; an action's is its item and ID."""
    between = Conflict(
        "Z2", fields.TASK_TITLE.id, "", "", "新题目", "a.xlsx", "Z2", "b.xlsx", "旧题目"
    )
    action = Conflict("1.3", fields.ACTION_TEXT.id, "旧", "办公室", "科创局", "c.xlsx", "A1")
    lines = conflict_lines([between, action], Texts(), file_name="d.json")
    assert lines[0].startswith("冲突 Z2 ") and "Z2 Z2" not in lines[0]
    assert lines[1].startswith("冲突 1.3 A1 ")


def test_an_unknown_department_in_the_office_workbook_says_how_to_add_one(
    tmp_path: Path, report: Path, demo: Assessment, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "d.json"
    save(file, demo)
    _set(report, ITEMS, "1.3", "责任部门", "招商局；配合：科创局")
    _set(report, ITEMS, "1.4", "责任部门", "配合：科创局")
    capsys.readouterr()
    assert main(["import", str(report), "--into", str(file)]) == 2
    said = capsys.readouterr().err
    assert "“招商局”不在部门清单中（经发局、科创局" in said
    assert "新增部门：在 assess open 中按 g（部门分工与进度），再按 n 录入部门名称" in said
    assert "只有配合部门，请在“；配合：”前写明牵头部门" in said and "“”" not in said
    assert "to add a department" not in said  # the Chinese run says it in Chinese only
    assert main(["import", str(report), "--into", str(file), "--lang", "en"]) == 2
    said = capsys.readouterr().err
    assert "to add a department, press g (departments and progress) in assess open, then n" in said
    assert "(经发局, 科创局" in said and "新增部门" not in said


def test_cli_exports_one_department_and_refuses_an_unknown_name(
    tmp_path: Path, checklist: Checklist, demo: Assessment, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "d.json"
    save(file, demo)
    out = tmp_path / "out"
    assert main(["export", str(file), "--department", "科创局", "-o", str(out)]) == 0
    science = out / f"{demo.zone.name}-{demo.period}-科创局.xlsx"
    assert [p.name for p in out.iterdir()] == [science.name]
    cover = load_workbook(science)["封面"]
    assert any(c.value == "科创局" for row in cover.iter_rows() for c in row)
    named = tmp_path / "科创局回收.xlsx"
    assert main(["export", str(file), "--department", "科创局", "-o", str(named)]) == 0
    _set(named, ITEMS, "1.3", "差距", "缺少中试平台")
    assert main(["import", str(named), "--into", str(file)]) == 0
    assert load(file, checklist).assessment.items["1.3"].gap == "缺少中试平台"
    capsys.readouterr()
    assert main(["export", str(file), "--department", "招商局", "-o", str(tmp_path / "x")]) == 2
    said = capsys.readouterr().err
    assert "部门清单中没有“招商局”；已有部门：经发局、科创局、商务局" in said
    assert not (tmp_path / "x").exists()
    assert main(["export", str(file), "--department", "科创局", "--measures", "1"]) == 2
    capsys.readouterr()
    taken = tmp_path / "notes.txt"
    taken.write_text("办公室的记录", encoding="utf-8")
    assert main(["export", str(file), "--department", "科创局", "-o", str(taken)]) == 2
    said = capsys.readouterr().err  # the message fits the option the user gave
    assert "按部门导出时 -o 应为目录（使用 --department 时也可以是 .xlsx 文件名）" in said
    assert taken.read_text(encoding="utf-8") == "办公室的记录"


def test_a_department_leading_nothing_has_no_workbook(
    tmp_path: Path, demo: Assessment, capsys: pytest.CaptureFixture[str]
) -> None:
    Editor(demo, "办公室").set_departments([*demo.departments, "招商局"])
    file = tmp_path / "d.json"
    save(file, demo)
    capsys.readouterr()
    assert main(["export", str(file), "--department", "招商局", "-o", str(tmp_path / "x")]) == 2
    assert "招商局没有牵头的条目，未导出" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_export_help_offers_one_department_and_no_longer_measures_for_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        main(["export", "--help"])
    shown = " ".join(capsys.readouterr().out.split())
    assert "--department NAME" in shown and "只导出这一个部门的工作簿" in shown
    assert "for one department" not in shown


def test_an_evidence_row_deleted_in_the_workbook_deletes_the_record_and_its_citations(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    """The README: 删一行即删该项. The items citing it lose the citation, not the import."""
    cited_by = [i for i, r in demo.items.items() if "E2" in r.evidence]
    assert cited_by  # the demo's E2 backs some items
    wb = load_workbook(report)
    ws = wb["佐证材料"]
    ws.delete_rows(_row(ws, "编号", "E2"))
    wb.save(report)
    import_into(report, checklist, demo)
    assert "E2" not in {e.id for e in demo.evidence}
    assert not [i for i, r in demo.items.items() if "E2" in r.evidence]


def test_an_import_into_a_reviewed_file_says_the_reviewer_has_not_seen_it(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    """The changes arrive (nothing is lost) and the import says 定稿 needs a new review."""
    Editor(demo, who="李科员").review(ReviewStep.SUBMIT)
    Editor(demo, who="王主任").review(ReviewStep.APPROVE, "同意上报")
    _set(report, ITEMS, "1.3", "差距", "审核后部门交回的差距")
    result = import_into(report, checklist, demo)
    assert demo.items["1.3"].gap == "审核后部门交回的差距"
    assert any("审核人尚未看过" in note.render(Texts()) for note in result.notes)
    with pytest.raises(ReviewError):
        Editor(demo, who="张书记").review(ReviewStep.FINALIZE)


def test_a_whole_row_conflict_shows_the_row_with_its_labels_not_stored_codes() -> None:
    """Deleted on one side, edited on the other: each side as the workbook shows the row."""
    was = ("编制申报方案", "科创局", "", "2026-12-14", "medium", "todo")
    edited = (*was[:5], "doing")
    (line,) = conflict_lines(
        [Conflict("1.1", ROW, was, (), edited, "kc.xlsx", "A2")], Texts(), file_name="d.json"
    )
    assert (
        "“编制申报方案”（牵头单位 科创局，完成时限 2026-12-14，优先级 中，举措状态 未开始）" in line
    )
    assert "举措状态 进行中" in line and "（已删除）" in line
    assert not any(code in line for code in ("medium", "todo", "doing"))
    (en,) = conflict_lines(
        [Conflict("1.1", ROW, was, (), edited, "kc.xlsx", "A2")], Texts(Lang.EN), file_name="d.json"
    )
    assert "priority medium, action status to do" in en


def test_sheets_the_import_never_reads_refuse_typing_and_the_ones_it_reads_do_not(
    report: Path,
) -> None:
    """A department filled 差距清单 or the print ledger: its work came back as "0 处修改"."""
    wb = load_workbook(report)
    locked = {ws.title for ws in wb.worksheets if ws.protection.sheet}
    assert {"差距清单", "逐项对标（打印）"} <= locked
    assert not locked & {ACTIONS, "佐证材料", "封面"}  # read whole (逐项对标: see below)
    ledger = wb["逐项对标（打印）"].protection
    assert not ledger.password and not ledger.formatColumns  # widths may still be changed


def _typable(ws: Any, row: int, header: str) -> bool:
    """Would Excel/WPS take typing in this cell (sheet unprotected, or the cell unlocked)?"""
    headers = [c.value for c in ws[HEADER_ROW]]
    cell = ws.cell(row, headers.index(header) + 1)
    return not ws.protection.sheet or not cell.protection.locked


def test_copies_on_the_read_sheets_refuse_typing_and_what_comes_back_takes_it(
    tmp_path: Path, report: Path
) -> None:
    """推进进度's 进度 (说明 shown again) took a department's typing and the import dropped it
    ("共 0 处修改"); so did 逐项对标's 政策原文 and 上级事项's 获得情况/争取进展."""
    wb = load_workbook(report)
    items, pace, requests = wb[ITEMS], wb["推进进度"], wb["上级事项"]
    row = _row(items, "条目编号", "1.1")
    assert not any(_typable(items, row, h) for h in ("条目编号", "条目", "政策原文", "类型"))
    assert all(_typable(items, row, h) for h in ("落实状态", "成效/进度/原因", "差距", "责任部门"))
    row = _row(pace, "条目编号", "1.1")
    assert not _typable(pace, row, "进度") and not _typable(pace, row, "条目编号")
    assert _typable(pace, row, "达进度/欠进度")
    listed = [r for r in range(FIRST_DATA_ROW, pace.max_row + 1) if pace.cell(r, 2).value]
    added = listed[-1] + 1  # a row a department adds below: it names its item
    assert _typable(pace, added, "条目编号") and _typable(pace, added, "达进度/欠进度")
    row = _row(requests, "条目编号", requests.cell(FIRST_DATA_ROW, 2).value)
    assert _typable(requests, row, "争取对象（省/市/部委）")
    assert not _typable(requests, row, "获得情况/争取进展")
    for sheet in (ACTIONS, "佐证材料", "自定任务", "政策争取"):
        assert _typable(wb[sheet], FIRST_DATA_ROW, wb[sheet].cell(HEADER_ROW, 3).value)


def test_a_renamed_sheet_is_one_problem_not_its_rows_taken_as_deleted(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    """行动计划 renamed: it listed, besides, "cannot change" for partner items never touched."""
    science = _books(checklist, demo, tmp_path)["科创局"]
    wb = load_workbook(science)
    wb[ACTIONS].title = "举措"
    wb.save(science)
    with pytest.raises(WorkbookInvalid) as caught:
        import_into(science, checklist, demo.model_copy(deep=True))
    (problem,) = caught.value.problems
    assert "缺少工作表“行动计划”；如改过表名，请改回" in problem.message.render(Texts())


def test_a_workbook_changing_an_item_reassigned_since_its_export_says_so(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    """The office gave 1.3 to 商务局 after sending 科创局 its workbook: the edits arrive (its
    work is not lost), with a note naming the item."""
    science = _books(checklist, demo, tmp_path)["科创局"]
    _set(science, ITEMS, "1.3", "差距", "科创局写的差距")
    _set(science, ITEMS, "1.4", "差距", "科创局写的另一条")
    demo.responsibility["1.3"] = Responsibility(lead="商务局")
    result = import_into(science, checklist, demo)
    assert demo.items["1.3"].gap == "科创局写的差距"
    said = [n.render(Texts()) for n in result.notes]
    assert any("条目 1.3 在导出后已改由其他部门牵头" in n for n in said)
    assert not any("1.4" in n for n in said if "牵头" in n)


def test_a_departments_printed_pages_say_whose_they_are(
    tmp_path: Path, checklist: Checklist, demo: Assessment, report: Path
) -> None:
    """Printed, a department's pages lie among the others' on the office's desk."""
    books = _books(checklist, demo, tmp_path / "out")
    wb = load_workbook(books["科创局"])
    printed = [ws for ws in wb.worksheets if ws.sheet_state == "visible"]
    assert printed and all("科创局" in ws.oddHeader.left.text for ws in printed)
    assert all(demo.zone.name in ws.oddHeader.left.text for ws in printed)
    full = load_workbook(report)
    assert not any("科创局" in (ws.oddHeader.left.text or "") for ws in full.worksheets)
