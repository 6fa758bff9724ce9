"""The policy's own sheets through export → import: requests, claims, zone tasks, schedule."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from assess import fields
from assess.checklist import Checklist
from assess.compare import compare
from assess.editing import Editor
from assess.excel.department_book import export_by_department, planned_books
from assess.excel.importer import WorkbookInvalid, import_into, new_from_workbook
from assess.excel.layout import FIRST_DATA_ROW, HEADER_ROW
from assess.excel.policy_layout import CLAIMS, PACE, REQUESTS, TASKS, PolicySheet
from assess.excel.policy_reader import measure_number
from assess.excel.report import export_report
from assess.lang import Lang
from assess.merge import MergeRefused
from assess.models import Assessment, ClaimStatus, Schedule, Status
from assess.scoring import summarize
from assess.storage import dumps
from assess.texts import Texts
from assess.textwidth import NO_LINE_START, width
from tests.excel.conftest import TODAY


def _rows(path: Path, sheet: str) -> list[dict[str, object]]:
    ws = load_workbook(path)[sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    return [
        dict(zip(headers, (c.value for c in row), strict=False))
        for row in ws.iter_rows(min_row=FIRST_DATA_ROW)
        if any(c.value is not None for c in row)
    ]


def _set(path: Path, sheet: str, key: str, value: str, header: str, new: object) -> None:
    """Set ``header`` in the row whose ``key`` column holds ``value``, as a user would."""
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    for row in range(FIRST_DATA_ROW, ws.max_row + 1):
        if ws.cell(row, headers.index(key) + 1).value == value:
            ws.cell(row, headers.index(header) + 1).value = new
            break
    else:
        raise AssertionError(f"{value} not in {sheet}")
    wb.save(path)


def _append(path: Path, sheet: str, values: dict[str, object]) -> None:
    wb = load_workbook(path)
    ws = wb[sheet]
    headers = [c.value for c in ws[HEADER_ROW]]
    row = max(FIRST_DATA_ROW, ws.max_row + 1)
    while any(ws.cell(row, c).value is not None for c in range(1, len(headers) + 1)):
        row += 1
    for header, value in values.items():
        ws.cell(row, headers.index(header) + 1).value = value
    wb.save(path)


def test_sheets_show_what_the_scoring_lists(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    summary = summarize(checklist, demo, TODAY)
    requests = _rows(report, "上级事项")
    open_ids = [r["条目编号"] for r in requests[: len(summary.requests)]]
    assert open_ids == summary.requests
    assert {r["争取状态"] for r in requests[: len(summary.requests)]} <= {"未争取", "争取中"}
    claims = _rows(report, "政策争取")
    assert [r["编号"] for r in claims] == [c.id for r in demo.items.values() for c in r.claims]
    tasks = _rows(report, "自定任务")
    assert [r["任务名称"] for r in tasks] == [t.title for t in demo.zone_tasks]
    pace = _rows(report, "推进进度")
    behind = [r["条目编号"] for r in pace if r["达进度/欠进度"] == "欠进度"]
    assert behind == [i for i in summary.behind if not i.startswith("Z")]


def test_the_higher_level_sheet_counts_the_open_requests_as_summary_does(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    """待争取事项 means what ``summary`` lists (未争取, 争取中); the sheet lists every
    higher-level item that applies, so it is named 上级事项 and its title gives that count."""
    summary = summarize(checklist, demo, TODAY)
    assert summary.requests == ["13.1", "5.4"]
    ws = load_workbook(report)["上级事项"]
    title = str(ws.cell(1, 1).value)
    assert title.splitlines()[1] == "其中待争取事项 2 项（未争取 1 项、争取中 1 项），列在最前"
    rows = _rows(report, "上级事项")
    higher = [
        i.id
        for i in checklist.items
        if i.kind.value == "higher_level" and summary.items[i.id].applicable
    ]
    assert sorted(str(r["条目编号"]) for r in rows) == sorted(higher)
    rest = [r["争取状态"] for r in rows[len(summary.requests) :]]
    assert "未争取" not in rest and "争取中" not in rest
    assert rest == sorted(rest, key=["已获得", "不适用", "未评估"].index)
    assert str(_overview(report)["待争取事项"]) == "2 项：13.1、5.4"


def test_a_workbook_with_the_former_sheet_name_is_still_read(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    wb = load_workbook(report)
    wb["上级事项"].title = "待争取事项"  # as workbooks exported before the rename have it
    wb.save(report)
    _set(report, "待争取事项", "条目编号", "13.1", "争取对象（省/市/部委）", "自治区人民政府")
    import_into(report, checklist, demo)
    assert demo.items["13.1"].asked_of == "自治区人民政府"


@pytest.mark.parametrize("lang", list(Lang))
@pytest.mark.parametrize("sheet", [REQUESTS])
def test_no_header_line_starts_with_closing_punctuation(lang: Lang, sheet: PolicySheet) -> None:
    """Headers break where a program breaks them (any character in Chinese, at spaces in
    English), at the column's width and at the wider fit LibreOffice prints: a line never
    begins with “）”, “，” and the like."""
    t = Texts(lang)
    for column in sheet.columns:
        header = column.header(t)
        for room in (column.width_in(lang), column.width_in(lang) * 1.25):
            lines = _greedy_lines(header, room, words=lang is Lang.EN)
            assert all(line[0] not in NO_LINE_START for line in lines), (header, room, lines)


def _greedy_lines(text: str, room: float, *, words: bool) -> list[str]:
    """Fill each line as far as ``room`` width units allow; break anywhere, or at spaces."""
    pieces = text.split(" ") if words else list(text)
    lines, line = [], ""
    for piece in pieces:
        joined = f"{line} {piece}" if words and line else line + piece
        if line and width(joined) > room:
            lines.append(line)
            joined = piece
        line = joined
    return [*lines, line]


def test_unchanged_workbook_changes_nothing(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    copy = demo.model_copy(deep=True)
    assert import_into(report, checklist, copy).changes == []
    assert dumps(copy) == dumps(demo)


def test_new_file_from_workbook_keeps_tasks_claims_and_schedule(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    made, _ = new_from_workbook(report, checklist)
    assert made.items == demo.items
    for made_task, task in zip(made.zone_tasks, demo.zone_tasks, strict=True):
        assert (made_task.id, made_task.measure, made_task.title) == (
            task.id,
            task.measure,
            task.title,
        )
        assert made_task.record.status is task.record.status
        assert made_task.record.schedule is task.record.schedule


def test_edits_come_back_and_compare_lists_them(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    before = demo.model_copy(deep=True)
    _set(report, "政策争取", "编号", "C1", "申请状态", "已获批")
    _append(
        report,
        "政策争取",
        {"条目编号": "16.2", "政策或文件": "上市融资奖励", "发文/受理单位": "自治区金融办"},
    )
    _set(report, "自定任务", "编号", "Z1", "达进度/欠进度", "欠进度")
    _append(
        report,
        "自定任务",
        {"所属举措": "（十二）", "任务名称": "企业服务专员制度", "落实状态": "未启动"},
    )
    _set(report, "上级事项", "条目编号", "13.1", "争取对象（省/市/部委）", "自治区人民政府")
    _set(report, "推进进度", "条目编号", "1.1", "达进度/欠进度", "达进度")
    result = import_into(report, checklist, demo)
    assert demo.items["1.4"].claims[0].status is ClaimStatus.APPROVED
    new_claim = demo.items["16.2"].claims[0]
    assert (new_claim.id, new_claim.policy, new_claim.status) == (
        "C4",
        "上市融资奖励",
        ClaimStatus.NOT_APPLIED,
    )
    assert demo.zone_tasks[0].record.schedule is Schedule.BEHIND
    added = demo.zone_tasks[1]
    assert (added.id, added.measure, added.record.status) == ("Z2", 12, Status.NOT_STARTED)
    assert demo.items["13.1"].asked_of == "自治区人民政府"
    assert demo.items["1.1"].schedule is Schedule.ON_TRACK
    assert {c.item for c in result.changes} >= {"1.4", "16.2", "Z1", "Z2", "13.1", "1.1"}
    diff = compare(checklist, before, demo, today=TODAY)
    assert [(c.claim_id, c.old, c.new) for c in diff.claims] == [
        ("C1", ClaimStatus.APPLYING, ClaimStatus.APPROVED),
        ("C4", None, ClaimStatus.NOT_APPLIED),
    ]
    assert [t.task_id for t in diff.zone_tasks] == ["Z1", "Z2"]


def test_bad_rows_are_reported_and_nothing_changes(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    _append(report, "政策争取", {"条目编号": "7.6", "政策或文件": "要求类不可争取"})
    _set(report, "政策争取", "编号", "C1", "申请状态", "批了")
    _append(report, "自定任务", {"所属举措": "（二十）", "任务名称": "无此举措"})
    copy = demo.model_copy(deep=True)
    with pytest.raises(WorkbookInvalid) as caught:
        import_into(report, checklist, copy)
    where = [(p.sheet, p.header) for p in caught.value.problems]
    assert ("政策争取", "条目编号") in where and ("政策争取", "申请状态") in where
    assert ("自定任务", "所属举措") in where
    assert dumps(copy) == dumps(demo)


@pytest.mark.parametrize(
    ("text", "number"),
    [("（九）", 9), ("(16)", 16), ("十二", 12), ("十", 10), ("3", 3), ("甲", None)],
)
def test_measure_numbers_read_as_written(text: str, number: int | None) -> None:
    assert measure_number(text) == number


def _overview(path: Path) -> dict[object, object]:
    ws = load_workbook(path)["总览"]
    return {r[0]: r[1] for r in ws.iter_rows(min_row=3, max_row=40, max_col=2, values_only=True)}


def test_overview_shows_both_rates_of_its_scope(
    tmp_path: Path, report: Path, checklist: Checklist, demo: Assessment
) -> None:
    summary = summarize(checklist, demo, TODAY)
    whole = _overview(report)
    assert whole["落实率"] == round(summary.implementation.value or 0, 1)
    assert whole["政策利用率"] == round(summary.policy_use.value or 0, 1)
    assert whole["自定任务"] == round(summary.own_tasks.value or 0, 1)
    assert str(whole["待争取事项"]).startswith(f"{len(summary.requests)} 项")
    part = export_report(checklist, demo, tmp_path / "part.xlsx", measures=[14], today=TODAY)
    scoped = _overview(part)
    requirement = [i for i in checklist.measure(14).items if i.kind.value == "requirement"]
    points = sum(summary.items[i.id].points for i in requirement)
    weight = sum(summary.items[i.id].weight for i in requirement)
    assert scoped["落实率"] == round(100 * points / weight, 1)
    assert scoped["欠进度"] == "1 项：14.1"
    assert [r["任务名称"] for r in _rows(part, "自定任务")] == []  # Z1 is under (九)


def test_english_policy_sheets_read_back_like_the_chinese_ones(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    """An English workbook's policy sheets and labels come back; an unchanged one changes
    nothing."""
    en = Texts(Lang.EN)
    path = export_report(checklist, demo, tmp_path / "en.xlsx", today=TODAY, lang=Lang.EN)
    assert import_into(path, checklist, demo.model_copy(deep=True)).changes == []

    def header(sheet: PolicySheet, key: str) -> str:
        return sheet.column(key).header(en)

    item_id = header(REQUESTS, "item_id")
    _set(path, CLAIMS.name(en), header(CLAIMS, "claim.id"), "C1",
         header(CLAIMS, "claim.status"), en.label(ClaimStatus.APPROVED))  # fmt: skip
    _set(path, REQUESTS.name(en), item_id, "13.1", header(REQUESTS, "asked_of"), "State Council")
    _set(path, PACE.name(en), item_id, "1.1",
         header(PACE, "schedule"), en.label(Schedule.ON_TRACK))  # fmt: skip
    _append(path, TASKS.name(en), {
        header(TASKS, "task.measure"): "(12)", header(TASKS, "task.title"): "Business liaison",
        header(TASKS, "status"): en.label(Status.NOT_STARTED),
    })  # fmt: skip
    import_into(path, checklist, demo)
    assert demo.items["1.4"].claims[0].status is ClaimStatus.APPROVED
    assert demo.items["13.1"].asked_of == "State Council"
    assert demo.items["1.1"].schedule is Schedule.ON_TRACK
    added = demo.zone_tasks[-1]
    assert (added.measure, added.title, added.record.status) == (
        12,
        "Business liaison",
        Status.NOT_STARTED,
    )


def test_policy_sheets_never_revert_what_the_office_changed_since_the_export(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    """Three ways, like the item rows: a cell shown as exported keeps the file's newer value."""
    office = demo.model_copy(deep=True)
    editor = Editor(office, who="办公室")
    editor.set_claim_field("C1", "status", ClaimStatus.APPROVED)
    editor.set_field("13.1", fields.ASKED_OF, "自治区人民政府")
    editor.set_task_field("Z1", fields.SCHEDULE, Schedule.BEHIND)
    _set(report, "政策争取", "编号", "C1", "金额或指标", "800万元")  # the workbook's own edit
    result = import_into(report, checklist, office)
    claim = office.items["1.4"].claims[0]
    assert (claim.status, claim.amount) == (ClaimStatus.APPROVED, "800万元")
    assert office.items["13.1"].asked_of == "自治区人民政府"
    assert office.zone_tasks[0].record.schedule is Schedule.BEHIND
    assert [c.new for c in result.changes] == ["800万元"]


