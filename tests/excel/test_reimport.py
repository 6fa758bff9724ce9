"""Returned department workbooks imported again, and what the import then says (issue 16)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook

from assess import fields
from assess.checklist import Checklist
from assess.editing import Editor
from assess.excel.department_book import export_by_department, planned_books
from assess.excel.import_report import ImportReport
from assess.excel.importer import WorkbookInvalid, import_into, import_many, new_from_workbook
from assess.excel.layout import FIRST_DATA_ROW, HEADER_ROW
from assess.lang import Lang
from assess.merge import MergeRefused
from assess.models import Action, Assessment, ClaimStatus, Status
from assess.storage import dumps
from assess.texts import Texts
from tests.excel.conftest import TODAY


def _book(checklist: Checklist, demo: Assessment, folder: Path, department: str) -> Path:
    books = planned_books(checklist, demo, folder)
    export_by_department(checklist, demo, books, today=TODAY)
    return {name: path for name, path, _ in books}[department]


def _append(path: Path, sheet: str, values: dict[str, object]) -> None:
    """Type a new row under the sheet's last one, as a department would."""
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    row = FIRST_DATA_ROW
    while any(ws.cell(row, c).value is not None for c in range(1, len(headers) + 1)):
        row += 1
    for header, value in values.items():
        ws.cell(row, headers.index(header) + 1).value = value
    wb.save(path)


ACTION = {"条目编号": "1.3", "下一步举措": "完成联合体章程审议", "牵头单位": "科创局",
          "完成时限": "2026-12-31", "优先级": "高"}  # fmt: skip
CLAIM = {"条目编号": "1.3", "政策或文件": "自治区创新联合体补助", "发文/受理单位": "自治区科技厅",
         "申请状态": "申请中"}  # fmt: skip
TASK = {
    "所属举措": "（一）",
    "任务名称": "科创局自设任务",
    "落实状态": "推进中",
    "下一步举措": "召开启动会",
}


@pytest.fixture
def science(tmp_path: Path, checklist: Checklist, demo: Assessment) -> Path:
    """科创局's workbook with a new action, support claim and own task, none with an ID."""
    path = _book(checklist, demo, tmp_path / "out", "科创局")
    _append(path, "行动计划", ACTION)
    _append(path, "政策争取", CLAIM)
    _append(path, "自定任务", TASK)
    return path


def _counts(a: Assessment) -> tuple[int, int, int]:
    record = a.items["1.3"]
    return (
        [x.text for x in record.actions].count(ACTION["下一步举措"]),
        [c.policy for c in record.claims].count(CLAIM["政策或文件"]),
        [t.title for t in a.zone_tasks].count(TASK["任务名称"]),
    )