def test_a_claim_changed_on_both_sides_is_a_conflict_until_a_side_is_chosen(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    office = demo.model_copy(deep=True)
    Editor(office, who="办公室").set_claim_field("C1", "status", ClaimStatus.APPROVED)
    _set(report, "政策争取", "编号", "C1", "申请状态", "未获批")
    copy = office.model_copy(deep=True)
    with pytest.raises(MergeRefused) as caught:
        import_into(report, checklist, copy)
    assert [(c.row, c.field) for c in caught.value.conflicts] == [("C1", "claim.status")]
    assert dumps(copy) == dumps(office)
    import_into(report, checklist, copy, prefer="workbook")
    assert copy.items["1.4"].claims[0].status is ClaimStatus.REJECTED
    import_into(report, checklist, office, prefer="file")
    assert office.items["1.4"].claims[0].status is ClaimStatus.APPROVED


def test_a_department_may_not_change_another_departments_claim(
    tmp_path: Path, checklist: Checklist, demo: Assessment
) -> None:
    books = planned_books(checklist, demo, tmp_path / "out")
    export_by_department(checklist, demo, books, today=TODAY)
    by_name = {name: path for name, path, _ in books}
    partner, science = by_name["经发局"], by_name["科创局"]
    _set(partner, "政策争取", "编号", "C3", "申请状态", "申请中")  # 13.1: only a partner there
    copy = demo.model_copy(deep=True)
    with pytest.raises(WorkbookInvalid) as caught:
        import_into(partner, checklist, copy)
    assert ["C3" in p.message.both() for p in caught.value.problems] == [True]
    assert "this department workbook may not change" in caught.value.problems[0].message.both()
    assert dumps(copy) == dumps(demo)
    _set(science, "政策争取", "编号", "C1", "申请状态", "已获批")  # 1.4: measure 1 is its own
    import_into(science, checklist, copy)
    assert copy.items["1.4"].claims[0].status is ClaimStatus.APPROVED


def test_the_import_report_names_a_claims_change_in_words(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    _set(report, "政策争取", "编号", "C1", "申请状态", "已获批")
    lines = import_into(report, checklist, demo).lines()
    assert "  1.4 政策争取 C1 申请状态：申请中 → 已获批" in lines


def _taken(report: Path, checklist: Checklist, demo: Assessment, into: bool) -> Assessment:
    """The workbook imported into the file (the three-way intake) or made a new file (-o)."""
    if into:
        import_into(report, checklist, demo)
        return demo
    return new_from_workbook(report, checklist)[0]


@pytest.mark.parametrize("into", [True, False], ids=["into", "new_file"])
def test_task_evidence_and_actions_come_back(
    report: Path, checklist: Checklist, demo: Assessment, into: bool
) -> None:
    """The 自定任务 sheet's 佐证材料 and 下一步举措 cells are read like 逐项对标's."""
    e2 = demo.evidence_by_id()["E2"]
    z1 = demo.zone_tasks[0]
    _set(report, "自定任务", "编号", "Z1", "佐证材料",
         f"E5\nE2 {e2.title}\n通关试点批复（示经开〔2026〕3号，2026-02-01）")  # fmt: skip
    _set(report, "自定任务", "编号", "Z1", "下一步举措",
         f"{z1.record.actions[0].text}\n② 申请海关总署备案")  # fmt: skip
    _append(report, "自定任务", {"所属举措": "（九）", "任务名称": "口岸联检", "佐证材料": "E2",
                                 "下一步举措": "制定联检方案"})  # fmt: skip
    made = _taken(report, checklist, demo, into)
    task, added = made.zone_tasks
    new = made.evidence[-1]
    assert (new.title, new.ref, new.date and new.date.isoformat()) == (
        "通关试点批复", "示经开〔2026〕3号", "2026-02-01",
    )  # fmt: skip
    assert task.record.evidence == ["E5", "E2", new.id]
    assert [a.text for a in task.record.actions] == [z1.record.actions[0].text, "申请海关总署备案"]
    assert all(a.id for a in task.record.actions)
    assert (added.record.evidence, [a.text for a in added.record.actions]) == (
        ["E2"], ["制定联检方案"],
    )  # fmt: skip
    assert any(c.item == "Z1" and c.field == "evidence" for c in made.history)


@pytest.mark.parametrize("into", [True, False], ids=["into", "new_file"])
def test_task_evidence_an_unknown_id_refuses_the_workbook(
    report: Path, checklist: Checklist, demo: Assessment, into: bool
) -> None:
    _set(report, "自定任务", "编号", "Z1", "佐证材料", "E99 没有登记")
    copy = demo.model_copy(deep=True)
    with pytest.raises(WorkbookInvalid) as caught:
        _taken(report, checklist, copy, into)
    assert dumps(copy) == dumps(demo)
    assert [(p.sheet, p.header) for p in caught.value.problems] == [("自定任务", "佐证材料")]
    assert "E99" in caught.value.problems[0].message.both()


def test_task_cells_left_empty_keep_what_is_recorded(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    _set(report, "自定任务", "编号", "Z1", "佐证材料", None)
    _set(report, "自定任务", "编号", "Z1", "下一步举措", None)
    before = demo.zone_tasks[0].record.model_copy(deep=True)
    import_into(report, checklist, demo)
    assert demo.zone_tasks[0].record == before


def test_a_tasks_evidence_cell_shown_as_exported_keeps_the_offices_newer_citations(
    report: Path, checklist: Checklist, demo: Assessment
) -> None:
    office = demo.model_copy(deep=True)
    Editor(office, who="办公室").set_task_field("Z1", fields.EVIDENCE, ["E5", "E2"])
    result = import_into(report, checklist, office)
    assert office.zone_tasks[0].record.evidence == ["E5", "E2"]
    assert result.changes == []