def test_importing_a_workbook_twice_adds_its_new_rows_once(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    first = import_into(science, checklist, demo)
    assert _counts(demo) == (1, 1, 1) and first.changes
    saved = dumps(demo)
    again = import_into(science, checklist, demo)
    assert again.changes == [] and _counts(demo) == (1, 1, 1)
    assert dumps(demo) == saved


def test_rerunning_the_whole_intake_after_another_return_is_idempotent(
    tmp_path: Path, science: Path, checklist: Checklist, demo: Assessment
) -> None:
    """回收/*.xlsx again once 经发局 is back: 科创局's rows are not added a second time."""
    economy = _book(checklist, demo, tmp_path / "later", "经发局")
    _append(economy, "行动计划", {"条目编号": "1.7", "下一步举措": "修订招商政策"})
    import_many([science], checklist, demo)
    import_many([science, economy], checklist, demo)
    assert _counts(demo) == (1, 1, 1)
    assert [a.text for a in demo.items["1.7"].actions].count("修订招商政策") == 1


def test_new_rows_that_differ_from_those_imported_are_added(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    import_into(science, checklist, demo)
    _append(science, "行动计划", ACTION)  # the same action typed twice: two actions
    _append(science, "政策争取", CLAIM | {"申请状态": "已获批"})
    _append(science, "自定任务", TASK | {"任务名称": "科创局第二项任务"})
    import_into(science, checklist, demo)
    assert _counts(demo) == (2, 2, 1)
    assert [c.status.value for c in demo.items["1.3"].claims][-2:] == ["applying", "approved"]
    assert [t.title for t in demo.zone_tasks][-1] == "科创局第二项任务"


def test_the_change_list_names_new_claims_and_tasks_in_words(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    report = import_into(science, checklist, demo)
    zh, en = report.lines(), report.lines(Texts(Lang.EN))
    claim = "  1.3 政策争取 新增 C4“自治区创新联合体补助”（发文/受理单位 自治区科技厅，申请状态 申请中）"
    task = "  Z2 自定任务 新增 Z2“科创局自设任务”（所属举措 （一））"
    assert claim in zh and task in zh
    assert "  Z2 own task added Z2 “科创局自设任务” (measure (1))" in en
    assert any(line.startswith("  1.3 support claims added C4 ") for line in en)
    assert not any("{" in line for line in zh + en)  # no stored JSON
    assert "  Z2 下一步举措" in zh and any(
        x.endswith("“召开启动会”（优先级 中，举措状态 未开始）") for x in zh
    )
    assert (
        "      新增 A20“完成联合体章程审议”（牵头单位 科创局，完成时限 2026-12-31，优先级 高，举措状态 未开始）"
        in zh
    )


def _type(path: Path, sheet: str, item_id: str, header: str, value: object) -> int:
    """Type ``value`` into the item's row of ``sheet``; return the row."""
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    col = headers.index("条目编号") + 1
    row = next(r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, col).value == item_id)
    ws.cell(row, headers.index(header) + 1).value = value
    wb.save(path)
    return row


def test_a_refused_workbook_lists_every_problem_at_once(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    """A partner's edit, another department's item and a row for an item not sent: all three."""
    path = _book(checklist, demo, tmp_path / "out", "科创局")
    partner = _type(path, "逐项对标", "1.7", "成效/进度/原因", "科创局代填")
    other = _type(path, "逐项对标", "2.2", "落实状态", "已落实")
    _append(path, "行动计划", {"条目编号": "6.1", "下一步举措": "不属于本部门的举措"})
    _type(path, "逐项对标", "1.3", "差距", "本部门的修改")  # fine, but not written either
    saved = dumps(demo)
    with pytest.raises(WorkbookInvalid) as caught:
        import_into(path, checklist, demo)
    problems = caught.value.problems
    assert [(p.sheet, p.row, p.header) for p in problems] == [
        ("逐项对标", partner, "成效/进度/原因"),
        ("逐项对标", other, "落实状态"),
        ("行动计划", problems[2].row, "条目编号"),
    ]
    assert "1.7" in problems[0].message.both() and "2.2" in problems[1].message.both()
    assert "6.1" in problems[2].message.both() and "请删除此行" in problems[2].message.both()
    assert "工作簿有 3 处问题" in str(caught.value) and path.name in str(caught.value)
    assert dumps(demo) == saved


EVIDENCE = {"标题": "联合体共建协议", "文号/链接/路径": "科创〔2026〕5号", "日期": "2026-10-08"}


def test_a_new_evidence_row_is_registered_and_cited_by_its_items(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    path = _book(checklist, demo, tmp_path / "out", "科创局")
    _append(path, "佐证材料", EVIDENCE | {"引用条目": "1.3、1.8"})
    import_into(path, checklist, demo)
    added = demo.evidence[-1]
    assert (added.title, added.ref, str(added.date)) == tuple(EVIDENCE.values())
    assert added.id in demo.items["1.3"].evidence and added.id in demo.items["1.8"].evidence
    saved = dumps(demo)
    assert import_into(path, checklist, demo).changes == []  # imported again: nothing new
    assert dumps(demo) == saved


def test_a_new_evidence_row_citing_items_not_the_departments_is_refused(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    path = _book(checklist, demo, tmp_path / "out", "科创局")
    _append(path, "佐证材料", EVIDENCE | {"引用条目": "1.3；1.7, 6.1"})
    saved = dumps(demo)
    with pytest.raises(WorkbookInvalid) as caught:
        import_into(path, checklist, demo)
    problems = caught.value.problems
    assert [(p.sheet, p.header) for p in problems] == [("佐证材料", "引用条目")] * 2
    assert "1.7" in problems[0].message.both() and "经发局" in problems[0].message.both()
    assert (
        "6.1" in problems[1].message.both()
        and "请从“引用条目”中删去 6.1" in problems[1].message.both()
    )
    assert dumps(demo) == saved


def test_a_new_evidence_row_of_a_full_workbook_made_a_new_file_is_cited(
    report: Path, checklist: Checklist
) -> None:
    _append(report, "佐证材料", EVIDENCE | {"引用条目": "2.1"})
    made = new_from_workbook(report, checklist)[0]
    added = next(e for e in made.evidence if e.title == EVIDENCE["标题"])
    assert added.id in made.items["2.1"].evidence


def test_rows_this_workbook_added_stay_one_after_the_office_edits_them(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    import_into(science, checklist, demo)
    office = Editor(demo, "办公室")
    action = next(a for a in demo.items["1.3"].actions if a.text == ACTION["下一步举措"])
    office.set_action_field(action.id, "due", dt.date(2027, 3, 31))
    office.set_action_field(action.id, "text", "完成联合体章程审议并报管委会")
    claim = next(c for c in demo.items["1.3"].claims if c.policy == CLAIM["政策或文件"])
    office.set_claim_field(claim.id, "status", ClaimStatus.APPROVED)
    office.set_claim_field(claim.id, "amount", "50万元")
    task = next(t for t in demo.zone_tasks if t.title == TASK["任务名称"])
    office.set_zone_task(task.id, "title", "科创局自设任务（试点）")
    office.set_task_field(task.id, fields.STATUS, Status.DONE)
    saved = dumps(demo)
    again = import_into(science, checklist, demo)
    assert again.changes == [] and dumps(demo) == saved
    assert [a.id for a in demo.items["1.3"].actions].count(action.id) == 1
    assert len(demo.items["1.3"].actions) == len({a.text for a in demo.items["1.3"].actions})
    assert [c.policy for c in demo.items["1.3"].claims].count(CLAIM["政策或文件"]) == 1
    assert [t.title for t in demo.zone_tasks].count(TASK["任务名称"]) == 0


def test_a_row_another_workbook_added_is_not_this_ones(
    tmp_path: Path, science: Path, checklist: Checklist, demo: Assessment
) -> None:
    """Only the workbook that added a row (its name or export ID) may recognise it, edited:
    the department's workbook exported afresh is another export."""
    import_into(science, checklist, demo)
    action = next(a for a in demo.items["1.3"].actions if a.text == ACTION["下一步举措"])
    Editor(demo, "办公室").set_action_field(action.id, "due", dt.date(2027, 3, 31))
    copy = _book(checklist, demo, tmp_path / "again", "科创局")
    _append(copy, "行动计划", ACTION)
    import_into(copy, checklist, demo)
    assert [a.text for a in demo.items["1.3"].actions].count(ACTION["下一步举措"]) == 2


def _edit_new_row(
    path: Path, sheet: str, text_header: str, old: str, values: dict[str, object]
) -> None:
    """The department corrects its own new row (still without an ID) in its copy."""
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    col = headers.index(text_header) + 1
    row = next(r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, col).value == old)
    for header, value in values.items():
        ws.cell(row, headers.index(header) + 1).value = value
    wb.save(path)


def _resent(science: Path, name: str = "科创局-修改.xlsx") -> Path:
    copy = science.with_name(name)
    copy.write_bytes(science.read_bytes())
    return copy


def test_the_departments_correction_of_its_new_action_updates_it_under_another_name(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    import_into(science, checklist, demo)
    action = next(a for a in demo.items["1.3"].actions if a.text == ACTION["下一步举措"])
    _edit_new_row(science, "行动计划", "下一步举措", ACTION["下一步举措"],
                  {"下一步举措": "完成联合体章程审议并备案", "完成时限": "2027-06-30"})  # fmt: skip
    again = import_into(_resent(science), checklist, demo)
    texts = [a.text for a in demo.items["1.3"].actions]
    assert ACTION["下一步举措"] not in texts and texts.count("完成联合体章程审议并备案") == 1
    edited = next(a for a in demo.items["1.3"].actions if a.id == action.id)
    assert (edited.text, str(edited.due)) == ("完成联合体章程审议并备案", "2027-06-30")
    assert {c.field for c in again.changes} == {
        f"actions.{action.id}.text",
        f"actions.{action.id}.due",
    }
    saved = dumps(demo)
    assert import_into(science.with_name("科创局-修改.xlsx"), checklist, demo).changes == []
    assert dumps(demo) == saved


def test_a_correction_of_a_field_the_office_edited_meanwhile_is_a_conflict(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    import_into(science, checklist, demo)
    action = next(a for a in demo.items["1.3"].actions if a.text == ACTION["下一步举措"])
    Editor(demo, "办公室").set_action_field(action.id, "due", dt.date(2027, 3, 31))
    _edit_new_row(science, "行动计划", "下一步举措", ACTION["下一步举措"],
                  {"下一步举措": "完成联合体章程审议并备案", "完成时限": "2027-06-30"})  # fmt: skip
    saved = dumps(demo)
    with pytest.raises(MergeRefused) as caught:
        import_into(_resent(science), checklist, demo)
    assert [(c.row, c.field, c.file, c.workbook) for c in caught.value.conflicts] == [
        (action.id, "due", "2027-03-31", "2027-06-30")
    ]
    assert dumps(demo) == saved
    import_into(science.with_name("科创局-修改.xlsx"), checklist, demo, prefer="file")
    kept = next(a for a in demo.items["1.3"].actions if a.id == action.id)
    assert (kept.text, str(kept.due)) == ("完成联合体章程审议并备案", "2027-03-31")
    assert len(demo.items["1.3"].actions) == len({a.text for a in demo.items["1.3"].actions})


def test_a_new_row_the_office_deleted_is_not_added_again_but_reported(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    import_into(science, checklist, demo)
    action = next(a for a in demo.items["1.3"].actions if a.text == ACTION["下一步举措"])
    Editor(demo, "办公室").remove_action(action.id)
    again = import_into(science, checklist, demo)
    assert ACTION["下一步举措"] not in [a.text for a in demo.items["1.3"].actions]
    assert again.changes == []
    zh, en = again.lines(), again.lines(Texts(Lang.EN))
    assert any(
        f"{action.id}“{ACTION['下一步举措']}”已在评估文件中删除，本次未再新增" in x for x in zh
    )
    assert any(f"{action.id} “{ACTION['下一步举措']}”" in x and "not added again" in x for x in en)


def test_a_deleted_new_row_the_department_corrected_is_a_conflict(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    import_into(science, checklist, demo)
    action = next(a for a in demo.items["1.3"].actions if a.text == ACTION["下一步举措"])
    Editor(demo, "办公室").remove_action(action.id)
    _edit_new_row(science, "行动计划", "下一步举措", ACTION["下一步举措"],
                  {"下一步举措": "完成联合体章程审议并备案"})  # fmt: skip
    with pytest.raises(MergeRefused) as caught:
        import_into(science, checklist, demo)
    assert [(c.row, c.file) for c in caught.value.conflicts] == [(action.id, ())]
    import_into(science, checklist, demo, prefer="workbook")
    restored = next(a for a in demo.items["1.3"].actions if a.id == action.id)
    assert restored.text == "完成联合体章程审议并备案"


def test_the_departments_correction_of_its_new_claim_and_task_updates_them(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    import_into(science, checklist, demo)
    _edit_new_row(science, "政策争取", "政策或文件", CLAIM["政策或文件"], {"申请状态": "已获批"})
    _edit_new_row(
        science, "自定任务", "任务名称", TASK["任务名称"], {"任务名称": "科创局自设任务（修订）"}
    )
    import_into(_resent(science), checklist, demo)
    claims = [c for c in demo.items["1.3"].claims if c.policy == CLAIM["政策或文件"]]
    assert [c.status for c in claims] == [ClaimStatus.APPROVED]
    titles = [t.title for t in demo.zone_tasks]
    assert TASK["任务名称"] not in titles and titles.count("科创局自设任务（修订）") == 1


def _notes(report: ImportReport) -> tuple[list[str], list[str]]:
    """What the import says, in Chinese and in English."""
    return report.lines(), report.lines(Texts(Lang.EN))


def test_a_corrected_new_action_the_office_deleted_is_reported_not_a_conflict(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    """Deleted after its correction was imported: the corrected copy again is no edit of it."""
    import_into(science, checklist, demo)
    action = next(a for a in demo.items["1.3"].actions if a.text == ACTION["下一步举措"])
    corrected = "完成联合体章程审议并备案"
    _edit_new_row(science, "行动计划", "下一步举措", ACTION["下一步举措"],
                  {"下一步举措": corrected, "完成时限": "2027-06-30"})  # fmt: skip
    import_into(_resent(science), checklist, demo)
    office = Editor(demo, "办公室")
    office.set_action_field(action.id, "due", dt.date(2027, 3, 31))  # then deleted
    office.remove_action(action.id)
    saved = dumps(demo)
    again = import_into(science.with_name("科创局-修改.xlsx"), checklist, demo)
    assert again.changes == [] and dumps(demo) == saved
    zh, en = _notes(again)
    assert any(f"{action.id}“{corrected}”已在评估文件中删除，本次未再新增" in x for x in zh)
    assert any(f"{action.id} “{corrected}”" in x and "not added again" in x for x in en)


def test_a_deleted_action_the_department_corrected_again_is_still_a_conflict(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    import_into(science, checklist, demo)
    action = next(a for a in demo.items["1.3"].actions if a.text == ACTION["下一步举措"])
    _edit_new_row(science, "行动计划", "下一步举措", ACTION["下一步举措"],
                  {"下一步举措": "完成联合体章程审议并备案"})  # fmt: skip
    import_into(_resent(science), checklist, demo)
    Editor(demo, "办公室").remove_action(action.id)
    _edit_new_row(science, "行动计划", "下一步举措", "完成联合体章程审议并备案",
                  {"完成时限": "2027-06-30"})  # fmt: skip
    with pytest.raises(MergeRefused) as caught:
        import_into(_resent(science), checklist, demo)
    assert [(c.row, c.file) for c in caught.value.conflicts] == [(action.id, ())]


def test_the_offices_edit_after_a_correction_stands_when_it_is_imported_again(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    """The correction's base is the row as last imported, not as first added."""
    import_into(science, checklist, demo)
    action = next(a for a in demo.items["1.3"].actions if a.text == ACTION["下一步举措"])
    _edit_new_row(science, "行动计划", "下一步举措", ACTION["下一步举措"],
                  {"下一步举措": "完成联合体章程审议并备案", "完成时限": "2027-06-30"})  # fmt: skip
    import_into(_resent(science), checklist, demo)
    Editor(demo, "办公室").set_action_field(action.id, "due", dt.date(2027, 3, 31))
    saved = dumps(demo)
    assert import_into(science.with_name("科创局-修改.xlsx"), checklist, demo).changes == []
    assert dumps(demo) == saved


def test_a_new_claim_and_task_the_office_deleted_are_not_added_again_but_reported(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    import_into(science, checklist, demo)
    claim = next(c for c in demo.items["1.3"].claims if c.policy == CLAIM["政策或文件"])
    task = next(t for t in demo.zone_tasks if t.title == TASK["任务名称"])
    office = Editor(demo, "办公室")
    office.remove_claim(claim.id)
    office.remove_zone_task(task.id)
    saved = dumps(demo)
    again = import_into(science, checklist, demo)
    assert _counts(demo) == (1, 0, 0)
    assert again.changes == [] and dumps(demo) == saved
    zh, en = _notes(again)
    for row, text in ((claim.id, CLAIM["政策或文件"]), (task.id, TASK["任务名称"])):
        assert any(f"{row}“{text}”已在评估文件中删除，本次未再新增" in x for x in zh)
        assert any(f"{row} “{text}”" in x and "not added again" in x for x in en)


def test_a_corrected_claim_and_task_the_office_deleted_are_reported_not_added(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    import_into(science, checklist, demo)
    claim = next(c for c in demo.items["1.3"].claims if c.policy == CLAIM["政策或文件"])
    task = next(t for t in demo.zone_tasks if t.title == TASK["任务名称"])
    _edit_new_row(science, "政策争取", "政策或文件", CLAIM["政策或文件"], {"申请状态": "已获批"})
    revised = "科创局自设任务（修订）"
    _edit_new_row(science, "自定任务", "任务名称", TASK["任务名称"], {"任务名称": revised})
    import_into(_resent(science), checklist, demo)
    office = Editor(demo, "办公室")
    office.remove_claim(claim.id)
    office.remove_zone_task(task.id)
    saved = dumps(demo)
    again = import_into(science.with_name("科创局-修改.xlsx"), checklist, demo)
    assert again.changes == [] and dumps(demo) == saved
    zh, _en = _notes(again)
    for row, text in ((claim.id, CLAIM["政策或文件"]), (task.id, revised)):
        assert any(f"{row}“{text}”已在评估文件中删除，本次未再新增" in x for x in zh)


def test_a_deleted_claim_the_department_corrected_is_a_conflict(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    import_into(science, checklist, demo)
    claim = next(c for c in demo.items["1.3"].claims if c.policy == CLAIM["政策或文件"])
    Editor(demo, "办公室").remove_claim(claim.id)
    _edit_new_row(science, "政策争取", "政策或文件", CLAIM["政策或文件"], {"申请状态": "已获批"})
    saved = dumps(demo)
    with pytest.raises(MergeRefused) as caught:
        import_into(science, checklist, demo)
    assert [c.row for c in caught.value.conflicts] == [claim.id]
    assert dumps(demo) == saved
    import_into(science, checklist, demo, prefer="workbook")
    restored = next(c for c in demo.items["1.3"].claims if c.id == claim.id)
    assert (restored.policy, restored.status) == (CLAIM["政策或文件"], ClaimStatus.APPROVED)


@pytest.fixture
def cited(tmp_path: Path, checklist: Checklist, demo: Assessment) -> Path:
    """科创局's workbook with a new evidence row cited by 1.3, imported once."""
    path = _book(checklist, demo, tmp_path / "out", "科创局")
    _append(path, "佐证材料", EVIDENCE | {"引用条目": "1.3"})
    import_into(path, checklist, demo)
    return path


def test_a_new_evidence_row_the_office_deleted_is_not_registered_again_but_reported(
    cited: Path, checklist: Checklist, demo: Assessment
) -> None:
    added = next(e for e in demo.evidence if e.title == EVIDENCE["标题"])
    Editor(demo, "办公室").remove_evidence(added.id)
    saved = dumps(demo)
    again = import_into(cited, checklist, demo)
    assert EVIDENCE["标题"] not in [e.title for e in demo.evidence]
    assert again.changes == [] and dumps(demo) == saved
    zh, en = _notes(again)
    assert any(f"{added.id}“{EVIDENCE['标题']}”已在评估文件中删除，本次未再新增" in x for x in zh)
    assert any(f"{added.id} “{EVIDENCE['标题']}”" in x and "not added again" in x for x in en)


def test_a_new_evidence_row_the_office_edited_stays_one(
    cited: Path, checklist: Checklist, demo: Assessment
) -> None:
    added = next(e for e in demo.evidence if e.title == EVIDENCE["标题"])
    edited = added.model_copy(update={"title": "联合体共建协议（签署版）"})
    Editor(demo, "办公室").update_evidence(edited)
    saved = dumps(demo)
    assert import_into(cited, checklist, demo).changes == []
    assert dumps(demo) == saved


def test_the_departments_correction_of_its_new_evidence_row_updates_it(
    cited: Path, checklist: Checklist, demo: Assessment
) -> None:
    added = next(e for e in demo.evidence if e.title == EVIDENCE["标题"])
    count = len(demo.evidence)
    _edit_new_row(cited, "佐证材料", "标题", EVIDENCE["标题"],
                  {"标题": "联合体共建协议（签署版）", "日期": "2026-10-09"})  # fmt: skip
    again = import_into(_resent(cited), checklist, demo)
    assert len(demo.evidence) == count
    now = demo.evidence_by_id()[added.id]
    assert (now.title, str(now.date), now.ref) == (
        "联合体共建协议（签署版）",
        "2026-10-09",
        EVIDENCE["文号/链接/路径"],
    )
    assert demo.items["1.3"].evidence.count(added.id) == 1
    assert {c.field for c in again.changes} == {f"evidence.{added.id}"}
    saved = dumps(demo)
    assert import_into(cited.with_name("科创局-修改.xlsx"), checklist, demo).changes == []
    assert dumps(demo) == saved


def test_a_deleted_evidence_row_the_department_corrected_is_a_conflict(
    cited: Path, checklist: Checklist, demo: Assessment
) -> None:
    added = next(e for e in demo.evidence if e.title == EVIDENCE["标题"])
    Editor(demo, "办公室").remove_evidence(added.id)
    _edit_new_row(cited, "佐证材料", "标题", EVIDENCE["标题"], {"日期": "2026-10-09"})
    saved = dumps(demo)
    with pytest.raises(MergeRefused) as caught:
        import_into(cited, checklist, demo)
    assert [(c.row, c.file) for c in caught.value.conflicts] == [(added.id, ())]
    assert dumps(demo) == saved
    import_into(cited, checklist, demo, prefer="file")  # kept deleted, not cited
    assert EVIDENCE["标题"] not in [e.title for e in demo.evidence]
    import_into(cited, checklist, demo, prefer="workbook")
    restored = next(e for e in demo.evidence if e.title == EVIDENCE["标题"])
    assert str(restored.date) == "2026-10-09" and restored.id in demo.items["1.3"].evidence


def test_a_deleted_task_the_department_corrected_is_added_again_if_preferred(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    import_into(science, checklist, demo)
    task = next(t for t in demo.zone_tasks if t.title == TASK["任务名称"])
    Editor(demo, "办公室").remove_zone_task(task.id)
    revised = "科创局自设任务（修订）"
    _edit_new_row(science, "自定任务", "任务名称", TASK["任务名称"], {"任务名称": revised})
    with pytest.raises(MergeRefused) as caught:
        import_into(science, checklist, demo)
    assert [c.row for c in caught.value.conflicts] == [task.id]
    import_into(science, checklist, demo, prefer="file")
    assert revised not in [t.title for t in demo.zone_tasks]
    import_into(science, checklist, demo, prefer="workbook")
    restored = next(t for t in demo.zone_tasks if t.id == task.id)
    assert restored.title == revised
    assert [a.text for a in restored.record.actions] == [TASK["下一步举措"]]


def _drop_new_row(path: Path, sheet: str, text_header: str, text: str) -> None:
    """The department deletes one of its new rows from its copy."""
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    col = headers.index(text_header) + 1
    ws.delete_rows(
        next(r for r in range(FIRST_DATA_ROW, ws.max_row + 1) if ws.cell(r, col).value == text)
    )
    wb.save(path)


def test_a_correction_updates_the_row_it_most_resembles_not_the_first_of_its_item(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    """Two new actions of 1.3; the department drops the first from its copy and corrects the
    second: the second is updated, the first left as it is."""
    second = ACTION | {"下一步举措": "组织成员单位签约", "完成时限": "2027-01-31", "优先级": "中"}
    _append(science, "行动计划", second)
    import_into(science, checklist, demo)
    actions = {a.text: a for a in demo.items["1.3"].actions}
    first_id, second_id = actions[ACTION["下一步举措"]].id, actions[second["下一步举措"]].id
    _drop_new_row(science, "行动计划", "下一步举措", ACTION["下一步举措"])
    _edit_new_row(science, "行动计划", "下一步举措", second["下一步举措"],
                  {"完成时限": "2027-02-28"})  # fmt: skip
    again = import_into(_resent(science), checklist, demo)
    assert {c.field for c in again.changes} == {f"actions.{second_id}.due"}
    now = {a.id: a for a in demo.items["1.3"].actions}
    assert (now[first_id].text, str(now[first_id].due)) == (ACTION["下一步举措"], "2026-12-31")
    assert (now[second_id].text, str(now[second_id].due)) == (second["下一步举措"], "2027-02-28")


def test_a_claim_correction_updates_the_claim_it_most_resembles(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    second = CLAIM | {"政策或文件": "自治区研发费用后补助", "发文/受理单位": "自治区财政厅"}
    _append(science, "政策争取", second)
    import_into(science, checklist, demo)
    claims = {c.policy: c for c in demo.items["1.3"].claims}
    first_id, second_id = claims[CLAIM["政策或文件"]].id, claims[second["政策或文件"]].id
    _drop_new_row(science, "政策争取", "政策或文件", CLAIM["政策或文件"])
    _edit_new_row(science, "政策争取", "政策或文件", second["政策或文件"], {"申请状态": "已获批"})
    import_into(_resent(science), checklist, demo)
    now = {c.id: c for c in demo.items["1.3"].claims}
    assert (now[first_id].policy, now[first_id].status) == (
        CLAIM["政策或文件"],
        ClaimStatus.APPLYING,
    )
    assert (now[second_id].policy, now[second_id].status) == (
        second["政策或文件"],
        ClaimStatus.APPROVED,
    )


def test_the_offices_new_action_after_deleting_the_departments_is_left_alone(
    science: Path, checklist: Checklist, demo: Assessment
) -> None:
    """The office deletes the department's new action and adds one of its own: re-sending the
    workbook neither takes the office's action for the department's nor brings the deleted one
    back (the new action used to get the deleted one's ID, which the history gives the workbook)."""
    import_into(science, checklist, demo)
    theirs = next(a for a in demo.items["1.3"].actions if a.text == ACTION["下一步举措"])
    task = next(t for t in demo.zone_tasks if t.title == TASK["任务名称"])
    office = Editor(demo, "办公室")
    office.remove_zone_task(task.id)  # with its action, the highest ID
    office.remove_action(theirs.id)  # now the highest
    mine = office.add_action("1.3", Action(text="办公室自行新增的举措", lead="经发局"))
    assert mine.id != theirs.id
    again = import_into(science, checklist, demo)
    texts = [a.text for a in demo.items["1.3"].actions]
    assert "办公室自行新增的举措" in texts and ACTION["下一步举措"] not in texts
    assert again.changes == []
